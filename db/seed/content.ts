/**
 * Demo content for the ZEV Policy Lab portal, loaded by `npm run db:seed`.
 *
 * Sources (see ../shared/seeds/):
 * - 000_2c7c740f77c5fbb4.txt: news article on the California-China ZEV partnership
 *   (first news post, English original plus a Simplified Chinese translation).
 * - 004_50e1270ee92f2e68.txt: Zhang Yujing, "Sino-US Electric Vehicle Policy Coordination
 *   and Cooperation Under the Goal of Carbon Neutrality". Table 1 is the comparison;
 *   Table 2's four coordination paths are the working groups.
 *
 * The three other news posts are written for the demo: they contain no quotes and
 * no statistics presented as findings.
 */
import type { SeedContent } from './types.ts'

export const seedContent: SeedContent = {
	tags: [],
	workingGroups: [
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
	],

	newsPosts: [
		{
			key: 'california-china-zev-partnership',
			publishedAt: '2026-09-15T09:00:00-07:00',
			groupSlug: null,
			tags: [],
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
			tags: [],
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
			tags: [],
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
			tags: [],
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
	],

	comparison: {
		key: 'ev-policy-china-usa',
		rows: [
			{
				key: 'objectives',
				sortOrder: 1,
				text: {
					en: {
						element: 'Policy objectives',
						china: 'New energy vehicles (NEVs) to account for 50% of new-car sales by 2035',
						usa: 'Electric vehicles to account for 50% of new-car sales by 2030',
					},
					zh: {
						element: '政策目标',
						china: '到2035年，新能源汽车占新车销量的50%',
						usa: '到2030年，电动汽车占新车销量的50%',
					},
				},
			},
			{
				key: 'incentives',
				sortOrder: 2,
				text: {
					en: {
						element: 'Incentives',
						china: 'Car purchase subsidies, purchase-tax exemptions, R&D subsidies, etc.',
						usa: 'US$7,500 car purchase tax credit; infrastructure subsidies',
					},
					zh: {
						element: '激励措施',
						china: '购车补贴、购置税减免、研发补贴等',
						usa: '7,500美元购车税收抵免；基础设施补贴',
					},
				},
			},
			{
				key: 'infrastructure',
				sortOrder: 3,
				text: {
					en: {
						element: 'Infrastructure',
						china:
							'Large-scale build-out of public and private charging points; promotion of the battery-swap model',
						usa: 'A national network of 500,000 public chargers; upgrades to power-grid facilities',
					},
					zh: {
						element: '基础设施建设',
						china: '大力建设公共和私人充电桩，推广换电模式',
						usa: '在全国建设50万个公共充电桩，升级电网设施',
					},
				},
			},
			{
				key: 'market-supervision',
				sortOrder: 4,
				text: {
					en: {
						element: 'Market supervision',
						china:
							'The "dual-credit" policy for new energy vehicles: automakers must balance credits across NEV and conventional-vehicle sales, or buy surplus credits from other companies',
						usa: 'Stricter fuel-economy and emission standards',
					},
					zh: {
						element: '市场监管',
						china:
							'实施新能源汽车“双积分”政策：车企须在新能源汽车与燃油车销售中实现积分平衡，未达标企业须购买其他企业的盈余积分',
						usa: '提高燃油经济性和排放标准',
					},
				},
			},
			{
				key: 'technical-support',
				sortOrder: 5,
				text: {
					en: {
						element: 'Technical support',
						china:
							'Support for R&D in batteries, battery swapping and connected-vehicle technologies',
						usa: 'Support for innovation in intelligent connected-vehicle and autonomous-driving technologies',
					},
					zh: {
						element: '技术支持',
						china: '支持电池、换电和网联技术的研发',
						usa: '支持智能网联和自动驾驶技术创新',
					},
				},
			},
			{
				key: 'companies',
				sortOrder: 6,
				text: {
					en: {
						element: 'Representative companies',
						china: 'BYD, Xiaomi Auto and others',
						usa: 'Tesla, Ford, General Motors and others',
					},
					zh: {
						element: '代表企业',
						china: '比亚迪、小米汽车等',
						usa: '特斯拉、福特、通用汽车等',
					},
				},
			},
		],
		source: {
			en: 'Zhang Yujing, “Sino-US Electric Vehicle Policy Coordination and Cooperation Under the Goal of Carbon Neutrality”, Table 1.',
			zh: 'Zhang Yujing：“Sino-US Electric Vehicle Policy Coordination and Cooperation Under the Goal of Carbon Neutrality”（《碳中和目标下的中美电动汽车政策协调与合作》），表1。',
		},
	},
}
