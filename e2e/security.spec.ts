/** Headers the portal sends on every response, and what its CSP prevents. */
import { expect, test, type APIResponse } from '@playwright/test'
import { createGroupWithRoles, createMeeting, createSessionToken, sessionHeaders } from './fixtures.ts'
import { parseCsp } from './utils.ts'

function expectStrictCsp(response: APIResponse | null | undefined) {
	const headers = response?.headers() ?? {}
	const csp = parseCsp(headers['content-security-policy'])
	const scriptSrc = csp.get('script-src') ?? []
	expect(scriptSrc).toContain("'self'")
	expect(scriptSrc.some((source) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(source))).toBe(true)
	expect(scriptSrc).not.toContain("'unsafe-inline'")
	expect(scriptSrc).not.toContain("'unsafe-eval'")
	expect(csp.get('object-src')).toEqual(["'none'"])
	expect(csp.get('base-uri')).toEqual(["'none'"])
	expect(csp.get('frame-ancestors')).toEqual(["'none'"])
	expect(headers['x-content-type-options']).toBe('nosniff')
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
	expect(headers['cross-origin-opener-policy']).toBe('same-origin')
	// Plain http here: HSTS only over https (e2e/hsts.spec.ts).
	expect(headers['strict-transport-security']).toBeUndefined()
	expect(headers['x-powered-by']).toBeUndefined()
	return scriptSrc.find((source) => source.startsWith("'nonce-"))!.slice(7, -1)
}

test('a normal page has a strict CSP whose fresh nonce is on every script', async ({ request }) => {
	// A page that loads scripts (reading pages ship none: app/ui/hydration.ts).
	const first = await request.get('/en/login')
	const nonce = expectStrictCsp(first)
	const html = await first.text()
	const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
	expect(scripts.length).toBeGreaterThan(0)
	for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
	const second = expectStrictCsp(await request.get('/en/login'))
	expect(second).not.toBe(nonce)
})

test('error pages carry the same CSP: a 404 page, an unknown language, the health check', async ({ request }) => {
	for (const path of ['/en/no-such-page', '/fr', '/healthz', '/assets/no-such-file.js']) {
		const response = await request.get(path)
		expect(response.status(), path).toBe(path === '/healthz' ? 200 : 404)
		const csp = parseCsp(response.headers()['content-security-policy'])
		expect(csp.get('object-src'), path).toEqual(["'none'"])
		expect(csp.get('frame-ancestors') ?? csp.get('default-src'), path).toBeTruthy()
		expect(response.headers()['x-content-type-options'], path).toBe('nosniff')
	}
	expectStrictCsp(await request.get('/en/no-such-page'))
})

test('an inline script injected into a page without the nonce does not run; the page’s own scripts do', async ({ page }) => {
	await page.route('**/en/login', async (route) => {
		const response = await route.fetch()
		const html = (await response.text()).replace(
			'</body>',
			'<script>window.__injected = true</script><img src="x" onerror="window.__injectedHandler = true"></body>',
		)
		await route.fulfill({ response, body: html })
	})
	const violations: string[] = []
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
	})
	await page.goto('/en/login')
	// The nonce'd scripts ran: Remix hydrated the page.
	await page.waitForFunction(() => '__remixRouter' in window)
	expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined()
	expect(await page.evaluate(() => (window as { __injectedHandler?: boolean }).__injectedHandler)).toBeUndefined()
	expect(violations.length).toBeGreaterThan(0)
})

test('hashed assets are cached for a year and compressed', async ({ request }) => {
	const html = await (await request.get('/en')).text()
	const asset = /href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1]
	expect(asset).toBeTruthy()
	const response = await request.get(asset!, { headers: { 'Accept-Encoding': 'br, gzip' } })
	expect(response.status()).toBe(200)
	expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
	expect(response.headers()['content-encoding']).toMatch(/^(br|gzip)$/)
	const page = await request.get('/zh', { headers: { 'Accept-Encoding': 'gzip' } })
	expect(page.headers()['content-encoding']).toBe('gzip')
})

test('translations are served to the browser with cache headers and revalidate by ETag', async ({ request }) => {
	const response = await request.get('/resources/locales/zh/home')
	expect(response.status()).toBe(200)
	expect(response.headers()['cache-control']).toMatch(/public, max-age=\d+/)
	const body = (await response.json()) as { hero: { heading: string } }
	expect(body.hero.heading).toBeTruthy()
	const etag = response.headers().etag
	const again = await request.get('/resources/locales/zh/home', { headers: { 'If-None-Match': etag! } })
	expect(again.status()).toBe(304)
	expect((await request.get('/resources/locales/fr/home')).status()).toBe(404)
	expect((await request.get('/resources/locales/en/secrets')).status()).toBe(404)
})

test('reading pages ship no JavaScript; pages with forms that check as you type do', async ({ request }) => {
	for (const path of ['/en', '/zh', '/en/news']) {
		const html = await (await request.get(path)).text()
		expect([...html.matchAll(/<script\b/g)].length, path).toBe(0)
		expect(html, path).not.toContain('rel="modulepreload"')
	}
	// An article: only the copy-link button's few inline lines (app/ui/enhancements.ts), no bundle.
	const article = await (await request.get('/zh/news/california-china-zev-partnership')).text()
	expect(article).not.toContain('rel="modulepreload"')
	const scripts = [...article.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
	expect(scripts).toHaveLength(1)
	expect(scripts[0]![1]).not.toContain('src=')
	expect(scripts[0]![2]!.length).toBeLessThan(1024)
	const login = await (await request.get('/zh/login')).text()
	expect([...login.matchAll(/<script\b/g)].length).toBeGreaterThan(0)
})

test("a public meeting's page ships its scripts to members only: readers without an account get none", async ({ request, baseURL }) => {
	const { group, people } = await createGroupWithRoles({ visibility: 'public' })
	const meeting = await createMeeting({ group, startsAt: new Date(Date.now() + 86_400_000) })
	const anonymous = await (await request.get(`/en/meetings/${meeting.id}`)).text()
	expect(anonymous).toContain(meeting.title.en)
	expect([...anonymous.matchAll(/<script\b/g)]).toHaveLength(0)
	const member = await (await request.get(`/en/meetings/${meeting.id}`, { headers: sessionHeaders(await createSessionToken(people.lead.id), baseURL!) })).text()
	expect(member).toContain('rel="modulepreload"')
})
