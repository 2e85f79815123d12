/**
 * Searching the index: the reader's query, their permissions and filters in
 * one SQL predicate, so that no result, snippet, total or facet count can
 * come from a row the reader may not see. Ranked by ts_rank_cd (titles
 * weigh most) plus a trigram boost for titles that read like the query,
 * over a window of the matches (title matches first, then newest).
 *
 * When nothing matches every term the search relaxes: first to documents
 * matching all terms but one (any term, for one- and two-term queries),
 * then (for Latin words) to titles spelled like the words, so typos and
 * over-long queries give fewer results, not none. The answer says which
 * happened.
 */
import type postgres from 'postgres'
import { sql } from '#db/client.server.ts'
import type { Queryable } from '#db/sql.server.ts'
import { isLang, type Lang } from '#app/i18n/config.ts'
import {
	canRelax,
	combineUnits,
	fuzzyText,
	isCjkChar,
	parseQuery,
	queryUnits,
	type ParsedQuery,
	type QueryUnit,
} from './analyzer.ts'
import { createHighlighter, highlightHtml, snippetHtml } from './snippet.ts'
import {
	SEARCH_KINDS,
	type SearchFacets,
	type SearchFilters,
	type SearchKind,
	type SearchMatch,
	type SearchReader,
	type SearchResponse,
} from './types.ts'

export const DEFAULT_PAGE_SIZE = 10
export const MAX_PAGE_SIZE = 50
/** Deep pages cost an ever larger sort and nobody reads them. */
export const MAX_PAGE = 50
/**
 * ts_rank_cd weights for {D, C, B, A}: body, (unused), summary, title. A
 * title match is worth ten body matches.
 */
const RANK_WEIGHTS = '{0.1, 0.2, 0.4, 1.0}'
/** ts_rank_cd normalization 1: divide by 1 + log(length), so long documents do not win by size alone. */
const RANK_NORMALIZATION = 1
/**
 * Matches are first ordered cheaply (title matches first, then newest);
 * the first this many are scored with the whole vector and the title
 * similarity. Scoring every match costs too much when a common word
 * matches a large share of the index (ADR 020); pages past this window
 * keep the cheap order.
 */
export const RERANK_WINDOW = 100
/** Added times the trigram similarity of title and query: titles that read like the query come first. */
const TITLE_SIMILARITY_BOOST = 0.5
/** A small nudge for documents in the page's language when everything else is equal. */
const PAGE_LANG_BOOST = 0.02
/** word_similarity a title needs in the typo fallback (pg_trgm's default, 0.6, misses `tarrifs` for `tariff` at 0.44). */
const FUZZY_THRESHOLD = 0.4
/**
 * Matches counted at most: a query matching more reads only this many (plus
 * one, to know there were more), so the total and facets say "1,000+"
 * instead of costing 3–5 µs per match for every match (ADR 020). The
 * results are ranked within those.
 */
export const COUNT_CAP = 1000
/** Memory for one search's sorts and its table of matches (tens of thousands of rows for a common word). */
const WORK_MEM = '32MB'

export interface SearchParams {
	q: unknown
	/** The page's language: a tie-breaker in ranking. */
	lang: Lang
	reader: SearchReader
	/** The request's clock: documents with a later visibleFrom are not there yet. */
	now: Date
	filters?: SearchFilters
	/** 1-based page number. */
	page?: number
	pageSize?: number
}

export async function searchDocuments({
	q,
	lang,
	reader,
	now,
	filters = {},
	page: requestedPage = 1,
	pageSize: requestedPageSize = DEFAULT_PAGE_SIZE,
}: SearchParams): Promise<SearchResponse> {
	const page = clampInteger(requestedPage, 1, MAX_PAGE)
	const pageSize = clampInteger(requestedPageSize, 1, MAX_PAGE_SIZE)
	const parsed = parseQuery(q)
	const empty = (reason: Extract<SearchResponse, { status: 'empty' }>['reason']): SearchResponse => ({
		status: 'empty',
		reason,
		total: 0,
		capped: false,
		page,
		pageSize,
		results: [],
		facets: emptyFacets(),
		truncated: parsed.truncated,
	})
	if (parsed.empty) return empty(parsed.empty)

	const scope = { visible: visibleTo(reader, now), dates: dateFilter(filters), selection: selectionFilters(filters) }
	// One read-only snapshot for the query and its relaxations.
	return (await sql.begin('isolation level repeatable read read only', async (tx) => {
		// Matching rows must come from the GIN index: a sequential scan reads
		// every row's whole vector, and the planner, not knowing that cost,
		// picks one for common words (measured 58 ms instead of 2 ms on 5,000
		// documents). The typo fallback's trigram threshold is set here too
		// (pg_trgm's default, 0.6, misses `tarrifs` for `tariff` at 0.44).
		await tx`
			select set_config('enable_seqscan', 'off', true),
				set_config('pg_trgm.word_similarity_threshold', ${String(FUZZY_THRESHOLD)}, true),
				-- The matches of a common word are kept in memory once, not spilled to disk.
				set_config('work_mem', ${WORK_MEM}, true)
		`
		const strictUnits = await normalizeUnits(tx, queryUnits(parsed, 'strict'))
		// Only stop words (the, of…): nothing PostgreSQL can search for.
		if (strictUnits.length === 0) return empty('stopwords')
		const strictQuery = combineUnits(strictUnits, 'all')
		// Relaxed: three or more terms need all but one; fewer, any word or bigram.
		const relaxedQuery = async () =>
			strictUnits.length >= 3
				? combineUnits(strictUnits, 'any')
				: combineUnits(await normalizeUnits(tx, queryUnits(parsed, 'loose')), 'any') || null

		// Each attempt's tsquery is compiled only if the one before found nothing.
		const attempts: Array<{ match: SearchMatch; compile: () => Promise<string | null> }> = [
			{ match: 'all', compile: async () => strictQuery },
		]
		if (canRelax(parsed)) attempts.push({ match: 'any', compile: relaxedQuery })
		const fuzzy = fuzzyText(parsed)
		if (fuzzy) attempts.push({ match: 'fuzzy', compile: async () => null })

		let answer: SearchResponse | null = null
		for (const { match, compile } of attempts) {
			const tsquery = await compile()
			if (tsquery === null && match !== 'fuzzy') continue
			const found = await findMatches(tx, { match, tsquery, parsed, fuzzy, scope, lang, page, pageSize })
			// Nothing visible matched (filters aside): the next attempt may find something.
			if (found.all === 0 && answer !== null) continue
			const highlighter = createHighlighter({
				query: parsed,
				latinLexemes: tsquery === null ? fuzzy.split(' ') : latinLexemes(tsquery),
				relaxed: match !== 'all',
			})
			answer = {
				status: 'ok',
				match,
				total: found.total,
				capped: found.capped,
				page,
				pageSize,
				results: found.rows.map((row) => ({
					kind: row.kind,
					refId: row.refId,
					lang: row.lang,
					title: row.title,
					titleHtml: highlightHtml(row.title, highlighter),
					snippetHtml: snippetHtml({ text: row.body, highlighter }),
					urlParts: row.urlParts,
					date: new Date(row.date),
					groupId: row.groupId,
				})),
				facets: found.facets,
				truncated: parsed.truncated,
			}
			if (found.all > 0) return answer
		}
		// Nothing matched, relaxed or not: the strict attempt's (empty) answer.
		return answer!
	})) as SearchResponse
}

/**
 * Each unit's tsquery text as PostgreSQL normalizes it: English stemmed
 * (`'tariffs'` → `'tariff'`), stop words dropped (empty units removed).
 */
async function normalizeUnits(tx: Queryable, units: QueryUnit[]): Promise<string[]> {
	if (units.length === 0) return []
	const rows = await tx<{ text: string }[]>`
		select case when u.config = 'english' then to_tsquery('english', u.text)::text else u.text::tsquery::text end as text
		from unnest(${units.map((unit) => unit.text)}::text[], ${units.map((unit) => (unit.english ? 'english' : 'as-is'))}::text[])
			with ordinality as u (text, config, position)
		order by u.position
	`
	return rows.map((row) => row.text).filter(Boolean)
}

/** A piece of SQL built with the sql tag, nested into a query. */
type Fragment = postgres.PendingQuery<postgres.Row[]>

interface Scope {
	visible: Fragment
	dates: Fragment
	selection: { kind: Fragment; lang: Fragment; group: Fragment }
}

/**
 * Who sees what, as SQL over `d`. Admins see every audience; nobody sees a
 * document before its visible_from, since its public page would not exist yet.
 */
function visibleTo(reader: SearchReader, now: Date): Fragment {
	const time = sql`(d.visible_from is null or d.visible_from <= ${now})`
	if (!reader) return sql`${time} and d.audience = 'public'`
	if (reader.isAdmin === true) return time
	const userId = String(reader.userId)
	// Ids reach SQL as bigint[]: anything that is not one is dropped, not an error.
	const groupIds = (Array.isArray(reader.groupIds) ? reader.groupIds : []).filter((id) => /^\d{1,18}$/.test(String(id)))
	return sql`${time} and (
		d.audience in ('public', 'signed_in')
		or (d.audience = 'members' and d.group_id = any(${groupIds}::bigint[]))
		or (d.audience = 'owner' and d.owner_id = ${userId})
	)`
}

function dateFilter(filters: SearchFilters): Fragment {
	const from = validDate(filters.from)
	const to = validDate(filters.to)
	if (from && to) return sql`d.date >= ${from} and d.date < ${to}`
	if (from) return sql`d.date >= ${from}`
	if (to) return sql`d.date < ${to}`
	return sql`true`
}

/** The filters that are also facets, apart, so each facet can count without its own filter. */
function selectionFilters(filters: SearchFilters) {
	const kinds = (filters.kinds ?? []).filter((kind): kind is SearchKind => SEARCH_KINDS.includes(kind))
	const groupId = filters.groupId !== undefined && /^\d{1,18}$/.test(String(filters.groupId)) ? filters.groupId : null
	const contentLang = isLang(filters.contentLang) ? filters.contentLang : null
	const invalidGroup = filters.groupId !== undefined && groupId === null
	return {
		kind: kinds.length > 0 ? sql`d.kind = any(${kinds}::text[])` : sql`true`,
		lang: contentLang ? sql`d.lang = ${contentLang}` : sql`true`,
		// A malformed group id matches nothing rather than being ignored.
		group: invalidGroup ? sql`false` : groupId ? sql`d.group_id = ${groupId}::bigint` : sql`true`,
	}
}

/** kind, lang, group id, the three filter flags and how many matches share them. */
type FacetCountRow = [SearchKind, Lang, string | null, boolean, boolean, boolean, number]

interface MatchedRow {
	kind: SearchKind
	refId: string
	lang: Lang
	title: string
	body: string
	urlParts: Record<string, string>
	/** ISO text: the rows travel as JSON. */
	date: string
	groupId: string | null
}

/**
 * One statement, one pass over the visible matches: the total and the facet
 * counts, and the page of results.
 *
 * Counts: each facet counts with every filter but its own (so the page can
 * offer the other kinds next to the chosen one); `all` ignores the facet
 * filters and decides whether to relax the query.
 *
 * Ranking: every match is ordered cheaply (title matches first, then
 * newest); the first RERANK_WINDOW (or as many as the page needs) are
 * numbered, the window is scored with the whole vector, and the page is
 * the window in full-score order followed by the rest in cheap order, so
 * pages never overlap. Only the page's rows have their text read.
 */
async function findMatches(
	tx: Queryable,
	{
		match,
		tsquery,
		parsed,
		fuzzy,
		scope,
		lang,
		page,
		pageSize,
	}: {
		match: SearchMatch
		tsquery: string | null
		parsed: ParsedQuery
		fuzzy: string
		scope: Scope
		lang: Lang
		page: number
		pageSize: number
	},
): Promise<{ total: number; all: number; capped: boolean; facets: SearchFacets; rows: MatchedRow[] }> {
	const { kind, lang: inLang, group } = scope.selection
	const folded = parsed.terms.map((term) => term.text).join(' ')
	const offset = (page - 1) * pageSize
	const query = tsquery === null ? null : sql`${tsquery}::tsquery`
	const predicate = query ? sql`d.search_vector @@ ${query}` : sql`d.title_folded %> ${fuzzy}`
	const cheap = query ? sql`(d.title_vector @@ ${query})::int` : sql`word_similarity(${fuzzy}, d.title_folded)`
	const full = query
		? sql`ts_rank_cd(${RANK_WEIGHTS}::float4[], d.search_vector, ${query}, ${RANK_NORMALIZATION}::int)
			+ ${TITLE_SIMILARITY_BOOST}::float4 * similarity(d.title_folded, ${folded})`
		: sql`word_similarity(${fuzzy}, d.title_folded)`
	const [row] = await tx<{ counts: FacetCountRow[]; page: MatchedRow[] }[]>`
		with matched as materialized (
			select d.kind, d.ref_id, d.lang, d.group_id, d.date, ${cheap} as cheap,
				${kind} as in_kind, ${inLang} as in_lang, ${group} as in_group
			from search_documents d
			where ${predicate} and ${scope.visible} and ${scope.dates}
			limit ${COUNT_CAP + 1}
		),
		-- Counts per combination of facet values and filter flags: a few
		-- hundred rows at most, summed up in TypeScript (one pass over the
		-- matches instead of one per facet).
		counts as (
			select kind, lang, group_id::text as group_id, in_kind, in_lang, in_group, count(*)::int as count
			from matched
			group by kind, lang, group_id, in_kind, in_lang, in_group
		),
		top as (
			select kind, ref_id, lang, date, cheap from matched
			where in_kind and in_lang and in_group
			order by cheap desc, date desc, kind, ref_id, lang
			limit ${Math.max(RERANK_WINDOW, offset + pageSize)}
		),
		numbered as (
			select kind, ref_id, lang, row_number() over (order by cheap desc, date desc, kind, ref_id, lang) as position
			from top
		),
		scored as (
			select n.kind, n.ref_id, n.lang, n.position,
				case when n.position <= ${RERANK_WINDOW} then
					${full} + case when d.lang = ${lang} then ${PAGE_LANG_BOOST}::float4 else 0 end
				end as score
			from numbered n
			join search_documents d on d.kind = n.kind and d.ref_id = n.ref_id and d.lang = n.lang
		),
		page as (
			select kind, ref_id, lang, row_number() over (
				order by position > ${RERANK_WINDOW}, score desc nulls last, position
			) as rank
			from scored
			order by rank
			limit ${pageSize} offset ${offset}
		)
		select
			(
				select coalesce(jsonb_agg(jsonb_build_array(kind, lang, group_id, in_kind, in_lang, in_group, count)), '[]'::jsonb)
				from counts
			) as counts,
			(
				select coalesce(jsonb_agg(jsonb_build_object(
					'kind', d.kind, 'ref_id', d.ref_id, 'lang', d.lang, 'title', d.title, 'body', d.body,
					'url_parts', d.url_parts, 'date', d.date, 'group_id', d.group_id::text
				) order by p.rank), '[]'::jsonb)
				from page p
				join search_documents d on d.kind = p.kind and d.ref_id = p.ref_id and d.lang = p.lang
			) as page
	`
	const facets = emptyFacets()
	let total = 0
	let all = 0
	for (const [kindKey, langKey, groupKey, inKind, inLang, inGroup, count] of row!.counts) {
		all += count
		if (inKind && inLang && inGroup) total += count
		// Each facet counts with every filter but its own.
		if (inLang && inGroup) facets.kind[kindKey] = (facets.kind[kindKey] ?? 0) + count
		if (inKind && inGroup) facets.lang[langKey] = (facets.lang[langKey] ?? 0) + count
		if (inKind && inLang && groupKey !== null) facets.group[groupKey] = (facets.group[groupKey] ?? 0) + count
	}
	const capped = all > COUNT_CAP
	return { total: Math.min(total, COUNT_CAP), all, capped, facets, rows: row!.page }
}

/** The english lexemes of a compiled tsquery (`'tariff' & '补贴'` → ['tariff']). */
export function latinLexemes(tsquery: string): string[] {
	const lexemes = [...tsquery.matchAll(/'((?:[^']|'')+)'/g)].map((match) => match[1]!.replace(/''/g, "'"))
	return [...new Set(lexemes.filter((lexeme) => !isCjkChar(Array.from(lexeme)[0] ?? '')))]
}

function emptyFacets(): SearchFacets {
	return { kind: {}, lang: {}, group: {} }
}

function validDate(value: unknown): Date | null {
	return value instanceof Date && !Number.isNaN(value.getTime()) ? value : null
}

function clampInteger(value: unknown, min: number, max: number): number {
	const number = typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : min
	return Math.min(max, Math.max(min, number))
}
