/**
 * Feed and sitemap queries against a real PostgreSQL (this file's own copy of
 * the seeded database). Our posts live in the year 2000, before every seeded
 * post, so for a clock in 2000 the results are exactly ours.
 */
import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import { listFeedEntries, listSitemapEntries } from './feeds.queries.server.ts'

const at = (iso: string) => new Date(`${iso}T00:00:00Z`)
const NOW = at('2000-06-01')

interface Version {
	slug: string
	title?: string
	updatedAt?: Date
}

async function createPost({
	status,
	publishedAt,
	updatedAt = at('2000-01-01'),
	authorId = null,
	tagIds = [],
	versions,
}: {
	status: 'draft' | 'scheduled' | 'published' | 'archived'
	publishedAt: Date | null
	updatedAt?: Date
	authorId?: string | null
	tagIds?: string[]
	versions: Partial<Record<'en' | 'zh', Version>>
}): Promise<string> {
	const [post] = await sql<{ id: string }[]>`
		insert into news_posts (status, published_at, updated_at, author_id)
		values (${status}, ${publishedAt}, ${updatedAt}, ${authorId})
		returning id::text as id
	`
	for (const [lang, version] of Object.entries(versions)) {
		await sql`
			insert into news_post_translations (post_id, lang, slug, title, summary, body_markdown, updated_at)
			values (
				${post!.id}, ${lang}, ${version.slug}, ${version.title ?? `Title of ${version.slug}`},
				${`Summary of ${version.slug}`}, ${`Body of **${version.slug}**`}, ${version.updatedAt ?? at('2000-01-01')}
			)
		`
	}
	for (const tagId of tagIds) await sql`insert into news_post_tags (post_id, tag_id) values (${post!.id}, ${tagId})`
	return post!.id
}

async function createTag(slug: string, labels: Partial<Record<'en' | 'zh', string>>): Promise<string> {
	const [tag] = await sql<{ id: string }[]>`insert into tags (slug) values (${slug}) returning id::text as id`
	for (const [lang, label] of Object.entries(labels)) {
		await sql`insert into tag_translations (tag_id, lang, label) values (${tag!.id}, ${lang}, ${label})`
	}
	return tag!.id
}

const ids: Record<string, string> = {}
let authorId = ''

beforeAll(async () => {
	authorId = randomBytes(12).toString('base64url')
	await sql`
		insert into users (id, email, name, role, password_hash)
		values (${authorId}, 'feeds-author@test.example', 'Ada Author', 'editor', 'not-a-real-hash')
	`
	const policy = await createTag('feeds-policy', { en: 'Policy', zh: '政策' })
	const batteries = await createTag('feeds-batteries', { en: 'Batteries', zh: '电池' })
	const untranslated = await createTag('feeds-untranslated', { en: 'Only in English' })

	ids.draft = await createPost({
		status: 'draft',
		publishedAt: null,
		versions: { en: { slug: 'feeds-draft' }, zh: { slug: 'feeds-draft-zh' } },
	})
	ids.archived = await createPost({
		status: 'archived',
		publishedAt: at('2000-04-01'),
		versions: { en: { slug: 'feeds-archived' } },
	})
	ids.future = await createPost({
		status: 'scheduled',
		publishedAt: at('2000-06-02'),
		versions: { en: { slug: 'feeds-future' }, zh: { slug: 'feeds-future-zh' } },
	})
	// Written in January, scheduled for May: first seen at publication.
	ids.pastScheduled = await createPost({
		status: 'scheduled',
		publishedAt: at('2000-05-20'),
		updatedAt: at('2000-01-15'),
		versions: { en: { slug: 'feeds-past-scheduled' } },
	})
	ids.englishOnly = await createPost({
		status: 'published',
		publishedAt: at('2000-05-15'),
		versions: { en: { slug: 'feeds-english-only' } },
	})
	ids.both = await createPost({
		status: 'published',
		publishedAt: at('2000-05-10'),
		updatedAt: at('2000-05-11'),
		authorId,
		tagIds: [policy, batteries, untranslated],
		versions: {
			en: { slug: 'feeds-both', title: 'Both languages', updatedAt: at('2000-05-12') },
			zh: { slug: 'feeds-both-zh', title: '两种语言', updatedAt: at('2000-05-09') },
		},
	})
	ids.chineseOnly = await createPost({
		status: 'published',
		publishedAt: at('2000-05-05'),
		versions: { zh: { slug: 'feeds-chinese-only' } },
	})
	// Published later than NOW: a post with a future date is not out yet either.
	ids.publishedLater = await createPost({
		status: 'published',
		publishedAt: at('2000-07-01'),
		versions: { en: { slug: 'feeds-published-later' } },
	})
})

describe('listFeedEntries', () => {
	test('lists exactly the public posts written in the feed’s language, newest first', async () => {
		const en = await listFeedEntries({ lang: 'en', now: NOW, limit: 50 })
		expect(en.map((e) => e.slug)).toEqual(['feeds-past-scheduled', 'feeds-english-only', 'feeds-both'])
		const zh = await listFeedEntries({ lang: 'zh', now: NOW, limit: 50 })
		expect(zh.map((e) => e.slug)).toEqual(['feeds-both-zh', 'feeds-chinese-only'])
	})

	test('returns the version’s text, its dates, the author and the tag labels in that language', async () => {
		const [both] = (await listFeedEntries({ lang: 'en', now: NOW, limit: 50 })).filter((e) => e.postId === ids.both)
		expect(both).toEqual({
			postId: ids.both,
			lang: 'en',
			slug: 'feeds-both',
			title: 'Both languages',
			summary: 'Summary of feeds-both',
			bodyMarkdown: 'Body of **feeds-both**',
			publishedAt: at('2000-05-10'),
			// The English version changed after the post itself.
			updatedAt: at('2000-05-12'),
			authorName: 'Ada Author',
			tags: ['Batteries', 'Only in English', 'Policy'],
		})
		const [bothZh] = (await listFeedEntries({ lang: 'zh', now: NOW, limit: 50 })).filter((e) => e.postId === ids.both)
		expect(bothZh).toMatchObject({
			lang: 'zh',
			slug: 'feeds-both-zh',
			title: '两种语言',
			// The post changed after the Chinese version did.
			updatedAt: at('2000-05-11'),
			// An untranslated tag is left out rather than shown in English.
			tags: ['政策', '电池'],
		})
	})

	test('a post edited before it went out was updated when it was published; an unknown author is null', async () => {
		const [entry] = await listFeedEntries({ lang: 'en', now: NOW, limit: 1 })
		expect(entry).toMatchObject({ postId: ids.pastScheduled, updatedAt: at('2000-05-20'), authorName: null, tags: [] })
	})

	test('respects the limit', async () => {
		const entries = await listFeedEntries({ lang: 'en', now: NOW, limit: 2 })
		expect(entries.map((e) => e.slug)).toEqual(['feeds-past-scheduled', 'feeds-english-only'])
	})

	test('a scheduled post appears once the clock passes its time, and never a draft or an archived post', async () => {
		const later = await listFeedEntries({ lang: 'en', now: at('2000-06-03'), limit: 50 })
		expect(later.map((e) => e.slug)).toEqual([
			'feeds-future',
			'feeds-past-scheduled',
			'feeds-english-only',
			'feeds-both',
		])
		const muchLater = await listFeedEntries({ lang: 'en', now: at('2000-12-31'), limit: 50 })
		const slugs = muchLater.map((e) => e.slug)
		expect(slugs).toContain('feeds-published-later')
		expect(slugs).not.toContain('feeds-draft')
		expect(slugs).not.toContain('feeds-archived')
	})

	test('the exact moment of publication counts as published', async () => {
		const entries = await listFeedEntries({ lang: 'en', now: at('2000-06-02'), limit: 1 })
		expect(entries.map((e) => e.slug)).toEqual(['feeds-future'])
	})

	test('the seeded news appears once its date has come', async () => {
		const entries = await listFeedEntries({ lang: 'zh', now: at('2027-01-01'), limit: 50 })
		expect(entries.map((e) => e.slug)).toContain('california-china-zev-partnership')
		// The seeded concept note exists only in English.
		expect(entries.map((e) => e.slug)).not.toContain('joint-rd-centre-concept-note')
	})
})

describe('listSitemapEntries', () => {
	test('lists every public post with each of its language versions', async () => {
		const posts = await listSitemapEntries({ now: NOW })
		expect(posts).toEqual([
			{ postId: ids.pastScheduled, versions: [{ lang: 'en', slug: 'feeds-past-scheduled', updatedAt: at('2000-05-20') }] },
			{ postId: ids.englishOnly, versions: [{ lang: 'en', slug: 'feeds-english-only', updatedAt: at('2000-05-15') }] },
			{
				postId: ids.both,
				versions: [
					{ lang: 'en', slug: 'feeds-both', updatedAt: at('2000-05-12') },
					{ lang: 'zh', slug: 'feeds-both-zh', updatedAt: at('2000-05-11') },
				],
			},
			{ postId: ids.chineseOnly, versions: [{ lang: 'zh', slug: 'feeds-chinese-only', updatedAt: at('2000-05-05') }] },
		])
	})

	test('follows the clock like the feeds, and limits by post, not by version', async () => {
		const later = await listSitemapEntries({ now: at('2000-06-03') })
		expect(later[0]).toEqual({
			postId: ids.future,
			versions: [
				{ lang: 'en', slug: 'feeds-future', updatedAt: at('2000-06-02') },
				{ lang: 'zh', slug: 'feeds-future-zh', updatedAt: at('2000-06-02') },
			],
		})
		const postIds = later.map((p) => p.postId)
		expect(postIds).not.toContain(ids.draft)
		expect(postIds).not.toContain(ids.archived)
		expect(postIds).not.toContain(ids.publishedLater)

		const limited = await listSitemapEntries({ now: at('2000-06-03'), limit: 1 })
		expect(limited).toHaveLength(1)
		expect(limited[0]!.versions).toHaveLength(2)
	})
})
