/** Language routing: the redirect from `/`, and 404s in the right language. */
import { expect, test } from '@playwright/test'
import { messages } from './utils.ts'

test.describe('redirect from /', () => {
	const cases: { name: string; headers: Record<string, string>; to: string }[] = [
		{ name: 'Chinese browser', headers: { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' }, to: '/zh' },
		{ name: 'Taiwanese Chinese browser (zh-*)', headers: { 'Accept-Language': 'zh-TW' }, to: '/zh' },
		{ name: 'English browser', headers: { 'Accept-Language': 'en-US,en;q=0.9' }, to: '/en' },
		{ name: 'French browser falls back to English', headers: { 'Accept-Language': 'fr-FR,fr;q=0.9' }, to: '/en' },
		{ name: 'no preference at all', headers: {}, to: '/en' },
		{ name: 'the lang cookie wins over Accept-Language', headers: { 'Accept-Language': 'en-US', Cookie: 'lang=InpoIg%3D%3D' }, to: '/zh' },
		{ name: 'a tampered cookie is ignored', headers: { 'Accept-Language': 'zh-CN', Cookie: 'lang=garbage' }, to: '/zh' },
	]
	for (const { name, headers, to } of cases) {
		test(name, async ({ request }) => {
			const response = await request.get('/', { headers, maxRedirects: 0 })
			expect(response.status()).toBe(302)
			expect(new URL(response.headers().location ?? '', 'http://x').pathname).toBe(to)
			expect(response.headers().vary).toMatch(/Accept-Language/)
		})
	}

	test('reading a page in Chinese makes / open in Chinese next time', async ({ page }) => {
		await page.goto('/zh')
		await page.goto('/')
		await expect(page).toHaveURL(/\/zh$/)
	})
})

test.describe('not found', () => {
	test('an unknown language prefix is a 404 page in the detected language', async ({ browser }) => {
		const context = await browser.newContext({ locale: 'zh-CN', extraHTTPHeaders: { 'Accept-Language': 'zh-CN' } })
		const page = await context.newPage()
		const response = await page.goto('/fr/news')
		expect(response?.status()).toBe(404)
		await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(messages.zh.common.errors.notFound.heading)
		await expect(page).toHaveTitle(messages.zh.common.meta.title.replace('{{page}}', messages.zh.common.errors.notFound.title))
		await context.close()
	})

	for (const lang of ['en', 'zh'] as const) {
		test(`an unknown page under /${lang} is a 404 in that language`, async ({ page }) => {
			const response = await page.goto(`/${lang}/no-such-page`)
			expect(response?.status()).toBe(404)
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(messages[lang].common.errors.notFound.heading)
			await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex')
			// The site's header and footer frame the error page too.
			await expect(page.getByRole('navigation')).toBeVisible()
			await expect(page.locator('footer')).toContainText(messages[lang].common.footer.contactHeading)
		})
	}
})

test('GET /healthz is 200 with the database reachable', async ({ request }) => {
	const response = await request.get('/healthz')
	expect(response.status()).toBe(200)
	expect(await response.json()).toEqual({ status: 'ok', database: 'ok' })
	expect(response.headers()['cache-control']).toBe('no-store')
})
