import { describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import { listLatestNews } from './news.server.ts'

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
