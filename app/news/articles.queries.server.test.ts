import { describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import type { Lang } from '#app/i18n/config.ts'
import { encodeCursor, parseCursor, type KeysetCursor } from '#app/http/keyset.queries.server.ts'
import { getPublicArticle, listLatestNews, listPublicNews, listPublicTags, listRelatedNews } from './articles.queries.server.ts'

async function createPost({ status, publishedAt, slug }: { status: string; publishedAt: Date | null; slug: string }) {
	const [post] = await sql<{ id: string }[]>`
		insert into news_posts (status, published_at) values (${status}, ${publishedAt}) returning id
	`
	await sql`
		insert into news_post_translations (post_id, lang, slug, title, summary, body_markdown)
		values (${post!.id}, 'en', ${slug}, ${`Title ${slug}`}, 'Summary', 'Body')
	`
	return post!.id
}

interface VersionSpec {
	slug: string
	title?: string
	revision?: number
	translatedFromRevision?: number | null
}

/**
 * A post with any mix of language versions, tags and group. `publishedAt` is
 * text so a test can give PostgreSQL microseconds, as `now()` in SQL does.
 */
async function insertPost({
	status = 'published',
	publishedAt,
	versions,
	tags = [],
	group = null,
}: {
	status?: string
	publishedAt: string | null
	versions: Partial<Record<Lang, VersionSpec>>
	tags?: string[]
	group?: string | null
}): Promise<string> {
	const [post] = await sql<{ id: string }[]>`
		insert into news_posts (status, published_at, working_group_id)
		-- Through text: postgres.js would send a timestamptz parameter as a JS Date, in milliseconds.
		values (${status}, ${publishedAt}::text::timestamptz, (select id from working_groups where slug = ${group}))
		returning id
	`
	const id = post!.id
	for (const [lang, version] of Object.entries(versions) as [Lang, VersionSpec][]) {
		await sql`
			insert into news_post_translations (
				post_id, lang, slug, title, summary, body_markdown, revision, translated_from_revision
			)
			values (
				${id}, ${lang}, ${version.slug}, ${version.title ?? `${lang} ${version.slug}`}, 'Summary', 'Body',
				${version.revision ?? 1}, ${version.translatedFromRevision ?? null}
			)
		`
	}
	for (const tag of tags) {
		await sql`insert into tags (slug) values (${tag}) on conflict (slug) do nothing`
		await sql`
			insert into tag_translations (tag_id, lang, label)
			select id, 'en', ${`Tag ${tag}`} from tags where slug = ${tag}
			on conflict do nothing
		`
		await sql`insert into news_post_tags (post_id, tag_id) select ${id}, id from tags where slug = ${tag}`
	}
	return id
}

/** Every page from the newest to the oldest through `older`, then back through `newer`. */
async function walk(args: Omit<Parameters<typeof listPublicNews>[0], 'before' | 'after'>) {
	const forward: string[][] = []
	let before: KeysetCursor | null = null
	let last: Awaited<ReturnType<typeof listPublicNews>> | null = null
	for (let guard = 0; guard < 50; guard += 1) {
		// Through the URL form, as the listing page does.
		const page: Awaited<ReturnType<typeof listPublicNews>> = await listPublicNews({
			...args,
			before: before ? parseCursor(encodeCursor(before)) : null,
		})
		forward.push(page.items.map((item) => item.id))
		last = page
		if (!page.older) break
		before = page.older
	}
	const backward: string[][] = [last!.items.map((item) => item.id)]
	let after = last!.newer
	for (let guard = 0; after && guard < 50; guard += 1) {
		const page = await listPublicNews({ ...args, after: parseCursor(encodeCursor(after)) })
		backward.unshift(page.items.map((item) => item.id))
		after = page.newer
	}
	return { forward, backward }
}

/** The order the listing promises, straight from the table. */
async function expectedOrder({ from, to }: { from: string; to: string }, where = sql``) {
	const rows = await sql<{ id: string }[]>`
		select p.id::text as id from news_posts p
		where p.status in ('published', 'scheduled') and p.published_at between ${from}::timestamptz and ${to}::timestamptz
		${where}
		order by p.published_at desc, p.id desc
	`
	return rows.map((row) => row.id)
}

describe('listLatestNews', () => {
	test('newest first, in the reader’s language, falling back honestly to the other one', async () => {
		const zh = await listLatestNews({ lang: 'zh', limit: 10, now: new Date() })
		expect(zh.length).toBeGreaterThanOrEqual(4)
		const dates = zh.map((p) => p.publishedAt.getTime())
		expect(dates).toEqual([...dates].sort((a, b) => b - a))
		// The seeded concept note exists only in English.
		const englishOnly = zh.find((p) => p.slug === 'joint-rd-centre-concept-note')
		expect(englishOnly?.contentLang).toBe('en')
		expect(zh.find((p) => p.slug === 'california-china-zev-partnership')?.contentLang).toBe('zh')
	})

	test('never lists drafts, archived posts or posts scheduled after `now`', async () => {
		const now = new Date('2030-01-01T00:00:00Z')
		await createPost({ status: 'draft', publishedAt: null, slug: 'a-draft' })
		await createPost({ status: 'archived', publishedAt: new Date('2029-01-01T00:00:00Z'), slug: 'an-archived-post' })
		await createPost({ status: 'published', publishedAt: new Date('2030-01-02T00:00:00Z'), slug: 'tomorrow' })
		const visible = await createPost({ status: 'published', publishedAt: new Date('2029-12-31T00:00:00Z'), slug: 'yesterday' })

		const slugs = (await listLatestNews({ lang: 'en', limit: 50, now })).map((p) => p.slug)
		expect(slugs[0]).toBe('yesterday')
		expect(slugs).not.toContain('a-draft')
		expect(slugs).not.toContain('an-archived-post')
		expect(slugs).not.toContain('tomorrow')
		// Once the clock passes its time, the scheduled post appears by itself.
		const later = await listLatestNews({ lang: 'en', limit: 1, now: new Date('2030-01-03T00:00:00Z') })
		expect(later.map((p) => p.slug)).toEqual(['tomorrow'])
		expect(visible).toBeTruthy()
	})
})

describe('listPublicNews', () => {
	// Posts dated in 2001, read with a clock in 2001: nothing else in the
	// database (the seed is dated 2026) is public then.
	const NOW = new Date('2001-12-31T00:00:00Z')
	const ERA = { from: '2001-01-01T00:00:00Z', to: '2001-12-31T00:00:00Z' }

	test('pages through everything in both directions without duplicates or gaps, filters included', async () => {
		const groups = ['tariff-coordination', 'market-access', null]
		for (let i = 0; i < 25; i += 1) {
			// Ties (two posts in each second at the same instant) and two
			// instants within one millisecond, as rows written by SQL's now() have.
			const second = String(Math.floor(i / 4)).padStart(2, '0')
			const fraction = ['', '', '.100007', '.100014'][i % 4]
			const publishedAt = `2001-03-01T10:00:${second}${fraction}Z`
			await insertPost({
				publishedAt,
				versions: i % 4 === 0 ? { zh: { slug: `pager-zh-${i}` } } : { en: { slug: `pager-${i}` } },
				tags: i % 2 === 0 ? ['pager-even'] : ['pager-odd'],
				group: groups[i % 3]!,
			})
		}
		// Not public, whatever the page: never listed.
		await insertPost({ status: 'draft', publishedAt: null, versions: { en: { slug: 'pager-draft' } }, tags: ['pager-even'] })
		await insertPost({ status: 'archived', publishedAt: '2001-03-01T10:00:05Z', versions: { en: { slug: 'pager-archived' } }, tags: ['pager-even'] })
		await insertPost({ status: 'scheduled', publishedAt: '2002-01-01T00:00:00Z', versions: { en: { slug: 'pager-later' } }, tags: ['pager-even'] })

		const cases = [
			{ args: {}, where: sql`` },
			{ args: { tag: 'pager-even' }, where: sql`and exists (select 1 from news_post_tags pt join tags t on t.id = pt.tag_id where pt.post_id = p.id and t.slug = 'pager-even')` },
			{ args: { group: 'tariff-coordination' }, where: sql`and p.working_group_id = (select id from working_groups where slug = 'tariff-coordination')` },
			{
				args: { tag: 'pager-odd', group: 'market-access' },
				where: sql`and p.working_group_id = (select id from working_groups where slug = 'market-access')
					and exists (select 1 from news_post_tags pt join tags t on t.id = pt.tag_id where pt.post_id = p.id and t.slug = 'pager-odd')`,
			},
		]
		for (const { args, where } of cases) {
			const expected = await expectedOrder(ERA, where)
			expect(expected.length, JSON.stringify(args)).toBeGreaterThan(3)
			// Page sizes that put page boundaries between and within the ties.
			for (const [lang, limit] of [['en', 3], ['zh', 4], ['en', 5]] as const) {
				const label = `${lang}, ${limit} a page, ${JSON.stringify(args)}`
				const { forward, backward } = await walk({ lang, now: NOW, limit, ...args })
				expect(forward.flat(), `forward ${label}`).toEqual(expected)
				expect(forward.slice(0, -1).every((page) => page.length === limit)).toBe(true)
				// Coming back lands on the same pages.
				expect(backward, `backward ${label}`).toEqual(forward)
			}
		}
	})

	test('the first page has no newer link, the last no older link; filtered items carry their tags, group and language', async () => {
		await insertPost({ publishedAt: '2001-06-01T00:00:00Z', versions: { en: { slug: 'solo-en' } }, tags: ['solo'], group: 'market-access' })
		await insertPost({ publishedAt: '2001-06-02T00:00:00Z', versions: { zh: { slug: 'solo-zh' } }, tags: ['solo'] })
		const page = await listPublicNews({ lang: 'zh', now: NOW, tag: 'solo' })
		expect(page.newer).toBeNull()
		expect(page.older).toBeNull()
		expect(page.items.map((item) => [item.slug, item.contentLang])).toEqual([
			['solo-zh', 'zh'],
			['solo-en', 'en'],
		])
		expect(page.items[1]!.tags).toEqual([{ slug: 'solo', label: 'Tag solo' }])
		expect(page.items[1]!.group).toEqual({ slug: 'market-access', name: expect.any(String) as string })
		expect(page.items[0]!.group).toBeNull()
		expect(page.items[0]!.cover).toBeNull()
		expect(await listPublicNews({ lang: 'en', now: NOW, tag: 'no-such-tag' })).toEqual({ items: [], newer: null, older: null })
	})
})

describe('a private working group on public news', () => {
	const NOW = new Date('2003-06-01T00:00:00Z')

	test('the post stays public; its group is named, and filters, only for those who may see the group', async () => {
		const [group] = await sql<{ id: string }[]>`
			insert into working_groups (slug, visibility) values ('closed-circle', 'private') returning id::text as id
		`
		await sql`insert into working_group_translations (group_id, lang, name, summary, description) values (${group!.id}, 'en', 'Closed circle', '', '')`
		const member = 'news-private-member'
		const stranger = 'news-private-stranger'
		for (const id of [member, stranger]) {
			await sql`insert into users (id, email, name, role, password_hash) values (${id}, ${`${id}@example.org`}, ${id}, 'researcher', 'x')`
		}
		await sql`insert into group_memberships (group_id, user_id, role) values (${group!.id}, ${member}, 'observer')`
		await insertPost({ publishedAt: '2003-01-01T00:00:00Z', versions: { en: { slug: 'closed-circle-post' } }, group: 'closed-circle' })

		const asPublic = await listPublicNews({ lang: 'en', now: NOW, actor: null })
		expect(asPublic.items.find((item) => item.slug === 'closed-circle-post')?.group).toBeNull()
		expect((await listPublicNews({ lang: 'en', now: NOW, group: 'closed-circle', actor: null })).items).toEqual([])
		expect((await listPublicNews({ lang: 'en', now: NOW, group: 'closed-circle', actor: { id: stranger, role: 'researcher' } })).items).toEqual([])
		const asMember = await listPublicNews({ lang: 'en', now: NOW, group: 'closed-circle', actor: { id: member, role: 'researcher' } })
		expect(asMember.items.map((item) => [item.slug, item.group?.name])).toEqual([['closed-circle-post', 'Closed circle']])
		const asAdmin = await listPublicNews({ lang: 'en', now: NOW, group: 'closed-circle', actor: { id: stranger, role: 'admin' } })
		expect(asAdmin.items).toHaveLength(1)

		const article = async (actor: { id: string; role: 'researcher' } | null) => {
			const found = await getPublicArticle({ lang: 'en', slug: 'closed-circle-post', now: NOW, actor })
			if (found.kind !== 'found') throw new Error(found.kind)
			return found.article.group
		}
		expect(await article(null)).toBeNull()
		expect(await article({ id: stranger, role: 'researcher' })).toBeNull()
		expect(await article({ id: member, role: 'researcher' })).toEqual({ slug: 'closed-circle', name: 'Closed circle' })
	})
})

describe('getPublicArticle', () => {
	const NOW = new Date('2002-06-01T00:00:00Z')

	test('finds a post by either language’s slug and redirects to the reader’s own version', async () => {
		await insertPost({
			publishedAt: '2002-01-10T00:00:00Z',
			versions: { en: { slug: 'two-slugs-en', title: 'English title' }, zh: { slug: 'two-slugs-zh', title: '中文标题', translatedFromRevision: 1 } },
		})
		expect(await getPublicArticle({ lang: 'zh', slug: 'two-slugs-en', now: NOW })).toEqual({ kind: 'redirect', slug: 'two-slugs-zh' })
		expect(await getPublicArticle({ lang: 'en', slug: 'two-slugs-zh', now: NOW })).toEqual({ kind: 'redirect', slug: 'two-slugs-en' })
		const found = await getPublicArticle({ lang: 'zh', slug: 'two-slugs-zh', now: NOW })
		if (found.kind !== 'found') throw new Error(found.kind)
		expect(found.article.content).toMatchObject({ lang: 'zh', slug: 'two-slugs-zh', title: '中文标题' })
		expect(found.article.missingTranslation).toBe(false)
		expect(found.article.outdatedTranslation).toBe(false)
		expect(found.article.slugs).toEqual({ en: 'two-slugs-en', zh: 'two-slugs-zh' })
		expect(found.article.other).toEqual({ lang: 'en', slug: 'two-slugs-en', title: 'English title' })
	})

	test('shows the other language when the reader’s is missing, and says so', async () => {
		await insertPost({ publishedAt: '2002-01-11T00:00:00Z', versions: { en: { slug: 'english-only-post' } } })
		const found = await getPublicArticle({ lang: 'zh', slug: 'english-only-post', now: NOW })
		if (found.kind !== 'found') throw new Error(found.kind)
		expect(found.article.content.lang).toBe('en')
		expect(found.article.missingTranslation).toBe(true)
		expect(found.article.outdatedTranslation).toBe(false)
		expect(found.article.slugs).toEqual({ en: 'english-only-post' })
		// The seeded concept note is English only too.
		const seeded = await getPublicArticle({ lang: 'zh', slug: 'joint-rd-centre-concept-note', now: new Date() })
		expect(seeded).toMatchObject({ kind: 'found', article: { missingTranslation: true, content: { lang: 'en' } } })
	})

	test('flags a translation whose original was revised after it, and only that version', async () => {
		await insertPost({
			publishedAt: '2002-01-12T00:00:00Z',
			versions: {
				en: { slug: 'revised-original', revision: 3 },
				zh: { slug: 'stale-translation', translatedFromRevision: 2 },
			},
		})
		const zh = await getPublicArticle({ lang: 'zh', slug: 'stale-translation', now: NOW })
		expect(zh).toMatchObject({ kind: 'found', article: { outdatedTranslation: true, other: { lang: 'en', slug: 'revised-original' } } })
		const en = await getPublicArticle({ lang: 'en', slug: 'revised-original', now: NOW })
		expect(en).toMatchObject({ kind: 'found', article: { outdatedTranslation: false } })

		await insertPost({
			publishedAt: '2002-01-13T00:00:00Z',
			versions: { en: { slug: 'current-original', revision: 2 }, zh: { slug: 'current-translation', translatedFromRevision: 2 } },
		})
		expect(await getPublicArticle({ lang: 'zh', slug: 'current-translation', now: NOW })).toMatchObject({
			kind: 'found',
			article: { outdatedTranslation: false },
		})
	})

	test('drafts, archived posts, future posts and unknown slugs are all simply not found', async () => {
		await insertPost({ status: 'draft', publishedAt: null, versions: { en: { slug: 'hidden-draft' } } })
		await insertPost({ status: 'archived', publishedAt: '2002-01-01T00:00:00Z', versions: { en: { slug: 'hidden-archived' } } })
		await insertPost({ status: 'scheduled', publishedAt: '2002-07-01T00:00:00Z', versions: { en: { slug: 'hidden-scheduled' }, zh: { slug: 'hidden-scheduled-zh' } } })
		for (const slug of ['hidden-draft', 'hidden-archived', 'hidden-scheduled', 'hidden-scheduled-zh', 'no-such-post']) {
			for (const lang of ['en', 'zh'] as const) {
				expect(await getPublicArticle({ lang, slug, now: NOW }), `${lang} ${slug}`).toEqual({ kind: 'not-found' })
			}
		}
		// The scheduled post's time comes: it is found, and its other slug redirects.
		const later = new Date('2002-07-01T00:00:00Z')
		expect(await getPublicArticle({ lang: 'en', slug: 'hidden-scheduled', now: later })).toMatchObject({ kind: 'found' })
		expect(await getPublicArticle({ lang: 'zh', slug: 'hidden-scheduled', now: later })).toEqual({ kind: 'redirect', slug: 'hidden-scheduled-zh' })
	})
})

describe('listRelatedNews', () => {
	test('most shared tags first, then the same working group, then the newest; never the post itself or hidden posts', async () => {
		const now = new Date('2003-12-31T00:00:00Z')
		const subject = await insertPost({
			publishedAt: '2003-01-01T00:00:00Z',
			versions: { en: { slug: 'related-subject' } },
			tags: ['rel-a', 'rel-b'],
			// No other test's posts are in this group.
			group: 'multilateral-dialogue',
		})
		const newest = await insertPost({ publishedAt: '2003-06-01T00:00:00Z', versions: { en: { slug: 'related-newest' } } })
		const sameGroup = await insertPost({ publishedAt: '2003-02-01T00:00:00Z', versions: { en: { slug: 'related-group' } }, group: 'multilateral-dialogue' })
		const oneTag = await insertPost({ publishedAt: '2003-03-01T00:00:00Z', versions: { zh: { slug: 'related-one-tag' } }, tags: ['rel-a'] })
		const twoTags = await insertPost({ publishedAt: '2002-12-01T00:00:00Z', versions: { en: { slug: 'related-two-tags' } }, tags: ['rel-a', 'rel-b'] })
		await insertPost({ status: 'draft', publishedAt: null, versions: { en: { slug: 'related-draft' } }, tags: ['rel-a', 'rel-b'] })
		await insertPost({ status: 'scheduled', publishedAt: '2004-01-01T00:00:00Z', versions: { en: { slug: 'related-future' } }, tags: ['rel-a', 'rel-b'] })

		const related = await listRelatedNews({ postId: subject, lang: 'en', now, limit: 4 })
		expect(related.map((p) => p.id)).toEqual([twoTags, oneTag, sameGroup, newest])
		expect(related[1]!.contentLang).toBe('zh')
		expect((await listRelatedNews({ postId: subject, lang: 'en', now })).length).toBe(3)
	})
})

describe('listPublicTags', () => {
	test('tags of public posts only, with their counts, in the reader’s language where translated', async () => {
		const now = new Date('2004-12-31T00:00:00Z')
		await insertPost({ publishedAt: '2004-01-01T00:00:00Z', versions: { en: { slug: 'tagged-one' } }, tags: ['counted'] })
		await insertPost({ publishedAt: '2004-01-02T00:00:00Z', versions: { en: { slug: 'tagged-two' } }, tags: ['counted'] })
		await insertPost({ status: 'draft', publishedAt: null, versions: { en: { slug: 'tagged-draft' } }, tags: ['counted', 'only-draft'] })
		await sql`
			insert into tag_translations (tag_id, lang, label) select id, 'zh', '计数' from tags where slug = 'counted'
		`
		const en = await listPublicTags({ lang: 'en', now })
		expect(en.find((t) => t.slug === 'counted')).toEqual({ slug: 'counted', label: 'Tag counted', count: 2 })
		expect(en.find((t) => t.slug === 'only-draft')).toBeUndefined()
		const zh = await listPublicTags({ lang: 'zh', now })
		expect(zh.find((t) => t.slug === 'counted')?.label).toBe('计数')
	})
})
