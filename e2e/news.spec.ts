/**
 * The public news, in both languages: the listing (paging both ways, topic
 * and group filters, without JavaScript too), articles (dates, reading time,
 * translation notices, related posts, sharing, SEO tags), what the public
 * may never see, and Markdown or text that tries to inject markup.
 *
 * Tests write their own posts (through the newsroom's save), each with its own topic (tag), so parallel
 * tests and the seed never change what a test's filtered listing shows. Only
 * two seeded posts are relied on: `california-china-zev-partnership` (both
 * languages, one slug) and `joint-rd-centre-concept-note` (English only).
 */
import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { readingTimeMinutes } from '#app/content/markdown.server.ts'
import { createNewsPost, type TestVersion } from './content.ts'
import { createUser, expect, getDb, signInContext, test } from './fixtures.ts'
import { HTML_LANG, LANGS, messages } from './utils.ts'

type Lang = (typeof LANGS)[number]
const BILINGUAL = 'california-china-zev-partnership'
const ENGLISH_ONLY = 'joint-rd-centre-concept-note'
const PAGE_SIZE = 9
const news = (lang: Lang) => messages[lang].news

function unique(prefix: string) {
	return `${prefix}-${randomBytes(4).toString('hex')}`
}

function fill(template: string, values: Record<string, string | number>) {
	return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]))
}

function readingTime(lang: Lang, minutes: number) {
	const article = news(lang).article as Record<string, string>
	const key = lang === 'en' && minutes === 1 ? 'reading-time_one' : 'reading-time_other'
	return fill(article[key]!, { count: minutes })
}

/** A post as the newsroom would leave it (./content.ts), with its own topic tag. */
async function insertPost({
	status = 'published',
	publishedAt,
	versions,
	tag,
	tagLabel = `Topic ${tag}`,
	group = null,
	cover = false,
	authorId = null,
	outdatedTranslation = false,
}: {
	status?: 'draft' | 'scheduled' | 'published' | 'archived'
	publishedAt: string | null
	versions: Partial<Record<Lang, TestVersion>>
	tag?: string
	tagLabel?: string
	group?: string | null
	cover?: boolean
	authorId?: string | null
	outdatedTranslation?: boolean
}) {
	const post = await createNewsPost({
		status,
		publishedAt,
		versions,
		tags: tag ? [{ slug: tag, label: { en: tagLabel } }] : [],
		group,
		cover,
		authorId,
		original: versions.en ? 'en' : 'zh',
		outdatedTranslation,
	})
	return post.id
}

async function groupName(slug: string, lang: Lang) {
	const [row] = await getDb()<{ name: string }[]>`
		select t.name from working_group_translations t join working_groups g on g.id = t.group_id
		where g.slug = ${slug} and t.lang = ${lang}
	`
	return row!.name
}

/** The slugs a listing page shows, in order (poll it: a navigation may still be rendering). */
async function listedSlugs(page: Page) {
	return page.getByTestId('news-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-slug')))
}

for (const lang of LANGS) {
	const t = news(lang)
	const other: Lang = lang === 'en' ? 'zh' : 'en'

	test.describe(`news in ${lang}`, () => {
		test('the listing pages to older posts and back, keeping its topic, with dates that do not depend on the language', async ({ page }) => {
			const tag = unique('paging')
			const slugs: string[] = []
			// Eleven posts a day apart, newest first in `slugs`; 06:00 UTC is the
			// previous day in Davis and the same day in Beijing.
			for (let i = 0; i < 11; i += 1) {
				const day = String(20 - i).padStart(2, '0')
				const slug = `${tag}-${i}`
				slugs.push(slug)
				// The newest exists only in the other language: listed with a notice.
				const versions = i === 0 ? { [other]: { slug, title: `Other-language post ${tag}` } } : { [lang]: { slug, title: `Post ${i} ${tag}` } }
				await insertPost({ publishedAt: `2025-03-${day}T06:00:00Z`, versions, tag })
			}

			await page.goto(`/${lang}/news?tag=${tag}`)
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(fill(t.list['title-tag'], { label: `Topic ${tag}` }))
			await expect(page.getByTestId('active-filters')).toContainText(fill(t.list['active-tag'], { label: `Topic ${tag}` }))
			const first = await listedSlugs(page)
			expect(first).toEqual(slugs.slice(0, PAGE_SIZE))
			const pagination = page.getByRole('navigation', { name: t.list.pagination })
			await expect(pagination.getByRole('link', { name: t.list.newer })).toHaveCount(0)

			const newest = page.getByTestId('news-item').first()
			await expect(newest.locator(`[lang="${HTML_LANG[other]}"]`)).toContainText(`Other-language post ${tag}`)
			await expect(newest.getByRole('note')).toHaveText(t.list['not-translated'])
			await expect(newest.getByRole('link', { name: `Other-language post ${tag}` })).toHaveAttribute('href', `/${lang}/news/${slugs[0]}`)
			// For anonymous readers of either language: the day in Davis and in Beijing.
			await expect(newest.locator('time')).toHaveText(
				fill(t.date['two-cities'], lang === 'en' ? { davis: 'March 19, 2025', beijing: 'March 20, 2025' } : { davis: '2025年3月19日', beijing: '2025年3月20日' }),
			)
			await expect(page.getByTestId('news-item').nth(1).getByRole('note')).toHaveCount(0)

			await pagination.getByRole('link', { name: t.list.older }).click()
			await expect(page).toHaveURL(new RegExp(`[?&]tag=${tag}&before=`))
			await expect.poll(() => listedSlugs(page)).toEqual(slugs.slice(PAGE_SIZE))
			await expect(pagination.getByRole('link', { name: t.list.older })).toHaveCount(0)

			await pagination.getByRole('link', { name: t.list.newer }).click()
			await expect(page).toHaveURL(new RegExp(`[?&]tag=${tag}&after=`))
			await expect.poll(() => listedSlugs(page)).toEqual(first)
			await expect(pagination.getByRole('link', { name: t.list.newer })).toHaveCount(0)

			// A broken or foreign cursor is the first page, not an error.
			for (const cursor of ['before=garbage', 'after=2025-99-99T00:00:00Z~1', 'before=%3Cscript%3E']) {
				const response = await page.goto(`/${lang}/news?tag=${tag}&${cursor}`)
				expect(response?.status(), cursor).toBe(200)
				await expect.poll(() => listedSlugs(page), cursor).toEqual(first)
			}
		})

		test('a signed-in reader sees dates in their own time zone', async ({ page, baseURL }) => {
			const tag = unique('tz')
			// 14:00 UTC: the 10th in Davis and Beijing, already the 11th in Auckland.
			await insertPost({ publishedAt: '2025-05-10T14:00:00Z', versions: { [lang]: { slug: `${tag}-post`, title: `Time zones ${tag}` } }, tag })
			const user = await createUser({ role: 'researcher', lang })
			await getDb()`update users set time_zone = 'Pacific/Auckland' where id = ${user.id}`
			await signInContext(page.context(), baseURL!, user.id)
			await page.goto(`/${lang}/news?tag=${tag}`)
			await expect(page.getByTestId('news-item').locator('time')).toHaveText(lang === 'en' ? 'May 11, 2025' : '2025年5月11日')
			await page.getByTestId('news-item').getByRole('link', { name: `Time zones ${tag}` }).click()
			await expect(page.getByTestId('published')).toHaveText(fill(t.article.published, { date: lang === 'en' ? 'May 11, 2025' : '2025年5月11日' }))
		})

		test('an article: title, dates, reading time, share links, related posts', async ({ page, baseURL }) => {
			const response = await page.goto(`/${lang}/news/${BILINGUAL}`)
			expect(response?.status()).toBe(200)
			await expect(page.locator('html')).toHaveAttribute('lang', HTML_LANG[lang])
			const article = page.locator('article').first()
			await expect(article).toHaveAttribute('lang', HTML_LANG[lang])
			const [version] = await getDb()<{ title: string; bodyMarkdown: string }[]>`
				select title, body_markdown as "bodyMarkdown" from news_post_translations where slug = ${BILINGUAL} and lang = ${lang}
			`
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(version!.title)
			await expect(page).toHaveTitle(fill(messages[lang].common.meta.title, { page: version!.title }))
			await expect(page.getByTestId('reading-time')).toHaveText(readingTime(lang, readingTimeMinutes(version!.bodyMarkdown)))
			// 09:00 in Davis on 15 September is already the 16th in Beijing: both are named, in either language.
			const published = page.getByTestId('published')
			const dates = lang === 'en' ? { davis: 'September 15, 2026', beijing: 'September 16, 2026' } : { davis: '2026年9月15日', beijing: '2026年9月16日' }
			await expect(published).toHaveText(fill(t.article.published, { date: fill(t.date['two-cities'], dates) }))
			await expect(published).toHaveAttribute('datetime', '2026-09-15T16:00:00.000Z')
			await expect(page.getByRole('note')).toHaveCount(0)
			await expect(page.getByTestId('article-body').locator('p').first()).toBeVisible()

			const url = `${baseURL}/${lang}/news/${BILINGUAL}`
			const share = page.getByTestId('share')
			await expect(share.getByRole('heading')).toHaveText(t.article.share)
			const email = share.locator('[data-service="email"]')
			await expect(email).toHaveAttribute('href', `mailto:?subject=${encodeURIComponent(version!.title)}&body=${encodeURIComponent(`${version!.title}\n\n${url}`)}`)
			const services = {
				x: `https://twitter.com/intent/tweet?url=${encodeURIComponent(url)}`,
				linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(url)}`,
				weibo: `https://service.weibo.com/share/share.php?url=${encodeURIComponent(url)}`,
			}
			for (const [service, prefix] of Object.entries(services)) {
				const link = share.locator(`[data-service="${service}"]`)
				expect(await link.getAttribute('href'), service).toContain(prefix)
				await expect(link).toHaveAttribute('target', '_blank')
				await expect(link).toHaveAttribute('rel', /noopener/)
			}
			// No third-party script or frame on the page.
			const foreign = await page.evaluate(() =>
				[...document.querySelectorAll('script[src], iframe')].map((el) => el.getAttribute('src') ?? '').filter((src) => !src.startsWith('/')),
			)
			expect(foreign).toEqual([])

			const related = page.getByTestId('related')
			await expect(related.getByRole('heading', { level: 2 })).toHaveText(t.article.related)
			const relatedLinks = related.getByRole('link')
			await expect(relatedLinks).toHaveCount(3)
			for (const href of await relatedLinks.evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
				expect(href).toMatch(new RegExp(`^/${lang}/news/[a-z0-9-]+$`))
				expect(href).not.toBe(`/${lang}/news/${BILINGUAL}`)
			}
			await relatedLinks.first().click()
			await expect(page).toHaveURL(new RegExp(`/${lang}/news/(?!${BILINGUAL})`))
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
		})

		test('copying the link is a progressive enhancement', async ({ browser, baseURL }) => {
			const withJs = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] })
			const page = await withJs.newPage()
			await page.goto(`/${lang}/news/${BILINGUAL}`)
			await page.getByTestId('copy-link').click()
			await expect(page.getByTestId('share').getByRole('status')).toHaveText(t.article.copied)
			expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/${lang}/news/${BILINGUAL}`)
			await withJs.close()

			const withoutJs = await browser.newContext({ javaScriptEnabled: false })
			const plain = await withoutJs.newPage()
			await plain.goto(`/${lang}/news/${BILINGUAL}`)
			await expect(plain.getByTestId('share').locator('[data-service="email"]')).toBeVisible()
			await expect(plain.getByTestId('copy-link')).toHaveCount(0)
			await withoutJs.close()
		})

		test('a bilingual article declares both versions; the listing the usual pair', async ({ page, baseURL }) => {
			await page.goto(`/${lang}/news/${BILINGUAL}`)
			const head = page.locator('head')
			await expect(head.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}/${lang}/news/${BILINGUAL}`)
			await expect(head.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', `${baseURL}/en/news/${BILINGUAL}`)
			await expect(head.locator('link[rel="alternate"][hreflang="zh-CN"]')).toHaveAttribute('href', `${baseURL}/zh/news/${BILINGUAL}`)
			await expect(head.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute('href', `${baseURL}/en/news/${BILINGUAL}`)
			const [version] = await getDb()<{ title: string; seoDescription: string; summary: string }[]>`
				select title, seo_description as "seoDescription", summary from news_post_translations where slug = ${BILINGUAL} and lang = ${lang}
			`
			const description = version!.seoDescription || version!.summary
			const meta = (attr: string, name: string) => head.locator(`meta[${attr}="${name}"]`)
			await expect(meta('name', 'description')).toHaveAttribute('content', description)
			await expect(meta('property', 'og:type')).toHaveAttribute('content', 'article')
			await expect(meta('property', 'og:title')).toHaveAttribute('content', version!.title)
			await expect(meta('property', 'og:description')).toHaveAttribute('content', description)
			await expect(meta('property', 'og:url')).toHaveAttribute('content', `${baseURL}/${lang}/news/${BILINGUAL}`)
			await expect(meta('property', 'og:locale')).toHaveAttribute('content', lang === 'en' ? 'en_US' : 'zh_CN')
			await expect(meta('property', 'og:site_name')).toHaveAttribute('content', messages[lang].common.site.name)
			await expect(meta('property', 'article:published_time')).toHaveAttribute('content', '2026-09-15T16:00:00.000Z')
			await expect(meta('property', 'article:modified_time')).toHaveAttribute('content', /^\d{4}-\d{2}-\d{2}T/)
			await expect(meta('property', 'og:image')).toHaveCount(0)
			await expect(meta('name', 'twitter:card')).toHaveAttribute('content', 'summary')
			await expect(meta('name', 'twitter:title')).toHaveAttribute('content', version!.title)
			await expect(meta('name', 'twitter:description')).toHaveAttribute('content', description)

			await page.goto(`/${lang}/news`)
			await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}/${lang}/news`)
			await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', `${baseURL}/en/news`)
			await expect(page.locator('link[rel="alternate"][hreflang="zh-CN"]')).toHaveAttribute('href', `${baseURL}/zh/news`)
			await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute('href', `${baseURL}/en/news`)
			await expect(page).toHaveTitle(fill(messages[lang].common.meta.title, { page: t.list.title }))
			await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', t.list.description)
			// A filtered page is its own page: canonical keeps the filter, drops the rest.
			await page.goto(`/${lang}/news?utm_source=x&group=market-access&before=garbage`)
			await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}/${lang}/news?group=market-access`)
		})

		test('the header links to the news; the home page’s teasers link to their articles', async ({ page }) => {
			await page.goto(`/${lang}`)
			const nav = page.getByRole('navigation', { name: messages[lang].common.nav.label })
			const teaser = page.getByTestId('news-teaser').first().getByRole('link')
			const title = await teaser.textContent()
			await teaser.click()
			await expect(page).toHaveURL(new RegExp(`/${lang}/news/[a-z0-9-]+$`))
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(title!)
			await expect(nav.getByRole('link', { name: messages[lang].common.nav.news })).toHaveAttribute('aria-current', 'page')
			await nav.getByRole('link', { name: messages[lang].common.nav.news }).click()
			await expect(page).toHaveURL(new RegExp(`/${lang}/news$`))
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.list.heading)
		})
	})
}

test('topic and group filters are links that work without JavaScript, and can be cleared', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false })
	const page = await context.newPage()
	const tag = unique('filters')
	const inGroup = [`${tag}-a`, `${tag}-b`]
	await insertPost({ publishedAt: '2025-06-03T12:00:00Z', versions: { zh: { slug: inGroup[0]!, title: `甲 ${tag}` } }, tag, group: 'market-access' })
	await insertPost({ publishedAt: '2025-06-02T12:00:00Z', versions: { zh: { slug: inGroup[1]!, title: `乙 ${tag}` } }, tag, group: 'market-access' })
	await insertPost({ publishedAt: '2025-06-01T12:00:00Z', versions: { zh: { slug: `${tag}-c`, title: `丙 ${tag}` } }, tag, group: 'tariff-coordination' })
	const t = news('zh')
	const market = await groupName('market-access', 'zh')

	await page.goto('/zh/news')
	await page.getByTestId('tag-filters').getByRole('link', { name: new RegExp(`Topic ${tag}`) }).click()
	await expect(page).toHaveURL(new RegExp(`/zh/news\\?tag=${tag}$`))
	await expect.poll(() => listedSlugs(page)).toEqual([...inGroup, `${tag}-c`])
	await expect(page.getByTestId('tag-filters').locator('[aria-current="true"]')).toContainText(`Topic ${tag}`)

	// The group keeps the topic.
	await page.getByTestId('group-filters').getByRole('link', { name: market }).click()
	await expect(page).toHaveURL(new RegExp(`/zh/news\\?tag=${tag}&group=market-access$`))
	await expect.poll(() => listedSlugs(page)).toEqual(inGroup)
	const active = page.getByTestId('active-filters')
	await expect(active).toContainText(fill(t.list['active-tag'], { label: `Topic ${tag}` }))
	await expect(active).toContainText(fill(t.list['active-group'], { name: market }))
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(fill(t.list['title-tag-group'], { label: `Topic ${tag}`, name: market }))

	// Removing the topic keeps the group: every post shown is the group's.
	await active.getByRole('link', { name: fill(t.list['remove-filter'], { label: fill(t.list['active-tag'], { label: `Topic ${tag}` }) }) }).click()
	await expect(page).toHaveURL(/\/zh\/news\?group=market-access$/)
	await expect(page.getByTestId('news-item').first()).toBeVisible()
	for (const item of await page.getByTestId('news-item').all()) await expect(item).toContainText(market)

	await page.getByTestId('active-filters').getByRole('link', { name: t.list.clear }).click()
	await expect(page).toHaveURL(/\/zh\/news$/)
	await expect(page.getByTestId('active-filters')).toHaveCount(0)

	// Nothing matches: said so, with the way back.
	await page.goto('/zh/news?tag=no-such-topic-at-all')
	await expect(page.getByTestId('news-empty')).toHaveText(t.list['empty-filtered'])
	await expect(page.getByRole('link', { name: t.list.clear })).toHaveAttribute('href', '/zh/news')
	await context.close()
})

test('before anything is published the listing says so, in its language', async ({ browser }) => {
	const context = await browser.newContext({ extraHTTPHeaders: { 'X-Test-Now': '2000-01-01T00:00:00Z' } })
	const page = await context.newPage()
	for (const lang of LANGS) {
		await page.goto(`/${lang}/news`)
		await expect(page.getByTestId('news-empty')).toHaveText(news(lang).list.empty)
		await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex')
	}
	await context.close()
})

test('an English-only post on a Chinese page: English content, a Chinese notice, the English canonical, no hreflang', async ({ page, baseURL }) => {
	const response = await page.goto(`/zh/news/${ENGLISH_ONLY}`)
	expect(response?.status()).toBe(200)
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
	await expect(page.locator('article[lang="en"]')).toHaveCount(1)
	await expect(page.locator('article[lang="en"] h1')).toContainText('oncept note')
	const note = page.getByRole('note')
	await expect(note).toContainText(news('zh').article['missing-translation'])
	await expect(note).toHaveText(`${news('zh').article['missing-translation']}${news('zh').article['shown-in-original']}`)
	// The page's own words inside the English article are marked Chinese.
	await expect(page.getByTestId('reading-time')).toHaveText(/分钟/)
	await expect(page.getByTestId('article-meta')).toHaveAttribute('lang', 'zh-CN')
	await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}/en/news/${ENGLISH_ONLY}`)
	await expect(page.locator('link[rel="alternate"][hreflang]')).toHaveCount(0)
	await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', `${baseURL}/en/news/${ENGLISH_ONLY}`)
	await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', 'en_US')

	// The switcher goes to the English version, and from there back to this page.
	await page.getByTestId('language-switcher').click()
	await expect(page).toHaveURL(new RegExp(`/en/news/${ENGLISH_ONLY}$`))
	await expect(page.locator('html')).toHaveAttribute('lang', 'en')
	await expect(page.getByRole('note')).toHaveCount(0)
	await expect(page.getByTestId('language-switcher')).toHaveAttribute('href', `/zh/news/${ENGLISH_ONLY}`)
})

test('an outdated translation says so and links to its original; each language has its own slug; cover, author and SEO image tags', async ({ page, request, baseURL }) => {
	const slug = unique('outdated')
	const body = [
		'## A table wider than a phone',
		'',
		'| Measure | China | United States | Notes on the comparison across both markets |',
		'| --- | --- | --- | --- |',
		'| Purchase incentives | Tax exemption | Federal tax credit | https://example.org/a-very-long-address-without-any-place-to-break-it-at-all |',
		'',
		'A link to https://example.org/another-very-long-address-without-any-place-to-break-it-whatsoever in a sentence.',
	].join('\n')
	const author = await createUser({ role: 'editor', name: `Author ${slug}` })
	await insertPost({
		publishedAt: '2025-02-01T12:00:00Z',
		cover: true,
		authorId: author.id,
		versions: {
			en: { slug: `${slug}-en`, title: `Revised original ${slug}`, body, coverAlt: 'Trucks at a charging depot' },
			zh: { slug: `${slug}-zh`, title: `过时的译文 ${slug}`, body, coverAlt: '充电站的卡车' },
		},
		outdatedTranslation: true,
	})

	await page.goto(`/zh/news/${slug}-zh`)
	const note = page.getByTestId('outdated-translation')
	await expect(note).toHaveAttribute('role', 'note')
	await expect(note).toContainText(news('zh').article['outdated-translation'])
	const original = note.getByRole('link', { name: news('zh').article['read-original'] })
	await expect(original).toHaveAttribute('href', `/en/news/${slug}-en`)
	await expect(original).toHaveAttribute('hreflang', 'en')
	await expect(page.getByTestId('language-switcher')).toHaveAttribute('href', `/en/news/${slug}-en`)
	// Both versions exist: hreflang names each by its own slug; the cover is shared.
	await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', `${baseURL}/en/news/${slug}-en`)
	await expect(page.locator('link[rel="alternate"][hreflang="zh-CN"]')).toHaveAttribute('href', `${baseURL}/zh/news/${slug}-zh`)
	await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', new RegExp(`^${baseURL}/media/[a-f0-9]{64}\\.jpg$`))
	await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', '1200')
	await expect(page.locator('meta[property="og:image:height"]')).toHaveAttribute('content', '630')
	await expect(page.locator('meta[property="og:image:alt"]')).toHaveAttribute('content', '充电站的卡车')
	await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image')
	const cover = page.locator('article img').first()
	await expect(cover).toHaveAttribute('alt', '充电站的卡车')
	await expect(cover).toHaveAttribute('width', '1200')
	await expect(cover).toHaveAttribute('height', '630')
	await expect(page.getByTestId('article-meta')).toContainText(fill(news('zh').article.by, { name: `Author ${slug}` }))
	// The renderer's scroll wrapper holds the wide table.
	await expect(page.getByTestId('article-body').locator('.table-scroll > table')).toHaveCount(1)

	await original.click()
	await expect(page).toHaveURL(new RegExp(`/en/news/${slug}-en$`))
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Revised original ${slug}`)
	await expect(page.getByRole('note')).toHaveCount(0)

	// The other language's slug sends the reader to their own version, for good.
	for (const [from, to] of [[`/zh/news/${slug}-en`, `/zh/news/${slug}-zh`], [`/en/news/${slug}-zh?ref=mail`, `/en/news/${slug}-en?ref=mail`]] as const) {
		const response = await request.get(from, { maxRedirects: 0 })
		expect(response.status(), from).toBe(301)
		expect(response.headers().location, from).toBe(to)
	}
})

test('drafts, archived and future posts do not exist for the public, until a scheduled post’s time comes', async ({ page, browser, request }) => {
	const tag = unique('hidden')
	const slug = (kind: string) => `${tag}-${kind}`
	await insertPost({ status: 'draft', publishedAt: null, versions: { en: { slug: slug('draft'), title: 'A draft' } }, tag })
	await insertPost({ status: 'archived', publishedAt: '2025-01-01T00:00:00Z', versions: { en: { slug: slug('archived'), title: 'Archived' } }, tag })
	await insertPost({
		status: 'scheduled',
		publishedAt: '2031-05-01T08:00:00Z',
		versions: { en: { slug: slug('scheduled'), title: `Scheduled ${tag}` }, zh: { slug: slug('scheduled-zh'), title: `定时发布 ${tag}` } },
		tag,
	})
	// Published with a future date counts as scheduled: not yet.
	await insertPost({ status: 'published', publishedAt: '2031-05-01T08:00:00Z', versions: { en: { slug: slug('future'), title: 'Future' } }, tag })

	for (const lang of LANGS) {
		for (const kind of ['draft', 'archived', 'scheduled', 'scheduled-zh', 'future']) {
			const response = await page.goto(`/${lang}/news/${slug(kind)}`)
			expect(response?.status(), `${lang} ${kind}`).toBe(404)
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(messages[lang].common.errors.notFound.heading)
			await expect(page.locator('html')).toHaveAttribute('lang', HTML_LANG[lang])
			await expect(page.locator('main')).not.toContainText(tag)
		}
		// The same answer as a slug that never existed, byte for byte apart from the nonce.
		const hidden = await request.get(`/${lang}/news/${slug('draft')}`)
		const unknown = await request.get(`/${lang}/news/${tag}-never-existed`)
		expect(hidden.status()).toBe(unknown.status())
		const strip = (html: string) => html.replace(/nonce="[^"]*"/g, '').replace(new RegExp(`${tag}-[a-z-]+`, 'g'), '')
		expect(strip(await hidden.text())).toBe(strip(await unknown.text()))

		await page.goto(`/${lang}/news?tag=${tag}`)
		await expect(page.getByTestId('news-empty')).toBeVisible()
	}

	// A minute after its time, the scheduled post is there: in the listing and by URL.
	const later = await browser.newContext({ extraHTTPHeaders: { 'X-Test-Now': '2031-05-01T08:01:00Z' } })
	const tab = await later.newPage()
	await tab.goto(`/en/news?tag=${tag}`)
	// Same time: the later-created post first.
	await expect.poll(() => listedSlugs(tab)).toEqual([slug('future'), slug('scheduled')])
	const response = await tab.goto(`/zh/news/${slug('scheduled-zh')}`)
	expect(response?.status()).toBe(200)
	await expect(tab.getByRole('heading', { level: 1 })).toHaveText(`定时发布 ${tag}`)
	// A minute before, it is not.
	const earlier = await browser.newContext({ extraHTTPHeaders: { 'X-Test-Now': '2031-05-01T07:59:00Z' } })
	expect((await (await earlier.newPage()).goto(`/en/news/${slug('scheduled')}`))?.status()).toBe(404)
	await later.close()
	await earlier.close()
})

test('text and Markdown that try to inject markup stay inert, in the listing and the article', async ({ page }) => {
	const tag = unique('xss')
	const slug = `${tag}-post`
	const payload = `<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">"><svg onload="window.__xss = 3">`
	const TAG_PAYLOAD = `<img src=x onerror=alert(1)>"><svg onload=alert(2)>`
	const body = [
		'<script>window.__xss = 4</script>',
		'',
		'<img src=x onerror="window.__xss = 5">',
		'',
		'<a href="javascript:window.__xss = 6">raw link</a> <iframe src="javascript:window.__xss = 7"></iframe>',
		'',
		'[markdown link](javascript:window.__xss=8) and [data link](data:text/html,<script>window.__xss=9</script>)',
		'',
		'<div style="position:fixed;inset:0" onclick="window.__xss = 10">raw html block</div>',
		'',
		'"><svg onload="window.__xss = 11">',
		'',
		'![image](javascript:window.__xss=12)',
		'',
		'Plain closing paragraph.',
	].join('\n')
	await insertPost({
		publishedAt: '2025-04-01T12:00:00Z',
		cover: true,
		versions: { en: { slug, title: `Title ${payload}`, summary: `Summary ${payload}`, body, coverAlt: `Alt ${payload}` } },
		tag,
		// Labels are short (60 characters at most).
		tagLabel: TAG_PAYLOAD,
	})

	const dialogs: string[] = []
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message())
		void dialog.dismiss()
	})
	const expectInert = async () => {
		const main = page.locator('main')
		// The copy-link button's few lines carry the page's nonce; anything injected would not.
		await expect(main.locator('script:not([nonce])')).toHaveCount(0)
		await expect(page.locator('svg[onload], [onerror], [onclick], iframe')).toHaveCount(0)
		await expect(main.locator('[style]')).toHaveCount(0)
		await expect(page.locator('a[href^="javascript:" i], a[href^="data:" i], img[src^="javascript:" i]')).toHaveCount(0)
		expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
	}

	for (const lang of LANGS) {
		await page.goto(`/${lang}/news?tag=${tag}`)
		const item = page.getByTestId('news-item')
		await expect(item.getByRole('heading', { level: 2 })).toHaveText(`Title ${payload}`)
		await expect(item).toContainText(`Summary ${payload}`)
		await expect(item.locator('img')).toHaveAttribute('alt', `Alt ${payload}`)
		await expect(item.getByRole('link', { name: TAG_PAYLOAD })).toBeVisible()
		await expectInert()

		await page.goto(`/${lang}/news/${slug}`)
		await page.waitForLoadState('networkidle')
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Title ${payload}`)
		await expect(page.locator('article')).toContainText(`Summary ${payload}`)
		await expect(page.locator('article img').first()).toHaveAttribute('alt', `Alt ${payload}`)
		await expect(page.getByTestId('article-tags')).toContainText(TAG_PAYLOAD)
		const articleBody = page.getByTestId('article-body')
		await expect(articleBody).toContainText('Plain closing paragraph.')
		await expect(articleBody.getByRole('link', { name: 'markdown link' })).toHaveCount(0)
		await expect(articleBody).toContainText('markdown link')
		await expectInert()
		await expect(page).toHaveTitle(new RegExp(`^Title ${payload.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
	}
	expect(dialogs).toEqual([])
})

test('articles and the listing fit a 360 px phone without sideways scrolling', async ({ browser }) => {
	const slug = unique('phone')
	await insertPost({
		publishedAt: '2025-02-02T12:00:00Z',
		versions: {
			en: {
				slug,
				title: `Averyveryveryverylongwordthatcouldpushthepagewiderthanaphonescreen ${slug}`,
				body: [
					'| A | B | C | D | E | F |',
					'| --- | --- | --- | --- | --- | --- |',
					'| column one text | column two text | column three text | column four text | column five text | column six text |',
					'',
					'https://example.org/a-very-long-address-without-any-place-to-break-it-at-all-and-then-some-more',
					'',
					'```',
					'const aVeryLongLineOfCodeThatWouldOverflowAPhoneScreen = somethingQuiteLongIndeed(andMoreArguments)',
					'```',
				].join('\n'),
			},
		},
	})
	const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 })
	const page = await context.newPage()
	for (const path of [`/en/news/${BILINGUAL}`, `/zh/news/${BILINGUAL}`, `/zh/news/${ENGLISH_ONLY}`, `/en/news/${slug}`, '/en/news', '/zh/news']) {
		await page.goto(path)
		const width = await page.evaluate(() => document.scrollingElement!.scrollWidth)
		expect(width, `${path} is ${width}px wide`).toBeLessThanOrEqual(360)
	}
	await context.close()
})
