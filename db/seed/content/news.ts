/**
 * The demo news: the seed article (English original, faithful Chinese
 * translation) and 13 posts written for the demo about plausible lab
 * activities. They also demo the editorial workflow: English-only and
 * Chinese-only posts, Chinese originals with an English translation, one
 * outdated translation (`revisedOriginal`), one draft and one scheduled post.
 */
import type { SeedNewsPost } from '../types.ts'

/** The Multilateral Dialogue meeting report as first published, and the update note added in November. */
const MULTILATERAL_DIALOGUE_PARAGRAPHS = [
	'The Multilateral Dialogue working group of the China-US ZEV Policy Lab held an online working meeting to discuss how a China-US EV Policy Dialogue Group could be set up on multilateral platforms such as the G20 and APEC. The idea comes from research on Sino-US electric-vehicle policy coordination, which recommends regular coordination between the two sides on market access, technical cooperation and tariff policy.',
	'Members compared several possible formats: a dialogue attached to existing G20 or APEC meetings, a standing expert group that meets regularly between those meetings, and exchanges among researchers that could support either format.',
	'## Background papers',
	'The group agreed to prepare short background papers on the following topics:',
	[
		'- how existing multilateral forums have handled cooperation on vehicle standards and clean transport;',
		"- the topics on which the lab's other three working groups would most benefit from a regular dialogue channel;",
		'- ways in which China and the United States could contribute to a global policy framework and common standards for the EV industry.',
	].join('\n'),
	'The papers are intended as research input. The working group does not speak for any government, and the meeting did not adopt positions on behalf of its members.',
]
const MULTILATERAL_DIALOGUE_UPDATE =
	"*Update, 16 November 2026: The working group has added a fourth background paper, on how the results of the lab's public consultations could be shared with multilateral forums. First drafts of all four papers are planned for early 2027.*"

export const newsPosts: SeedNewsPost[] = [
	{
		key: 'california-china-zev-partnership',
		publishedAt: '2026-09-15T09:00:00-07:00',
		groupSlug: null,
		tags: ['batteries', 'heavy-duty-trucks'],
		original: 'en',
		text: {
			en: {
				slug: 'california-china-zev-partnership',
				title: 'How California and China plan to push for millions of zero-emission vehicles',
				summary:
					"California is partnering with China, the world's largest car market, under the China-US ZEV Policy Lab at UC Davis to accelerate the deployment of zero-emission cars, trucks and buses.",
				bodyMarkdown: [
					"California has long been the nation's leader in zero-emission vehicles, with initiatives dating back more than two decades. Now the Golden State is partnering with China, the world's largest car market, to accelerate that country's zero-emission goals.",
					'The state announced a new initiative with China, in which the two will work together to accelerate the deployment of zero-emission cars, trucks and buses. The partnership will work under the China-US ZEV Policy Lab at the University of California, Davis. The lab was founded in 2014 to expand cooperation between California and China. Now it has much bigger tasks ahead.',
					'California wants to have 1.5 million zero-emission vehicles (ZEVs) on its roads by 2025, and 4 to 5 million by 2030. To accomplish this goal, the state will work with Chinese automakers to guide the development of new models and provide support for new makers to enter the U.S. market.',
					"China, in turn, is expected to adopt a ZEV-credit policy modeled after California's. The country's future roadmap of new-car sales projects 7 million ZEVs by 2025. Through the partnership, Chinese companies could also expand their domestic battery production into California if and when that market shows natural demand for battery-powered vehicles.",
					"While there are benefits for both sides, the overarching goal is to reduce greenhouse-gas emissions and provide cleaner air in both places. In California, the state's transportation sector produces 40 percent of all greenhouse-gas emissions.",
					"Roughly 20 battery-electric and hydrogen fuel-cell vehicles are now available in the state, and companies also envision a cleaner transportation future in California for other sectors as well. Toyota's Project Portal semi truck features a hydrogen fuel-cell propulsion unit, ditching the diesel that has been the sole powertrain for heavy-duty trucks for half a century.",
					'The Project Portal truck could point toward a major piece of the Clean Air Action Plan of the ports of Los Angeles and Long Beach, California, which looks to reduce harmful pollutants over the next 12 years. In the announcement, Toyota and local officials expressed the hope that Project Portal could change the freight and transportation sector for the better.',
					'The climate for zero-emission vehicles is lukewarm at best across the nation, but California is more focused than ever on producing real change.',
					"*Editor's note: This article describes the partnership as it was announced. The 2025 targets and other time frames reflect the plans at that time.*",
				].join('\n\n'),
				seoDescription:
					'California and China team up through the China-US ZEV Policy Lab at UC Davis to speed the rollout of zero-emission cars, trucks and buses.',
			},
			zh: {
				slug: 'california-china-zev-partnership',
				title: '加州与中国计划如何推动数百万辆零排放汽车上路',
				summary:
					'加州与全球最大的汽车市场中国携手，依托加州大学戴维斯分校的中美零排放汽车政策实验室，加快零排放轿车、卡车和公交车的推广应用。',
				bodyMarkdown: [
					'长期以来，加州一直是美国零排放汽车领域的领跑者，相关举措可以追溯到二十多年前。如今，这个“黄金州”正与全球最大的汽车市场中国携手，助力中国加快实现零排放目标。',
					'加州宣布与中国开展一项新合作，双方将共同加快零排放轿车、卡车和公交车的推广应用。这一合作将依托加州大学戴维斯分校的中美零排放汽车政策实验室开展。该实验室成立于2014年，旨在扩大加州与中国之间的合作。如今，它将肩负更加重大的任务。',
					'加州的目标是到2025年实现150万辆零排放汽车上路行驶，到2030年达到400万至500万辆。为实现这一目标，加州将与中国汽车制造商合作，引导新车型的开发，并为新的汽车制造商进入美国市场提供支持。',
					'中国方面，预计将借鉴加州的做法，出台零排放汽车积分政策。根据中国未来的新车销售路线图，到2025年零排放汽车销量预计将达到700万辆。通过这一合作，如果加州市场对电池驱动汽车形成自然需求，中国企业还可能将其国内的电池生产扩展到加州。',
					'合作对双方都有裨益，但首要目标是减少温室气体排放，让两地的空气更加清洁。在加州，交通运输部门的温室气体排放占全州总排放量的40%。',
					'目前，加州市场上约有20款纯电动和氢燃料电池汽车可供选择，企业也在为加州其他领域描绘更加清洁的交通未来。丰田的Project Portal重型半挂卡车采用氢燃料电池动力系统，摒弃了半个世纪以来一直是重型卡车唯一动力来源的柴油。',
					'Project Portal卡车有望成为加州洛杉矶港和长滩港《清洁空气行动计划》的重要一环。该计划旨在未来12年内减少有害污染物排放。丰田和当地官员在发布时表示，希望Project Portal能够为货运和交通运输业带来积极改变。',
					'从全美范围看，零排放汽车的发展环境充其量只能算不温不火，但加州比以往任何时候都更加专注于推动切实的变革。',
					'*编者按：本文介绍的是该合作宣布之时的情况，文中2025年的目标及其他时间表反映的是当时的规划。*',
				].join('\n\n'),
				seoDescription:
					'加州与中国依托加州大学戴维斯分校中美零排放汽车政策实验室开展合作，加快零排放轿车、卡车和公交车的推广。',
			},
		},
	},
	{
		key: 'tariff-mechanism-workshop',
		publishedAt: '2026-10-08T10:00:00-07:00',
		groupSlug: 'tariff-coordination',
		tags: ['tariffs', 'batteries', 'events'],
		original: 'en',
		text: {
			en: {
				slug: 'tariff-mechanism-workshop',
				title: 'Tariff Coordination group holds first workshop on a draft EV tariff mechanism',
				summary:
					'The Tariff Coordination working group met for its first workshop on a draft outline for a China-US EV Tariff Coordination Mechanism, with batteries, chips and electronic control systems as priority components.',
				bodyMarkdown: [
					'The Tariff Coordination working group of the China-US ZEV Policy Lab has held its first workshop, devoted to a draft outline for a China-US EV Tariff Coordination Mechanism. The outline builds on a proposal in research on Sino-US electric-vehicle policy coordination under the goal of carbon neutrality, which argues that tariffs on electric vehicles and their parts raise vehicle costs, hold back circulation between the two markets and weaken the stability of the global supply chain.',
					'Participants focused on the three groups of core components that the draft treats as priorities:',
					'- power batteries;\n- chips;\n- electronic control systems.',
					'For each group, the discussion covered how tariff reductions could be negotiated step by step, how a possible "zero tariff zone" for electric vehicles and parts could be defined, and which safeguards would help keep supply chains stable on both sides.',
					"The workshop also considered how the mechanism could connect with the work of the lab's Multilateral Dialogue working group, since the proposal envisages policy dialogue on multilateral platforms such as the G20 and APEC.",
					'The outline is a discussion draft prepared for research purposes. It does not represent the position of any government or company. The working group will revise it in light of the workshop discussion and publish an updated version on this portal for comment.',
				].join('\n\n'),
				seoDescription:
					"First workshop of the lab's Tariff Coordination group on a draft China-US EV Tariff Coordination Mechanism: batteries, chips and electronic controls.",
			},
			zh: {
				slug: 'tariff-mechanism-workshop',
				title: '关税协调工作组就中美电动汽车关税协调机制草案大纲举行首次研讨会',
				summary:
					'关税协调工作组举行首次研讨会，讨论“中美电动汽车关税协调机制”草案大纲，动力电池、芯片和电控系统被列为优先零部件。',
				bodyMarkdown: [
					'中美零排放汽车政策实验室关税协调工作组举行首次研讨会，专题讨论“中美电动汽车关税协调机制”草案大纲。该大纲以碳中和目标下中美电动汽车政策协调研究中的一项建议为基础。该研究认为，电动汽车及其零部件的关税推高了整车成本，抑制了两国市场之间的流通，并影响全球供应链的稳定。',
					'与会者重点讨论了草案列为优先事项的三类核心零部件：',
					'- 动力电池；\n- 芯片；\n- 电控系统。',
					'针对每一类零部件，讨论涉及如何分步骤协商降低关税、如何界定电动汽车及零部件“零关税区”，以及哪些保障措施有助于维护双方供应链的稳定。',
					'研讨会还探讨了该机制如何与实验室多边对话工作组的工作相衔接，因为相关建议设想在二十国集团（G20）和亚太经合组织（APEC）等多边平台上开展政策对话。',
					'该大纲是出于研究目的编写的讨论稿，不代表任何政府或企业的立场。工作组将根据研讨会的讨论意见进行修改，并在本网站发布更新版本，征求意见。',
				].join('\n\n'),
				seoDescription:
					'关税协调工作组举行首次研讨会，讨论中美电动汽车关税协调机制草案大纲，重点关注动力电池、芯片和电控系统。',
			},
		},
	},
	{
		key: 'mutual-recognition-consultation',
		publishedAt: '2026-10-29T16:30:00-07:00',
		groupSlug: 'market-access',
		tags: ['mutual-recognition', 'public-consultation', 'charging-standards'],
		original: 'en',
		text: {
			en: {
				slug: 'mutual-recognition-consultation',
				title:
					'Market Access group opens consultation on a draft EV mutual recognition agreement',
				summary:
					'The Market Access & Mutual Recognition working group invites comments on a draft Mutual Recognition Agreement on EV Market Access covering battery certification, charging interfaces and vehicle safety testing.',
				bodyMarkdown: [
					"The Market Access & Mutual Recognition working group of the China-US ZEV Policy Lab has opened a consultation on a draft Mutual Recognition Agreement on EV Market Access. The draft responds to a gap identified in research on Sino-US electric-vehicle policy coordination: China and the United States apply markedly different market access requirements to electric vehicles, which adds certification and testing steps and raises the cost of entering each other's markets.",
					'The draft sets out how the certification of EV products could be linked between the two countries in three areas:',
					[
						'1. **Power battery certification**: how test results and certificates issued under one system could be recognized under the other.',
						'2. **Charging interface standards**: options for aligning charging interfaces so that vehicles remain compatible with the charging networks of both markets.',
						'3. **Vehicle safety testing**: which safety tests could be mutually accepted, and where differences in standards would still call for separate testing.',
					].join('\n'),
					"The working group would particularly welcome views on which elements could be recognized in the near term and which would first require common standards. Comments from researchers, automakers, battery makers, testing and certification bodies and public agencies are all welcome, and can be sent through the portal's contact page.",
					'The draft is a research document prepared for discussion. It is not a negotiated text and does not represent the position of any government. A summary of the comments received will be published together with a revised draft.',
				].join('\n\n'),
				seoDescription:
					'Consultation on a draft Mutual Recognition Agreement on EV Market Access: battery certification, charging interfaces and vehicle safety testing.',
			},
			zh: {
				slug: 'mutual-recognition-consultation',
				title: '市场准入与互认工作组就电动汽车市场准入互认协议草案公开征求意见',
				summary:
					'市场准入与互认工作组就《电动汽车市场准入互认协议》草案公开征求意见，内容涵盖电池认证、充电接口和整车安全检测。',
				bodyMarkdown: [
					'中美零排放汽车政策实验室市场准入与互认工作组就《电动汽车市场准入互认协议》草案公开征求意见。该草案针对中美电动汽车政策协调研究中指出的一个问题：中美两国对电动汽车的市场准入要求差异较大，增加了认证和检测环节，也抬高了企业进入对方市场的成本。',
					'草案提出了在以下三个领域实现两国电动汽车产品认证对接的思路：',
					[
						'1. **动力电池认证**：一方体系出具的检测结果和证书如何在另一方体系下获得认可。',
						'2. **充电接口标准**：统一充电接口的可选方案，确保车辆能够兼容两国市场的充电网络。',
						'3. **整车安全检测**：哪些安全检测项目可以相互接受，以及在标准存在差异时哪些项目仍需单独检测。',
					].join('\n'),
					'工作组尤其希望听取各方对以下问题的意见：哪些内容可在近期实现互认，哪些需要先建立共同标准。欢迎研究人员、汽车制造商、电池企业、检测认证机构及政府部门提出意见，意见可通过本网站的联系页面提交。',
					'该草案是供讨论使用的研究文件，并非谈判文本，也不代表任何政府的立场。工作组将在发布修订稿时一并公布意见汇总。',
				].join('\n\n'),
				seoDescription:
					'《电动汽车市场准入互认协议》草案公开征求意见，涵盖动力电池认证、充电接口标准和整车安全检测。',
			},
		},
	},
	{
		key: 'joint-rd-centre-concept-note',
		publishedAt: '2026-11-12T08:00:00-08:00',
		groupSlug: 'technical-cooperation',
		tags: ['research', 'data-sharing'],
		original: 'en',
		text: {
			en: {
				slug: 'joint-rd-centre-concept-note',
				title: 'Concept note: a China-US joint EV R&D center and big-data sharing platform',
				summary:
					'The lab publishes a concept note on a China-US joint research and development center for electric vehicles and an EV big-data sharing platform.',
				bodyMarkdown: [
					'The China-US ZEV Policy Lab has published a concept note on two instruments proposed in research on Sino-US electric-vehicle policy coordination: a joint research and development center and an EV big-data sharing platform. The note was prepared by the Technical Cooperation working group as a starting point for discussion.',
					'The note starts from the complementary strengths of the two countries. China has competitive advantages in power batteries, battery swapping and intelligent connectivity, while the United States stands out in autonomous driving and electric-vehicle software and control.',
					'## A joint R&D center',
					'The proposed center would concentrate on shared technical problems, with three initial research themes:',
					'- optimizing battery performance;\n- improving charging efficiency;\n- vehicle networking technology.',
					'## A big-data sharing platform',
					'The platform would let partners share data and algorithms, including autonomous-driving data, to shorten research and development time. The note sets out the main open questions: data sovereignty, the protection of key technologies, and rules on who may access which data and for what purpose.',
					'## Short-term and long-term work',
					"The note distinguishes technical cooperation, which addresses today's bottlenecks in bringing electric vehicles to market, such as differing charging interfaces and battery standards, from R&D cooperation, which aims at longer-term breakthroughs in high-efficiency batteries and intelligent vehicle systems.",
					"The concept note is a research document for discussion and does not commit any government, company or university. Comments are welcome through the portal's contact page.",
				].join('\n\n'),
				seoDescription:
					"Concept note on a China-US joint EV R&D center and an EV big-data sharing platform, from the lab's Technical Cooperation working group.",
			},
		},
	},
	{
		key: 'student-research-fellowship-2026',
		publishedAt: '2026-03-04T09:00:00-08:00',
		groupSlug: null,
		tags: ['research'],
		original: 'en',
		text: {
			en: {
				slug: 'student-research-fellowship-2026',
				title: "Applications open for the lab's first summer student research fellowship",
				summary:
					'The China-US ZEV Policy Lab invites graduate and advanced undergraduate students to apply for a summer research fellowship with one of its four working groups.',
				bodyMarkdown: [
					"The China-US ZEV Policy Lab is accepting applications for its first summer student research fellowship, to be held in 2026. Fellows spend the summer with one of the lab's four working groups, working on a defined research task connected to China-US cooperation on zero-emission vehicles.",
					'## Possible research tasks',
					"Each task is agreed with the fellow at the start of the summer. Examples drawn from the working groups' plans include:",
					[
						'- comparing how China and the United States certify and test power batteries before vehicles enter the market;',
						'- summarizing public documents on charging interface standards in both countries;',
						'- reviewing published research on tariffs on electric vehicles and their core components;',
						'- preparing background notes for policy dialogue on multilateral platforms such as the G20 and APEC.',
					].join('\n'),
					'## Who can apply',
					'The fellowship is open to graduate students and advanced undergraduates in transportation, engineering, economics, public policy, law and related fields. Reading knowledge of both English and Chinese is helpful but not required, as several tasks rely mainly on documents in one language.',
					'## How to apply',
					"Send a one-page statement of interest, a CV and the name of one academic referee through the portal's contact page, and say which working group you would most like to join. Applications are reviewed on a rolling basis until the places are filled. Students new to the field may find it useful to browse the research of the [UC Davis Institute of Transportation Studies](https://its.ucdavis.edu/) before applying.",
					'The fellowship is research training. Notes and summaries written by fellows are reviewed by the working groups before publication and do not represent the position of any government.',
				].join('\n\n'),
				seoDescription:
					'Summer research fellowship at the China-US ZEV Policy Lab: students join a working group on China-US zero-emission vehicle policy.',
			},
		},
	},
	{
		key: 'beijing-davis-exchange-visit',
		publishedAt: '2026-04-22T15:00:00-07:00',
		groupSlug: 'multilateral-dialogue',
		tags: ['events', 'research'],
		original: 'zh',
		text: {
			en: {
				slug: 'beijing-davis-exchange-visit',
				title: 'Beijing partner team visits Davis to plan the year ahead for the four working groups',
				summary:
					"Researchers from the lab's Beijing partner team spent a week at UC Davis, discussing the annual work plans of the four working groups and possible joint research topics with their Davis colleagues.",
				bodyMarkdown: [
					"Researchers from the China-US ZEV Policy Lab's Beijing partner team recently spent a week at the University of California, Davis. During the visit, researchers from both sides held in-depth discussions on the annual work plans of the lab's four working groups and exchanged views on several possible joint research topics.",
					'## Main topics',
					'The discussions mainly covered:',
					[
						'- **Tariff coordination**: an analytical framework for studying tariffs on electric vehicles and their core components (power batteries, chips and electronic control systems);',
						'- **Technical cooperation**: workable forms of joint R&D and data sharing, and questions that need to be clarified first, such as data sovereignty and the protection of key technologies;',
						'- **Market access and mutual recognition**: an overview of the requirements in the two countries for power battery certification, battery swapping standards and vehicle safety testing, in preparation for comparative research;',
						'- **Multilateral dialogue**: how policy communication could be organized on multilateral platforms such as the G20 and APEC.',
					].join('\n'),
					"During the visit, the Beijing team also met graduate students taking part in the lab's work, presented recent Chinese research on new energy vehicle policy, and discussed how students could contribute to the working groups' research.",
					'## Next steps',
					'The two sides agreed that each working group will draw up its main work points over the coming months and keep in regular contact through online meetings. The lab plans a return visit to Beijing by Davis researchers in the second half of the year; the dates will be announced later.',
					'The exchange is an academic cooperation activity. The views expressed in the discussions are those of the participating researchers only and do not represent the position of any government or institution.',
				].join('\n\n'),
				seoDescription:
					"Beijing partner researchers visit UC Davis for a week to plan the work of the lab's four working groups and discuss joint research topics.",
			},
			zh: {
				slug: 'beijing-davis-exchange-visit',
				title: '北京合作团队赴戴维斯交流访问，共商四个工作组年度计划',
				summary:
					'实验室北京合作团队的研究人员赴加州大学戴维斯分校进行为期一周的交流访问，与戴维斯同事共同讨论四个工作组的年度工作计划和联合研究选题。',
				bodyMarkdown: [
					'近日，中美零排放汽车政策实验室北京合作团队的研究人员赴加州大学戴维斯分校，开展为期一周的交流访问。访问期间，双方研究人员围绕实验室四个工作组的年度工作计划进行了深入讨论，并就若干联合研究选题交换了意见。',
					'## 主要议题',
					'双方讨论的内容主要包括：',
					[
						'- **关税协调**：搭建研究电动汽车及其核心零部件（动力电池、芯片和电控系统）关税问题的分析框架；',
						'- **技术合作**：探讨联合研发和数据共享的可行方式，以及数据主权、关键技术保护等需要先行厘清的问题；',
						'- **市场准入与互认**：梳理两国在动力电池认证、换电技术标准和整车安全检测方面的要求，为比较研究做准备；',
						'- **多边对话**：研究如何依托二十国集团（G20）和亚太经合组织（APEC）等多边平台开展政策沟通。',
					].join('\n'),
					'访问期间，北京团队还与参与实验室工作的研究生进行了座谈，介绍了中国新能源汽车政策研究的最新进展，并就学生如何参与工作组研究交换了意见。',
					'## 下一步安排',
					'双方商定，各工作组将在今后几个月内分别形成工作要点，并通过线上会议保持定期沟通。实验室计划于今年下半年安排戴维斯研究人员回访北京，具体时间另行通知。',
					'本次交流属于学术合作活动，讨论内容仅代表参与研究人员的个人观点，不代表任何政府或机构的立场。',
				].join('\n\n'),
				seoDescription:
					'实验室北京合作团队赴加州大学戴维斯分校交流访问一周，共商四个工作组年度工作计划和联合研究选题。',
			},
		},
	},
	{
		key: 'battery-swapping-standards-seminar',
		publishedAt: '2026-05-20T10:00:00-07:00',
		groupSlug: 'market-access',
		tags: ['batteries', 'mutual-recognition', 'events'],
		original: 'zh',
		text: {
			en: {
				slug: 'battery-swapping-standards-seminar',
				title: 'Market Access group holds seminar on battery swapping standards',
				summary:
					'The Market Access & Mutual Recognition working group held an online seminar comparing Chinese and US approaches to battery swapping standards and power battery certification, and how battery swapping could be handled under mutual recognition.',
				bodyMarkdown: [
					'The Market Access & Mutual Recognition working group of the China-US ZEV Policy Lab has held an online seminar on battery swapping standards and power battery certification. Researchers from universities, research institutes and the testing and certification field took part.',
					'Battery swapping is a distinctive feature of electric-vehicle infrastructure in China, while the United States relies mainly on fast-charging networks to make electric vehicles convenient to use. Research on Sino-US electric-vehicle policy coordination points out that the two countries differ considerably in power battery certification, battery swapping standards and vehicle safety testing standards, and that these differences are a key issue to resolve in working toward mutual recognition of market access.',
					'## Points discussed',
					'Participants focused on the following questions:',
					[
						'- **Certifying swappable battery packs**: when a pack circulates among many vehicles, should certification cover the vehicle, the pack, or both?',
						'- **Interfaces and safety requirements**: how could the mechanical and electrical requirements for swapping interfaces be linked with vehicle safety testing?',
						'- **Scope of recognition**: which tests could first be the subject of information exchange and comparison of methods, and which would need common standards before mutual recognition could be considered?',
					].join('\n'),
					'Some participants suggested that the standards questions raised by battery swapping are more complex than those of charging interfaces, so that comparing standards and exchanging information should come first in the near term; others suggested that mutual recognition could be explored first for a few selected tests. The working group did not reach a conclusion.',
					'The working group will incorporate the points raised at the seminar into the draft Mutual Recognition Agreement on EV Market Access that it is preparing, as input for the next stage of discussion.',
				].join('\n\n'),
				seoDescription:
					'Online seminar of the Market Access & Mutual Recognition group on battery swapping standards and power battery certification in China and the US.',
			},
			zh: {
				slug: 'battery-swapping-standards-seminar',
				title: '市场准入与互认工作组举办换电标准专题研讨会',
				summary:
					'市场准入与互认工作组举办线上专题研讨会，比较中美两国在换电技术标准和动力电池认证方面的做法，探讨在互认框架下如何处理换电模式。',
				bodyMarkdown: [
					'中美零排放汽车政策实验室市场准入与互认工作组日前举办线上专题研讨会，围绕换电技术标准和动力电池认证展开讨论。来自高校、研究机构和检测认证领域的研究人员参加了会议。',
					'换电模式是中国电动汽车基础设施建设的一大特色，而美国主要通过建设快速充电网络来提升电动汽车的使用便利性。中美电动汽车政策协调研究指出，两国在动力电池认证、换电技术标准和整车安全检测标准方面存在较大差异，这也是推动市场准入互认需要重点解决的问题。',
					'## 讨论要点',
					'与会者重点讨论了以下问题：',
					[
						'- **换电电池包的认证**：电池包在多辆车之间流转使用时，认证对象应是整车、电池包，还是二者兼顾？',
						'- **接口与安全要求**：换电接口的机械和电气要求如何与整车安全检测相衔接？',
						'- **互认的范围**：哪些检测项目可以先开展信息交流和方法比较，哪些需要在建立共同标准之后再考虑互认？',
					].join('\n'),
					'讨论中有意见提出，换电涉及的标准问题比充电接口更为复杂，近期宜先开展标准比较和信息交流；也有意见认为，可以选择个别检测项目先行探索互认。工作组未就此形成结论。',
					'工作组将把本次研讨的要点纳入正在起草的《电动汽车市场准入互认协议》草案，供下一阶段讨论参考。',
				].join('\n\n'),
				seoDescription:
					'市场准入与互认工作组举办换电标准专题研讨会，比较中美两国换电技术标准和动力电池认证的做法。',
			},
		},
	},
	{
		key: 'charging-interface-comparison',
		publishedAt: '2026-06-18T10:00:00-07:00',
		groupSlug: 'technical-cooperation',
		tags: ['charging-standards', 'research'],
		original: 'en',
		text: {
			en: {
				slug: 'charging-interface-comparison',
				title: "Research brief: how China's and North America's EV charging connectors compare",
				summary:
					'A research brief from the Technical Cooperation working group compares the GB/T charging interface used in China with the CCS1 and NACS (SAE J3400) connectors used in North America, as background for discussing common charging standards.',
				bodyMarkdown: [
					'Differing charging interfaces are one of the practical barriers to technical cooperation named in research on Sino-US electric-vehicle policy coordination: a vehicle built for one market cannot simply plug into the charging network of the other. As background for its discussion of common standards, the Technical Cooperation working group has prepared a short brief that sets the main connector standards side by side: the GB/T interface used in China, the Combined Charging System (CCS1), and the North American Charging Standard (NACS), originally developed by Tesla and since standardized by SAE International as J3400.',
					'## The standards at a glance',
					[
						'| | GB/T (China) | CCS1 (North America) | NACS / SAE J3400 (North America) |',
						'| --- | --- | --- | --- |',
						'| Main markets | Mainland China | United States and Canada; also South Korea | United States and Canada |',
						'| Vehicle inlet | Usually two: one for AC, one for DC | One combined inlet: the J1772 AC connector with two DC pins below it | One compact inlet for both AC and DC |',
						'| DC charging communication | CAN bus (GB/T 27930) | Power-line communication (DIN SPEC 70121, ISO 15118) | Power-line communication, as for CCS |',
						'| Defining documents | GB/T 20234 series (connectors), GB/T 27930 (communication) | SAE J1772, IEC 62196-3 | SAE J3400 |',
					].join('\n'),
					'The table is a simplified overview for non-specialists. Power ratings, safety requirements and other details of each standard are revised over time; readers who need them should consult the standards themselves.',
					'## Questions for discussion',
					"The brief does not recommend a single connector. Instead, it sets out questions for the working group's discussion:",
					[
						'- whether adapters and dual-inlet designs are a practical interim solution for vehicles sold in both markets;',
						'- how differences in charging communication protocols affect the cost of adapting vehicles and chargers;',
						'- whether work on next-generation high-power charging in both countries could offer an opportunity for closer alignment.',
					].join('\n'),
					"The brief is background material for research and discussion and does not represent the position of any government, company or standards body. Corrections and comments are welcome through the portal's contact page.",
				].join('\n\n'),
				seoDescription:
					"Research brief comparing China's GB/T charging interface with the CCS1 and NACS (SAE J3400) connectors used in North America.",
			},
			zh: {
				slug: 'charging-interface-comparison',
				title: '研究简报：中国与北美电动汽车充电接口比较',
				summary:
					'技术合作工作组发布研究简报，将中国采用的GB/T充电接口与北美使用的CCS1和NACS（SAE J3400）接口进行对比，为讨论统一充电标准提供背景资料。',
				bodyMarkdown: [
					'中美电动汽车政策协调研究指出，充电接口不统一是两国开展技术合作面临的现实障碍之一：为一国市场设计的车辆，无法直接接入另一国的充电网络。为给讨论共同标准提供背景资料，技术合作工作组编写了一份研究简报，将两国市场的主要充电接口标准放在一起比较，即中国采用的GB/T接口、联合充电系统（CCS1），以及最初由特斯拉开发、后经国际汽车工程师学会（SAE International）标准化为J3400的北美充电标准（NACS）。',
					'## 标准概览',
					[
						'| | GB/T（中国） | CCS1（北美） | NACS / SAE J3400（北美） |',
						'| --- | --- | --- | --- |',
						'| 主要市场 | 中国大陆 | 美国、加拿大，韩国也有采用 | 美国、加拿大 |',
						'| 车辆插座 | 通常为两个：交流、直流各一个 | 一个组合插座：上部为J1772交流接口，下方增加两个直流针脚 | 一个小型插座，交流和直流共用 |',
						'| 直流充电通信 | CAN总线（GB/T 27930） | 电力线载波通信（DIN SPEC 70121、ISO 15118） | 电力线载波通信，与CCS相同 |',
						'| 标准文件 | GB/T 20234系列（连接装置）、GB/T 27930（通信协议） | SAE J1772、IEC 62196-3 | SAE J3400 |',
					].join('\n'),
					'上表是面向非专业读者的简化概览。各项标准的功率等级、安全要求等具体内容会随修订而变化，如需了解详情，请查阅标准原文。',
					'## 供讨论的问题',
					'简报并不推荐某一种接口，而是为工作组的讨论提出以下问题：',
					[
						'- 对于同时在两国市场销售的车辆，转接头和双插座设计能否作为过渡方案；',
						'- 充电通信协议的差异对车辆和充电设备的适配成本有何影响；',
						'- 两国在新一代大功率充电方面的工作，能否为进一步协调标准提供契机。',
					].join('\n'),
					'本简报是供研究和讨论使用的背景材料，不代表任何政府、企业或标准化机构的立场。欢迎通过本网站的联系页面提出更正和意见。',
				].join('\n\n'),
				seoDescription:
					'研究简报：比较中国GB/T充电接口与北美CCS1、NACS（SAE J3400）充电接口的主要异同。',
			},
		},
	},
	{
		key: 'dual-credit-zev-credit-webinar',
		publishedAt: '2026-07-16T18:00:00-07:00',
		groupSlug: null,
		tags: ['events'],
		original: 'zh',
		text: {
			zh: {
				slug: 'dual-credit-zev-credit-webinar',
				title: '中文线上研讨会：中国“双积分”政策与加州零排放汽车积分制度比较',
				summary:
					'实验室举办中文线上研讨会，比较中国新能源汽车“双积分”政策与加州零排放汽车（ZEV）积分制度的设计思路，探讨两种制度相互借鉴的空间。',
				bodyMarkdown: [
					'中美零排放汽车政策实验室近日举办中文线上研讨会，主题为中国新能源汽车“双积分”政策与加州零排放汽车（ZEV）积分制度的比较。研讨会面向高校、研究机构和行业的中文听众，由实验室研究人员介绍背景并主持讨论。',
					'两种制度都通过积分机制引导汽车企业增加零排放汽车或新能源汽车的销售。按照“双积分”政策，车企须在新能源汽车与燃油车销售中实现积分平衡，未达标企业须购买其他企业的盈余积分；加州的零排放汽车制度则要求车企在州内销售一定比例的零排放汽车。',
					'## 讨论内容',
					[
						'- 两种制度在适用范围、积分核算方式和交易规则上的主要异同；',
						'- 积分制度与购车补贴、税收优惠等激励措施之间的关系；',
						'- 两国在积分制度方面开展经验交流、相互借鉴的可能方式。',
					].join('\n'),
					'研讨会以介绍和讨论为主，不形成正式结论。实验室研究人员在会上介绍的内容均基于公开的政策文件和已发表的研究文献。',
					'本次研讨会仅以中文举行，因此本文暂无英文版本。研讨会的讨论要点将收入实验室年度报告。',
				].join('\n\n'),
				seoDescription:
					'中文线上研讨会：比较中国新能源汽车“双积分”政策与加州零排放汽车（ZEV）积分制度，探讨相互借鉴的空间。',
			},
		},
	},
	{
		key: 'multilateral-dialogue-group-options',
		publishedAt: '2026-08-27T09:30:00-07:00',
		groupSlug: 'multilateral-dialogue',
		tags: ['events'],
		original: 'en',
		// Translated when first published; the English update note came later.
		revisedOriginal: { at: '2026-11-16T10:00:00-08:00', earlierBodyMarkdown: MULTILATERAL_DIALOGUE_PARAGRAPHS.join('\n\n') },
		text: {
			en: {
				slug: 'multilateral-dialogue-group-options',
				title: 'Multilateral Dialogue group discusses options for a China-US EV policy dialogue group',
				summary:
					'At a working-group meeting, members of the Multilateral Dialogue group discussed how a China-US EV Policy Dialogue Group could be organized on platforms such as the G20 and APEC, and agreed on topics for background papers.',
				bodyMarkdown: [...MULTILATERAL_DIALOGUE_PARAGRAPHS, MULTILATERAL_DIALOGUE_UPDATE].join('\n\n'),
				seoDescription:
					'The Multilateral Dialogue group discusses how a China-US EV Policy Dialogue Group could work on the G20 and APEC platforms.',
			},
			zh: {
				slug: 'multilateral-dialogue-group-options',
				title: '多边对话工作组研讨组建中美电动汽车政策对话小组的可行方案',
				summary:
					'多边对话工作组召开工作会议，讨论如何在二十国集团（G20）和亚太经合组织（APEC）等平台上组建“中美电动汽车政策对话小组”，并确定了背景研究报告的选题。',
				bodyMarkdown: [
					'中美零排放汽车政策实验室多边对话工作组召开线上工作会议，讨论如何在二十国集团（G20）和亚太经合组织（APEC）等多边平台上组建“中美电动汽车政策对话小组”。这一设想源自中美电动汽车政策协调研究，该研究建议双方就市场准入、技术合作和关税政策定期开展协调。',
					'与会成员比较了几种可能的形式，包括依托G20或APEC现有会议举行对话、设立在上述会议之间定期开会的常设专家组，以及开展可为上述两种形式提供支持的研究人员交流。',
					'## 背景研究报告',
					'工作组商定就以下题目撰写简要的背景研究报告：',
					[
						'- 现有多边论坛在车辆标准和清洁交通领域开展合作的做法；',
						'- 实验室其他三个工作组最需要借助定期对话渠道推进的议题；',
						'- 中美两国为电动汽车产业全球政策框架和共同标准作出贡献的方式。',
					].join('\n'),
					'上述报告仅作为研究参考。工作组不代表任何政府发言，本次会议也未代表成员形成任何立场。',
				].join('\n\n'),
				seoDescription:
					'多边对话工作组研讨如何在G20和APEC平台上组建“中美电动汽车政策对话小组”。',
			},
		},
	},
	{
		key: 'heavy-duty-truck-session',
		publishedAt: '2026-10-21T11:00:00-07:00',
		groupSlug: 'market-access',
		tags: ['heavy-duty-trucks', 'charging-standards', 'events'],
		original: 'en',
		text: {
			en: {
				slug: 'heavy-duty-truck-session',
				title: 'Session on zero-emission heavy-duty trucks looks at charging, testing and certification',
				summary:
					'A session hosted by the Market Access & Mutual Recognition working group explored what China-US cooperation on zero-emission heavy-duty trucks could involve, from high-power charging to safety testing and certification.',
				bodyMarkdown: [
					'Heavy-duty trucks make up a small share of the vehicles on the road but are widely seen as an important source of greenhouse-gas emissions and air pollution, especially around ports and along freight corridors. The Market Access & Mutual Recognition working group of the China-US ZEV Policy Lab hosted a session to explore what cooperation between the two countries on zero-emission heavy-duty trucks could involve.',
					'Trucks are not a new topic for the lab: the article on the California-China partnership published on this portal describes a hydrogen fuel-cell semi truck intended for freight at the ports of Los Angeles and Long Beach. Today, both battery-electric and hydrogen fuel-cell heavy-duty trucks are being developed and deployed in both countries.',
					'## Topics discussed',
					[
						'- **High-power charging**: how charging standards for heavy-duty vehicles are developing in both markets, and whether early exchanges between standards bodies could reduce later adaptation costs;',
						'- **Safety testing and certification**: which tests for large battery packs and fuel-cell systems could be compared or mutually accepted;',
						'- **Depots and ports**: the planning questions fleet operators face when charging or refuelling trucks at depots and port terminals.',
					].join('\n'),
					'Participants also discussed whether zero-emission heavy-duty trucks should be covered by the draft Mutual Recognition Agreement on EV Market Access that the working group is preparing, or dealt with in a separate annex. No decision was taken; the working group will return to the question after its planned consultation on the draft.',
					'The session was a research discussion. It did not assess particular vehicles or companies, and the views expressed do not represent the position of any government or company.',
				].join('\n\n'),
				seoDescription:
					'Session on China-US cooperation on zero-emission heavy-duty trucks: high-power charging, safety testing, certification, depots and ports.',
			},
			zh: {
				slug: 'heavy-duty-truck-session',
				title: '零排放重型卡车专题会议聚焦充电、检测与认证',
				summary:
					'市场准入与互认工作组举办专题会议，探讨中美两国在零排放重型卡车领域可能开展的合作，议题涵盖大功率充电、安全检测和产品认证。',
				bodyMarkdown: [
					'重型卡车在道路车辆中所占比例不高，但普遍被视为温室气体和空气污染物排放的重要来源，在港口和货运通道周边尤为突出。中美零排放汽车政策实验室市场准入与互认工作组为此举办专题会议，探讨两国在零排放重型卡车领域可能开展哪些合作。',
					'重型卡车并非实验室的新课题：本网站发布的关于加州与中国合作的文章，就介绍了一款面向洛杉矶港和长滩港货运的氢燃料电池重型半挂卡车。目前，两国都在研发和推广纯电动和氢燃料电池重型卡车。',
					'## 讨论议题',
					[
						'- **大功率充电**：两国重型车辆充电标准的发展情况，以及标准化机构之间尽早开展交流能否降低日后的适配成本；',
						'- **安全检测与认证**：大容量电池包和燃料电池系统的哪些检测项目可以相互比较或相互接受；',
						'- **场站与港口**：车队运营商在场站和港口码头为卡车充电或加氢时面临的规划问题。',
					].join('\n'),
					'与会者还讨论了零排放重型卡车应纳入工作组正在起草的《电动汽车市场准入互认协议》草案，还是以单独附件的形式处理。会议未作决定，工作组将在计划开展的草案征求意见结束后再议。',
					'本次会议属于研究讨论，未对具体车型或企业进行评价，会上发表的观点不代表任何政府或企业的立场。',
				].join('\n\n'),
				seoDescription:
					'零排放重型卡车专题会议：探讨中美在大功率充电、安全检测与认证、场站和港口规划等方面的合作。',
			},
		},
	},
	{
		key: 'tariff-outline-revised-consultation',
		publishedAt: '2026-11-19T09:00:00-08:00',
		groupSlug: 'tariff-coordination',
		tags: ['tariffs', 'public-consultation', 'batteries'],
		original: 'en',
		text: {
			en: {
				slug: 'tariff-outline-revised-consultation',
				title: 'Revised outline of the EV tariff coordination mechanism open for comment',
				summary:
					'Following its first workshop, the Tariff Coordination working group has revised its draft outline of a China-US EV Tariff Coordination Mechanism and invites comments.',
				bodyMarkdown: [
					"The Tariff Coordination working group of the China-US ZEV Policy Lab has published a revised version of its draft outline of a China-US EV Tariff Coordination Mechanism and invites comments. The revision takes into account the discussion at the group's first workshop in October.",
					'## What has changed',
					'Compared with the first version, the revised outline:',
					[
						'- describes the step-by-step approach to tariff reductions in more detail, starting with power batteries, chips and electronic control systems;',
						'- sets out several options for defining a possible "zero tariff zone" for electric vehicles and parts, without choosing between them;',
						'- adds a section, drawing on the work of the Multilateral Dialogue working group, on how the mechanism could be discussed on multilateral platforms such as the G20 and APEC.',
					].join('\n'),
					'## Questions for comment',
					[
						'1. Which core components should come first in a step-by-step reduction of tariffs, and why?',
						'2. What safeguards would help keep supply chains stable during a transition?',
						'3. What information would companies and public agencies need to assess the effects of the options?',
					].join('\n'),
					"Comments can be sent through the portal's contact page. The outline remains a discussion draft prepared for research purposes and does not represent the position of any government or company. A summary of the comments received will be published on this portal.",
				].join('\n\n'),
				seoDescription:
					'Comment on the revised draft outline of a China-US EV Tariff Coordination Mechanism: step-by-step tariff cuts and a possible zero tariff zone.',
			},
			zh: {
				slug: 'tariff-outline-revised-consultation',
				title: '电动汽车关税协调机制大纲修订稿公开征求意见',
				summary:
					'关税协调工作组根据首次研讨会的讨论意见，修订了“中美电动汽车关税协调机制”草案大纲，现公开征求意见。',
				bodyMarkdown: [
					'中美零排放汽车政策实验室关税协调工作组发布“中美电动汽车关税协调机制”草案大纲修订稿，现公开征求意见。修订稿吸收了工作组10月首次研讨会的讨论意见。',
					'## 主要修改',
					'与第一版相比，修订稿：',
					[
						'- 更详细地阐述了分步骤降低关税的思路，首先从动力电池、芯片和电控系统入手；',
						'- 列出了界定电动汽车及零部件“零关税区”的几种方案，但未在其中作出选择；',
						'- 借鉴多边对话工作组的工作，新增一节，讨论如何在二十国集团（G20）和亚太经合组织（APEC）等多边平台上探讨该机制。',
					].join('\n'),
					'## 征求意见的问题',
					[
						'1. 在分步骤降低关税的过程中，哪些核心零部件应当优先，理由是什么？',
						'2. 在过渡期间，哪些保障措施有助于维护供应链稳定？',
						'3. 企业和政府部门需要哪些信息，才能评估各方案的影响？',
					].join('\n'),
					'意见可通过本网站的联系页面提交。该大纲仍是出于研究目的编写的讨论稿，不代表任何政府或企业的立场。工作组将在本网站公布意见汇总。',
				].join('\n\n'),
				seoDescription:
					'“中美电动汽车关税协调机制”草案大纲修订稿公开征求意见，涉及分步骤降低关税和“零关税区”方案。',
			},
		},
	},
	{
		key: 'data-sharing-principles-draft',
		status: 'draft',
		publishedAt: '2026-12-01T09:00:00-08:00',
		groupSlug: 'technical-cooperation',
		tags: ['data-sharing', 'research'],
		original: 'en',
		text: {
			en: {
				slug: 'data-sharing-principles-draft',
				title: 'Draft principles for sharing EV research data between partners',
				summary:
					'The Technical Cooperation working group is drafting principles for how research partners could share EV data and algorithms while respecting data sovereignty and protecting key technologies.',
				bodyMarkdown: [
					'Following its concept note on a China-US joint EV R&D center and big-data sharing platform, the Technical Cooperation working group is drafting a set of principles for sharing research data between partners.',
					'The draft principles address the open questions identified in the concept note:',
					[
						'- **Data sovereignty**: which data stay under the control of the organization or country where they were collected, and what can be shared as aggregates or summaries instead;',
						'- **Protection of key technologies**: how to separate the data needed for joint research from information that companies treat as confidential;',
						'- **Access rules**: who may access which data, for what purpose and for how long.',
					].join('\n'),
					'## Still to be decided',
					"Working-group members have not yet agreed how the principles would be reviewed, or whether they would apply only to the lab's own projects or also be offered as a template to others.",
					'*This post is a draft for internal review and will be revised before publication.*',
				].join('\n\n'),
				seoDescription:
					'Draft principles for sharing EV research data and algorithms between partners: data sovereignty, key technologies and access rules.',
			},
		},
	},
	{
		key: 'annual-report-2026',
		status: 'scheduled',
		publishedAt: '2027-03-02T09:00:00-08:00',
		groupSlug: null,
		tags: ['research'],
		original: 'en',
		text: {
			en: {
				slug: 'annual-report-2026',
				title: 'Annual report 2026: the first year of the four working groups',
				summary:
					"The lab's 2026 annual report reviews the first year of work of its four working groups, the events and consultations they held, and their plans for 2027.",
				bodyMarkdown: [
					"The China-US ZEV Policy Lab has published its annual report for 2026. The report reviews the first year of work of the lab's four working groups, which are organized around the coordination paths proposed in research on Sino-US electric-vehicle policy coordination: tariff coordination, technical cooperation, market access and mutual recognition, and multilateral dialogue.",
					'## Highlights of the year',
					[
						"- the Tariff Coordination group's workshop and consultation on a draft China-US EV Tariff Coordination Mechanism;",
						"- the Market Access & Mutual Recognition group's consultation on a draft Mutual Recognition Agreement on EV Market Access, and its sessions on battery swapping standards and heavy-duty trucks;",
						"- the Technical Cooperation group's concept note on a joint R&D center and big-data sharing platform, and its research brief comparing charging connectors;",
						"- the Multilateral Dialogue group's work on options for a China-US EV Policy Dialogue Group on the G20 and APEC platforms;",
						'- the Beijing-Davis exchange visit and the first summer student research fellowship.',
					].join('\n'),
					'## Plans for 2027',
					"The report sets out the working groups' plans for 2027, including summaries of the comments received in the 2026 consultations, revised drafts, and the background papers on multilateral dialogue.",
					'The annual report describes the activities of the lab. It is not a policy assessment and does not represent the position of any government, company or university. The report is available in English and Chinese.',
				].join('\n\n'),
				seoDescription:
					"The China-US ZEV Policy Lab's 2026 annual report: the first year of its four working groups, events, consultations and plans for 2027.",
			},
			zh: {
				slug: 'annual-report-2026',
				title: '2026年度报告：四个工作组起步之年',
				summary:
					'实验室发布2026年度报告，回顾四个工作组开展工作的第一年及全年举办的活动和公开征求意见情况，并介绍2027年工作计划。',
				bodyMarkdown: [
					'中美零排放汽车政策实验室发布2026年度报告。报告回顾了实验室四个工作组开展工作的第一年。四个工作组围绕中美电动汽车政策协调研究提出的协调路径设立，分别是关税协调、技术合作、市场准入与互认以及多边对话。',
					'## 年度工作要点',
					[
						'- 关税协调工作组就“中美电动汽车关税协调机制”草案大纲举办研讨会并公开征求意见；',
						'- 市场准入与互认工作组就《电动汽车市场准入互认协议》草案公开征求意见，并举办换电标准和重型卡车专题会议；',
						'- 技术合作工作组发布关于联合研发中心和大数据共享平台的概念文件，以及充电接口比较研究简报；',
						'- 多边对话工作组研究在G20和APEC平台上组建“中美电动汽车政策对话小组”的可行方案；',
						'- 北京—戴维斯交流访问，以及首届学生暑期研究项目。',
					].join('\n'),
					'## 2027年计划',
					'报告介绍了各工作组2027年的工作计划，包括发布2026年各项征求意见的意见汇总和修订稿，以及完成多边对话背景研究报告。',
					'年度报告介绍的是实验室的工作情况，并非政策评估，不代表任何政府、企业或大学的立场。报告提供英文和中文两个版本。',
				].join('\n\n'),
				seoDescription:
					'中美零排放汽车政策实验室2026年度报告：回顾四个工作组的第一年工作、活动和征求意见，介绍2027年计划。',
			},
		},
	},
]
