/**
 * The search's relevance set: a small bilingual corpus about China-US
 * zero-emission-vehicle policy, generated filler documents that use the
 * same everyday words (政策, 汽车, vehicle, policy…) without being about any
 * query, and queries in both languages with the documents a reader expects
 * to find. relevance.server.test.ts measures recall@10 and MRR on it;
 * scripts/search/compare-analyzers.ts compares the analyzers on it; the
 * benchmark borrows the filler generator.
 */
import type { SearchDocumentInput, SearchKind } from './types.ts'

interface CorpusEntry {
	id: string
	kind: SearchKind
	lang: 'en' | 'zh'
	title: string
	summary?: string
	body: string
}

/** Hand-written documents, about one topic each; ids name the topic and language. */
const CORPUS: CorpusEntry[] = [
	{
		id: 'tariff-en',
		kind: 'news',
		lang: 'en',
		title: 'United States raises Section 301 tariffs on Chinese electric vehicles',
		summary: 'The tariff rate on EVs imported from China rises to 100 percent.',
		body: 'The administration quadrupled the tariff on electric vehicles made in China and raised duties on lithium-ion batteries, semiconductors and solar cells. Analysts expect few Chinese EVs to reach American showrooms, while automakers worry about retaliation and higher component costs.',
	},
	{
		id: 'tariff-zh',
		kind: 'news',
		lang: 'zh',
		title: '美国对中国电动汽车加征301关税',
		summary: '电动汽车关税税率提高至百分之一百。',
		body: '美国政府宣布将中国产电动汽车的关税提高四倍，并提高锂离子电池、半导体和太阳能电池的关税。业内人士认为，此举将影响中美汽车贸易和零部件供应。',
	},
	{
		id: 'charging-en',
		kind: 'news',
		lang: 'en',
		title: 'NEVI formula program funds highway charging infrastructure',
		summary: 'States receive federal money to build fast chargers every fifty miles.',
		body: 'The National Electric Vehicle Infrastructure program gives states five billion dollars for charging infrastructure along designated corridors. Each station needs four fast chargers and must meet uptime requirements; rural counties fear gaps in coverage.',
	},
	{
		id: 'charging-zh',
		kind: 'news',
		lang: 'zh',
		title: '充电桩建设提速 公共充电基础设施覆盖县城',
		summary: '各地加快充电桩建设，高速公路服务区基本实现快充覆盖。',
		body: '国家发展改革委和国家能源局印发指导意见，要求加快构建高质量充电基础设施体系。截至年底，全国充电桩总量超过八百万台，其中公共充电桩二百七十万台，县城和乡镇充电网络逐步完善。',
	},
	{
		id: 'credit-en',
		kind: 'news',
		lang: 'en',
		title: 'China revises its dual-credit policy for passenger car makers',
		summary: 'New energy vehicle credits and fuel consumption credits are managed together.',
		body: 'The Ministry of Industry and Information Technology amended the dual-credit rules that link corporate average fuel consumption with new energy vehicle credits. Automakers with a deficit must buy credits from EV makers; the revision tightens targets and adds a credit pool to stabilise prices.',
	},
	{
		id: 'credit-zh',
		kind: 'news',
		lang: 'zh',
		title: '工信部修订"双积分"政策 积分池稳定市场',
		summary: '乘用车企业平均燃料消耗量与新能源汽车积分并行管理。',
		body: '《乘用车企业平均燃料消耗量与新能源汽车积分并行管理办法》即"双积分"政策再次修订。修订后的办法提高新能源汽车积分比例要求，并建立积分池制度，缓解积分价格波动。',
	},
	{
		id: 'subsidy-en',
		kind: 'news',
		lang: 'en',
		title: 'China ends national purchase subsidies for new energy vehicles',
		summary: 'After thirteen years the central purchase subsidy expires; the purchase tax exemption stays.',
		body: 'The national purchase subsidies that paid buyers of battery electric and plug-in hybrid cars expired at the end of the year. The vehicle purchase tax exemption was extended, and several cities introduced local trade-in incentives instead.',
	},
	{
		id: 'subsidy-zh',
		kind: 'news',
		lang: 'zh',
		title: '新能源汽车购车补贴政策退出 购置税减免延续',
		summary: '实施十三年的国家购车补贴正式退出。',
		body: '财政部等四部门明确，新能源汽车购车补贴政策于年底终止，购置税减免政策延续实施。部分城市推出以旧换新补贴，鼓励消费者购买电动汽车和插电式混合动力汽车。',
	},
	{
		id: 'standards-en',
		kind: 'record',
		lang: 'en',
		title: 'Mutual recognition of EV charging and safety standards between China and the US',
		summary: 'Experts discussed how test results from one country could be accepted in the other.',
		body: 'Standards bodies compared charging connector standards, battery safety tests and type approval procedures. A mutual recognition arrangement would let manufacturers certify once; participants proposed a pilot on battery safety testing laboratories.',
	},
	{
		id: 'standards-zh',
		kind: 'record',
		lang: 'zh',
		title: '中美电动汽车充电与安全标准互认研讨',
		summary: '专家讨论检测结果互认的可行路径。',
		body: '双方标准化机构比较了充电接口标准、动力电池安全测试和车辆认证程序。与会者建议以电池安全检测实验室为试点，推动标准互认和检测结果互认。',
	},
	{
		id: 'recycling-en',
		kind: 'news',
		lang: 'en',
		title: 'Battery recycling rules put the duty on producers',
		summary: 'Extended producer responsibility for traction batteries.',
		body: 'New rules make automakers responsible for collecting and recycling end-of-life traction batteries. Recyclers must recover lithium, nickel and cobalt, and second-life uses in energy storage are encouraged before materials are recovered.',
	},
	{
		id: 'recycling-zh',
		kind: 'news',
		lang: 'zh',
		title: '新能源汽车动力电池回收利用管理办法发布',
		summary: '落实生产者责任延伸制度。',
		body: '办法要求汽车生产企业承担动力电池回收主体责任，建立回收服务网点。退役电池优先梯次利用于储能领域，再进行再生利用，回收锂、镍、钴等材料。',
	},
	{
		id: 'apec-en',
		kind: 'news',
		lang: 'en',
		title: 'APEC and G20 dialogue on zero-emission vehicles',
		summary: 'Energy ministers agreed to share data on ZEV adoption.',
		body: 'At the APEC energy ministerial and the G20 transition working group, China and the United States joined a dialogue on zero-emission vehicle deployment, charging interoperability and clean freight corridors.',
	},
	{
		id: 'apec-zh',
		kind: 'news',
		lang: 'zh',
		title: 'G20与APEC框架下的零排放汽车政策对话',
		summary: '能源部长同意分享零排放汽车推广数据。',
		body: '在APEC能源部长会议和G20能源转型工作组会议期间，中美两国参加零排放汽车对话，讨论充电互联互通和清洁货运走廊。',
	},
	{
		id: 'ca-zev-en',
		kind: 'news',
		lang: 'en',
		title: 'California Advanced Clean Cars II and the ZEV mandate',
		summary: 'All new cars sold in California must be zero-emission by 2035.',
		body: 'The California Air Resources Board adopted Advanced Clean Cars II, which requires a rising share of zero-emission vehicles each model year. Automakers earn ZEV credits and may trade them; other states have adopted the rule.',
	},
	{
		id: 'ca-zev-zh',
		kind: 'news',
		lang: 'zh',
		title: '加州ZEV政策解读：先进清洁汽车法规',
		summary: '到2035年加州新车销售须全部为零排放汽车。',
		body: '加州空气资源委员会通过先进清洁汽车法规第二阶段，要求零排放汽车销售比例逐年提高。车企可获得ZEV积分并进行交易，多个州已采用该法规。',
	},
	{
		id: 'ira-en',
		kind: 'news',
		lang: 'en',
		title: 'Inflation Reduction Act clean vehicle tax credit and foreign entity rules',
		summary: 'Buyers get up to 7,500 dollars if battery sourcing rules are met.',
		body: 'The clean vehicle tax credit under the Inflation Reduction Act depends on critical mineral and battery component requirements. Vehicles with battery parts from a foreign entity of concern lose eligibility, which affects supply chains in China.',
	},
	{
		id: 'ira-zh',
		kind: 'news',
		lang: 'zh',
		title: '美国《通胀削减法案》电动车税收抵免新规',
		summary: '满足电池来源要求的车辆可获最高7500美元抵免。',
		body: '根据《通胀削减法案》（IRA），清洁汽车税收抵免取决于关键矿物和电池组件要求。含有"受关注外国实体"电池部件的车辆将失去资格，影响中国相关供应链。',
	},
	{
		id: 'hydrogen-en',
		kind: 'news',
		lang: 'en',
		title: 'Hydrogen fuel cell truck pilots expand',
		summary: 'Pilot city clusters deploy fuel cell trucks on freight routes.',
		body: 'Five city clusters in China lead the fuel cell vehicle demonstration, while California funds hydrogen refueling stations for heavy trucks. Costs of green hydrogen remain the main barrier.',
	},
	{
		id: 'hydrogen-zh',
		kind: 'news',
		lang: 'zh',
		title: '氢燃料电池汽车示范城市群扩围',
		summary: '示范城市群在货运线路投放燃料电池卡车。',
		body: '京津冀、上海、广东等五个城市群开展燃料电池汽车示范应用，加氢站建设加快。绿氢成本仍是推广的主要障碍。',
	},
	{
		id: 'bus-en',
		kind: 'news',
		lang: 'en',
		title: 'Lessons from Shenzhen electric bus fleet for US transit agencies',
		summary: 'Sixteen thousand electric buses and depot charging.',
		body: 'Shenzhen electrified its entire bus fleet, and US transit agencies studied its depot charging, battery leasing and maintenance practices. Low-No grants fund electric buses in American cities.',
	},
	{
		id: 'bus-zh',
		kind: 'news',
		lang: 'zh',
		title: '深圳公交全面电动化经验',
		summary: '一万六千辆纯电动公交车和场站充电。',
		body: '深圳率先实现公交车全面电动化，美国公交机构考察其场站充电、电池租赁和运维模式。',
	},
	{
		id: 'v2g-en',
		kind: 'record',
		lang: 'en',
		title: 'Vehicle-to-grid pilots and bidirectional charging',
		summary: 'V2G lets parked cars support the power grid.',
		body: 'Utilities in California and pilot cities in China test vehicle-to-grid services. Bidirectional chargers, tariffs for exported power and battery warranty terms were discussed.',
	},
	{
		id: 'v2g-zh',
		kind: 'record',
		lang: 'zh',
		title: '车网互动（V2G）试点进展',
		summary: '双向充电让停放车辆支撑电网。',
		body: '国家发展改革委推动车网互动规模化应用试点，双向充电桩、放电电价和电池质保条款成为讨论重点。',
	},
	{
		id: 'minerals-en',
		kind: 'news',
		lang: 'en',
		title: 'Critical minerals and the EV battery supply chain',
		summary: 'Lithium, nickel, cobalt and graphite dominate the debate.',
		body: 'Battery makers depend on lithium refining and graphite anodes concentrated in China. The United States funds domestic processing and friend-shoring of critical minerals.',
	},
	{
		id: 'minerals-zh',
		kind: 'news',
		lang: 'zh',
		title: '锂资源与动力电池供应链安全',
		summary: '锂、镍、钴和石墨成为关注焦点。',
		body: '电池企业依赖锂精炼和石墨负极材料，供应链安全受到中美两国重视。',
	},
	{
		id: 'group-charging-en',
		kind: 'group',
		lang: 'en',
		title: 'Charging Standards Working Group',
		summary: 'Connectors, communication protocols and interoperability.',
		body: 'The working group compares charging connector standards and promotes interoperability between networks in both countries.',
	},
	{
		id: 'group-charging-zh',
		kind: 'group',
		lang: 'zh',
		title: '充电标准工作组',
		summary: '充电接口、通信协议与互联互通。',
		body: '工作组比较两国充电接口标准，推动充电网络互联互通和充电桩兼容。',
	},
	{
		id: 'meeting-passport-en',
		kind: 'meeting',
		lang: 'en',
		title: 'Minutes: third meeting on the battery passport',
		summary: 'Data fields, carbon footprint and traceability.',
		body: 'Members reviewed the battery passport data model, carbon footprint declarations and traceability of recycled content. Next steps: align with the EU battery regulation.',
	},
	{
		id: 'meeting-passport-zh',
		kind: 'meeting',
		lang: 'zh',
		title: '电池护照第三次会议纪要',
		summary: '数据字段、碳足迹与可追溯性。',
		body: '成员审议了电池护照数据模型、碳足迹声明和再生材料可追溯性，下一步与欧盟电池法规衔接。',
	},
	{
		id: 'draft-trucks-en',
		kind: 'draft',
		lang: 'en',
		title: 'Draft policy brief: heavy-duty zero-emission trucks',
		summary: 'Options for freight electrification in both countries.',
		body: 'The brief compares Advanced Clean Trucks in California with heavy-duty truck electrification pilots in China, including battery swapping for mining trucks and megawatt charging.',
	},
	{
		id: 'draft-trucks-zh',
		kind: 'draft',
		lang: 'zh',
		title: '重型零排放卡车政策简报（草案）',
		summary: '两国货运电动化路径比较。',
		body: '简报比较加州先进清洁卡车法规与中国重型卡车电动化试点，包括矿用卡车换电和兆瓦级充电。',
	},
	{
		id: 'emissions-en',
		kind: 'news',
		lang: 'en',
		title: 'EPA finalizes multi-pollutant emission standards for model year 2027',
		summary: 'Tailpipe standards for light and medium-duty vehicles.',
		body: 'The Environmental Protection Agency set greenhouse gas and criteria pollutant standards that phase in from model year 2027, comparable in stringency to China 6b.',
	},
	{
		id: 'emissions-zh',
		kind: 'news',
		lang: 'zh',
		title: '国六b排放标准全面实施',
		summary: '轻型车污染物排放限值进一步收紧。',
		body: '国六b排放标准全面实施，与美国环保署2027年车型排放标准相比，限值要求相当。',
	},
	{
		id: 'rural-en',
		kind: 'news',
		lang: 'en',
		title: 'New energy vehicles to the countryside campaign',
		summary: 'Discounts and charging for rural buyers.',
		body: 'The annual campaign brings affordable electric cars to rural China with dealer discounts and new charging points in townships.',
	},
	{
		id: 'rural-zh',
		kind: 'news',
		lang: 'zh',
		title: '新能源汽车下乡活动启动',
		summary: '面向农村消费者的优惠与充电保障。',
		body: '新能源汽车下乡活动在多个省份启动，车企推出优惠车型，乡镇新建充电设施。',
	},
	{
		id: 'mou-en',
		kind: 'news',
		lang: 'en',
		title: 'California and China sign climate cooperation memorandum',
		summary: 'Subnational cooperation on clean transport continues.',
		body: 'The governor signed a memorandum of understanding with Chinese provinces on clean vehicles, ports and offshore wind, keeping subnational climate cooperation alive.',
	},
	{
		id: 'mou-zh',
		kind: 'news',
		lang: 'zh',
		title: '加州与中国签署气候合作备忘录',
		summary: '地方层面的清洁交通合作延续。',
		body: '加州州长与中国多个省份签署谅解备忘录，在清洁汽车、港口和海上风电领域开展合作。',
	},
	{
		id: 'eu-duties-en',
		kind: 'news',
		lang: 'en',
		title: 'EU countervailing duties on Chinese battery electric vehicles',
		summary: 'Brussels concludes its anti-subsidy investigation.',
		body: 'The European Commission imposed countervailing duties after an anti-subsidy investigation into battery electric vehicles from China; Chinese exporters shift to plug-in hybrids and local assembly.',
	},
	{
		id: 'eu-duties-zh',
		kind: 'news',
		lang: 'zh',
		title: '欧盟对中国纯电动汽车征收反补贴税',
		summary: '欧盟委员会结束反补贴调查。',
		body: '欧盟委员会在反补贴调查后对中国产纯电动汽车征收反补贴税，中国车企转向插电混动车型和本地组装。',
	},
	{
		id: 'carbon-en',
		kind: 'news',
		lang: 'en',
		title: 'Road transport carbon emissions fall for the first time',
		summary: 'Electric vehicle sales growth bends the curve.',
		body: 'Carbon dioxide from road transport declined as electric vehicle sales grew; freight trucks remain the largest source, and grid-scale storage helps charge them with clean power.',
	},
	{
		id: 'carbon-zh',
		kind: 'news',
		lang: 'zh',
		title: '道路交通碳排放量首次下降',
		summary: '电动汽车销量增长改变排放曲线。',
		body: '随着电动汽车销量增长，道路交通碳排放量出现下降，货运卡车仍是最大来源，储能电站帮助以清洁电力为其充电。',
	},
]

export interface RelevanceQuery {
	q: string
	/** Documents a reader expects in the first ten results. */
	expected: string[]
	/** Documents that must not be in the first ten: they have the query's characters, but not the word. */
	unwanted?: string[]
	/** What the query tests. */
	note: string
}

/** Queries with the documents that should come back; typos and partial words included on purpose. */
export const RELEVANCE_QUERIES: RelevanceQuery[] = [
	// Chinese words inside compounds and phrases.
	{ q: '补贴', expected: ['subsidy-zh'], note: 'word inside 购车补贴政策' },
	{ q: '购车补贴', expected: ['subsidy-zh'], note: 'compound' },
	{
		q: '电动',
		expected: ['tariff-zh', 'subsidy-zh', 'eu-duties-zh'],
		unwanted: ['recycling-zh', 'v2g-zh'],
		note: 'prefix of 电动汽车; 动力电池 and 互动…电网 are not it',
	},
	{
		q: '中美',
		expected: ['tariff-zh', 'standards-zh', 'apec-zh', 'minerals-zh'],
		unwanted: ['ira-zh'],
		note: 'a word jieba splits in queries (中|美) but not in 中美两国; 美国…中国 is not it',
	},
	{ q: '换电', expected: ['draft-trucks-zh'], unwanted: ['subsidy-zh'], note: 'battery swapping; 以旧换新…电动 is not it' },
	{ q: '插电', expected: ['subsidy-zh', 'eu-duties-zh'], note: 'inside 插电式 and 插电混动' },
	{ q: '绿氢', expected: ['hydrogen-zh'], note: 'new word' },
	{ q: '加氢站', expected: ['hydrogen-zh'], note: 'word' },
	{ q: '兆瓦', expected: ['draft-trucks-zh'], note: 'inside 兆瓦级' },
	{ q: '快充', expected: ['charging-zh'], note: 'abbreviation' },
	{ q: '碳排放', expected: ['carbon-zh'], note: 'inside 碳排放量, which segmenters keep as one word' },
	{ q: '公路', expected: ['charging-zh'], note: 'inside 高速公路, which segmenters keep as one word' },
	{ q: '储能', expected: ['recycling-zh', 'carbon-zh'], note: 'in 储能领域 and 储能电站' },
	{ q: '双积分', expected: ['credit-zh'], note: 'quoted term in a title' },
	{ q: '积分', expected: ['credit-zh', 'ca-zev-zh'], note: 'part of 双积分 and ZEV积分' },
	{ q: '充电桩', expected: ['charging-zh', 'v2g-zh', 'group-charging-zh'], note: 'compound word' },
	{ q: '充电桩 建设', expected: ['charging-zh'], note: 'two words' },
	{ q: '充电基础设施', expected: ['charging-zh'], note: 'long compound' },
	{ q: '标准互认', expected: ['standards-zh'], note: 'compound' },
	{ q: '互认', expected: ['standards-zh'], note: 'two characters' },
	{ q: '电池回收', expected: ['recycling-zh'], note: 'inside 动力电池回收利用' },
	{ q: '梯次利用', expected: ['recycling-zh'], note: 'technical term' },
	{ q: '零排放汽车', expected: ['apec-zh', 'ca-zev-zh'], note: 'phrase' },
	{ q: '关税', expected: ['tariff-zh'], note: 'two characters' },
	{ q: '电动汽车 关税', expected: ['tariff-zh'], note: 'two words' },
	{ q: '通胀削减法案', expected: ['ira-zh'], note: 'name in book-title marks' },
	{ q: '税收抵免', expected: ['ira-zh'], note: 'compound' },
	{ q: '氢燃料', expected: ['hydrogen-zh'], note: 'prefix of 氢燃料电池' },
	{ q: '公交', expected: ['bus-zh'], note: 'word' },
	{ q: '车网互动', expected: ['v2g-zh'], note: 'term' },
	{ q: '供应链', expected: ['minerals-zh', 'ira-zh'], note: 'word' },
	{ q: '电池护照', expected: ['meeting-passport-zh'], note: 'term' },
	{ q: '会议纪要', expected: ['meeting-passport-zh'], note: 'word' },
	{ q: '国六', expected: ['emissions-zh'], note: 'inside 国六b' },
	{ q: '下乡', expected: ['rural-zh'], note: 'inside 新能源汽车下乡' },
	{ q: '反补贴', expected: ['eu-duties-zh'], note: 'compound containing 补贴' },
	{ q: '备忘录', expected: ['mou-zh'], note: 'word' },
	{ q: '锂', expected: ['minerals-zh', 'recycling-zh', 'tariff-zh'], note: 'one character' },
	{ q: '重型卡车', expected: ['draft-trucks-zh'], note: 'not a substring (重型零排放卡车): needs relaxing' },
	{ q: '充电庄', expected: ['charging-zh'], note: 'typo of 充电桩' },
	// Mixed script.
	{ q: 'ZEV 政策', expected: ['ca-zev-zh'], note: 'Latin and Chinese' },
	{ q: 'G20 对话', expected: ['apec-zh'], note: 'Latin and Chinese' },
	{ q: 'APEC零排放', expected: ['apec-zh'], note: 'no space between scripts' },
	{ q: 'V2G', expected: ['v2g-en', 'v2g-zh'], note: 'code in both languages' },
	{ q: 'IRA 税收抵免', expected: ['ira-zh'], note: 'acronym and Chinese' },
	// English.
	{ q: 'tariffs', expected: ['tariff-en'], note: 'plural finds singular' },
	{ q: 'tariff electric vehicles', expected: ['tariff-en'], note: 'several words' },
	{ q: '"charging infrastructure"', expected: ['charging-en'], note: 'phrase' },
	{ q: 'dual credit', expected: ['credit-en'], note: 'hyphenated in the text' },
	{ q: 'purchase subsidies', expected: ['subsidy-en'], note: 'plural forms' },
	{ q: 'subsidy', expected: ['subsidy-en', 'eu-duties-en'], note: 'singular finds plural and anti-subsidy' },
	{ q: 'mutual recognition standards', expected: ['standards-en'], note: 'several words' },
	{ q: 'battery recycling', expected: ['recycling-en'], note: 'two words' },
	{ q: 'recycled', expected: ['recycling-en', 'meeting-passport-en'], note: 'stemming' },
	{ q: 'APEC dialogue', expected: ['apec-en'], note: 'acronym and word' },
	{ q: 'zero-emission mandate', expected: ['ca-zev-en'], note: 'hyphenated word' },
	{ q: 'Inflation Reduction Act', expected: ['ira-en'], note: 'name' },
	{ q: 'hydrogen trucks', expected: ['hydrogen-en'], note: 'plural' },
	{ q: 'electric buses', expected: ['bus-en'], note: 'plural' },
	{ q: 'lithium supply chain', expected: ['minerals-en'], note: 'several words' },
	{ q: 'battery passport', expected: ['meeting-passport-en'], note: 'meeting record' },
	{ q: 'heavy-duty trucks', expected: ['draft-trucks-en'], note: 'draft' },
	{ q: 'countryside', expected: ['rural-en'], note: 'one word' },
	{ q: 'countervailing duties', expected: ['eu-duties-en'], note: 'two words' },
	{ q: 'California China cooperation', expected: ['mou-en'], note: 'three words' },
	{ q: 'charging standards working group', expected: ['group-charging-en'], note: 'group name' },
	{ q: 'tarrifs', expected: ['tariff-en'], note: 'typo' },
	{ q: 'recyling batteries', expected: ['recycling-en'], note: 'typo in one word' },
	{ q: 'interoperability', expected: ['group-charging-en', 'apec-en'], note: 'long word' },
]

/** The corpus as documents for the index (all public, dated in order). */
export function relevanceDocuments(): SearchDocumentInput[] {
	return CORPUS.map((entry, index) => ({
		kind: entry.kind,
		refId: entry.id,
		lang: entry.lang,
		title: entry.title,
		summary: entry.summary,
		body: entry.body,
		audience: 'public',
		date: new Date(Date.UTC(2024, 0, 1 + index)),
		urlParts: { slug: entry.id },
	}))
}

// Filler: sentences about the portal's everyday business that share the
// corpus's common words but answer none of the queries.
const FILLER_ZH = [
	'工作组召开例会，讨论下一季度的工作计划。',
	'会议听取了秘书处关于年度报告编写进度的汇报。',
	'政策研究人员整理了近期公开发布的文件清单。',
	'汽车行业协会发布月度产销数据，市场总体平稳。',
	'与会代表就城市交通规划交换了意见。',
	'研究团队更新了数据库并修正了部分统计口径。',
	'项目组完成了中期评估，并提出改进建议。',
	'活动报名将于下月截止，请成员及时提交材料。',
	'专家介绍了国际气候谈判的最新进展。',
	'网站栏目调整，新增政策文件检索功能。',
	'研讨会围绕城市空气质量改善展开讨论。',
	'年度论坛将在北京举行，议程另行通知。',
	'秘书处感谢各成员单位对本期简报的支持。',
	'报告比较了不同地区的交通能源消费结构。',
	'车辆保有量统计显示私人乘用车继续增长。',
]
const FILLER_EN = [
	'The working group met to plan its activities for the next quarter.',
	'The secretariat reported progress on the annual report.',
	'Policy researchers compiled a list of recently published documents.',
	'The industry association released monthly vehicle sales data.',
	'Participants exchanged views on urban transport planning.',
	'The research team updated its database and revised several statistics.',
	'The project completed its mid-term review and proposed improvements.',
	'Registration for the event closes next month; members should submit materials.',
	'Experts presented the latest developments in international climate negotiations.',
	'The website added a new section for policy documents.',
	'A workshop discussed improving urban air quality.',
	'The annual forum will take place in Beijing; the agenda will follow.',
	'The secretariat thanks member organisations for supporting this newsletter.',
	'The report compares transport energy consumption across regions.',
	'Vehicle registration statistics show continued growth in private cars.',
]
const FILLER_TITLES_ZH = ['工作组例会', '月度简报', '会议通知', '研究动态', '活动预告', '数据更新', '年度论坛', '成员通讯']
const FILLER_TITLES_EN = [
	'Working group meeting',
	'Monthly briefing',
	'Meeting notice',
	'Research update',
	'Upcoming event',
	'Data update',
	'Annual forum',
	'Member newsletter',
]
const FILLER_KINDS: SearchKind[] = ['news', 'group', 'meeting', 'record', 'draft']

/** A small deterministic pseudo-random generator (mulberry32), so generated corpora are the same every run. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0
	return () => {
		state = (state + 0x6d2b79f5) >>> 0
		let t = state
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}

/** Filler documents: `count` of them, alternating languages, 3 to 12 sentences each. */
export function fillerDocuments({ count, seed = 1, prefix = 'filler' }: { count: number; seed?: number; prefix?: string }) {
	const random = seededRandom(seed)
	const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!
	const docs: SearchDocumentInput[] = []
	for (let i = 0; i < count; i++) {
		const zh = i % 2 === 1
		const sentences = Array.from({ length: 3 + Math.floor(random() * 10) }, () => pick(zh ? FILLER_ZH : FILLER_EN))
		docs.push({
			kind: pick(FILLER_KINDS),
			refId: `${prefix}-${i}`,
			lang: zh ? 'zh' : 'en',
			title: `${pick(zh ? FILLER_TITLES_ZH : FILLER_TITLES_EN)} ${i}`,
			body: sentences.join(zh ? '' : ' '),
			audience: 'public',
			date: new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 5 * 365) * 86_400_000),
			urlParts: { slug: `${prefix}-${i}` },
		})
	}
	return docs
}

/** How many filler documents the relevance test mixes in. */
export const RELEVANCE_FILLER_COUNT = 400

export interface RelevanceScore {
	/** Mean over queries of the share of expected documents in the first ten results. */
	recallAt10: number
	/** Mean reciprocal rank of the first expected document (0 when none is in the first ten). */
	mrr: number
	/** Unwanted documents found in the first ten, over all queries (false matches). */
	unwantedHits: number
	/** Queries that missed an expected document or found an unwanted one, for the report. */
	misses: Array<{ q: string; missing: string[]; unwanted: string[]; got: string[] }>
}

/** Scores ranked result ids (first ten used) against the relevance queries. */
export function scoreRelevance(rankedIds: Map<string, string[]>): RelevanceScore {
	let recall = 0
	let reciprocal = 0
	let unwantedHits = 0
	const misses: RelevanceScore['misses'] = []
	for (const query of RELEVANCE_QUERIES) {
		const top = (rankedIds.get(query.q) ?? []).slice(0, 10)
		const found = query.expected.filter((id) => top.includes(id))
		recall += found.length / query.expected.length
		const firstRank = top.findIndex((id) => query.expected.includes(id))
		reciprocal += firstRank === -1 ? 0 : 1 / (firstRank + 1)
		const unwanted = (query.unwanted ?? []).filter((id) => top.includes(id))
		unwantedHits += unwanted.length
		if (found.length < query.expected.length || unwanted.length > 0) {
			misses.push({ q: query.q, missing: query.expected.filter((id) => !found.includes(id)), unwanted, got: top })
		}
	}
	return {
		recallAt10: recall / RELEVANCE_QUERIES.length,
		mrr: reciprocal / RELEVANCE_QUERIES.length,
		unwantedHits,
		misses,
	}
}
