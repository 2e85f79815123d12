/**
 * Generated documents for the search benchmark: Chinese and English text
 * from domain vocabularies picked by Zipf's law (so 政策 / policy are in a
 * large share of documents, as in real text), long-tailed lengths, every
 * audience and some scheduled documents.
 */
import { seededRandom } from '#app/search/relevance-set.ts'
import type { SearchDocumentInput, SearchKind } from '#app/search/types.ts'

/** The clock the benchmark searches with; 2% of documents become visible a day later. */
export const BENCH_NOW = new Date('2025-06-01T00:00:00Z')
const NOW = BENCH_NOW

// Words for generated text, most common first: picked with Zipf's law, so
// 政策 / policy are in a large share of documents, as in real text.
const ZH_WORDS = (
	'政策 汽车 发展 电动汽车 新能源 市场 企业 标准 充电 电池 中国 美国 国际 合作 技术 能源 工作组 会议 研究 数据 ' +
	'排放 交通 城市 管理 规划 项目 投资 产业 消费者 补贴 基础设施 安全 质量 环境 气候 碳 减排 零排放 公交 货运 ' +
	'充电桩 换电 氢能 燃料电池 锂 回收 供应链 关税 贸易 出口 进口 税收 财政 监管 认证 互认 检测 试点 示范 推广 ' +
	'地方 省份 加州 北京 上海 深圳 广东 欧盟 法规 法案 积分 双积分 购置税 以旧换新 农村 下乡 车企 电网 储能 ' +
	'车网互动 快充 高速公路 服务区 物流 卡车 客车 出租车 网约车 智能 网联 自动驾驶 芯片 软件 数据安全 碳足迹 护照 ' +
	'透明度 对话 备忘录 论坛 报告 简报 草案 意见 通知 办法 目标 路线图 评估 指标 统计 增长 下降 成本 价格'
).split(' ')
const EN_WORDS = (
	'policy vehicle electric market development standard charging battery china united states international cooperation ' +
	'technology energy working group meeting research data emission transport city management planning project investment ' +
	'industry consumer subsidy infrastructure safety quality environment climate carbon reduction zero-emission bus freight ' +
	'charger swapping hydrogen fuel cell lithium recycling supply chain tariff trade export import tax fiscal regulation ' +
	'certification recognition testing pilot demonstration deployment local province california beijing shanghai shenzhen ' +
	'europe rule act credit purchase trade-in rural automaker grid storage bidirectional fast highway logistics truck coach ' +
	'taxi ride-hailing smart connected autonomous chip software security footprint passport transparency dialogue memorandum ' +
	'forum report brief draft opinion notice measure target roadmap assessment indicator statistics growth decline cost price'
).split(' ')
const FUNCTION_WORDS_EN = ['the', 'of', 'and', 'to', 'in', 'for', 'on', 'with', 'by', 'a']
const ZH_JOINERS = ['的', '和', '在', '对', '与', '及', '将', '了', '，', '。']
const KINDS: SearchKind[] = ['news', 'news', 'news', 'group', 'meeting', 'record', 'draft']

function zipfPicker(words: string[], random: () => number) {
	const weights = words.map((_, rank) => 1 / (rank + 1))
	const total = weights.reduce((sum, w) => sum + w, 0)
	const cumulative: number[] = []
	let sum = 0
	for (const weight of weights) cumulative.push((sum += weight / total))
	return () => {
		const r = random()
		let low = 0
		let high = cumulative.length - 1
		while (low < high) {
			const mid = (low + high) >> 1
			if (cumulative[mid]! < r) low = mid + 1
			else high = mid
		}
		return words[low]!
	}
}

export function generateDocuments(count: number, groupIds: string[]): SearchDocumentInput[] {
	const random = seededRandom(42)
	const zh = zipfPicker(ZH_WORDS, random)
	const en = zipfPicker(EN_WORDS, random)
	const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!
	const text = (chinese: boolean, words: number) => {
		const parts: string[] = []
		for (let i = 0; i < words; i++) {
			if (chinese) {
				parts.push(zh(), pick(ZH_JOINERS))
				// Chinese text quotes English names and acronyms now and then (ZEV, APEC, G20).
				if (random() < 0.03) parts.push(pick(['ZEV', 'APEC', 'G20', 'IRA', 'V2G', 'NEV']))
			} else {
				parts.push(random() < 0.35 ? pick(FUNCTION_WORDS_EN) : en())
			}
		}
		return parts.join(chinese ? '' : ' ')
	}
	const docs: SearchDocumentInput[] = []
	for (let i = 0; i < count; i++) {
		const chinese = random() < 0.5
		const audienceRoll = random()
		const groupId = random() < 0.6 ? pick(groupIds) : null
		const audience =
			audienceRoll < 0.7 ? 'public' : audienceRoll < 0.8 ? 'signed_in' : audienceRoll < 0.95 && groupId ? 'members' : 'owner'
		docs.push({
			kind: pick(KINDS),
			refId: `bench-${i}`,
			lang: chinese ? 'zh' : 'en',
			title: text(chinese, 4 + Math.floor(random() * 8)),
			summary: text(chinese, 10 + Math.floor(random() * 20)),
			// Long-tailed lengths: most a few hundred words, some meeting records much longer.
			body: text(chinese, Math.floor(80 + 600 * random() ** 3)),
			audience,
			groupId,
			ownerId: audience === 'owner' ? `user-${Math.floor(random() * 500)}` : null,
			visibleFrom: random() < 0.02 ? new Date(NOW.getTime() + 86_400_000) : null,
			date: new Date(Date.UTC(2018, 0, 1) + Math.floor(random() * 7 * 365) * 86_400_000),
			urlParts: { slug: `bench-${i}` },
		})
	}
	return docs
}
