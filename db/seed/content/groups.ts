/** The four working groups: the paper's Table 2 coordination paths (see ../../../shared/seeds/004_*). */
import type { SeedGroupMember, SeedMembership, SeedWorkingGroup } from '../types.ts'

export const workingGroups: SeedWorkingGroup[] = [
	{
		slug: 'tariff-coordination',
		sortOrder: 1,
		text: {
			en: {
				name: 'Tariff Coordination',
				summary:
					'Works toward lower tariffs on electric vehicles and their core components through a proposed China-US EV Tariff Coordination Mechanism.',
				description:
					'The group develops the proposed China-US EV Tariff Coordination Mechanism, under which the two countries would negotiate lower tariffs on electric vehicles and their core components, with power batteries, chips and electronic control systems as priorities. It also explores a "zero tariff zone" to encourage cross-border trade and closer integration of the EV industrial chain. The expected effects are lower costs for companies, wider market circulation and a more stable global supply chain.',
			},
			zh: {
				name: '关税协调',
				summary: '通过拟议中的“中美电动汽车关税协调机制”，推动降低电动汽车及其核心零部件的关税。',
				description:
					'工作组推进拟议中的“中美电动汽车关税协调机制”，由两国通过谈判降低电动汽车及其核心零部件的关税，重点是动力电池、芯片和电控系统。工作组还研究设立“零关税区”，以鼓励跨境贸易，促进电动汽车产业链进一步融合。预期效果是降低企业成本、扩大市场流通，并增强全球供应链的稳定性。',
			},
		},
	},
	{
		slug: 'technical-cooperation',
		sortOrder: 2,
		text: {
			en: {
				name: 'Technical Cooperation',
				summary:
					'Joint research and shared data to speed up EV technology, together with common standards for charging interfaces and batteries.',
				description:
					'The group works on the concept of a China-US joint R&D center focused on battery performance, charging efficiency and vehicle networking, and of an EV big-data sharing platform for data and algorithms. It also promotes common charging-interface and battery standards to lower the cost of adapting technology between the two markets. The expected effects are faster technological progress and greater technical standardization.',
			},
			zh: {
				name: '技术合作',
				summary: '通过联合研发和数据共享加快电动汽车技术进步，并推动充电接口和电池标准的统一。',
				description:
					'工作组研究设立中美联合研发中心的构想，聚焦电池性能优化、充电效率提升和车联网技术，并探讨建立电动汽车大数据共享平台，实现数据与算法共享。工作组还推动统一充电接口和电池标准，降低两国市场之间的技术适配成本。预期效果是加快技术进步，推动技术标准化。',
			},
		},
	},
	{
		slug: 'market-access',
		sortOrder: 3,
		text: {
			en: {
				name: 'Market Access & Mutual Recognition',
				summary:
					"Simpler certification and aligned testing standards, through a Mutual Recognition Agreement, so EVs can enter each other's markets.",
				description:
					'The group drafts elements of a Mutual Recognition Agreement on EV Market Access, aimed at linking the certification of EV products and simplifying the certification and testing required before market entry. Its work covers power battery certification and testing, charging interface standards, battery swapping standards, vehicle safety testing and vehicle operating system compatibility. The expected effects are lower operating costs for companies, a shorter time to market and more choice for consumers.',
			},
			zh: {
				name: '市场准入与互认',
				summary:
					'通过《电动汽车市场准入互认协议》简化认证流程、协调检测标准，便利电动汽车进入对方市场。',
				description:
					'工作组起草《电动汽车市场准入互认协议》的要点，旨在实现电动汽车产品的认证对接，简化产品进入市场前的认证和检测流程。工作内容涵盖动力电池认证与检测、充电接口标准、换电技术标准、整车安全检测以及车辆操作系统兼容性。预期效果是降低企业运营成本、缩短产品上市时间，并为消费者提供更多选择。',
			},
		},
	},
	{
		slug: 'multilateral-dialogue',
		sortOrder: 4,
		text: {
			en: {
				name: 'Multilateral Dialogue',
				summary:
					'Supports a China-US EV Policy Dialogue Group on the G20 and APEC platforms for regular policy coordination and communication.',
				description:
					'The group prepares the ground for a China-US EV Policy Dialogue Group on multilateral platforms such as the G20 and APEC, where the two sides would coordinate regularly on market access, technical cooperation and tariff policy. It also looks at how the two countries can contribute to a global policy framework and common standards for the EV industry. The expected effect is closer policy coordination and communication between China and the United States.',
			},
			zh: {
				name: '多边对话',
				summary:
					'推动在二十国集团（G20）和亚太经合组织（APEC）平台上建立中美电动汽车政策对话小组，定期开展政策协调与沟通。',
				description:
					'工作组为在二十国集团（G20）和亚太经合组织（APEC）等多边平台上建立“中美电动汽车政策对话小组”做准备，使双方能够就市场准入、技术合作和关税政策定期开展协调。工作组还研究两国如何为电动汽车产业的全球政策框架和共同标准作出贡献。预期效果是促进中美双方的政策协调与沟通。',
			},
		},
	},
]

/**
 * The private group: where the working groups' leads coordinate before
 * anything is public. Only its members (and admins) see it, its meetings
 * and its files.
 */
workingGroups.push({
	slug: 'steering-committee',
	sortOrder: 5,
	visibility: 'private',
	text: {
		en: {
			name: 'Steering Committee',
			summary: "Coordinates the working groups' work plans and prepares the lab's positions before they are made public.",
			description:
				"The Steering Committee brings the leads of the four working groups together with the lab's partners. It agrees the lab's annual work plan, checks that the working groups' proposals fit together (tariff coordination, technical cooperation, market access and multilateral dialogue), and prepares positions for dialogues with officials before they are published.\n\n## How it works\n\n- It meets about once a month, alternating between morning in Beijing and late afternoon in Davis.\n- Its papers are confidential until the committee agrees to publish them.\n- Observers from government may attend and read, but do not write the committee's papers.",
		},
		zh: {
			name: '指导委员会',
			summary: '协调各工作组的工作计划，并在实验室立场公开之前做好准备。',
			description:
				'指导委员会由四个工作组的组长和实验室的合作伙伴组成。委员会审定实验室的年度工作计划，确保各工作组的提案（关税协调、技术合作、市场准入和多边对话）相互衔接，并在与政府官员对话之前准备好实验室的立场，再决定是否公开。\n\n## 工作方式\n\n- 大约每月开会一次，时间在北京上午和戴维斯傍晚之间轮换。\n- 委员会的文件在委员会同意公开之前保密。\n- 政府观察员可以列席会议、阅读文件，但不参与撰写委员会文件。',
		},
	},
})

/** Invented people for the demo (no real person): researchers and officials in Davis and Beijing. Demo mode only. */
export const demoGroupMembers: SeedGroupMember[] = [
	{
		email: 'maya.thornton@zevlab.example',
		name: 'Maya Thornton',
		role: 'researcher',
		lang: 'en',
		timeZone: 'America/Los_Angeles',
		affiliation: 'Institute of Transportation Studies, UC Davis',
	},
	{
		email: 'daniel.okafor@zevlab.example',
		name: 'Daniel Okafor',
		role: 'researcher',
		lang: 'en',
		timeZone: 'America/Los_Angeles',
		affiliation: 'Policy Institute for Energy, Environment and the Economy, UC Davis',
	},
	{
		email: 'lin.xiaowen@zevlab.example',
		name: '林晓雯',
		role: 'researcher',
		lang: 'zh',
		timeZone: 'Asia/Shanghai',
		affiliation: '北京新能源汽车政策研究中心（演示）',
	},
	{
		email: 'zhou.jianping@zevlab.example',
		name: '周建平',
		role: 'official',
		lang: 'zh',
		timeZone: 'Asia/Shanghai',
		affiliation: '市场准入联络办公室（演示）',
	},
]

/**
 * Who is in which group. The demo researcher leads Technical Cooperation;
 * the demo official observes the private Steering Committee.
 */
export const demoMemberships: SeedMembership[] = [
	{ groupSlug: 'tariff-coordination', email: 'maya.thornton@zevlab.example', role: 'lead' },
	{ groupSlug: 'tariff-coordination', email: 'researcher@zevlab.example', role: 'member' },
	{ groupSlug: 'tariff-coordination', email: 'lin.xiaowen@zevlab.example', role: 'member' },
	{ groupSlug: 'technical-cooperation', email: 'researcher@zevlab.example', role: 'lead' },
	{ groupSlug: 'technical-cooperation', email: 'daniel.okafor@zevlab.example', role: 'member' },
	{ groupSlug: 'market-access', email: 'lin.xiaowen@zevlab.example', role: 'lead' },
	{ groupSlug: 'market-access', email: 'daniel.okafor@zevlab.example', role: 'member' },
	{ groupSlug: 'market-access', email: 'zhou.jianping@zevlab.example', role: 'observer' },
	{ groupSlug: 'multilateral-dialogue', email: 'daniel.okafor@zevlab.example', role: 'lead' },
	{ groupSlug: 'multilateral-dialogue', email: 'maya.thornton@zevlab.example', role: 'member' },
	{ groupSlug: 'steering-committee', email: 'maya.thornton@zevlab.example', role: 'lead' },
	{ groupSlug: 'steering-committee', email: 'lin.xiaowen@zevlab.example', role: 'member' },
	{ groupSlug: 'steering-committee', email: 'official@zevlab.example', role: 'observer' },
]
