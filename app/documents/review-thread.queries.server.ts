/**
 * A document's review conversation, shared by every reviewed document type
 * (news posts now; meeting records and policy drafts next): the author and
 * reviewers write comments, a reviewer asks for changes or approves, each
 * entry with who, when and the version it was about. Each type keeps its
 * entries in its own table of one shape (see db/migrations/0011_first_users.sql):
 *
 *   <document>_comments  id, <foreignKey>, author_id, kind, body, version, created_at
 *
 * The table name comes from the feature's `ReviewThreadTables`, a constant
 * in code, never from a request. Permission is the caller's decision.
 */
import { sql } from '#db/client.server.ts'
import type { Queryable } from '#db/sql.server.ts'
import type { Lang } from '#app/i18n/config.ts'
import type { ReviewEntryKind } from './review-thread.ts'

export { latestDecision, REVIEW_BODY_MAX, REVIEW_ENTRY_KINDS, type ReviewEntryKind } from './review-thread.ts'

export interface ReviewThreadTables {
	comments: string
	/** The column naming the document: `post_id`. */
	foreignKey: string
}

export interface ReviewEntry {
	id: string
	kind: ReviewEntryKind
	body: string
	version: number
	authorId: string | null
	authorName: string | null
	createdAt: Date
}

export async function addReviewEntry(
	{
		tables,
		documentId,
		authorId,
		kind,
		body,
		version,
		createdAt,
	}: {
		tables: ReviewThreadTables
		documentId: string
		authorId: string | null
		kind: ReviewEntryKind
		body: string
		version: number
		createdAt: Date
	},
	db: Queryable = sql,
): Promise<string> {
	const [row] = await db<{ id: string }[]>`
		insert into ${db(tables.comments)} (${db(tables.foreignKey)}, author_id, kind, body, version, created_at)
		values (${documentId}, ${authorId}, ${kind}, ${body}, ${version}, ${createdAt})
		returning id::text as id
	`
	return row!.id
}

/** Oldest first: a conversation reads top to bottom. */
export async function listReviewEntries({ tables, documentId }: { tables: ReviewThreadTables; documentId: string }, db: Queryable = sql): Promise<ReviewEntry[]> {
	return db<ReviewEntry[]>`
		select c.id::text as id, c.kind, c.body, c.version, c.author_id, u.name as author_name, c.created_at
		from ${db(tables.comments)} c left join users u on u.id = c.author_id
		where c.${db(tables.foreignKey)} = ${documentId}
		order by c.created_at, c.id
	`
}

export interface ReviewParticipant {
	id: string
	name: string
	email: string
	lang: Lang
}

/** Active members who wrote in the conversation (to tell them of a reply), but not `exceptUserId`. */
export async function listReviewParticipants(
	{ tables, documentId, exceptUserId }: { tables: ReviewThreadTables; documentId: string; exceptUserId: string | null },
	db: Queryable = sql,
): Promise<ReviewParticipant[]> {
	return db<ReviewParticipant[]>`
		select u.id, u.name, u.email, u.lang
		from users u
		where u.deactivated_at is null
			and u.id is distinct from ${exceptUserId}
			and exists (select 1 from ${db(tables.comments)} c where c.${db(tables.foreignKey)} = ${documentId} and c.author_id = u.id)
		order by u.name
	`
}
