/**
 * `npm run bench`: how fast the portal serves its key pages on a large
 * dataset, against two references measured in the same run, and whether
 * every budget of docs/performance.md holds. Exits non-zero when one does
 * not (the bench enforces budgets; `npm test` does not).
 *
 *   1. builds the portal and the reference Remix app (scripts/bench/reference/) when their sources changed;
 *   2. opens the bench database (.cache/bench-db/, generated once per migration set: scripts/bench/dataset.ts);
 *   3. starts the production portal, a bare Node server answering the portal's own bytes per page
 *      (scripts/bench/bare-server.ts) and the reference Remix app, each in its own process;
 *   4. per page: queries per render (pg_stat_statements), JavaScript loaded (gzip), then load from
 *      autocannon in its own process, alternating with the page's reference, and p99 at half the best rate
 *      (sent evenly spaced: scripts/bench/paced-load.ts).
 *
 *   BENCH_SECONDS=4 BENCH_ROUNDS=3 BENCH_WARMUP_SECONDS=8 BENCH_CONNECTIONS=32 npm run bench
 *   BENCH_PAGES=home-en,article npm run bench      (a subset)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib'
import { openBenchDatabase } from './bench/database.ts'
import { runLoad, type LoadResult } from './bench/load.ts'
import { measurePageJavaScript, type PageJavaScript } from './bench/page-js.ts'
import { signInBenchEditor } from './bench/session.ts'
import { findFreePort } from '#db/testing/test-database.ts'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
/**
 * Load sent to a page and to its reference before the measured rounds, and
 * not counted: the rate of a server a while in service. A fresh portal
 * process ran a page at 47, 71, 85, 100, 87, 86 req/s in consecutive
 * 4-second rounds (V8 optimizing the page's code), the small reference at
 * 84, 95, 86, 93, 99, 97: without this, the first of three rounds measured
 * the compiler (docs/decisions/026). Signed-in pages only (below).
 */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 8)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32)
const ONLY = process.env.BENCH_PAGES?.split(',').filter(Boolean) ?? null

/** The budgets (docs/performance.md). */
const BUDGET = {
	/** Anonymous public pages: share of the bare-Node rate for the same bytes. */
	anonymousRatio: 0.5,
	/** Signed-in pages: share of a minimal Remix page of the same size. */
	memberRatio: 0.8,
	/** At half the best rate. */
	p99Ms: 200,
	/** "A handful" of queries for one render of a page; no N+1. */
	queriesPerPage: 8,
	readingJsGzipBytes: 20 * 1024,
	memberJsGzipBytes: 120 * 1024,
	/** A listing page 5,000 pages deep renders within this factor of the first page (keyset, not OFFSET). */
	deepPageFactor: 2,
}
const DEEP_PAGES = 5_000
const NEWS_PAGE_SIZE = 9
const QUERY_SAMPLES = 2
const RENDER_SAMPLES = 3
const ACCEPT_ENCODING = 'gzip, deflate, br'
const SERVER_START_TIMEOUT_MS = 120_000
const PORTAL_BUILD_INPUTS = ['app', 'locales', 'public', 'vite.config.ts', 'remix.config.js', 'package-lock.json']
const REFERENCE_DIR = 'scripts/bench/reference'
const REFERENCE_BUILD = '.cache/bench-reference/server/index.js'
const RESULTS_FILE = '.cache/bench-results.json'

type Kind = 'reading' | 'feed' | 'member'

interface Page {
	name: string
	path: string
	kind: Kind
	/** Signed-in pages carry the session cookie. */
	member?: boolean
}

interface PageReport {
	page: Page
	status: number
	cache: string
	htmlBytes: number
	gzipBytes: number
	queries: number
	renderP50Ms: number
	js: PageJavaScript | null
	portal: LoadResult
	reference: LoadResult
	referenceName: string
	ratio: number
	halfRate: LoadResult
	referenceHalfRate: LoadResult
	misses: string[]
}

function log(message: string) {
	console.log(`[bench] ${message}`)
}

function newestMtimeMs(entry: string): number {
	if (!existsSync(entry)) return 0
	const stat = statSync(entry)
	if (!stat.isDirectory()) return stat.mtimeMs
	return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestMtimeMs(path.join(entry, name))))
}

function buildIfStale({ output, inputs, args, label }: { output: string; inputs: string[]; args: string[]; label: string }) {
	const builtAt = existsSync(output) ? statSync(output).mtimeMs : 0
	if (process.env.BENCH_BUILD !== '1' && Math.max(...inputs.map(newestMtimeMs)) <= builtAt) return
	log(`building ${label}`)
	const result = spawnSync('npx', ['remix', 'vite:build', ...args], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
	if (result.status !== 0) process.exit(result.status ?? 1)
}

/** Starts a server script with tsx; resolves when it answers `readyPath`. */
async function startProcess({
	label,
	args,
	env,
	port,
	readyPath,
}: {
	label: string
	args: string[]
	env: Record<string, string>
	port: number
	readyPath: string
}): Promise<{ child: ChildProcess; origin: string }> {
	const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
		env: { ...process.env, ...env, PORT: String(port) },
		stdio: ['ignore', 'ignore', 'inherit'],
	})
	const origin = `http://127.0.0.1:${port}`
	const deadline = Date.now() + SERVER_START_TIMEOUT_MS
	while (!(await fetch(`${origin}${readyPath}`).then((r) => r.status < 500, () => false))) {
		if (child.exitCode !== null) throw new Error(`${label} exited with ${child.exitCode}`)
		if (Date.now() > deadline) throw new Error(`${label} did not start`)
		await new Promise((resolve) => setTimeout(resolve, 250))
	}
	return { child, origin }
}

async function stopProcess(child: ChildProcess) {
	if (child.exitCode !== null) return
	child.kill('SIGTERM')
	await new Promise((resolve) => child.once('exit', resolve))
}

async function fetchRaw(url: string, headers: Record<string, string>) {
	// Node's fetch would decode gzip; the bare server needs the bytes as sent.
	const { request } = await import('node:http')
	return new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
		request(url, { headers }, (res) => {
			const chunks: Buffer[] = []
			res.on('data', (chunk: Buffer) => chunks.push(chunk))
			res.on('end', () => {
				const flat: Record<string, string> = {}
				for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value
				resolve({ status: res.statusCode ?? 0, headers: flat, body: Buffer.concat(chunks) })
			})
		})
			.on('error', reject)
			.end()
	})
}

function decode(body: Buffer, encoding: string | undefined): Buffer {
	if (encoding === 'gzip') return gunzipSync(body)
	if (encoding === 'br') return brotliDecompressSync(body)
	if (encoding === 'deflate') return inflateSync(body)
	return body
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b)
	return sorted[Math.floor(sorted.length / 2)] ?? 0
}

function kb(bytes: number): string {
	return `${(bytes / 1024).toFixed(1)}`
}

const started = Date.now()
buildIfStale({ output: 'build/server/index.js', inputs: PORTAL_BUILD_INPUTS, args: [], label: 'the portal' })
buildIfStale({
	output: REFERENCE_BUILD,
	inputs: [REFERENCE_DIR, 'package-lock.json'],
	args: ['--config', `${REFERENCE_DIR}/vite.config.ts`],
	label: 'the reference Remix app',
})

const db = await openBenchDatabase({ log })
const children: ChildProcess[] = []
let exitCode = 1
try {
	const portalPort = await findFreePort()
	const portal = await startProcess({
		label: 'the portal',
		args: ['server.ts'],
		env: { NODE_ENV: 'production', HOST: '127.0.0.1', DATABASE_URL: db.url, SITE_URL: `http://127.0.0.1:${portalPort}` },
		port: portalPort,
		readyPath: '/healthz',
	})
	children.push(portal.child)
	const reference = await startProcess({
		label: 'the reference Remix app',
		args: [`${REFERENCE_DIR}/server.ts`],
		env: { NODE_ENV: 'production' },
		port: await findFreePort(),
		readyPath: '/?items=1',
	})
	children.push(reference.child)

	const { default: postgres } = await import('postgres')
	const benchSql = postgres(db.url, { max: 1, onnotice: () => {} })
	const memberCookie = await signInBenchEditor(benchSql)
	const [newest] = await benchSql<{ en: string; zh: string }[]>`
		select e.slug as en, z.slug as zh from news_posts p
		join news_post_translations e on e.post_id = p.id and e.lang = 'en'
		join news_post_translations z on z.post_id = p.id and z.lang = 'zh'
		where p.status = 'published' and p.published_at <= now()
		order by p.published_at desc, p.id desc limit 1
	`
	const [deep] = await benchSql<{ cursor: string }[]>`
		select to_char(published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '~' || id as cursor from news_posts
		where status in ('published', 'scheduled') and published_at <= now()
		order by published_at desc, id desc offset ${DEEP_PAGES * NEWS_PAGE_SIZE} limit 1
	`
	// The group the bench loads: its latest meeting whose published record has its sign-offs, and its latest published draft.
	const [meeting] = await benchSql<{ id: string }[]>`
		select m.id::text as id from meetings m
		join working_groups g on g.id = m.group_id
		join meeting_records r on r.meeting_id = m.id
		where g.slug = 'bench-group-1' and r.status = 'published'
			and exists (select 1 from meeting_record_signoffs s where s.record_id = r.id and s.record_version = r.published_version)
		order by m.starts_at desc limit 1
	`
	const [draft] = await benchSql<{ id: string }[]>`
		select d.id::text as id from policy_drafts d join working_groups g on g.id = d.group_id
		where g.slug = 'bench-group-1' and d.status = 'published'
		order by d.published_at desc limit 1
	`
	await benchSql.end()

	const allPages: Page[] = [
		{ name: 'home-en', path: '/en', kind: 'reading' },
		{ name: 'home-zh', path: '/zh', kind: 'reading' },
		{ name: 'news-en', path: '/en/news', kind: 'reading' },
		{ name: 'news-zh', path: '/zh/news', kind: 'reading' },
		{ name: 'article', path: `/en/news/${newest!.en}`, kind: 'reading' },
		{ name: 'article-zh', path: `/zh/news/${newest!.zh}`, kind: 'reading' },
		// The lab's own work, as the public reads it: 200 groups with members, meetings, records and drafts.
		{ name: 'groups-en', path: '/en/groups', kind: 'reading' },
		{ name: 'group-zh', path: '/zh/groups/bench-group-1', kind: 'reading' },
		{ name: 'meetings-en', path: '/en/meetings', kind: 'reading' },
		{ name: 'meeting-en', path: `/en/meetings/${meeting!.id}`, kind: 'reading' },
		{ name: 'record-en', path: `/en/meetings/${meeting!.id}/record`, kind: 'reading' },
		{ name: 'drafts-zh', path: '/zh/drafts', kind: 'reading' },
		{ name: 'draft-zh', path: `/zh/drafts/${draft!.id}`, kind: 'reading' },
		{ name: 'search-en', path: '/en/search', kind: 'reading' },
		{ name: 'search-zh', path: `/zh/search?q=${encodeURIComponent('电池回收')}`, kind: 'reading' },
		{ name: 'feed-rss', path: '/en/news/feed.xml', kind: 'feed' },
		{ name: 'feed-atom', path: '/zh/news/atom.xml', kind: 'feed' },
		{ name: 'account', path: '/en/account', kind: 'member', member: true },
		{ name: 'newsroom', path: '/en/newsroom', kind: 'member', member: true },
	]
	const pages = ONLY ? allPages.filter((page) => ONLY.includes(page.name)) : allPages
	const headersFor = (page: Page): Record<string, string> => ({
		'accept-encoding': ACCEPT_ENCODING,
		...(page.member ? { cookie: memberCookie } : {}),
	})

	// What each page is: status, bytes, what the cache did, its JavaScript, its queries.
	const samples = new Map<string, { status: number; headers: Record<string, string>; gzip: Buffer; html: string }>()
	const facts = new Map<string, { queries: number; renderP50Ms: number; js: PageJavaScript | null }>()
	for (const page of pages) {
		await fetchRaw(`${portal.origin}${page.path}`, headersFor(page)) // fills the cache
		const sample = await fetchRaw(`${portal.origin}${page.path}`, headersFor(page))
		const html = decode(sample.body, sample.headers['content-encoding']).toString('utf8')
		samples.set(page.name, { status: sample.status, headers: sample.headers, gzip: sample.body, html })

		// Renders, not cache hits: anonymous pages get a query string the loaders ignore.
		const renderUrl = (i: number) =>
			page.member ? `${portal.origin}${page.path}` : `${portal.origin}${page.path}${page.path.includes('?') ? '&' : '?'}bench-render=${Date.now()}-${i}`
		// One render first: it may open pool connections, and postgres.js reads the array types on each new one (not the page's queries).
		await fetchRaw(renderUrl(-1), headersFor(page))
		await db.resetQueryCount()
		for (let i = 0; i < QUERY_SAMPLES; i++) await fetchRaw(renderUrl(i), headersFor(page))
		const queries = (await db.queryCount()) / QUERY_SAMPLES
		const times: number[] = []
		for (let i = 0; i < RENDER_SAMPLES; i++) {
			const at = performance.now()
			await fetchRaw(renderUrl(QUERY_SAMPLES + i), headersFor(page))
			times.push(performance.now() - at)
		}
		const js = page.kind === 'feed' ? null : await measurePageJavaScript({ origin: portal.origin, pageUrl: `${portal.origin}${page.path}`, html })
		facts.set(page.name, { queries, renderP50Ms: median(times), js })
		log(`${page.name}: ${sample.status}, cache ${sample.headers['x-response-cache'] ?? '-'}, ${queries.toFixed(1)} queries, render ${median(times).toFixed(0)} ms`)
	}

	// The bare server answers each anonymous page's exact bytes, under the page's own path.
	const barePagesFile = '.cache/bench-bare-pages.json'
	await mkdir('.cache', { recursive: true })
	await writeFile(
		barePagesFile,
		JSON.stringify(
			pages
				.filter((page) => !page.member)
				.map((page) => {
					const sample = samples.get(page.name)!
					const headers: Record<string, string> = { 'Content-Type': sample.headers['content-type'] ?? 'text/html' }
					if (sample.headers['content-encoding']) headers['Content-Encoding'] = sample.headers['content-encoding']
					return { path: page.path, status: sample.status, headers, bodyBase64: sample.gzip.toString('base64') }
				}),
		),
	)
	const bare = await startProcess({
		label: 'the bare Node server',
		args: ['scripts/bench/bare-server.ts', barePagesFile],
		env: {},
		port: await findFreePort(),
		readyPath: '/',
	})
	children.push(bare.child)

	// The reference Remix page is made as large as each signed-in page.
	const referenceSize = async (items: number) =>
		(await fetchRaw(`${reference.origin}/?items=${items}`, {})).body.length
	const referenceBase = await referenceSize(0)
	const referencePerItem = ((await referenceSize(200)) - referenceBase) / 200

	const reports: PageReport[] = []
	for (const page of pages) {
		const sample = samples.get(page.name)!
		const fact = facts.get(page.name)!
		const htmlBytes = Buffer.byteLength(sample.html)
		const items = Math.max(0, Math.round((htmlBytes - referenceBase) / referencePerItem))
		const referenceUrl = page.member ? `${reference.origin}/?items=${items}` : `${bare.origin}${page.path}`
		const referenceName = page.member ? `remix list ×${items}` : 'bare node'
		let best: LoadResult | null = null
		let bestReference: LoadResult | null = null
		// Anonymous pages are answered from the response cache (a lookup), warm within their first round.
		if (page.member && WARMUP_SECONDS > 0) {
			await runLoad({ url: referenceUrl, connections: CONNECTIONS, seconds: WARMUP_SECONDS, headers: { 'accept-encoding': ACCEPT_ENCODING } })
			await runLoad({ url: `${portal.origin}${page.path}`, connections: CONNECTIONS, seconds: WARMUP_SECONDS, headers: headersFor(page) })
		}
		for (let round = 0; round < ROUNDS; round++) {
			const referenceRun = await runLoad({ url: referenceUrl, connections: CONNECTIONS, seconds: SECONDS, headers: { 'accept-encoding': ACCEPT_ENCODING } })
			const portalRun = await runLoad({ url: `${portal.origin}${page.path}`, connections: CONNECTIONS, seconds: SECONDS, headers: headersFor(page) })
			if (!bestReference || referenceRun.requestsPerSecond > bestReference.requestsPerSecond) bestReference = referenceRun
			if (!best || portalRun.requestsPerSecond > best.requestsPerSecond) best = portalRun
		}
		const halfRate = await runLoad({
			url: `${portal.origin}${page.path}`,
			connections: CONNECTIONS,
			seconds: SECONDS,
			headers: headersFor(page),
			rate: best!.requestsPerSecond / 2,
		})
		// The reference at the same rate: how much of the p99 is the machine's, not the portal's.
		const referenceHalfRate = await runLoad({
			url: referenceUrl,
			connections: CONNECTIONS,
			seconds: SECONDS,
			headers: { 'accept-encoding': ACCEPT_ENCODING },
			rate: best!.requestsPerSecond / 2,
		})
		const ratio = bestReference!.requestsPerSecond > 0 ? best!.requestsPerSecond / bestReference!.requestsPerSecond : 0
		const misses: string[] = []
		if (sample.status !== 200) misses.push(`status ${sample.status}`)
		if (best!.failures > 0 || halfRate.failures > 0) misses.push(`${best!.failures + halfRate.failures} failed requests`)
		const ratioBudget = page.member ? BUDGET.memberRatio : BUDGET.anonymousRatio
		if (!(ratio >= ratioBudget)) misses.push(`ratio ${ratio.toFixed(2)} < ${ratioBudget}`)
		if (halfRate.p99Ms > BUDGET.p99Ms) misses.push(`p99 ${halfRate.p99Ms} ms at half rate > ${BUDGET.p99Ms}`)
		if (fact.queries > BUDGET.queriesPerPage) misses.push(`${fact.queries} queries > ${BUDGET.queriesPerPage}`)
		const jsBudget = page.member ? BUDGET.memberJsGzipBytes : BUDGET.readingJsGzipBytes
		if (fact.js && fact.js.gzipBytes > jsBudget) misses.push(`JS ${kb(fact.js.gzipBytes)} KB > ${kb(jsBudget)} KB`)
		if (!page.member && sample.headers['x-response-cache'] !== 'hit') misses.push(`not served from the cache (${sample.headers['x-response-cache']})`)
		reports.push({
			page,
			status: sample.status,
			cache: sample.headers['x-response-cache'] ?? '-',
			htmlBytes,
			gzipBytes: sample.gzip.length,
			queries: fact.queries,
			renderP50Ms: fact.renderP50Ms,
			js: fact.js,
			portal: best!,
			reference: bestReference!,
			referenceName,
			ratio,
			halfRate,
			referenceHalfRate,
			misses,
		})
		log(`${page.name}: ${best!.requestsPerSecond.toFixed(0)} req/s vs ${referenceName} ${bestReference!.requestsPerSecond.toFixed(0)} (${ratio.toFixed(2)}), p99 at half rate ${halfRate.p99Ms} ms${misses.length ? `: MISSED ${misses.join('; ')}` : ''}`)
	}

	// Keyset paging: a listing page 5,000 pages deep renders about as fast as the first.
	const renderTime = async (url: string) => {
		const times: number[] = []
		for (let i = 0; i < RENDER_SAMPLES; i++) {
			const at = performance.now()
			await fetchRaw(`${url}${url.includes('?') ? '&' : '?'}bench-render=deep-${Date.now()}-${i}`, { 'accept-encoding': ACCEPT_ENCODING })
			times.push(performance.now() - at)
		}
		return median(times)
	}
	const firstPageMs = await renderTime(`${portal.origin}/en/news`)
	const deepPath = `/en/news?before=${encodeURIComponent(deep!.cursor)}`
	const deepCheck = await fetchRaw(`${portal.origin}${deepPath}`, {})
	const deepPageMs = await renderTime(`${portal.origin}${deepPath}`)
	await db.resetQueryCount()
	await fetchRaw(`${portal.origin}${deepPath}&bench-render=deep-queries`, {})
	const deepQueries = await db.queryCount()
	const deepMisses: string[] = []
	if (deepCheck.status !== 200 || !deepCheck.body.toString().includes('bench-post-')) deepMisses.push('the deep page lists no posts')
	if (deepPageMs > BUDGET.deepPageFactor * firstPageMs) deepMisses.push(`${deepPageMs.toFixed(0)} ms > ${BUDGET.deepPageFactor} × ${firstPageMs.toFixed(0)} ms`)
	if (deepQueries > BUDGET.queriesPerPage) deepMisses.push(`${deepQueries} queries`)

	// The report.
	const rows = reports.map((r) => [
		r.page.name,
		r.page.member ? 'member' : 'anon',
		r.portal.requestsPerSecond.toFixed(0),
		`${r.reference.requestsPerSecond.toFixed(0)} ${r.referenceName}`,
		`${r.ratio.toFixed(2)} (≥ ${r.page.member ? BUDGET.memberRatio : BUDGET.anonymousRatio})`,
		String(r.portal.p50Ms),
		String(r.portal.p99Ms),
		`${r.halfRate.p99Ms} (${r.referenceHalfRate.p99Ms})`,
		r.queries.toFixed(1),
		r.renderP50Ms.toFixed(0),
		r.js ? `${kb(r.js.gzipBytes)} (${r.js.files})` : '-',
		kb(r.gzipBytes),
		r.misses.length ? `MISSED: ${r.misses.join('; ')}` : 'ok',
	])
	const header = ['page', 'who', 'req/s', 'reference req/s', 'ratio', 'p50', 'p99', 'p99@½ (ref)', 'queries', 'render ms', 'JS KB gz (files)', 'page KB gz', 'budgets']
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)))
	const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')
	console.log(`\n${SECONDS} s × ${ROUNDS} rounds per page and reference (best round; signed-in pages after ${WARMUP_SECONDS} s of each not counted), ${CONNECTIONS} connections, autocannon in its own process, loopback, NODE_ENV=production`)
	console.log(`dataset: ≥ 100,000 posts in both languages, ≥ 10,000 users, ≥ 1,000,000 audit events; ms are latency; JS is what a page loads, gzip\n`)
	console.log(line(header))
	for (const row of rows) console.log(line(row))
	console.log(
		`\nkeyset paging, ${DEEP_PAGES.toLocaleString('en')} pages deep: render ${deepPageMs.toFixed(0)} ms vs first page ${firstPageMs.toFixed(0)} ms, ${deepQueries} queries: ${deepMisses.length ? `MISSED: ${deepMisses.join('; ')}` : 'ok'}`,
	)
	const missed = reports.filter((r) => r.misses.length > 0).length + (deepMisses.length ? 1 : 0)
	console.log(`\nbudgets: ${reports.length + 1 - missed} met, ${missed} missed (${((Date.now() - started) / 1000).toFixed(0)} s)`)
	await writeFile(
		RESULTS_FILE,
		JSON.stringify({ date: new Date().toISOString(), seconds: SECONDS, rounds: ROUNDS, connections: CONNECTIONS, reports, deep: { deepPageMs, firstPageMs, deepQueries, deepMisses } }, null, '\t'),
	)
	exitCode = missed === 0 ? 0 : 1
} finally {
	for (const child of children.reverse()) await stopProcess(child)
	await db.stop()
}
process.exit(exitCode)
