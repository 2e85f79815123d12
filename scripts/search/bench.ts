/**
 * Search latency on a generated corpus (default 100,000 mixed-language
 * documents with every audience), through searchDocuments itself: the
 * tsquery, the permission-filtered counts and facets, the ranked page and
 * its snippets. Prints p50/p95 per kind of query. Makes its own throw-away
 * embedded PostgreSQL (or a database on BENCH_ADMIN_URL's server).
 *
 *   npx tsx scripts/search/bench.ts
 *   SEARCH_BENCH_DOCS=20000 SEARCH_BENCH_ROUNDS=10 npx tsx scripts/search/bench.ts
 *   SEARCH_BENCH_DIR=/tmp/search-bench npx tsx scripts/search/bench.ts
 *
 * With SEARCH_BENCH_DIR the cluster is kept there and the corpus reused by
 * later runs (generating 100,000 documents takes minutes); delete the
 * folder after changing the schema or the analyzer.
 */
import { createSql } from '#db/sql.server.ts'
import { migrate } from '#db/migrate.server.ts'
import { loadavg } from 'node:os'
import { createDatabaseIfMissing } from '#db/database.server.ts'
import { startEmbeddedPostgres } from '#db/embedded.server.ts'
import {
	createTestDatabase,
	dropTestDatabase,
	findFreePort,
	startTestDatabaseServer,
	withDatabase,
} from '#db/testing/test-database.ts'
import { relevanceDocuments, seededRandom } from '#app/search/relevance-set.ts'
import type { SearchReader } from '#app/search/types.ts'
import { BENCH_NOW as NOW, generateDocuments } from './bench-corpus.ts'
import { createProgress } from './progress.ts'

const DOCUMENTS = Number(process.env.SEARCH_BENCH_DOCS ?? 100_000)
const ROUNDS = Number(process.env.SEARCH_BENCH_ROUNDS ?? 20)
const GROUPS = 20
const INSERT_BATCH = 1000
const KEPT_DATABASE = 'search_bench'
/** Only for the kept throw-away cluster on loopback. */
const KEPT_PASSWORD = 'search-bench'

const QUERIES: Record<string, string[]> = {
	'short (1-2 chars / 1 word)': ['锂', '碳', '政策', '补贴', '互认', 'tariff', 'policy', 'hydrogen', 'V2G', 'lithium'],
	'long (4+ terms)': [
		'电动汽车 充电桩 基础设施 建设 试点',
		'新能源汽车购车补贴政策延续',
		'charging infrastructure pilot deployment in rural provinces',
		'"supply chain" battery recycling lithium cost',
		'zero-emission freight truck hydrogen fuel cell demonstration',
		'双积分 政策 车企 积分 价格 评估',
	],
	Chinese: ['充电桩', '双积分', '零排放', '车网互动', '供应链安全', '以旧换新', '燃料电池', '电池回收', '关税 贸易', '碳足迹'],
	English: [
		'tariffs',
		'"battery passport"',
		'mutual recognition',
		'charging standards',
		'subsidies',
		'dialogue memorandum',
		'autonomous connected vehicles',
		'recyling',
	],
	mixed: ['ZEV 政策', 'APEC 对话', 'G20 合作', 'IRA 税收', 'V2G 电网', 'lithium 回收', 'NEV 下乡'],
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

const keptDir = process.env.SEARCH_BENCH_DIR
const external = process.env.BENCH_ADMIN_URL
const server = external
	? null
	: keptDir
		? await startEmbeddedPostgres({ dataDir: keptDir, port: await findFreePort(), password: KEPT_PASSWORD })
		: await startTestDatabaseServer()
const adminUrl = external ?? server!.adminUrl
let url: string
if (keptDir) {
	await createDatabaseIfMissing(adminUrl, KEPT_DATABASE)
	url = withDatabase(adminUrl, KEPT_DATABASE)
} else {
	url = await createTestDatabase(adminUrl)
}
const setup = createSql(url, { max: 1 })
try {
	await migrate({ sql: setup })
	const [existing] = await setup<{ count: number }[]>`select count(*)::int as count from search_documents`
	const reuse = keptDir !== undefined && existing!.count === DOCUMENTS
	const groupIds = reuse
		? []
		: (
				await setup<{ id: string }[]>`
					insert into working_groups (slug) select 'bench-group-' || n from generate_series(1, ${GROUPS}) as n
					on conflict (slug) do update set sort_order = working_groups.sort_order returning id
				`
			).map((row) => row.id)
	process.env.DATABASE_URL = url
	// Imported only now: the app's pool reads DATABASE_URL when first imported.
	const { indexDocuments } = await import('#app/search/index.queries.server.ts')
	const { searchDocuments } = await import('#app/search/search.queries.server.ts')
	const { sql } = await import('#db/client.server.ts')

	const started = performance.now()
	if (reuse) {
		console.log(`reusing ${DOCUMENTS} documents in ${keptDir}`)
	} else {
		await sql`truncate search_documents`
		const docs = [...relevanceDocuments(), ...generateDocuments(DOCUMENTS - relevanceDocuments().length, groupIds)]
		const progress = createProgress({ total: docs.length, label: 'indexing' })
		for (let i = 0; i < docs.length; i += INSERT_BATCH) {
			const batch = docs.slice(i, i + INSERT_BATCH)
			await sql.begin((tx) => indexDocuments(tx, batch))
			progress.tick(batch.length)
		}
		progress.done()
	}
	const insertSeconds = (performance.now() - started) / 1000
	// Not through the app's pool: its statements stop after 1.4 s (db/guarded-sql.server.ts), a vacuum of 100,000 rows takes longer.
	await setup`vacuum analyze search_documents`
	const [size] = await sql<{ table: string; vectorIndex: string; trgmIndex: string }[]>`
		select pg_size_pretty(pg_total_relation_size('search_documents')) as table,
			pg_size_pretty(pg_relation_size('search_documents_vector_idx')) as vector_index,
			pg_size_pretty(pg_relation_size('search_documents_title_trgm_idx')) as trgm_index
	`
	if (!reuse) console.log(`${DOCUMENTS} documents indexed in ${insertSeconds.toFixed(1)} s (${Math.round(DOCUMENTS / insertSeconds)}/s)`)
	console.log(
		`table with indexes ${size!.table}, GIN ${size!.vectorIndex}, title trigram ${size!.trgmIndex}; load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}`,
	)
	console.log(
	)

	const random = seededRandom(7)
	const readers: SearchReader[] = [
		null,
		{ userId: 'user-1', isAdmin: false, groupIds: groupIds.slice(0, 3) },
		{ userId: 'user-2', isAdmin: true, groupIds: [] },
	]
	// Warm-up: the first queries load the index into memory.
	for (const list of Object.values(QUERIES)) {
		for (const q of list) await searchDocuments({ q, lang: 'en', reader: null, now: NOW })
	}
	const all: number[] = []
	const lines: string[] = []
	const perQuery: Array<{ q: string; p50: number; total: number }> = []
	for (const [category, list] of Object.entries(QUERIES)) {
		const timings: number[] = []
		let totals = 0
		const byQuery = new Map<string, { timings: number[]; total: number }>()
		for (let round = 0; round < ROUNDS; round++) {
			for (const q of list) {
				const reader = readers[Math.floor(random() * readers.length)]!
				const started = performance.now()
				const response = await searchDocuments({ q, lang: random() < 0.5 ? 'en' : 'zh', reader, now: NOW })
				const elapsed = performance.now() - started
				timings.push(elapsed)
				totals += response.total
				const entry = byQuery.get(q) ?? { timings: [], total: 0 }
				entry.timings.push(elapsed)
				entry.total = Math.max(entry.total, response.total)
				byQuery.set(q, entry)
			}
		}
		for (const [q, entry] of byQuery) {
			perQuery.push({ q, p50: percentile(entry.timings.sort((a, b) => a - b), 50), total: entry.total })
		}
		timings.sort((a, b) => a - b)
		all.push(...timings)
		lines.push(
			`| ${category} | ${timings.length} | ${percentile(timings, 50).toFixed(1)} | ${percentile(timings, 95).toFixed(1)} | ` +
				`${timings[timings.length - 1]!.toFixed(1)} | ${Math.round(totals / timings.length)} |`,
		)
	}
	all.sort((a, b) => a - b)
	lines.push(
		`| all | ${all.length} | ${percentile(all, 50).toFixed(1)} | ${percentile(all, 95).toFixed(1)} | ${all[all.length - 1]!.toFixed(1)} | |`,
	)
	console.log(`\nsearchDocuments on ${DOCUMENTS} documents, ${ROUNDS} rounds, readers anonymous / member / admin\n`)
	console.log('| queries | runs | p50 ms | p95 ms | max ms | mean total matches |')
	console.log('| --- | --- | --- | --- | --- | --- |')
	for (const line of lines) console.log(line)
	console.log('\nslowest queries (p50 ms, most matches seen by any reader):')
	for (const { q, p50, total } of perQuery.sort((a, b) => b.p50 - a.p50).slice(0, 8)) {
		console.log(`  ${p50.toFixed(1).padStart(7)}  ${String(total).padStart(6)}  ${q}`)
	}
	console.log('fastest queries:')
	for (const { q, p50, total } of perQuery.sort((a, b) => a.p50 - b.p50).slice(0, 5)) {
		console.log(`  ${p50.toFixed(1).padStart(7)}  ${String(total).padStart(6)}  ${q}`)
	}
	await sql.end()
} finally {
	await setup.end()
	if (!keptDir) await dropTestDatabase(adminUrl, url).catch(() => {})
	await server?.stop()
}
