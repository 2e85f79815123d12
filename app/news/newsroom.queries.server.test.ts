/** The newsroom's saves: version check, translation tracking, workflow, revisions. */
import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import type { Role } from '#app/auth/permissions.ts'
import { encodeCursor, parseCursor, type KeysetCursor } from '#app/http/keyset.queries.server.ts'
import { getPublicArticle, listLatestNews } from './articles.queries.server.ts'
import { getEditablePost, getRevision, listNewsroomPosts, listRevisions } from './newsroom.queries.server.ts'
import { revisionAsInput, savePost, type PostInput } from './post-save.queries.server.ts'

const unique = (label: string) => `${label}-${randomBytes(4).toString('hex')}`
const NOW = new Date('2026-11-23T18:00:00Z')
const LATER = new Date('2026-11-23T19:00:00Z')

async function insertUser(role: Role = 'editor') {
	const id = unique('user')
	await sql`
		insert into users (id, email, name, role, password_hash)
		values (${id}, ${`${id}@example.org`}, ${`Member ${id}`}, ${role}, 'not-a-real-hash')
	`
	return { id, role }
}

function version(fields: Partial<PostInput['versions']['en']> = {}): PostInput['versions']['en'] {
	return { slug: '', title: '', summary: '', body: '', seoDescription: '', coverAlt: '', upToDate: false, ...fields }
}

function input({ en, zh, tags = [] }: { en?: Partial<PostInput['versions']['en']>; zh?: Partial<PostInput['versions']['en']>; tags?: string[] }): PostInput {
	return { workingGroupSlug: null, coverMediaId: null, tags, versions: { en: en ? version(en) : version(), zh: zh ? version(zh) : version() } }
}

async function createPost(actor: { id: string; role: Role }, post: PostInput) {
	const result = await savePost({ postId: null, expectedVersion: null, actor, input: post, step: 'save', now: NOW })
	if (result.kind !== 'saved') throw new Error(`expected a save, got ${result.kind}`)
	return result
}

describe('savePost', () => {
	test('creates a draft with its author, version 1 and a "create" revision holding the whole post', async () => {
		const editor = await insertUser()
		const slug = unique('first-post')
		const { id, version: v } = await createPost(editor, input({ en: { slug, title: 'First', body: 'Hello' }, tags: ['batteries'] }))
		expect(v).toBe(1)
		const post = await getEditablePost(id)
		expect(post).toMatchObject({ status: 'draft', authorId: editor.id, version: 1, publishedAt: null })
		expect(post?.versions.en).toMatchObject({ slug, title: 'First', revision: 1, translatedFromRevision: null })
		expect(post?.versions.zh).toBeUndefined()
		const [revision] = await listRevisions(id)
		expect(revision).toMatchObject({ version: 1, action: 'create' })
		const full = await getRevision({ postId: id, revisionId: revision!.id })
		expect(full?.snapshot.versions.en?.title).toBe('First')
		expect(full?.snapshot.status).toBe('draft')
	})

	test('a second save with the same loaded version is refused as a conflict and writes nothing', async () => {
		const editor = await insertUser()
		const other = await insertUser()
		const slug = unique('contested')
		const { id } = await createPost(editor, input({ en: { slug, title: 'Original', body: 'Body' } }))

		const first = await savePost({ postId: id, expectedVersion: 1, actor: other, input: input({ en: { slug, title: 'Theirs', body: 'Body' } }), step: 'save', now: NOW })
		expect(first).toMatchObject({ kind: 'saved', version: 2 })
		const second = await savePost({ postId: id, expectedVersion: 1, actor: editor, input: input({ en: { slug, title: 'Mine', body: 'Body' } }), step: 'save', now: LATER })
		expect(second.kind).toBe('conflict')
		if (second.kind === 'conflict') {
			expect(second.current.version).toBe(2)
			expect(second.current.savedBy).toBe(`Member ${other.id}`)
			expect(second.current.changedFields).toContain('en.title')
		}
		expect((await getEditablePost(id))?.versions.en?.title).toBe('Theirs')
		expect(await listRevisions(id)).toHaveLength(2)

		// Keeping one's version after seeing the conflict is a save against the version now seen.
		const overwrite = await savePost({ postId: id, expectedVersion: 2, actor: editor, input: input({ en: { slug, title: 'Mine', body: 'Body' } }), step: 'save', now: LATER })
		expect(overwrite).toMatchObject({ kind: 'saved', version: 3 })
	})

	test('concurrent saves of one version: exactly one wins', async () => {
		const editor = await insertUser()
		const slug = unique('race')
		const { id } = await createPost(editor, input({ en: { slug, title: 'Start', body: 'Body' } }))
		const results = await Promise.all(
			['A', 'B', 'C'].map((who) =>
				savePost({ postId: id, expectedVersion: 1, actor: editor, input: input({ en: { slug, title: who, body: 'Body' } }), step: 'save', now: NOW }),
			),
		)
		expect(results.filter((r) => r.kind === 'saved')).toHaveLength(1)
		expect(results.filter((r) => r.kind === 'conflict')).toHaveLength(2)
	})

	test('a translation added later records the original revision, and becomes outdated when the original changes', async () => {
		const editor = await insertUser()
		const slug = unique('translated')
		const en = { slug, title: 'Title', body: 'Body' }
		const { id } = await createPost(editor, input({ en }))
		await savePost({ postId: id, expectedVersion: 1, actor: editor, input: input({ en, zh: { slug, title: '标题', body: '正文' } }), step: 'save', now: NOW })
		let post = await getEditablePost(id)
		expect(post?.versions.zh).toMatchObject({ revision: 1, translatedFromRevision: 1, outdated: false })

		// Saving without changing English text keeps the translation current.
		await savePost({ postId: id, expectedVersion: 2, actor: editor, input: input({ en, zh: { slug, title: '标题', body: '正文' }, tags: ['batteries'] }), step: 'save', now: NOW })
		expect((await getEditablePost(id))?.versions.zh?.outdated).toBe(false)

		await savePost({ postId: id, expectedVersion: 3, actor: editor, input: input({ en: { ...en, body: 'Body, revised' }, zh: { slug, title: '标题', body: '正文' } }), step: 'save', now: NOW })
		post = await getEditablePost(id)
		expect(post?.versions.en?.revision).toBe(2)
		expect(post?.versions.zh).toMatchObject({ translatedFromRevision: 1, outdated: true })
		// The newsroom's list flags it too, with the title in the page's language.
		const listed = async (lang: 'en' | 'zh') => (await listNewsroomPosts({ actor: editor, lang, ownOnly: true })).items.find((item) => item.id === id)
		expect(await listed('zh')).toMatchObject({ title: '标题', languages: ['en', 'zh'], outdatedLanguages: ['zh'] })
		expect(await listed('en')).toMatchObject({ title: 'Title', languages: ['en', 'zh'], outdatedLanguages: ['zh'] })

		// Readers of the Chinese version see it flagged once the post is public.
		await savePost({ postId: id, expectedVersion: 4, actor: editor, input: input({ en: { ...en, body: 'Body, revised' }, zh: { slug, title: '标题', body: '正文' } }), step: 'publish', now: NOW })
		const zh = await getPublicArticle({ lang: 'zh', slug, now: LATER })
		expect(zh).toMatchObject({ kind: 'found', article: { outdatedTranslation: true, missingTranslation: false } })

		// The translator brings it up to date and says so.
		await savePost({ postId: id, expectedVersion: 5, actor: editor, input: input({ en: { ...en, body: 'Body, revised' }, zh: { slug, title: '标题', body: '正文，已修订', upToDate: true } }), step: 'save', now: NOW })
		post = await getEditablePost(id)
		expect(post?.versions.zh).toMatchObject({ revision: 2, translatedFromRevision: 2, outdated: false })
		expect((await listNewsroomPosts({ actor: editor, lang: 'en', ownOnly: true })).items.find((item) => item.id === id)?.outdatedLanguages).toEqual([])
	})

	test('a slug another post uses in that language is refused with a field error', async () => {
		const editor = await insertUser()
		const slug = unique('taken')
		await createPost(editor, input({ en: { slug, title: 'One', body: 'Body' } }))
		const result = await savePost({ postId: null, expectedVersion: null, actor: editor, input: input({ en: { slug, title: 'Two', body: 'Body' } }), step: 'save', now: NOW })
		expect(result).toEqual({ kind: 'invalid', fieldErrors: { 'en.slug': ['newsroom:errors.slug-taken'] } })
		// The refused creation left no half-made post behind.
		const [row] = await sql<{ count: number }[]>`select count(*)::int as count from news_post_translations where slug = ${slug}`
		expect(row?.count).toBe(1)
	})

	test('workflow: schedule (only in the future), appear by the clock, unpublish, archive', async () => {
		const editor = await insertUser()
		const slug = unique('scheduled')
		const post = input({ en: { slug, title: 'Scheduled', body: 'Body' } })
		const { id } = await createPost(editor, post)

		const past = await savePost({ postId: id, expectedVersion: 1, actor: editor, input: post, step: 'schedule', publishAt: new Date(NOW.getTime() - 60_000), now: NOW })
		expect(past).toEqual({ kind: 'invalid', fieldErrors: { publishAt: ['newsroom:errors.schedule-in-past'] } })

		const at = new Date(NOW.getTime() + 3_600_000)
		expect(await savePost({ postId: id, expectedVersion: 1, actor: editor, input: post, step: 'schedule', publishAt: at, now: NOW })).toMatchObject({ kind: 'saved' })
		expect(await getPublicArticle({ lang: 'en', slug, now: NOW })).toEqual({ kind: 'not-found' })
		expect((await listLatestNews({ lang: 'en', limit: 50, now: NOW })).map((p) => p.slug)).not.toContain(slug)
		expect(await getPublicArticle({ lang: 'en', slug, now: new Date(at.getTime() + 1) })).toMatchObject({ kind: 'found' })

		await savePost({ postId: id, expectedVersion: 2, actor: editor, input: post, step: 'unpublish', now: NOW })
		expect(await getEditablePost(id)).toMatchObject({ status: 'draft', publishedAt: null })
		expect(await getPublicArticle({ lang: 'en', slug, now: LATER })).toEqual({ kind: 'not-found' })

		await savePost({ postId: id, expectedVersion: 3, actor: editor, input: post, step: 'publish', now: NOW })
		expect(await getEditablePost(id)).toMatchObject({ status: 'published', publishedAt: NOW })
		await savePost({ postId: id, expectedVersion: 4, actor: editor, input: post, step: 'archive', now: LATER })
		expect(await getPublicArticle({ lang: 'en', slug, now: LATER })).toEqual({ kind: 'not-found' })
		expect((await listRevisions(id)).map((r) => r.action)).toEqual(['archive', 'publish', 'unpublish', 'schedule', 'create'])
	})

	test('submitting for review flags the draft; publishing clears the flag', async () => {
		const researcher = await insertUser('researcher')
		const editor = await insertUser('editor')
		const post = input({ en: { slug: unique('review'), title: 'Please review', body: 'Body' } })
		const { id } = await createPost(researcher, post)
		await savePost({ postId: id, expectedVersion: 1, actor: researcher, input: post, step: 'submit', now: NOW })
		const inReview = await listNewsroomPosts({ actor: editor, lang: 'en', ownOnly: false, inReview: true })
		expect(inReview.items.map((p) => p.id)).toContain(id)
		const own = await listNewsroomPosts({ actor: researcher, lang: 'en', ownOnly: true })
		expect(own.items.map((p) => p.id)).toEqual([id])

		await savePost({ postId: id, expectedVersion: 2, actor: editor, input: post, step: 'publish', now: NOW })
		expect((await getEditablePost(id))?.reviewRequestedAt).toBeNull()
	})

	test('paging: posts changed at one instant (one transaction) are each listed once, across pages', async () => {
		const researcher = await insertUser('researcher')
		const ids: string[] = []
		for (let i = 0; i < 5; i++) ids.push((await createPost(researcher, input({ en: { slug: unique('same-instant'), title: `Post ${i}`, body: 'Body' } }))).id)
		// As a bulk change in one transaction leaves them: one time, with microseconds a JS Date cannot hold.
		await sql`update news_posts set updated_at = '2026-11-23T18:00:00.123456Z' where author_id = ${researcher.id}`
		const seen: string[] = []
		let before: KeysetCursor | null = null
		for (let guard = 0; guard < 10; guard++) {
			// Through the URL form, as the page does.
			const page: Awaited<ReturnType<typeof listNewsroomPosts>> = await listNewsroomPosts({ actor: researcher, lang: 'en', ownOnly: true, limit: 2, before: before && parseCursor(encodeCursor(before)) })
			seen.push(...page.items.map((p) => p.id))
			if (!page.older) break
			before = page.older
		}
		expect(seen).toEqual([...ids].sort((a, b) => Number(b) - Number(a)))
	})

	test('restoring a revision brings its text back as a new revision', async () => {
		const editor = await insertUser()
		const slug = unique('restore')
		const { id } = await createPost(editor, input({ en: { slug, title: 'Good title', body: 'Good body' }, tags: ['batteries'] }))
		await savePost({ postId: id, expectedVersion: 1, actor: editor, input: input({ en: { slug, title: 'Bad title', body: 'Bad body' } }), step: 'save', now: NOW })
		const first = (await listRevisions(id)).find((r) => r.version === 1)!
		const revision = await getRevision({ postId: id, revisionId: first.id })
		const result = await savePost({ postId: id, expectedVersion: 2, actor: editor, input: await revisionAsInput(revision!.snapshot), step: 'restore', now: NOW })
		expect(result).toMatchObject({ kind: 'saved', version: 3 })
		const post = await getEditablePost(id)
		expect(post?.versions.en).toMatchObject({ title: 'Good title', bodyMarkdown: 'Good body', revision: 3 })
		expect(post?.tags).toEqual(['batteries'])
		expect((await listRevisions(id))[0]).toMatchObject({ action: 'restore', version: 3 })
	})

	test('revisions are append-only', async () => {
		const editor = await insertUser()
		const { id } = await createPost(editor, input({ en: { slug: unique('append'), title: 'T', body: 'B' } }))
		await expect(sql`update news_post_revisions set action = 'update' where post_id = ${id}`).rejects.toThrow(/append-only/)
	})
})
