/**
 * Comments on a draft: threads anchored to a section (by its stable id) and
 * a quoted passage in one language, kept as quoted; replies; resolving and
 * reopening a thread; who was @mentioned.
 */
import { sql } from '#db/client.server.ts'
import { inTransaction, type Queryable } from '#db/sql.server.ts'
import type { Lang } from '#app/i18n/config.ts'

export interface CommentRow {
	id: string
	parentId: string | null
	sectionId: string
	lang: Lang
	quote: string
	version: number
	body: string
	authorId: string | null
	authorName: string | null
	createdAt: Date
	resolvedAt: Date | null
	resolvedByName: string | null
}

/** Oldest first; the page groups them into threads. */
export async function listComments(draftId: string): Promise<CommentRow[]> {
	return sql<CommentRow[]>`
		select c.id::text as id, c.parent_id::text as parent_id, c.section_id, c.lang, c.quote, c.version, c.body,
			c.author_id, a.name as author_name, c.created_at, c.resolved_at, r.name as resolved_by_name
		from policy_draft_comments c
		left join users a on a.id = c.author_id
		left join users r on r.id = c.resolved_by
		where c.draft_id = ${draftId}
		order by c.created_at, c.id
	`
}

/** Open threads per section, for the editor and lists. */
export async function countOpenThreads(draftId: string): Promise<Map<string, number>> {
	const rows = await sql<{ sectionId: string; count: number }[]>`
		select section_id, count(*)::int as count from policy_draft_comments
		where draft_id = ${draftId} and parent_id is null and resolved_at is null
		group by section_id
	`
	return new Map(rows.map((row) => [row.sectionId, row.count]))
}

/** A thread's first comment of this draft (null for a reply's id, another draft's or none). */
export async function getThread({ draftId, commentId }: { draftId: string; commentId: string }, db: Queryable = sql) {
	if (!/^\d{1,18}$/.test(commentId)) return null
	const [row] = await db<{ id: string; sectionId: string; lang: Lang; authorId: string | null; resolvedAt: Date | null }[]>`
		select id::text as id, section_id, lang, author_id, resolved_at from policy_draft_comments
		where id = ${commentId} and draft_id = ${draftId} and parent_id is null
	`
	return row ?? null
}

export async function insertComment(
	{
		draftId,
		parentId = null,
		sectionId,
		lang,
		quote = '',
		version,
		body,
		authorId,
		mentionIds,
		now,
	}: {
		draftId: string
		parentId?: string | null
		sectionId: string
		lang: Lang
		quote?: string
		version: number
		body: string
		authorId: string
		mentionIds: readonly string[]
		now: Date
	},
	db: Queryable = sql,
): Promise<string> {
	return inTransaction(db, async (tx) => {
		const [row] = await tx<{ id: string }[]>`
			insert into policy_draft_comments (draft_id, parent_id, section_id, lang, quote, version, body, author_id, created_at)
			values (${draftId}, ${parentId}, ${sectionId}, ${lang}, ${quote}, ${version}, ${body}, ${authorId}, ${now})
			returning id::text as id
		`
		const id = row!.id
		if (mentionIds.length > 0) {
			await tx`
				insert into policy_draft_comment_mentions (comment_id, user_id)
				select ${id}, unnest(${[...new Set(mentionIds)]}::text[])
			`
		}
		return id
	})
}

/** Resolves (`by` set) or reopens (`by` null) a thread. */
export async function setThreadResolved(
	{ draftId, commentId, by, now }: { draftId: string; commentId: string; by: string | null; now: Date },
	db: Queryable = sql,
): Promise<void> {
	await db`
		update policy_draft_comments set
			resolved_at = ${by ? now : null},
			resolved_by = ${by}
		where id = ${commentId} and draft_id = ${draftId} and parent_id is null
	`
}
