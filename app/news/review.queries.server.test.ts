/** The review conversation on a post, in the shared pattern: entries, participants, and what a request for changes does. */
import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import { latestDecision } from '#app/documents/review-thread.ts'
import { savePost, type PostInput } from './post-save.queries.server.ts'
import { addPostReviewEntry, getPostAuthorContact, listPostConversation, listPostParticipants, listRevisionAuthorsSince } from './review.queries.server.ts'

const unique = (label: string) => `${label}-${randomBytes(4).toString('hex')}`
const NOW = new Date('2026-11-23T18:00:00Z')

async function insertUser(role: string, lang = 'en') {
	const id = unique('user')
	await sql`insert into users (id, email, name, role, password_hash, lang) values (${id}, ${`${id}@example.org`}, ${`Member ${id}`}, ${role}, 'x', ${lang})`
	return { id }
}

function input(title: string): PostInput {
	const empty = { slug: '', title: '', summary: '', body: '', seoDescription: '', coverAlt: '', upToDate: false }
	return { workingGroupSlug: null, coverMediaId: null, tags: [], versions: { en: { ...empty, slug: unique('post'), title, body: 'Body' }, zh: empty } }
}

describe('the review conversation', () => {
	test('a request for changes ends the review request in the same transaction; entries come back oldest first', async () => {
		const author = await insertUser('researcher', 'zh')
		const editor = await insertUser('editor')
		const saved = await savePost({ postId: null, expectedVersion: null, actor: author, input: input('Draft'), step: 'submit', now: NOW })
		if (saved.kind !== 'saved') throw new Error(saved.kind)
		const [before] = await sql<{ reviewRequestedAt: Date | null }[]>`select review_requested_at from news_posts where id = ${saved.id}`
		expect(before?.reviewRequestedAt).not.toBeNull()

		await addPostReviewEntry({ postId: saved.id, authorId: editor.id, kind: 'changes-requested', body: 'Add a date.', now: NOW })
		await addPostReviewEntry({ postId: saved.id, authorId: author.id, kind: 'comment', body: 'Done.', now: new Date(NOW.getTime() + 1000) })
		const [after] = await sql<{ reviewRequestedAt: Date | null }[]>`select review_requested_at from news_posts where id = ${saved.id}`
		expect(after?.reviewRequestedAt).toBeNull()

		const entries = await listPostConversation(saved.id)
		expect(entries.map((e) => [e.kind, e.body, e.authorId, e.version])).toEqual([
			['changes-requested', 'Add a date.', editor.id, 1],
			['comment', 'Done.', author.id, 1],
		])
		expect(latestDecision(entries)?.kind).toBe('changes-requested')
		// Who hears a reply: the others who wrote.
		expect((await listPostParticipants({ postId: saved.id, exceptUserId: author.id })).map((p) => p.id)).toEqual([editor.id])
		expect(await getPostAuthorContact(saved.id)).toMatchObject({ id: author.id, lang: 'zh' })
	})

	test('a comment must say something (the table refuses an empty one); an unknown post gets nothing', async () => {
		const editor = await insertUser('editor')
		const saved = await savePost({ postId: null, expectedVersion: null, actor: editor, input: input('Post'), step: 'save', now: NOW })
		if (saved.kind !== 'saved') throw new Error(saved.kind)
		await expect(addPostReviewEntry({ postId: saved.id, authorId: editor.id, kind: 'comment', body: '', now: NOW })).rejects.toThrow()
		expect(await addPostReviewEntry({ postId: '999999999', authorId: editor.id, kind: 'comment', body: 'x', now: NOW })).toBeNull()
	})

	test('the editors whose saves a "keep mine" replaced are found by their revisions', async () => {
		const [me, them] = [await insertUser('editor'), await insertUser('editor')]
		const created = await savePost({ postId: null, expectedVersion: null, actor: me, input: input('One'), step: 'save', now: NOW })
		if (created.kind !== 'saved') throw new Error(created.kind)
		await savePost({ postId: created.id, expectedVersion: 1, actor: them, input: input('Two'), step: 'save', now: NOW })
		expect((await listRevisionAuthorsSince({ postId: created.id, sinceVersion: 1, exceptUserId: me.id })).map((u) => u.id)).toEqual([them.id])
		expect(await listRevisionAuthorsSince({ postId: created.id, sinceVersion: 2, exceptUserId: me.id })).toEqual([])
	})
})
