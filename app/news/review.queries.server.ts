/**
 * A news post's review conversation in the shared pattern
 * (app/documents/review-thread.queries.server.ts), and what a decision does
 * to the post: asking for changes ends the review request, in the same
 * transaction as the entry, so the post leaves "awaiting review" exactly
 * when the author is told why.
 */
import { sql } from '#db/client.server.ts'
import { inTransaction, type Queryable } from '#db/sql.server.ts'
import type { Lang } from '#app/i18n/config.ts'
import {
	addReviewEntry,
	listReviewEntries,
	listReviewParticipants,
	type ReviewEntry,
	type ReviewEntryKind,
	type ReviewParticipant,
	type ReviewThreadTables,
} from '#app/documents/review-thread.queries.server.ts'

export const NEWS_POST_COMMENTS: ReviewThreadTables = { comments: 'news_post_comments', foreignKey: 'post_id' }

export type { ReviewEntry, ReviewParticipant }

export function listPostConversation(postId: string, db: Queryable = sql): Promise<ReviewEntry[]> {
	return listReviewEntries({ tables: NEWS_POST_COMMENTS, documentId: postId }, db)
}

export function listPostParticipants({ postId, exceptUserId }: { postId: string; exceptUserId: string | null }): Promise<ReviewParticipant[]> {
	return listReviewParticipants({ tables: NEWS_POST_COMMENTS, documentId: postId, exceptUserId })
}

/**
 * Adds an entry about the post's current version. A request for changes
 * also clears the post's review request (it is back with its author).
 * Null when the post does not exist.
 */
export async function addPostReviewEntry(
	{ postId, authorId, kind, body, now }: { postId: string; authorId: string; kind: ReviewEntryKind; body: string; now: Date },
	db: Queryable = sql,
): Promise<{ id: string; version: number } | null> {
	return inTransaction(db, async (tx) => {
		const [post] =
			kind === 'changes-requested'
				? await tx<{ version: number }[]>`update news_posts set review_requested_at = null where id = ${postId} returning version`
				: await tx<{ version: number }[]>`select version from news_posts where id = ${postId} for share`
		if (!post) return null
		const id = await addReviewEntry(
			{ tables: NEWS_POST_COMMENTS, documentId: postId, authorId, kind, body, version: post.version, createdAt: now },
			tx,
		)
		return { id, version: post.version }
	})
}

/** Who wrote the post, to tell them of a review, a reply or a publication (null: no author, or deactivated). */
export async function getPostAuthorContact(postId: string, db: Queryable = sql): Promise<ReviewParticipant | null> {
	const [row] = await db<ReviewParticipant[]>`
		select u.id, u.name, u.email, u.lang
		from news_posts p join users u on u.id = p.author_id
		where p.id = ${postId} and u.deactivated_at is null
	`
	return row ?? null
}

/** The post's title in each language that has one (for emails written in the recipient's language). */
export async function getPostTitles(postId: string, db: Queryable = sql): Promise<Partial<Record<Lang, string>>> {
	const rows = await db<{ lang: Lang; title: string }[]>`select lang, title from news_post_translations where post_id = ${postId}`
	return Object.fromEntries(rows.map((row) => [row.lang, row.title]))
}

/** Members who saved revisions after `sinceVersion` (whose changes a "keep mine" replaced). */
export async function listRevisionAuthorsSince(
	{ postId, sinceVersion, exceptUserId }: { postId: string; sinceVersion: number; exceptUserId: string },
	db: Queryable = sql,
): Promise<ReviewParticipant[]> {
	return db<ReviewParticipant[]>`
		select distinct u.id, u.name, u.email, u.lang
		from news_post_revisions r join users u on u.id = r.author_id
		where r.post_id = ${postId} and r.version > ${sinceVersion} and u.id <> ${exceptUserId} and u.deactivated_at is null
	`
}
