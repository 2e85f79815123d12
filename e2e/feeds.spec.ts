/**
 * The news feeds (RSS and Atom per language), the sitemap and robots.txt, as
 * feed readers and crawlers get them from the production server.
 *
 * Each test writes its own posts (through the newsroom's save) at a random time centuries ahead and
 * reads the feeds with its clock (X-Test-Now) set just after them: its posts
 * are then the newest in the feed, and pages read with the real clock (the
 * home page in other specs) never see them. They are deleted afterwards.
 *
 * rss-parser reads the feeds as readers do; the browser's DOMParser, a
 * strict and namespace-aware XML parser, checks structure and well-formedness.
 */
import { randomBytes } from 'node:crypto'
import type { APIResponse, Page, PlaywrightWorkerArgs } from '@playwright/test'
import Parser from 'rss-parser'
import enNews from '../locales/en/news.json' with { type: 'json' }
import zhNews from '../locales/zh/news.json' with { type: 'json' }
import { ensureTag } from '#app/news/tags.queries.server.ts'
import { createNewsPost, type TestVersion } from './content.ts'
import { createUser, expect, getDb, test } from './fixtures.ts'
import { HTML_LANG, LANGS } from './utils.ts'

type Lang = (typeof LANGS)[number]
type Format = 'rss' | 'atom'
const FORMATS: Format[] = ['rss', 'atom']
const news = { en: enNews, zh: zhNews } as const
const feedPath = (lang: Lang, format: Format) => `/${lang}/news/${format === 'rss' ? 'feed.xml' : 'atom.xml'}`

const NS = {
	atom: 'http://www.w3.org/2005/Atom',
	content: 'http://purl.org/rss/1.0/modules/content/',
	dc: 'http://purl.org/dc/elements/1.1/',
	sitemap: 'http://www.sitemaps.org/schemas/sitemap/0.9',
	xhtml: 'http://www.w3.org/1999/xhtml',
} as const

const HOUR_MS = 60 * 60 * 1000
const MINUTE_MS = 60 * 1000

/** A random minute between the years 2100 and 2900. */
function farFuture(): Date {
	const start = Date.UTC(2100, 0, 1)
	const spanMinutes = 800 * 365 * 24 * 60
	return new Date(start + Math.floor(Math.random() * spanMinutes) * MINUTE_MS)
}

// ---------------------------------------------------------------- database

interface CreatedPost {
	id: string
	/** The slug of each language version, as stored. */
	slugs: Partial<Record<Lang, string>>
	titles: Partial<Record<Lang, string>>
}

const createdPosts: string[] = []
const createdTags: string[] = []

/** A post through the newsroom's own save (./content.ts), deleted after the test. */
async function createPost({
	status,
	publishedAt,
	langs,
	title = (lang) => `Feed test ${lang} ${randomBytes(3).toString('hex')}`,
	body = 'Body with a [link](/en/news) and **bold** text.',
	authorId = null,
	tags = [],
}: {
	status: 'draft' | 'scheduled' | 'published' | 'archived'
	publishedAt: Date | null
	langs: Lang[]
	title?: (lang: Lang) => string
	body?: string
	authorId?: string | null
	tags?: string[]
}): Promise<CreatedPost> {
	const versions: Partial<Record<Lang, TestVersion>> = {}
	for (const lang of langs) {
		const text = title(lang)
		versions[lang] = { slug: `e2e-feed-${lang}-${randomBytes(5).toString('hex')}`, title: text, summary: `Summary: ${text}`, body }
	}
	const post = await createNewsPost({ status, publishedAt, versions, authorId, tags: tags.map((slug) => ({ slug })), original: langs[0] })
	createdPosts.push(post.id)
	return post
}

/** A tag with a label per language; its slug. */
async function createTag(labels: Record<Lang, string>): Promise<string> {
	const slug = `e2e-feed-${randomBytes(5).toString('hex')}`
	await ensureTag({ slug, label: labels })
	createdTags.push(slug)
	return slug
}

/** The slugs the database holds for a post: the feeds must link exactly these. */
async function storedSlugs(postId: string): Promise<Partial<Record<Lang, string>>> {
	const rows = await getDb()<{ lang: Lang; slug: string }[]>`
		select lang, slug from news_post_translations where post_id = ${postId}
	`
	return Object.fromEntries(rows.map((r) => [r.lang, r.slug]))
}

test.afterEach(async () => {
	const db = getDb()
	if (createdPosts.length) await db`delete from news_posts where id in ${db(createdPosts.splice(0))}`
	if (createdTags.length) await db`delete from tags where slug in ${db(createdTags.splice(0))}`
})

// ------------------------------------------------------------------ fetching

/** GET with the server's clock set to `now`. */
async function getAt(
	playwright: PlaywrightWorkerArgs['playwright'],
	baseURL: string,
	now: Date,
	path: string,
): Promise<{ response: APIResponse; body: string }> {
	const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'X-Test-Now': now.toISOString() } })
	try {
		const response = await context.get(path)
		return { response, body: await response.text() }
	} finally {
		await context.dispose()
	}
}

interface ExtraItemFields {
	'content:encoded'?: string
	id?: string
	creator?: string
}
const parser = new Parser<Record<string, unknown>, ExtraItemFields>()

// ------------------------------------------------------- strict XML (browser)

interface XmlNode {
	ns: string | null
	name: string
	attrs: Record<string, string>
	text: string
	children: XmlNode[]
}

/** Parses with the browser's XML parser; fails the test on any well-formedness error. */
async function parseXml(page: Page, source: string): Promise<XmlNode> {
	const result = await page.evaluate((xml): { error: string } | { root: XmlNode } => {
		const doc = new DOMParser().parseFromString(xml, 'application/xml')
		const error = doc.getElementsByTagName('parsererror')[0]
		if (error) return { error: error.textContent ?? 'parser error' }
		const walk = (element: Element): XmlNode => ({
			ns: element.namespaceURI,
			name: element.localName,
			attrs: Object.fromEntries([...element.attributes].map((a) => [a.name, a.value])),
			text: element.textContent ?? '',
			children: [...element.children].map(walk),
		})
		return { root: walk(doc.documentElement) }
	}, source)
	if ('error' in result) throw new Error(`Not well-formed XML: ${result.error}`)
	return result.root
}

const all = (node: XmlNode, ns: string | null, name: string) => node.children.filter((c) => c.ns === ns && c.name === name)
function one(node: XmlNode, ns: string | null, name: string): XmlNode {
	const found = all(node, ns, name)
	expect(found, `<${node.name}> has exactly one <${name}>`).toHaveLength(1)
	return found[0]!
}

/** RFC 822 (RSS) and RFC 3339 (Atom) dates both parse with Date. */
const parsesAsDate = (text: string) => !Number.isNaN(new Date(text).getTime())
const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

function checkRssStructure(root: XmlNode, lang: Lang) {
	expect(root).toMatchObject({ ns: null, name: 'rss', attrs: { version: '2.0' } })
	const channel = one(root, null, 'channel')
	for (const required of ['title', 'link', 'description', 'language', 'lastBuildDate', 'generator']) {
		expect(one(channel, null, required).text, required).not.toBe('')
	}
	expect(one(channel, null, 'language').text).toBe(HTML_LANG[lang])
	expect(one(channel, null, 'lastBuildDate').text).toMatch(RFC_822)
	const self = one(channel, NS.atom, 'link')
	expect(self.attrs).toMatchObject({ rel: 'self', type: 'application/rss+xml' })
	expect(self.attrs.href).toMatch(new RegExp(`${feedPath(lang, 'rss').replace(/\./g, '\\.')}$`))
	for (const item of all(channel, null, 'item')) {
		for (const required of ['title', 'link', 'guid', 'pubDate', 'description']) one(item, null, required)
		one(item, NS.content, 'encoded')
		expect(one(item, null, 'pubDate').text).toMatch(RFC_822)
		expect(one(item, null, 'guid').attrs.isPermaLink).toBe('false')
	}
}

function checkAtomStructure(root: XmlNode, lang: Lang) {
	expect(root).toMatchObject({ ns: NS.atom, name: 'feed', attrs: { 'xml:lang': HTML_LANG[lang] } })
	for (const required of ['id', 'title', 'updated']) expect(one(root, NS.atom, required).text, required).not.toBe('')
	expect(one(root, NS.atom, 'updated').text).toMatch(RFC_3339)
	const links = all(root, NS.atom, 'link')
	expect(links.find((l) => l.attrs.rel === 'self')?.attrs.href).toMatch(/\/news\/atom\.xml$/)
	expect(links.find((l) => l.attrs.rel === 'alternate')?.attrs.href).toMatch(new RegExp(`/${lang}/news$`))
	expect(one(one(root, NS.atom, 'author'), NS.atom, 'name').text).not.toBe('')
	for (const entry of all(root, NS.atom, 'entry')) {
		for (const required of ['id', 'title', 'updated', 'published', 'summary']) {
			expect(one(entry, NS.atom, required).text, required).not.toBe('')
		}
		expect(one(entry, NS.atom, 'updated').text).toMatch(RFC_3339)
		expect(one(entry, NS.atom, 'published').text).toMatch(RFC_3339)
		expect(one(entry, NS.atom, 'link').attrs.href).toMatch(new RegExp(`/${lang}/news/[a-z0-9-]+$`))
		expect(one(entry, NS.atom, 'content').attrs.type).toBe('html')
	}
}

// ---------------------------------------------------------------------- tests

test.describe('news feeds', () => {
	test('RSS and Atom in both languages list the posts written in that language, newest first', async ({
		page,
		playwright,
		baseURL,
	}) => {
		const now = farFuture()
		const author = await createUser({ role: 'editor', name: 'Feed Author' })
		const tag = await createTag({ en: 'Charging', zh: '充电' })
		const both = await createPost({
			status: 'published',
			publishedAt: new Date(now.getTime() - 2 * HOUR_MS),
			langs: ['en', 'zh'],
			authorId: author.id,
			tags: [tag],
		})
		const englishOnly = await createPost({
			status: 'published',
			publishedAt: new Date(now.getTime() - HOUR_MS),
			langs: ['en'],
		})
		const slugs = await storedSlugs(both.id)
		const englishSlugs = await storedSlugs(englishOnly.id)

		for (const lang of LANGS) {
			for (const format of FORMATS) {
				const { response, body } = await getAt(playwright, baseURL!, now, feedPath(lang, format))
				expect(response.status()).toBe(200)
				expect(response.headers()['content-type']).toBe(
					format === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8',
				)
				expect(response.headers()['cache-control']).toBe('public, max-age=300')
				expect(response.headers()['x-content-type-options']).toBe('nosniff')

				const root = await parseXml(page, body)
				if (format === 'rss') checkRssStructure(root, lang)
				else checkAtomStructure(root, lang)

				const feed = await parser.parseString(body)
				expect(feed.title).toBe(news[lang].feed.title)
				expect(feed.link).toBe(`${baseURL}/${lang}/news`)
				if (format === 'rss') expect(feed.language).toBe(HTML_LANG[lang])

				// Ours are the newest; an English-only post is not in the Chinese feed.
				const expected = lang === 'en' ? [[englishOnly, englishSlugs], [both, slugs]] as const : [[both, slugs]] as const
				const items = feed.items.slice(0, expected.length)
				expect(items.map((i) => i.title)).toEqual(expected.map(([post]) => post.titles[lang]))
				for (const [index, [post, stored]] of expected.entries()) {
					const item = items[index]!
					// The permalink is /{lang}/news/{that version's own slug}.
					expect(item.link).toBe(`${baseURL}/${lang}/news/${stored[lang]}`)
					expect(new URL(item.link!).pathname).toMatch(new RegExp(`^/${lang}/news/[a-z0-9-]+$`))
					expect(new Date(item.isoDate!).getTime()).toBe(now.getTime() - (post === both ? 2 : 1) * HOUR_MS)
					const id = format === 'rss' ? item.guid : item.id
					expect(id).toMatch(new RegExp(`^tag:127\\.0\\.0\\.1,2026:news/${post.id}/${lang}$`))
				}
				const entry = items.at(-1)!
				const label = lang === 'en' ? 'Charging' : '充电'
				if (format === 'rss') expect(entry.categories).toEqual([label])
				else expect(body).toContain(`<category term="${label}"/>`)
				const html = format === 'rss' ? entry['content:encoded'] : entry.content
				expect(html).toContain(`<a href="${baseURL}/en/news">link</a>`)
				expect(html).toContain('<strong>bold</strong>')
				if (format === 'rss') expect(entry.creator).toBe('Feed Author')
				else expect(body).toContain('<author><name>Feed Author</name></author>')
			}
		}
	})

	test('an unknown language is a 404; an unchanged feed answers 304 to its ETag', async ({ request }) => {
		for (const path of ['/fr/news/feed.xml', '/fr/news/atom.xml']) {
			expect((await request.get(path)).status(), path).toBe(404)
		}
		const first = await request.get('/zh/news/atom.xml')
		const etag = first.headers().etag
		expect(etag).toBeTruthy()
		const again = await request.get('/zh/news/atom.xml', { headers: { 'If-None-Match': etag! } })
		expect(again.status()).toBe(304)
	})

	test('drafts, archived posts and posts scheduled later stay out of feeds and the sitemap until their time', async ({
		page,
		playwright,
		baseURL,
	}) => {
		const now = farFuture()
		const draft = await createPost({ status: 'draft', publishedAt: null, langs: ['en', 'zh'] })
		const archived = await createPost({ status: 'archived', publishedAt: new Date(now.getTime() - HOUR_MS), langs: ['en', 'zh'] })
		const scheduledAt = new Date(now.getTime() + HOUR_MS)
		const scheduled = await createPost({ status: 'scheduled', publishedAt: scheduledAt, langs: ['en', 'zh'] })
		const hidden = [draft, archived, scheduled]

		const readAll = async (at: Date) => {
			const feeds = new Map<string, string>()
			for (const lang of LANGS) {
				for (const format of FORMATS) feeds.set(feedPath(lang, format), (await getAt(playwright, baseURL!, at, feedPath(lang, format))).body)
			}
			const sitemap = await parseXml(page, (await getAt(playwright, baseURL!, at, '/sitemap.xml')).body)
			const locs = all(sitemap, NS.sitemap, 'url').map((u) => one(u, NS.sitemap, 'loc').text)
			return { feeds, locs }
		}

		const before = await readAll(now)
		for (const [path, body] of before.feeds) {
			const titles = (await parser.parseString(body)).items.map((i) => i.title)
			for (const post of hidden) {
				for (const lang of LANGS) expect(titles, `${path} before`).not.toContain(post.titles[lang])
				expect(body).not.toContain(`/news/${post.id}/`)
			}
		}
		for (const post of hidden) {
			for (const lang of LANGS) expect(before.locs).not.toContain(`${baseURL}/${lang}/news/${post.slugs[lang]}`)
		}

		// An hour later by the server's clock, the scheduled post is out by itself.
		const after = await readAll(new Date(scheduledAt.getTime() + MINUTE_MS))
		for (const lang of LANGS) {
			for (const format of FORMATS) {
				const feed = await parser.parseString(after.feeds.get(feedPath(lang, format))!)
				expect(feed.items[0]?.title, `${lang} ${format}`).toBe(scheduled.titles[lang])
				expect(feed.items[0]?.link).toBe(`${baseURL}/${lang}/news/${scheduled.slugs[lang]}`)
				const titles = feed.items.map((i) => i.title)
				for (const post of [draft, archived]) expect(titles).not.toContain(post.titles[lang])
			}
			expect(after.locs).toContain(`${baseURL}/${lang}/news/${scheduled.slugs[lang]}`)
			for (const post of [draft, archived]) expect(after.locs).not.toContain(`${baseURL}/${lang}/news/${post.slugs[lang]}`)
		}
	})

	test('hostile text in a title and body stays text, and the XML stays well-formed', async ({ page, playwright, baseURL }) => {
		const now = farFuture()
		const hostile = (lang: Lang) => `<script>alert(1)</script> ]]> & "${lang}" <b>not bold</b>`
		const post = await createPost({
			status: 'published',
			publishedAt: new Date(now.getTime() - MINUTE_MS),
			langs: ['en', 'zh'],
			title: hostile,
			body: 'Before ]]> after <script>alert(2)</script> <img src=x onerror=alert(3)>',
		})
		for (const lang of LANGS) {
			for (const format of FORMATS) {
				const { body } = await getAt(playwright, baseURL!, now, feedPath(lang, format))
				expect(body).not.toContain('<script')
				expect(body).not.toContain(']]>')
				const root = await parseXml(page, body)
				const container = format === 'rss' ? one(root, null, 'channel') : root
				const entries = all(container, format === 'rss' ? null : NS.atom, format === 'rss' ? 'item' : 'entry')
				const ours = entries.find((e) => e.children.some((c) => c.name === 'title' && c.text === hostile(lang)))
				expect(ours, `${lang} ${format}: the title comes back as the exact text`).toBeTruthy()
				// Escaped HTML is text inside the XML, never elements of it.
				const content = ours!.children.find((c) => c.name === (format === 'rss' ? 'encoded' : 'content'))!
				expect(content.children).toEqual([])
				expect(content.text).toContain('Before ]]> after')
				expect(content.text).not.toMatch(/<script|onerror/)
				expect((await parser.parseString(body)).items[0]?.title).toBe(hostile(lang))
			}
		}
		expect(post.id).toBeTruthy()
	})
})

test.describe('sitemap', () => {
	test('home and news pages in both languages, post versions with lastmod, alternates only between existing versions', async ({
		page,
		playwright,
		baseURL,
	}) => {
		const now = farFuture()
		const both = await createPost({ status: 'published', publishedAt: new Date(now.getTime() - HOUR_MS), langs: ['en', 'zh'] })
		const englishOnly = await createPost({ status: 'published', publishedAt: new Date(now.getTime() - HOUR_MS), langs: ['en'] })
		const { response, body } = await getAt(playwright, baseURL!, now, '/sitemap.xml')
		expect(response.status()).toBe(200)
		expect(response.headers()['content-type']).toBe('application/xml; charset=utf-8')
		expect(response.headers()['cache-control']).toBe('public, max-age=300')
		const root = await parseXml(page, body)
		expect(root).toMatchObject({ ns: NS.sitemap, name: 'urlset' })
		const urls = new Map(all(root, NS.sitemap, 'url').map((u) => [one(u, NS.sitemap, 'loc').text, u]))
		const alternates = (loc: string) =>
			Object.fromEntries(all(urls.get(loc)!, NS.xhtml, 'link').map((l) => [l.attrs.hreflang, l.attrs.href]))

		for (const path of ['', '/news']) {
			for (const lang of LANGS) {
				const loc = `${baseURL}/${lang}${path}`
				expect(urls.has(loc), loc).toBe(true)
				expect(alternates(loc)).toEqual({
					en: `${baseURL}/en${path}`,
					'zh-CN': `${baseURL}/zh${path}`,
					'x-default': `${baseURL}/en${path}`,
				})
			}
		}

		const slugs = await storedSlugs(both.id)
		const versions = { en: `${baseURL}/en/news/${slugs.en}`, zh: `${baseURL}/zh/news/${slugs.zh}` }
		for (const lang of LANGS) {
			const url = urls.get(versions[lang])
			expect(url, versions[lang]).toBeTruthy()
			expect(one(url!, NS.sitemap, 'lastmod').text).toMatch(RFC_3339)
			expect(alternates(versions[lang])).toEqual({ en: versions.en, 'zh-CN': versions.zh, 'x-default': versions.en })
			for (const link of all(url!, NS.xhtml, 'link')) expect(link.attrs.rel).toBe('alternate')
		}
		const onlyEn = `${baseURL}/en/news/${(await storedSlugs(englishOnly.id)).en}`
		expect(urls.has(onlyEn)).toBe(true)
		expect(alternates(onlyEn)).toEqual({})
		expect(one(urls.get(onlyEn)!, NS.sitemap, 'lastmod').text).toMatch(RFC_3339)
	})
})

test('robots.txt allows the public site, keeps crawlers out of members’ areas and names the sitemap', async ({ request, baseURL }) => {
	const response = await request.get('/robots.txt')
	expect(response.status()).toBe(200)
	expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8')
	const lines = (await response.text()).split('\n')
	expect(lines).toContain('User-agent: *')
	expect(lines).toContain('Allow: /')
	for (const lang of LANGS) {
		for (const area of ['admin', 'account', 'newsroom']) expect(lines).toContain(`Disallow: /${lang}/${area}`)
	}
	expect(lines).toContain(`Sitemap: ${baseURL}/sitemap.xml`)
	expect(lines.filter((l) => l.startsWith('Disallow:'))).toHaveLength(6)
})

for (const lang of LANGS) {
	test(`/${lang} links its language's RSS and Atom feeds from <head>`, async ({ page, baseURL, request }) => {
		await page.goto(`/${lang}`)
		const rss = page.locator('head link[rel="alternate"][type="application/rss+xml"]')
		const atom = page.locator('head link[rel="alternate"][type="application/atom+xml"]')
		await expect(rss).toHaveCount(1)
		await expect(atom).toHaveCount(1)
		await expect(rss).toHaveAttribute('title', news[lang].feed['rss-link'])
		await expect(rss).toHaveAttribute('href', `${baseURL}${feedPath(lang, 'rss')}`)
		await expect(atom).toHaveAttribute('title', news[lang].feed['atom-link'])
		await expect(atom).toHaveAttribute('href', `${baseURL}${feedPath(lang, 'atom')}`)
		for (const href of [await rss.getAttribute('href'), await atom.getAttribute('href')]) {
			expect((await request.get(href!)).status()).toBe(200)
		}
	})
}
