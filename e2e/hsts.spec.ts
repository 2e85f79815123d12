/**
 * HSTS only over https: a plain-http answer never claims an https site. The
 * e2e server trusts its loopback proxy (TRUST_PROXY), so X-Forwarded-Proto
 * says how the visitor reached the site.
 */
import { expect, test } from '@playwright/test'

const HSTS = /^max-age=63072000; includeSubDomains$/

test('no Strict-Transport-Security over plain http', async ({ request }) => {
	for (const path of ['/en', '/zh/news', '/healthz', '/favicon.svg']) {
		const response = await request.get(path)
		expect(response.status(), path).toBe(200)
		expect(response.headers()['strict-transport-security'], path).toBeUndefined()
	}
	const proxiedHttp = await request.get('/en', { headers: { 'X-Forwarded-Proto': 'http' } })
	expect(proxiedHttp.headers()['strict-transport-security']).toBeUndefined()
})

test('Strict-Transport-Security when a trusted proxy says the visitor came over https', async ({ request }) => {
	for (const path of ['/en', '/zh/news', '/healthz', '/en/no-such-page']) {
		const response = await request.get(path, { headers: { 'X-Forwarded-Proto': 'https' } })
		expect(response.headers()['strict-transport-security'], path).toMatch(HSTS)
	}
})
