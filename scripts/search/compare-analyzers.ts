/**
 * The measurement behind ADR 020: how well, and how fast, each way of
 * making Chinese searchable in PostgreSQL does on the relevance set.
 *
 *   npx tsx scripts/search/compare-analyzers.ts
 *   COMPARE_DOCS=20000 JIEBA_MODULE=/path/to/@node-rs/jieba/index.js npx tsx scripts/search/compare-analyzers.ts
 *
 * Every strategy gets the same harness: a tsvector (or folded text) per
 * document with the title weighted A, the strict query first and, when it
 * finds nothing, the relaxed one (any term), ranked by ts_rank_cd (or
 * trigram similarity), ten results. Recall@10 and MRR are measured on the
 * relevance corpus plus its 400 filler documents; latency on COMPARE_DOCS
 * documents (the corpus plus generated filler), p50/p95 over the query set.
 * The production pipeline (with its title-similarity boost and typo
 * fallback) is measured by app/search/relevance.server.test.ts.
 *
 * jieba (`@node-rs/jieba`) is not a dependency of the portal: the script
 * measures it when JIEBA_MODULE points at an installed copy (or it resolves).
 */
import { createSql, type Sql } from '#db/sql.server.ts'
import { createTestDatabase, startTestDatabaseServer } from '#db/testing/test-database.ts'
import { analyzeField, canRelax, latinPart, normalizeText, parseQuery, queryUnits, type ParsedQuery } from '#app/search/analyzer.ts'
import {
	RELEVANCE_FILLER_COUNT,
	RELEVANCE_QUERIES,
	fillerDocuments,
	relevanceDocuments,
	scoreRelevance,
} from '#app/search/relevance-set.ts'
import type { SearchDocumentInput } from '#app/search/types.ts'

const LATENCY_DOCS = Number(process.env.COMPARE_DOCS ?? 20_000)
const LATENCY_ROUNDS = 3
const INSERT_BATCH = 500

interface Strategy {
	name: string
	/** 'vector': tsvector from the two halves below; 'trigram': LIKE on folded text. */
	mode: 'vector' | 'trigram'
	/** For vector mode: SQL text config for the Latin half and a tsvector literal for the CJK half. */
	index?: (text: string) => { config: 'simple' | 'english'; latin: string; cjk: string }
	/** For vector mode: the tsquery in text form for strict or relaxed matching ('' = nothing to search). */
	query?: (q: string, relaxed: boolean) => { config: 'simple' | 'english'; latin: string; cjk: string; plain: boolean; websearch?: boolean }
}

const CJK_RUN = /[\p{Script=Han}]+/gu

/** A tsvector literal from tokens in order (positions 1…). */
function tokensToVector(tokens: string[]): string {
	const positions = new Map<string, number[]>()
	tokens.forEach((token, index) => {
		const clean = token.replace(/['\\\s]/g, '')
		if (!clean) return
		const list = positions.get(clean) ?? []
		if (list.length < 256) list.push(Math.min(index + 1, 16383))
		positions.set(clean, list)
	})
	return [...positions].map(([lexeme, list]) => `'${lexeme}':${list.join(',')}`).join(' ')
}

function wordStrategy(
	name: string,
	cutIndex: (run: string) => string[],
	cutQuery: (run: string) => string[],
	{ phrase = false }: { phrase?: boolean } = {},
): Strategy {
	return {
		name,
		mode: 'vector',
		index: (text) => {
			const normalized = normalizeText(text)
			const tokens = (normalized.match(CJK_RUN) ?? []).flatMap(cutIndex)
			return { config: 'english', latin: latinPart(normalized), cjk: tokensToVector(tokens) }
		},
		query: (q, relaxed) => {
			const parsed = parseQuery(q)
			const quote = (word: string) => `'${word.replace(/['\\\s]/g, '')}'`
			const runs = parsed.terms.filter((t) => t.type === 'cjk').map((t) => cutQuery(t.text).filter((w) => w.trim()))
			const { latin } = unitsText(parsed, relaxed)
			// Strict: a run's words all present (or, in phrase mode, adjacent); relaxed: any word.
			const cjk = relaxed
				? [...new Set(runs.flat())].map(quote).join(' | ')
				: runs
						.filter((words) => words.length > 0)
						.map((words) => `(${words.map(quote).join(phrase ? ' <-> ' : ' & ')})`)
						.join(' & ')
			return { config: 'english', latin, cjk, plain: false }
		},
	}
}

/** The analyzer's units as the harness's two halves: all of them (strict) or any (relaxed). */
function unitsText(parsed: ParsedQuery, relaxed: boolean) {
	const units = queryUnits(parsed, relaxed ? 'loose' : 'strict')
	const join = (list: string[]) => list.map((text) => `(${text})`).join(relaxed ? ' | ' : ' & ')
	return {
		latin: join(units.filter((unit) => unit.english).map((unit) => unit.text)),
		cjk: join(units.filter((unit) => !unit.english).map((unit) => unit.text)),
	}
}

async function loadJieba(): Promise<{ cut: (text: string) => string[]; cutForSearch: (text: string) => string[] } | null> {
	const specifier = process.env.JIEBA_MODULE ?? '@node-rs/jieba'
	try {
		const module = await import(specifier)
		const dictModule = await import(specifier.replace(/index\.js$/, 'dict.js').replace(/^@node-rs\/jieba$/, '@node-rs/jieba/dict.js'))
		const jieba = module.Jieba.withDict(dictModule.dict)
		return { cut: (text) => jieba.cut(text, true), cutForSearch: (text) => jieba.cutForSearch(text, true) }
	} catch {
		return null
	}
}

/** PostgreSQL alone: plainto_tsquery, relaxed to websearch_to_tsquery's `or`. */
function builtInQuery(config: 'simple' | 'english', q: string, relaxed: boolean) {
	const latin = relaxed ? q.split(/\s+/).filter(Boolean).join(' or ') : q
	return { config, latin, cjk: '', plain: !relaxed, websearch: relaxed }
}

function strategies(jieba: Awaited<ReturnType<typeof loadJieba>>): Strategy[] {
	const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })
	const segment = (run: string) => [...segmenter.segment(run)].filter((s) => s.isWordLike).map((s) => s.segment)
	const list: Strategy[] = [
		{
			name: "built-in 'simple'",
			mode: 'vector',
			index: (text) => ({ config: 'simple', latin: text, cjk: '' }),
			query: (q, relaxed) => builtInQuery('simple', q, relaxed),
		},
		{
			name: "built-in 'english'",
			mode: 'vector',
			index: (text) => ({ config: 'english', latin: text, cjk: '' }),
			query: (q, relaxed) => builtInQuery('english', q, relaxed),
		},
		wordStrategy('Intl.Segmenter words', segment, segment),
		wordStrategy('Intl.Segmenter words as phrase', segment, segment, { phrase: true }),
	]
	if (jieba) list.push(wordStrategy('jieba (search mode) words', jieba.cutForSearch, jieba.cut))
	list.push(
		{
			name: 'CJK bigrams + english (chosen)',
			mode: 'vector',
			index: (text) => {
				const field = analyzeField(text)
				return { config: 'english', latin: field.latinText, cjk: field.cjkVector }
			},
			query: (q, relaxed) => {
				const parsed = parseQuery(q)
				const built = unitsText(parsed, relaxed && canRelax(parsed))
				return { config: 'english', latin: built.latin, cjk: built.cjk, plain: false }
			},
		},
		{ name: 'pg_trgm substring (ILIKE)', mode: 'trigram' },
	)
	return list
}

async function buildTable(sql: Sql, strategy: Strategy, docs: SearchDocumentInput[]) {
	await sql`drop table if exists cmp`
	await sql`create table cmp (id text primary key, title text, folded text, vec tsvector)`
	for (let i = 0; i < docs.length; i += INSERT_BATCH) {
		const batch = docs.slice(i, i + INSERT_BATCH)
		if (strategy.mode === 'trigram') {
			await sql`
				insert into cmp (id, title, folded)
				select * from unnest(${batch.map((d) => d.refId)}::text[], ${batch.map((d) => normalizeText(d.title))}::text[],
					${batch.map((d) => normalizeText(`${d.title} ${d.summary ?? ''} ${d.body}`))}::text[])
			`
			continue
		}
		const title = batch.map((d) => strategy.index!(d.title))
		const body = batch.map((d) => strategy.index!(`${d.summary ?? ''} ${d.body}`))
		await sql`
			insert into cmp (id, title, vec)
			select u.id, u.title,
				setweight(to_tsvector(u.config::regconfig, u.title_latin), 'A') || setweight(u.title_cjk::tsvector, 'A')
				|| setweight(to_tsvector(u.config::regconfig, u.body_latin), 'D') || setweight(u.body_cjk::tsvector, 'D')
			from unnest(${batch.map((d) => d.refId)}::text[], ${batch.map((d) => d.title)}::text[], ${title.map((t) => t.config)}::text[],
				${title.map((t) => t.latin)}::text[], ${title.map((t) => t.cjk)}::text[],
				${body.map((t) => t.latin)}::text[], ${body.map((t) => t.cjk)}::text[])
				as u (id, title, config, title_latin, title_cjk, body_latin, body_cjk)
		`
	}
	if (strategy.mode === 'trigram') await sql`create index on cmp using gin (folded gin_trgm_ops)`
	else await sql`create index on cmp using gin (vec)`
	await sql`analyze cmp`
}

async function runQuery(sql: Sql, strategy: Strategy, q: string, relaxed: boolean): Promise<string[]> {
	if (strategy.mode === 'trigram') {
		const terms = parseQuery(q).terms.map((term) => term.text.replace(/[\\%_]/g, '\\$&'))
		if (terms.length === 0) return []
		const patterns = terms.map((term) => `%${term}%`)
		const rows = relaxed
			? await sql<{ id: string }[]>`
				select id from cmp where folded like any(${patterns}::text[])
				order by word_similarity(${terms.join(' ')}, title) desc, id limit 10`
			: await sql<{ id: string }[]>`
				select id from cmp where folded like all(${patterns}::text[])
				order by word_similarity(${terms.join(' ')}, title) desc, id limit 10`
		return rows.map((row) => row.id)
	}
	const built = strategy.query!(q, relaxed)
	const tsquery = built.plain
		? sql`plainto_tsquery(${built.config}::regconfig, ${built.latin})`
		: built.websearch
			? sql`websearch_to_tsquery(${built.config}::regconfig, ${built.latin})`
			: relaxed
			? sql`(to_tsquery(${built.config}::regconfig, ${built.latin}) || ${built.cjk}::tsquery)`
			: sql`(to_tsquery(${built.config}::regconfig, ${built.latin}) && ${built.cjk}::tsquery)`
	const rows = await sql<{ id: string }[]>`
		with compiled as (select ${tsquery} as q)
		select id from cmp, compiled
		where vec @@ q
		order by ts_rank_cd('{0.1, 0.2, 0.4, 1.0}'::float4[], vec, q, 1) desc, id
		limit 10
	`
	return rows.map((row) => row.id)
}

/** Strict first; relaxed when strict finds nothing (the relaxed query of 'simple' is websearch-style OR). */
async function search(sql: Sql, strategy: Strategy, q: string): Promise<string[]> {
	const strict = await runQuery(sql, strategy, q, false)
	if (strict.length > 0) return strict
	return runQuery(sql, strategy, q, true)
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

const server = await startTestDatabaseServer()
const url = await createTestDatabase(server.adminUrl)
const sql = createSql(url, { max: 1, onnotice: () => {} })
try {
	await sql`create extension if not exists pg_trgm`
	const jieba = await loadJieba()
	if (!jieba) console.log('jieba: not installed (set JIEBA_MODULE to measure it)')
	const relevanceDocs = [...relevanceDocuments(), ...fillerDocuments({ count: RELEVANCE_FILLER_COUNT })]
	const latencyDocs = [...relevanceDocuments(), ...fillerDocuments({ count: LATENCY_DOCS, seed: 7 })]
	const lines: string[] = []
	for (const strategy of strategies(jieba)) {
		await buildTable(sql, strategy, relevanceDocs)
		const ranked = new Map<string, string[]>()
		for (const query of RELEVANCE_QUERIES) ranked.set(query.q, await search(sql, strategy, query.q))
		const score = scoreRelevance(ranked)
		const chineseMisses = score.misses.filter((miss) => /\p{Script=Han}/u.test(miss.q)).length

		const started = performance.now()
		await buildTable(sql, strategy, latencyDocs)
		const buildSeconds = (performance.now() - started) / 1000
		const [size] = await sql<{ bytes: string }[]>`select pg_total_relation_size('cmp')::text as bytes`
		const timings: number[] = []
		for (let round = 0; round < LATENCY_ROUNDS; round++) {
			for (const query of RELEVANCE_QUERIES) {
				const t0 = performance.now()
				await search(sql, strategy, query.q)
				timings.push(performance.now() - t0)
			}
		}
		timings.sort((a, b) => a - b)
		const line =
			`| ${strategy.name} | ${score.recallAt10.toFixed(3)} | ${score.mrr.toFixed(3)} | ${score.unwantedHits} | ${score.misses.length} (${chineseMisses} zh) ` +
			`| ${percentile(timings, 50).toFixed(1)} | ${percentile(timings, 95).toFixed(1)} | ${buildSeconds.toFixed(1)} | ${(Number(size!.bytes) / 1e6).toFixed(0)} |`
		console.log(line)
		for (const miss of score.misses) {
			console.log(`    ${miss.q}: missing [${miss.missing.join(', ')}] unwanted [${miss.unwanted.join(', ')}]`)
		}
		lines.push(line)
	}
	console.log(`\nrelevance: ${RELEVANCE_QUERIES.length} queries over ${relevanceDocs.length} documents; latency over ${latencyDocs.length} documents, ${LATENCY_ROUNDS} rounds\n`)
	console.log('| strategy | recall@10 | MRR | unwanted hits | queries with a miss | p50 ms | p95 ms | build s | table+index MB |')
	console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |')
	for (const line of lines) console.log(line)
} finally {
	await sql.end()
	await server.stop()
}
