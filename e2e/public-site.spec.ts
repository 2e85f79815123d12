/**
 * The public site as the first readers found it (issue 13), in both
 * languages: feeds readable in a browser and still feeds to readers, with
 * visible subscribe links; a real menu on a phone; one set of dates for both
 * languages; members landing on their dashboard in their language, with a
 * link to it; the keyboard reaching the news past its filters, with focus
 * outlines whole; related news saying when a title is in the other language.
 */
import { randomBytes } from 'node:crypto'
import Parser from 'rss-parser'
import { createNewsPost } from './content.ts'
import { createUser, signInContext, test } from './fixtures.ts'
import { expect, expectNoSidewaysScroll, fill, locales, type Lang } from './first-users.ts'
import enAuth from '../locales/en/auth.json' with { type: 'json' }
import zhAuth from '../locales/zh/auth.json' with { type: 'json' }

const LANGS: Lang[] = ['en', 'zh']
const auth = { en: enAuth, zh: zhAuth }
const unique = (label: string) => `${label}-${randomBytes(4).toString('hex')}`

for (const lang of LANGS) {
	const news = locales[lang].news
	const common = locales[lang].common

	test(`${lang}: a feed opened in a browser reads as a page, and is still a feed to readers`, async ({ page, request }) => {
		// The news page links its feeds visibly, and so does every page's footer.
		await page.goto(`/${lang}/news`)
		const subscribe = page.getByTestId('news-subscribe')
		await expect(subscribe.getByRole('link', { name: news.feed['rss-link'] })).toHaveAttribute('href', `/${lang}/news/feed.xml`)
		await expect(subscribe.getByRole('link', { name: news.feed['atom-link'] })).toHaveAttribute('href', `/${lang}/news/atom.xml`)
		await expect(page.getByTestId('footer-feeds').getByRole('link')).toHaveCount(2)

		for (const format of ['feed', 'atom'] as const) {
			const errors: string[] = []
			page.on('pageerror', (error) => errors.push(error.message))
			await subscribe.getByRole('link', { name: news.feed[format === 'feed' ? 'rss-link' : 'atom-link'] }).click()
			await expect(page).toHaveURL(new RegExp(`/${lang}/news/${format}\\.xml$`))
			const view = page.getByTestId('feed-page')
			await expect(view.getByRole('heading', { level: 1 })).toHaveText(news.feed.title)
			await expect(view.getByRole('note')).toContainText(news.feed.page.explain)
			await expect(page.getByTestId('feed-address')).toHaveText(new RegExp(`/${lang}/news/${format}\\.xml$`))
			const entries = page.getByTestId('feed-entry')
			expect(await entries.count()).toBeGreaterThan(0)
			// Styled by the site's own stylesheet: a real heading size, not the browser's raw XML view.
			await expect(view.getByRole('heading', { level: 1 })).toHaveCSS('font-weight', '700')
			expect(errors).toEqual([])
			await entries.first().getByRole('link').click()
			await expect(page).toHaveURL(new RegExp(`/${lang}/news/[a-z0-9-]+$`))
			await page.goto(`/${lang}/news`)

			// A feed reader gets the feed's own type and a document it parses.
			const response = await request.get(`/${lang}/news/${format}.xml`)
			expect(response.headers()['content-type']).toBe(format === 'feed' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8')
			const body = await response.text()
			expect(body).toContain(`<?xml-stylesheet type="text/xsl" href="/${lang}/news/feed.xsl"?>`)
			const parsed = await new Parser().parseString(body)
			expect(parsed.title).toBe(news.feed.title)
			expect(parsed.items.length).toBeGreaterThan(0)
		}
	})

	test(`${lang}: on a 375 px phone the navigation is a menu, with sign-in in reach`, async ({ browser, baseURL }) => {
		const context = await browser.newContext({ baseURL, viewport: { width: 375, height: 740 } })
		const page = await context.newPage()
		await page.goto(`/${lang}`)
		await expectNoSidewaysScroll(page, `/${lang}`)
		const nav = page.getByRole('navigation', { name: common.nav.label })
		await expect(page.getByRole('link', { name: common.nav.signIn })).toBeInViewport()
		await expect(nav.getByRole('link', { name: common.nav.comparison })).toBeHidden()
		await nav.getByText(common.nav.menu, { exact: true }).click()
		for (const name of [common.nav.home, common.nav.news, common.nav.groups, common.nav.comparison, common.nav.contact]) {
			const link = nav.getByRole('link', { name, exact: true })
			await expect(link).toBeVisible()
			// Whole, not cut off at the screen's edge.
			const box = await link.boundingBox()
			expect(box!.x + box!.width, name).toBeLessThanOrEqual(375)
		}
		await nav.getByRole('link', { name: common.nav.contact }).click()
		await expect(page).toHaveURL(new RegExp(`/${lang}/contact$`))
		await expect(nav.getByRole('link', { name: common.nav.comparison })).toBeHidden()
		await context.close()
	})

	test(`${lang}: a member lands on their dashboard in their own language, linked from the header`, async ({ page }) => {
		const other: Lang = lang === 'en' ? 'zh' : 'en'
		const member = await createUser({ role: 'researcher', lang: other })
		// Signing in on the other language's page still lands in the member's language.
		await page.goto(`/${lang}/login`)
		await page.getByLabel(auth[lang].fields.email).fill(member.email)
		await page.getByLabel(auth[lang].fields.password).fill(member.password)
		await page.getByRole('button', { name: auth[lang].login.submit }).click()
		// The dashboard itself comes with the meeting-records work; here, where sign-in sends a member.
		await page.waitForURL((url) => url.pathname === `/${other}/dashboard`)
		await page.goto(`/${other}`)
		const link = page.getByRole('navigation', { name: locales[other].common.nav.label }).getByRole('link', { name: locales[other].common.nav.dashboard })
		await expect(link).toHaveAttribute('href', `/${other}/dashboard`)

		// A safe place to go back to still wins.
		await page.context().clearCookies()
		await page.goto(`/${lang}/login?redirectTo=${encodeURIComponent(`/${lang}/account`)}`)
		await page.getByLabel(auth[lang].fields.email).fill(member.email)
		await page.getByLabel(auth[lang].fields.password).fill(member.password)
		await page.getByRole('button', { name: auth[lang].login.submit }).click()
		await page.waitForURL((url) => url.pathname === `/${lang}/account`)
	})

	test(`${lang}: the keyboard reaches the first post past the filters, and focus outlines are whole`, async ({ page }) => {
		await page.goto(`/${lang}/news`)
		// The main navigation wraps instead of scrolling, so nothing clips an outline.
		const newsLink = page.getByRole('navigation', { name: common.nav.label }).getByRole('link', { name: common.nav.news, exact: true })
		for (let i = 0; i < 15 && !(await newsLink.evaluate((element) => element === document.activeElement)); i++) await page.keyboard.press('Tab')
		await expect(newsLink).toBeFocused()
		await expect(newsLink).toHaveCSS('outline-style', 'solid')
		const clipped = await newsLink.evaluate((element) => {
			for (let node = element.parentElement; node; node = node.parentElement) {
				const style = getComputedStyle(node)
				if (style.overflowX !== 'visible' || style.overflowY !== 'visible') return true
			}
			return false
		})
		expect(clipped).toBe(false)

		for (let presses = 0; presses < 40; presses++) {
			await page.keyboard.press('Tab')
			if (await page.getByTestId('skip-filters').evaluate((element) => element === document.activeElement)) break
		}
		await expect(page.getByTestId('skip-filters')).toBeVisible()
		await expect(page.getByTestId('skip-filters')).toHaveText(news.list['skip-filters'])
		await page.keyboard.press('Enter')
		await page.keyboard.press('Tab')
		const focused = await page.evaluate(() => document.activeElement?.closest('[data-testid="news-item"]') !== null)
		expect(focused).toBe(true)
	})

	test(`${lang}: anonymous readers of both languages see the same publication dates`, async ({ browser, baseURL }) => {
		const slug = unique('e2e-dates')
		// 03:00 UTC: the evening before in Davis, the morning in Beijing.
		await createNewsPost({ publishedAt: '2026-02-10T03:00:00Z', versions: { en: { slug, title: `Dates ${slug}` }, zh: { slug, title: `日期 ${slug}` } } })
		const context = await browser.newContext({ baseURL })
		const page = await context.newPage()
		const shown: Record<Lang, string> = { en: '', zh: '' }
		for (const l of LANGS) {
			await page.goto(`/${l}/news/${slug}`)
			shown[l] = (await page.getByTestId('published').textContent()) ?? ''
		}
		// The same two days, in each language's words.
		expect(shown.en).toContain(fill(locales.en.news.date['two-cities'], { davis: 'February 9, 2026', beijing: 'February 10, 2026' }))
		expect(shown.zh).toContain(fill(locales.zh.news.date['two-cities'], { davis: '2026年2月9日', beijing: '2026年2月10日' }))
		await context.close()
	})
}

test('zh: related news says when a title is only in English', async ({ page }) => {
	const tag = unique('e2e-related')
	const base = await createNewsPost({ publishedAt: new Date(Date.now() - 7_200_000), tags: [{ slug: tag }], versions: { en: { title: unique('Both') }, zh: { title: '双语文章' } } })
	const englishOnly = await createNewsPost({ publishedAt: new Date(Date.now() - 3_600_000), tags: [{ slug: tag }], versions: { en: { title: unique('English only') } } })
	await page.goto(`/zh/news/${base.slugs.zh}`)
	const related = page.getByTestId('related').getByRole('listitem').filter({ hasText: englishOnly.titles.en! })
	await expect(related.getByTestId('related-language')).toHaveText(locales.zh.news.article['only-in-en'])
	await expect(related.locator('h3')).toHaveAttribute('lang', 'en')
})
