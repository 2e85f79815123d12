/**
 * Feed, sitemap and XML rendering without a database: hostile text stays
 * text, links are absolute, dates are in each format's syntax. rss-parser
 * (xml2js in strict mode) refuses XML that is not well-formed.
 */
import Parser from 'rss-parser'
import { describe, expect, test } from 'vitest'
import type { FeedEntry } from '#app/news/feeds.queries.server.ts'
import { entryId, renderAtom, renderRss, type FeedChannel } from './feeds.server.ts'
import { renderSitemap } from '#app/site/sitemap.server.ts'
import { el, escapeXml, xmlDocument } from '#app/content/xml.server.ts'

const ORIGIN = 'https://zevlab.example'
const HOSTILE_TITLE = 'Tariffs <script>alert(1)</script> & ]]> "quotes"'

const channel: FeedChannel = {
	lang: 'en',
	origin: ORIGIN,
	title: 'Lab news',
	description: 'News & notes',
	publisher: 'The Lab',
	now: new Date('2030-01-01T00:00:00Z'),
}

function entry(overrides: Partial<FeedEntry> = {}): FeedEntry {
	return {
		postId: '42',
		lang: 'en',
		slug: 'a-post',
		title: HOSTILE_TITLE,
		summary: 'A **bold** summary with a [link](/en/news).',
		bodyMarkdown: 'Text ]]> more, <script>alert(2)</script>\n\n![chart](/media/abc.png) [next](/en/news/other) [out](https://example.org)',
		publishedAt: new Date('2029-05-10T08:30:00Z'),
		updatedAt: new Date('2029-05-12T00:00:00Z'),
		authorName: 'Ada <Author>',
		tags: ['Policy & law', '电池'],
		...overrides,
	}
}

/** Fields rss-parser copies from the XML beyond its typed ones. */
interface ExtraItemFields {
	'content:encoded': string
	/** An Atom entry's id. */
	id: string
}
const parser = new Parser<Record<string, unknown>, ExtraItemFields>()

describe('escapeXml and el', () => {
	test('escape markup characters and drop characters XML forbids', () => {
		expect(escapeXml(`<a href="x">&'</a> ]]>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt; ]]&gt;')
		expect(escapeXml('bell\u0007 nul\u0000 tab\t emoji 🚗 lone\ud800')).toBe('bell nul tab\t emoji 🚗 lone')
	})

	test('text children and attribute values are escaped, nested elements are not', () => {
		const doc = el('a', { title: '"<x>"', skipped: undefined }, 'x < y', el('b', null), [false, null, 'z'])
		expect(doc.markup).toBe('<a title="&quot;&lt;x&gt;&quot;">x &lt; y<b/>z</a>')
		expect(xmlDocument(doc)).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<a /)
	})
})

describe('renderRss', () => {
	test('a well-formed RSS 2.0 channel with escaped text and absolute links', async () => {
		const xml = renderRss(channel, [entry()])
		expect(xml).not.toContain('<script>')
		expect(xml).not.toMatch(/\]\]>/)
		const feed = await parser.parseString(xml)
		expect(feed.title).toBe('Lab news')
		expect(feed.description).toBe('News & notes')
		expect(feed.link).toBe(`${ORIGIN}/en/news`)
		expect(feed.language).toBe('en')
		expect(feed.lastBuildDate).toBe('Sat, 12 May 2029 00:00:00 GMT')
		const [item] = feed.items
		expect(item!.title).toBe(HOSTILE_TITLE)
		expect(item!.link).toBe(`${ORIGIN}/en/news/a-post`)
		expect(item!.guid).toBe('tag:zevlab.example,2026:news/42/en')
		expect(item!.pubDate).toBe('Thu, 10 May 2029 08:30:00 GMT')
		expect(item!.categories).toEqual(['Policy & law', '电池'])
		expect(item!.creator).toBe('Ada <Author>')
		// The summary is plain text; the content is the sanitized HTML.
		expect(xml).toContain('<description>A bold summary with a link.</description>')
		const html = item!['content:encoded']
		// HTML leaves `>` in text alone; the XML escapes it, so `]]>` never appears in the document.
		expect(html).toContain('<p>Text ]]> more, alert(2)</p>')
		expect(xml).toContain('Text ]]&gt; more')
		expect(html).not.toContain('<script')
		expect(html).toContain(`src="${ORIGIN}/media/abc.png"`)
		expect(html).toContain(`href="${ORIGIN}/en/news/other"`)
		expect(html).toContain('href="https://example.org" rel="noopener noreferrer external"')
	})

	test('an entry without summary, author or tags', async () => {
		const xml = renderRss(channel, [entry({ summary: '', authorName: null, tags: [], bodyMarkdown: 'x'.repeat(400) })])
		expect(xml).not.toContain('dc:creator>')
		expect(xml).not.toContain('<category>')
		const [item] = (await parser.parseString(xml)).items
		expect(item!.contentSnippet ?? '').toBeTruthy()
		expect(xml).toMatch(/<description>x{280}…<\/description>/)
	})

	test('an empty feed is still valid and dated by the clock', async () => {
		const xml = renderRss({ ...channel, lang: 'zh' }, [])
		const feed = await parser.parseString(xml)
		expect(feed.items).toEqual([])
		expect(feed.language).toBe('zh-CN')
		expect(feed.lastBuildDate).toBe('Tue, 01 Jan 2030 00:00:00 GMT')
		expect(xml).toContain(`<atom:link href="${ORIGIN}/zh/news/feed.xml" rel="self" type="application/rss+xml"/>`)
	})
})

describe('renderAtom', () => {
	test('a well-formed Atom 1.0 feed with ids, dates and links', async () => {
		const xml = renderAtom(channel, [entry()])
		expect(xml).not.toContain('<script>')
		const feed = await parser.parseString(xml)
		expect(feed.title).toBe('Lab news')
		expect(feed.link).toBe(`${ORIGIN}/en/news`)
		const [item] = feed.items
		expect(item!.title).toBe(HOSTILE_TITLE)
		expect(item!.link).toBe(`${ORIGIN}/en/news/a-post`)
		expect(item!.id).toBe(entryId(ORIGIN, '42', 'en'))
		expect(xml).toContain('<id>tag:zevlab.example,2026:news/en</id>')
		expect(xml).toContain('<updated>2029-05-12T00:00:00.000Z</updated>')
		expect(xml).toContain('<published>2029-05-10T08:30:00.000Z</published>')
		expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="${ORIGIN}/en/news/atom.xml"/>`)
		expect(xml).toContain('<category term="Policy &amp; law"/>')
		expect(xml).toContain('<author><name>Ada &lt;Author&gt;</name></author>')
		expect(item!.content).toContain(`src="${ORIGIN}/media/abc.png"`)
		expect(item!.content).not.toContain('<script')
	})
})

describe('renderSitemap', () => {
	const posts = [
		{
			postId: '1',
			versions: [
				{ lang: 'en' as const, slug: 'both', updatedAt: new Date('2029-01-02T00:00:00Z') },
				{ lang: 'zh' as const, slug: 'both-zh', updatedAt: new Date('2029-01-03T00:00:00Z') },
			],
		},
		{ postId: '2', versions: [{ lang: 'zh' as const, slug: 'only-zh', updatedAt: new Date('2029-01-01T00:00:00Z') }] },
	]
	const xml = renderSitemap({ origin: ORIGIN, posts })
	const urlFor = (loc: string) => {
		const match = new RegExp(`<url><loc>${loc.replace(/[.]/g, '\\.')}</loc>(.*?)</url>`).exec(xml)
		if (!match) throw new Error(`no <url> for ${loc}`)
		return match[1]!
	}

	test('the home and news pages in both languages, with alternates', () => {
		for (const path of ['/en', '/zh', '/en/news', '/zh/news']) {
			const url = urlFor(`${ORIGIN}${path}`)
			expect(url).toContain('hreflang="en"')
			expect(url).toContain('hreflang="zh-CN"')
			expect(url).toContain('hreflang="x-default"')
		}
		expect(urlFor(`${ORIGIN}/zh/news`)).toContain('<lastmod>2029-01-03T00:00:00.000Z</lastmod>')
		expect(urlFor(`${ORIGIN}/en/news`)).toContain('<lastmod>2029-01-02T00:00:00.000Z</lastmod>')
	})

	test('alternates only between versions that both exist, x-default pointing to English', () => {
		const en = urlFor(`${ORIGIN}/en/news/both`)
		expect(en).toBe(
			'<lastmod>2029-01-02T00:00:00.000Z</lastmod>' +
				`<xhtml:link rel="alternate" hreflang="en" href="${ORIGIN}/en/news/both"/>` +
				`<xhtml:link rel="alternate" hreflang="zh-CN" href="${ORIGIN}/zh/news/both-zh"/>` +
				`<xhtml:link rel="alternate" hreflang="x-default" href="${ORIGIN}/en/news/both"/>`,
		)
		expect(urlFor(`${ORIGIN}/zh/news/both-zh`)).toContain(`hreflang="en" href="${ORIGIN}/en/news/both"`)
		expect(urlFor(`${ORIGIN}/zh/news/only-zh`)).toBe('<lastmod>2029-01-01T00:00:00.000Z</lastmod>')
	})
})
