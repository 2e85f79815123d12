/**
 * Working groups in the search index (app/search/): each language version
 * of a group's name, summary and charter. A public group is found by
 * everyone, a private one only by its members (and admins), exactly like
 * its page (access.queries.server.ts: an archived group stays readable).
 * Kept in the same transaction as the save; a change of visibility
 * re-indexes the group's meetings, records and drafts too
 * (`syncGroupDocuments`), since who may read them changes with it.
 */
import type { Queryable } from '#db/sql.server.ts'
import { markdownToPlainText } from '#app/content/markdown.server.ts'
import type { Lang } from '#app/i18n/config.ts'
import {
	groupAudience,
	indexDocument,
	removeFromIndex,
	type SearchDocumentInput,
	type SearchSource,
} from '#app/search/public.server.ts'
import { groupPathsWithoutLang } from './links.ts'

interface IndexRow {
	id: string
	slug: string
	visibility: string
	createdAt: Date
	lang: Lang
	name: string
	summary: string
	description: string
}

function readRows(db: Queryable, where: ReturnType<Queryable>, limit: number) {
	return db<IndexRow[]>`
		select g.id::text as id, g.slug, g.visibility, g.created_at, t.lang, t.name, t.summary, t.description
		from working_groups g
		join working_group_translations t on t.group_id = g.id
		where ${where}
		order by g.id, t.lang
		limit ${limit}
	`
}

function toDocument(row: IndexRow): SearchDocumentInput {
	return {
		kind: 'group',
		refId: row.id,
		lang: row.lang,
		title: row.name,
		summary: row.summary,
		body: markdownToPlainText(row.description),
		audience: groupAudience({ groupVisibility: row.visibility, publicInGroup: true }),
		groupId: row.id,
		date: row.createdAt,
		urlParts: { path: groupPathsWithoutLang.group(row.slug) },
	}
}

/** Brings the index in line with the group as it now stands (call inside the save's transaction). */
export async function syncGroupSearch(tx: Queryable, groupId: string): Promise<void> {
	await removeFromIndex(tx, { kind: 'group', refId: groupId })
	const rows = await readRows(tx, tx`g.id = ${groupId}`, 10)
	for (const row of rows) await indexDocument(tx, toDocument(row))
}

/** Every group's language versions, for a rebuild (`npm run search:reindex`). */
export const groupSearchSource: SearchSource = {
	kind: 'group',
	async count(tx) {
		const [row] = await tx<{ count: number }[]>`select count(*)::int as count from working_group_translations`
		return row?.count ?? 0
	},
	async readBatch({ tx, cursor, limit }) {
		const [afterId, afterLang] = cursor ? (JSON.parse(cursor) as [string, Lang]) : ['0', '']
		const rows = await readRows(tx, tx`(g.id, t.lang) > (${afterId}::bigint, ${afterLang})`, limit)
		const last = rows.at(-1)
		return { documents: rows.map(toDocument), nextCursor: rows.length === limit && last ? JSON.stringify([last.id, last.lang]) : null }
	},
	syncGroup: syncGroupSearch,
}
