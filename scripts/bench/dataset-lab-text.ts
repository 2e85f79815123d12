/**
 * The words of the lab's bench data (scripts/bench/dataset-lab.ts), in both
 * languages: the generator picks from these lists by id, so every group,
 * meeting, record and draft reads like the lab's work and the search index
 * gets a realistic vocabulary (some words in many documents, some in few).
 * Lists of the same name in English and Chinese say the same thing, item by
 * item. Part of the dataset's cache key (scripts/bench/database.ts).
 */

export const GROUP_TOPICS = {
	en: ['Charging interoperability', 'Heavy-duty fleets', 'Battery supply chains', 'Grid integration', 'Purchase incentives', 'Trade and tariffs', 'Hydrogen freight', 'Urban buses', 'Vehicle standards', 'Data and modelling'],
	zh: ['充电互操作', '重型车队', '电池供应链', '电网整合', '购车激励', '贸易与关税', '氢能货运', '城市公交', '车辆标准', '数据与建模'],
}

export const GROUP_SUMMARY = {
	en: 'Researchers and officials from California and China compare policies, share data and draft joint recommendations.',
	zh: '来自加州和中国的研究人员与官员比较政策、共享数据并起草联合建议。',
}

export const GROUP_CHARTER = {
	en: [
		'## Mandate',
		'',
		'The group compares the rules, incentives and results of zero-emission vehicle policy in California and China, and drafts recommendations both sides can use.',
		'',
		'## Deliverables',
		'',
		'- A yearly comparison of the policies in force',
		'- Policy drafts in English and Chinese, reviewed by officials of both sides',
		'- Signed minutes of every meeting',
		'',
		'## Ways of working',
		'',
		'The group meets every two weeks, alternating between morning in Davis and morning in Beijing.',
	].join('\n'),
	zh: [
		'## 职责',
		'',
		'本工作组比较加州与中国零排放汽车政策的规定、激励措施和成效，并起草双方均可采用的建议。',
		'',
		'## 成果',
		'',
		'- 每年一份现行政策对比',
		'- 中英文政策草案，经双方官员审阅',
		'- 每次会议经签署的会议纪要',
		'',
		'## 工作方式',
		'',
		'工作组每两周开会一次，轮流安排在戴维斯上午和北京上午。',
	].join('\n'),
}

export const AFFILIATIONS = [
	'UC Davis Institute of Transportation Studies',
	'Tsinghua University',
	'China Automotive Technology and Research Center',
	'California Air Resources Board',
	'Energy Foundation China',
	'Lawrence Berkeley National Laboratory',
	'International Council on Clean Transportation',
	'Beijing Institute of Technology',
]

export const MEETING_TITLES = {
	en: ['Monthly coordination', 'Charging standards review', 'Tariff data working session', 'Fleet rules roundtable', 'Battery recycling briefing', 'Grid integration workshop', 'Joint research planning', 'Policy draft review session'],
	zh: ['月度协调会', '充电标准评审会', '关税数据工作会', '车队规则圆桌会', '电池回收情况通报会', '电网整合研讨会', '联合研究规划会', '政策草案审议会'],
}

export const MEETING_PLACES = [
	'UC Davis, West Village, room 1605',
	'Tsinghua University, Energy Hall 201',
	'CARB headquarters, Sacramento',
	'CATARC, Tianjin, meeting room 3',
	'Online',
	'Energy Foundation China, Beijing office',
]

export const AGENDA_ITEMS = {
	en: ['Welcome and approval of the agenda', 'Minutes of the last meeting', 'Charging standards: progress report', 'Purchase incentives after 2025', 'Heavy-duty truck rules', 'Battery recycling data', 'Grid integration pilots', 'Review of the policy draft', 'Joint publications', 'Any other business'],
	zh: ['欢迎并通过议程', '上次会议纪要', '充电标准：进展报告', '2025 年后的购车激励', '重型卡车规定', '电池回收数据', '电网整合试点', '审议政策草案', '联合出版物', '其他事项'],
}

/** A paragraph of the minutes' discussion, by meeting. */
export const MINUTES_DISCUSSION = {
	en: [
		'The group compared the charging standards in force and agreed that the connector rules differ less than the payment and data rules.',
		'Members presented the latest sales figures: zero-emission trucks now make up a growing share of new registrations in both markets.',
		'The officials explained how the purchase incentives will be phased out and asked the researchers for an estimate of the effect on sales.',
		'The discussion turned to battery recycling: collection rates are known in China, while California relies on estimates.',
		'The grid integration pilots were reviewed; vehicle-to-grid trials in both places report similar savings for fleet operators.',
		'The group went through the policy draft section by section and noted where the Chinese and English texts need to be aligned.',
	],
	zh: [
		'工作组比较了现行充电标准，认为接口规定的差异小于支付和数据规定的差异。',
		'成员介绍了最新销量数据：两个市场中零排放卡车在新注册车辆中的比例都在上升。',
		'官员说明了购车补贴的退坡安排，并请研究人员估算其对销量的影响。',
		'讨论转向电池回收：中国已掌握回收率数据，而加州仍依赖估算。',
		'工作组回顾了电网整合试点；两地的车网互动试验均显示车队运营商节省了相近的费用。',
		'工作组逐节审阅了政策草案，并指出了中英文文本需要对齐之处。',
	],
}

/** What each later version of the minutes corrected. */
export const MINUTES_CORRECTIONS = {
	en: ['The list of apologies was completed.', 'A figure in the discussion was corrected.', 'The wording of a decision was clarified.', 'The owner of an action item was corrected.'],
	zh: ['补全了请假人员名单。', '更正了讨论中的一个数字。', '澄清了一项决定的措辞。', '更正了一项行动事项的负责人。'],
}

export const DECISIONS = {
	en: [
		'The group adopts the comparison of charging standards as its working document.',
		'The next policy draft will cover heavy-duty trucks only.',
		'Data on battery recycling will be exchanged every quarter.',
		'The joint report will be published in English and Chinese on the same day.',
		'A subgroup on grid integration is set up, led by the two co-chairs.',
		'The group asks both administrations for their 2030 targets in writing.',
		'The survey of fleet operators goes ahead as proposed.',
		'The terms of reference are approved without changes.',
	],
	zh: [
		'工作组采用充电标准对比作为工作文件。',
		'下一份政策草案仅涉及重型卡车。',
		'电池回收数据将每季度交换一次。',
		'联合报告将于同一天以中英文发布。',
		'成立电网整合小组，由两位联合主席牵头。',
		'工作组请两地主管部门书面提供 2030 年目标。',
		'车队运营商调查按提议进行。',
		'职责范围未经修改获得通过。',
	],
}

export const ACTION_ITEMS = {
	en: ['Circulate the comparison table', 'Send the sales figures for the last quarter', 'Draft the section on incentives', 'Ask the ministry for the recycling data', 'Prepare the agenda of the next meeting', 'Check the Chinese translation of the draft'],
	zh: ['分发对比表', '发送上一季度的销量数据', '起草激励措施一节', '向主管部门索取回收数据', '准备下次会议议程', '核对草案的中文译文'],
}

export const REVIEW_COMMENTS = [
	'Please add the figures presented under this item.',
	'The decision on this item should name who follows up.',
	'请补充本议题下介绍的数据。',
]

export const DRAFT_TITLES = {
	en: ['Framework for charging interoperability', 'Guidelines on zero-emission heavy-duty trucks', 'Recommendations on battery recycling', 'Principles for vehicle-grid integration', 'Proposal on mutual recognition of test results', 'Roadmap for hydrogen fuel-cell freight', 'Joint statement on purchase incentives', 'Framework for zero-emission urban buses', 'Note on critical minerals supply', 'Recommendations on tariff coordination'],
	zh: ['充电互操作框架', '零排放重型卡车指南', '电池回收建议', '车网互动原则', '检测结果互认提案', '氢燃料电池货运路线图', '购车激励联合声明', '零排放城市公交框架', '关键矿产供应说明', '关税协调建议'],
}

/** A draft's section headings, in order (a draft has at most this many sections). */
export const SECTION_HEADINGS = {
	en: ['Purpose and scope', 'Definitions', 'Charging infrastructure', 'Vehicle standards', 'Incentives and their phase-out', 'Implementation and review'],
	zh: ['目的和范围', '定义', '充电基础设施', '车辆标准', '激励措施及其退坡', '实施与评估'],
}

export const SECTION_PARAGRAPHS = {
	en: [
		'This recommendation applies to light-duty and heavy-duty zero-emission vehicles sold in California and in the participating Chinese provinces, and to the public charging and refuelling infrastructure that serves them.',
		'A zero-emission vehicle is a vehicle that emits no exhaust pollutants from the onboard source of power under any operating mode. Plug-in hybrids are covered only where a section says so.',
		'Public chargers installed after the date of adoption should accept payment without a membership, report their availability through an open interface and meet the uptime requirement of 97 percent.',
		'Both sides should recognise the results of safety and range tests carried out by accredited laboratories of the other side, so that a vehicle is tested once for both markets.',
		'Purchase incentives should decline in announced steps tied to the share of zero-emission vehicles in new sales, so that buyers and manufacturers can plan ahead.',
		'The working group reviews the implementation every year, using the indicators in the annex, and proposes changes to this text when the indicators show that a measure does not work.',
		'Fleet operators of buses and trucks should be able to combine incentives for vehicles and depot charging, and the two administrations should publish comparable data on fleet conversions.',
		'Battery producers should report the share of recycled content in new batteries, and collection targets should apply from the year the first large cohort of vehicles leaves service.',
	],
	zh: [
		'本建议适用于在加州和参与的中国省份销售的轻型和重型零排放汽车，以及为其服务的公共充电和加注基础设施。',
		'零排放汽车是指在任何运行模式下车载动力源均不排放尾气污染物的车辆。插电式混合动力汽车仅在有关条款明确规定时适用。',
		'通过之日后安装的公共充电桩应支持无需会员的支付方式，通过开放接口报告可用状态，并满足 97% 的正常运行率要求。',
		'双方应相互承认对方认可实验室开展的安全和续航测试结果，使一辆车只需测试一次即可进入两个市场。',
		'购车补贴应按照与新车销售中零排放汽车比例挂钩的既定步骤退坡，使购车者和制造商能够提前规划。',
		'工作组每年依据附件中的指标评估实施情况，并在指标显示某项措施无效时提出修改本文本的建议。',
		'公交和卡车车队运营商应能够同时享受车辆和场站充电的激励措施，两地主管部门应发布可比的车队转换数据。',
		'电池生产商应报告新电池中再生材料的比例，回收目标应自第一批大规模车辆退役之年起适用。',
	],
}

/** What a save of a section changed (its revision number is said with it). */
export const SECTION_CHANGES = {
	en: ['the deadline moves from 2030 to 2028 for urban bus fleets.', 'the uptime requirement now applies to fast chargers only.', 'the definition of heavy-duty now follows the weight classes of both sides.', 'the annual review now includes data on charging prices.', 'the phase-out steps are tied to sales shares, not to calendar years.', 'a reference to the 2025 survey of fleet operators was added.'],
	zh: ['城市公交车队的期限由 2030 年提前至 2028 年。', '正常运行率要求现仅适用于快充桩。', '重型车辆的定义现采用双方的重量等级。', '年度评估现包括充电价格数据。', '退坡步骤与销售比例挂钩，而非按日历年。', '增加了对 2025 年车队运营商调查的引用。'],
}

export const SAVE_MESSAGES = [
	'Tighten the wording after the group call',
	'Add the figures from the 2025 survey',
	'Align the Chinese with the English',
	'Respond to the reviewers',
	'Split the definitions into two paragraphs',
	'Update the timeline',
	'Fix the references',
	'Shorten the section',
]

export const DRAFT_COMMENTS = {
	threads: ['Is this consistent with the annex?', 'Can we cite the source of this figure?', '这一段的中文与英文不完全一致。', 'Should this apply to plug-in hybrids too?'],
	replies: ['Good point, I will fix it in the next revision.', '已在下一稿中修改。', 'Agreed; see the new wording.'],
	review: 'The section on incentives needs the figures from the survey before we can approve it.',
}
