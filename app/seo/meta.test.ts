import { describe, expect, test } from 'vitest'
import { pageMeta } from './meta.ts'

const base = { origin: 'https://lab.example', siteName: 'Lab', meta: { title: 'T · Lab', description: 'D' } }

type Tag = Record<string, string | undefined>

function find(tags: ReturnType<typeof pageMeta>, key: string, value: string): Tag[] {
	return (tags as Tag[]).filter((tag) => tag[key] === value)
}

describe('pageMeta', () => {
	test('a page in both languages: canonical to itself, hreflang pair plus x-default, website card', () => {
		const tags = pageMeta({ ...base, lang: 'zh', path: '/news?tag=trade' })
		expect(find(tags, 'rel', 'canonical')).toEqual([{ tagName: 'link', rel: 'canonical', href: 'https://lab.example/zh/news?tag=trade' }])
		expect(find(tags, 'rel', 'alternate').map((tag) => [tag.hrefLang, tag.href])).toEqual([
			['en', 'https://lab.example/en/news?tag=trade'],
			['zh-CN', 'https://lab.example/zh/news?tag=trade'],
			['x-default', 'https://lab.example/en/news?tag=trade'],
		])
		expect(find(tags, 'property', 'og:type')[0]).toMatchObject({ content: 'website' })
		expect(find(tags, 'property', 'og:locale')[0]).toMatchObject({ content: 'zh_CN' })
		expect(find(tags, 'name', 'twitter:card')[0]).toMatchObject({ content: 'summary' })
		expect(find(tags, 'property', 'og:image')).toEqual([])
	})

	test('an article: each language by its own slug, dates, tags, an absolute image and a large card', () => {
		const tags = pageMeta({
			...base,
			meta: { ...base.meta, socialTitle: 'T' },
			lang: 'en',
			path: '/news/a',
			paths: { en: '/news/a', zh: '/news/b' },
			type: 'article',
			article: { publishedTime: '2026-01-01T00:00:00.000Z', modifiedTime: '2026-01-02T00:00:00.000Z', tags: ['One', 'Two'] },
			image: { url: '/media/x.jpg', width: 1200, height: 630, alt: 'A' },
		})
		expect(find(tags, 'rel', 'alternate').map((tag) => tag.href)).toEqual([
			'https://lab.example/en/news/a',
			'https://lab.example/zh/news/b',
			'https://lab.example/en/news/a',
		])
		expect(find(tags, 'property', 'og:title')[0]).toMatchObject({ content: 'T' })
		expect(find(tags, 'property', 'article:tag').map((tag) => tag.content)).toEqual(['One', 'Two'])
		expect(find(tags, 'property', 'og:image')[0]).toMatchObject({ content: 'https://lab.example/media/x.jpg' })
		expect(find(tags, 'property', 'og:image:alt')[0]).toMatchObject({ content: 'A' })
		expect(find(tags, 'name', 'twitter:card')[0]).toMatchObject({ content: 'summary_large_image' })
	})

	test('a page showing the other language’s only version: canonical there, no alternates', () => {
		const tags = pageMeta({ ...base, lang: 'zh', path: '/news/a', paths: { en: '/news/a' }, languages: ['en'], contentLang: 'en' })
		expect(find(tags, 'rel', 'canonical')[0]).toMatchObject({ href: 'https://lab.example/en/news/a' })
		expect(find(tags, 'property', 'og:url')[0]).toMatchObject({ content: 'https://lab.example/en/news/a' })
		expect(find(tags, 'property', 'og:locale')[0]).toMatchObject({ content: 'en_US' })
		expect(find(tags, 'rel', 'alternate')).toEqual([])
		expect(find(tags, 'property', 'og:locale:alternate')).toEqual([])
	})
})
