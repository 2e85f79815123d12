/** Both languages on every page, and a switcher that keeps the page. */
import { expect, test } from '@playwright/test'
import { HTML_LANG, LANGS, messages } from './utils.ts'

// Every page the portal has so far, per language; grows with each section.
const PAGES = [
	{ path: '', title: (lang: 'en' | 'zh') => messages[lang].common.site.homeTitle, status: 200 },
	{
		path: '/news',
		title: (lang: 'en' | 'zh') => messages[lang].common.meta.title.replace('{{page}}', messages[lang].news.list.title),
		status: 200,
	},
	{
		path: '/no-such-page',
		title: (lang: 'en' | 'zh') =>
			messages[lang].common.meta.title.replace('{{page}}', messages[lang].common.errors.notFound.title),
		status: 404,
	},
]

for (const lang of LANGS) {
	for (const page of PAGES) {
		test(`/${lang}${page.path} is entirely in ${lang}`, async ({ page: tab }) => {
			const response = await tab.goto(`/${lang}${page.path}`)
			expect(response?.status()).toBe(page.status)
			await expect(tab.locator('html')).toHaveAttribute('lang', HTML_LANG[lang])
			await expect(tab).toHaveTitle(page.title(lang))
			const nav = tab.getByRole('navigation', { name: messages[lang].common.nav.label })
			await expect(nav.getByRole('link', { name: messages[lang].common.nav.home })).toBeVisible()
			await expect(tab.locator('footer')).toContainText(messages[lang].common.footer.about)
			// The other language's strings do not leak in (the lab's bilingual name aside).
			const other = lang === 'en' ? 'zh' : 'en'
			await expect(tab.locator('main')).not.toContainText(messages[other].common.errors.notFound.heading)
		})
	}

	test(`/${lang} declares its language versions (hreflang) and canonical URL`, async ({ page, baseURL }) => {
		await page.goto(`/${lang}`)
		await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}/${lang}`)
		await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', `${baseURL}/en`)
		await expect(page.locator('link[rel="alternate"][hreflang="zh-CN"]')).toHaveAttribute('href', `${baseURL}/zh`)
		await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute('href', `${baseURL}/en`)
		await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', messages[lang].home.meta.description)
		await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', lang === 'en' ? 'en_US' : 'zh_CN')
	})
}

test('the switcher keeps the page, its query and its hash, and comes back', async ({ page }) => {
	await page.goto('/en/no-such-page?tag=tariffs&page=2#top')
	const switcher = page.getByTestId('language-switcher')
	await expect(switcher).toHaveAttribute('hreflang', 'zh-CN')
	await switcher.click()
	await expect(page).toHaveURL(/\/zh\/no-such-page\?tag=tariffs&page=2#top$/)
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(messages.zh.common.errors.notFound.heading)

	await page.getByTestId('language-switcher').click()
	await expect(page).toHaveURL(/\/en\/no-such-page\?tag=tariffs&page=2#top$/)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(messages.en.common.errors.notFound.heading)
})

test('the switcher works without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false })
	const page = await context.newPage()
	await page.goto('/zh?ref=newsletter')
	await page.getByTestId('language-switcher').click()
	await expect(page).toHaveURL(/\/en\?ref=newsletter$/)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(messages.en.home.hero.heading)
	await context.close()
})

test('client-side navigation between languages loads the other language’s strings', async ({ page }) => {
	// A page that hydrates (reading pages ship no JavaScript, so their switcher is a plain link).
	await page.goto('/en/login')
	// Wait for hydration: the switcher then navigates without a full reload.
	await page.waitForFunction(() => '__remixRouter' in window)
	await page.getByTestId('language-switcher').click()
	await expect(page).toHaveURL(/\/zh\/login$/)
	await expect(page.getByRole('link', { name: messages.zh.common.nav.signIn })).toBeVisible()
	await expect(page.getByRole('navigation', { name: messages.zh.common.nav.label })).toBeVisible()
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
})

test('pages are clean UTF-8: no NUL padding from the stream renderer, no broken characters', async ({ request }) => {
	// Long Chinese pages: React 18's 2 KB encode buffer boundaries fall inside
	// multi-byte characters many times over (see app/entry.server.tsx).
	for (const path of ['/zh', '/zh/news', '/zh/news/california-china-zev-partnership', '/en/news/california-china-zev-partnership']) {
		const body = await (await request.get(path)).body()
		const text = new TextDecoder('utf-8', { fatal: true }).decode(body)
		expect(text.includes('\u0000'), `${path} has NUL bytes`).toBe(false)
		expect(text.includes('\uFFFD'), `${path} has replacement characters`).toBe(false)
	}
})
