/**
 * Writes to the search index. Features call indexDocument / removeFromIndex
 * with their own transaction, in the same transaction as the save that
 * changes what readers may find: a saved document is findable as soon as
 * the save commits, a hidden or deleted one is gone at the same moment, and
 * a save that rolls back leaves the index as it was.
 */
import type { Queryable } from '#db/sql.server.ts'
import { isLang, type Lang } from '#app/i18n/config.ts'
import { ANALYZER_VERSION, analyzeField, cleanText } from './analyzer.ts'
import { SEARCH_AUDIENCES, SEARCH_KINDS, type SearchDocumentInput, type SearchKind } from './types.ts'

/** Longest title kept (the table refuses longer ones). */
const MAX_TITLE_CHARS = 1000
/** Longest body text kept for snippets; the analyzer indexes the same prefix. */
const MAX_BODY_CHARS = 200_000
/** Most documents one INSERT writes; a bigger batch is split. */
const MAX_DOCUMENTS_PER_STATEMENT = 500

export class InvalidSearchDocumentError extends Error {
	constructor(message: string) {
		super(message)
		this.name = 'InvalidSearchDocumentError'
	}
}

/** Adds or replaces one language version of a document, in the caller's transaction. */
export async function indexDocument(tx: Queryable, doc: SearchDocumentInput): Promise<void> {
	await indexDocuments(tx, [doc])
}

/** Adds or replaces many documents (the rebuild and the benchmark), in the caller's transaction. */
export async function indexDocuments(tx: Queryable, docs: SearchDocumentInput[]): Promise<void> {
	// One statement cannot update a row twice: the last version of a document wins.
	const byKey = new Map<string, Row>()
	for (const doc of docs) {
		const row = toRow(doc)
		byKey.set(JSON.stringify([row.kind, row.refId, row.lang]), row)
	}
	const rows = [...byKey.values()]
	for (let i = 0; i < rows.length; i += MAX_DOCUMENTS_PER_STATEMENT) {
		await insertRows(tx, rows.slice(i, i + MAX_DOCUMENTS_PER_STATEMENT))
	}
}

/**
 * Removes a document from the index: every language version, or only `lang`.
 * Returns how many rows went.
 */
export async function removeFromIndex(
	tx: Queryable,
	{ kind, refId, lang }: { kind: SearchKind; refId: string; lang?: Lang },
): Promise<number> {
	const result = lang
		? await tx`delete from search_documents where kind = ${kind} and ref_id = ${refId} and lang = ${lang}`
		: await tx`delete from search_documents where kind = ${kind} and ref_id = ${refId}`
	return result.count
}

/** Removes rows of a kind written before `before` (the rebuild's sweep of documents that no longer exist). */
export async function removeIndexedBefore(
	tx: Queryable,
	{ kind, before }: { kind: SearchKind; before: Date },
): Promise<number> {
	const result = await tx`delete from search_documents where kind = ${kind} and indexed_at < ${before}`
	return result.count
}

/**
 * When the oldest transaction still running on this database began (or
 * now): rows stamped before it were written by transactions that have all
 * finished. The rebuild sweeps only those, so a feature's save that began
 * before the rebuild and commits during it is never swept away.
 */
export async function oldestRunningTransactionStart(tx: Queryable): Promise<Date> {
	const [row] = await tx<{ since: Date }[]>`
		select least(now(), coalesce(min(xact_start), now())) as since
		from pg_stat_activity
		where datname = current_database() and xact_start is not null
	`
	return row!.since
}

interface Row {
	kind: SearchKind
	refId: string
	lang: Lang
	audience: string
	groupId: string | null
	ownerId: string | null
	visibleFrom: string | null
	title: string
	body: string
	urlParts: string
	date: string
	titleLatin: string
	titleCjk: string
	summaryLatin: string
	summaryCjk: string
	bodyLatin: string
	bodyCjk: string
	titleFolded: string
}

function toRow(doc: SearchDocumentInput): Row {
	if (!SEARCH_KINDS.includes(doc.kind)) throw new InvalidSearchDocumentError(`Unknown kind: ${String(doc.kind)}`)
	if (!SEARCH_AUDIENCES.includes(doc.audience)) {
		throw new InvalidSearchDocumentError(`Unknown audience: ${String(doc.audience)}`)
	}
	if (!isLang(doc.lang)) throw new InvalidSearchDocumentError(`Unknown lang: ${String(doc.lang)}`)
	const refId = cleanText(String(doc.refId))
	if (refId.length === 0 || refId.length > 100) throw new InvalidSearchDocumentError('refId must have 1 to 100 characters')
	const groupId = doc.groupId ?? null
	if (groupId !== null && !/^\d{1,18}$/.test(groupId)) throw new InvalidSearchDocumentError('groupId must be a group id')
	if (doc.audience === 'members' && groupId === null) {
		throw new InvalidSearchDocumentError('A members-only document needs its groupId')
	}
	if (doc.audience === 'owner' && !doc.ownerId) throw new InvalidSearchDocumentError('An owner-only document needs its ownerId')
	if (!isValidDate(doc.date)) throw new InvalidSearchDocumentError('date must be a valid Date')
	if (doc.visibleFrom && !isValidDate(doc.visibleFrom)) throw new InvalidSearchDocumentError('visibleFrom must be a valid Date')

	const title = cleanText(doc.title).slice(0, MAX_TITLE_CHARS)
	const summary = cleanText(doc.summary ?? '')
	// The summary leads the stored text, so a result whose body does not
	// match shows its summary as the snippet.
	const body = [summary, cleanText(doc.body)].filter(Boolean).join('\n\n').slice(0, MAX_BODY_CHARS)
	const titleField = analyzeField(title)
	const summaryField = analyzeField(summary)
	const bodyField = analyzeField(cleanText(doc.body))
	return {
		kind: doc.kind,
		refId,
		lang: doc.lang,
		audience: doc.audience,
		groupId,
		ownerId: doc.ownerId ?? null,
		visibleFrom: doc.visibleFrom ? doc.visibleFrom.toISOString() : null,
		title,
		body,
		urlParts: JSON.stringify(doc.urlParts ?? {}),
		date: doc.date.toISOString(),
		titleLatin: titleField.latinText,
		titleCjk: titleField.cjkVector,
		summaryLatin: summaryField.latinText,
		summaryCjk: summaryField.cjkVector,
		bodyLatin: bodyField.latinText,
		bodyCjk: bodyField.cjkVector,
		titleFolded: title.toLowerCase(),
	}
}

function isValidDate(value: unknown): value is Date {
	return value instanceof Date && !Number.isNaN(value.getTime())
}

async function insertRows(tx: Queryable, rows: Row[]) {
	if (rows.length === 0) return
	const column = <K extends keyof Row>(key: K) => rows.map((row) => row[key])
	// One statement for the batch: parallel arrays unnested into rows. The
	// vector is built here so the english configuration stems the Latin
	// text, and the analyzer's CJK lexemes are cast as they are.
	await tx`
		insert into search_documents (
			kind, ref_id, lang, audience, group_id, owner_id, visible_from, title, body, url_parts, date,
			search_vector, title_vector, title_folded, analyzer_version, indexed_at
		)
		select
			u.kind, u.ref_id, u.lang, u.audience, u.group_id::bigint, u.owner_id, u.visible_from::timestamptz,
			u.title, u.body, u.url_parts::jsonb, u.date::timestamptz,
			v.title || v.summary || v.body, v.title,
			u.title_folded, ${ANALYZER_VERSION}, now()
		from unnest(
			${column('kind')}::text[], ${column('refId')}::text[], ${column('lang')}::text[],
			${column('audience')}::text[], ${column('groupId')}::text[], ${column('ownerId')}::text[],
			${column('visibleFrom')}::text[], ${column('title')}::text[], ${column('body')}::text[],
			${column('urlParts')}::text[], ${column('date')}::text[],
			${column('titleLatin')}::text[], ${column('titleCjk')}::text[],
			${column('summaryLatin')}::text[], ${column('summaryCjk')}::text[],
			${column('bodyLatin')}::text[], ${column('bodyCjk')}::text[], ${column('titleFolded')}::text[]
		) as u (
			kind, ref_id, lang, audience, group_id, owner_id, visible_from, title, body, url_parts, date,
			title_latin, title_cjk, summary_latin, summary_cjk, body_latin, body_cjk, title_folded
		)
		cross join lateral (
			select
				setweight(to_tsvector('english', u.title_latin), 'A') || setweight(u.title_cjk::tsvector, 'A') as title,
				setweight(to_tsvector('english', u.summary_latin), 'B') || setweight(u.summary_cjk::tsvector, 'B') as summary,
				setweight(to_tsvector('english', u.body_latin), 'D') || setweight(u.body_cjk::tsvector, 'D') as body
		) as v
		on conflict (kind, ref_id, lang) do update set
			audience = excluded.audience,
			group_id = excluded.group_id,
			owner_id = excluded.owner_id,
			visible_from = excluded.visible_from,
			title = excluded.title,
			body = excluded.body,
			url_parts = excluded.url_parts,
			date = excluded.date,
			search_vector = excluded.search_vector,
			title_vector = excluded.title_vector,
			title_folded = excluded.title_folded,
			analyzer_version = excluded.analyzer_version,
			indexed_at = excluded.indexed_at
	`
}
