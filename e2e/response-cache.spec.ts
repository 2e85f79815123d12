/**
 * The response cache for anonymous readers (app/http/response-cache.server.ts,
 * ADR 015): pages come from the cache with the CSP as strict as ever, a write
 * the public can see shows at once, a scheduled post appears at its minute,
 * and nothing private is ever kept.
 *
 * Other specs write to the same database in parallel, and every such write
 * empties the cache: a test that needs a cache hit asks until it gets one.
 */
import { randomBytes } from 'node:crypto'
import type { APIRequestContext, APIResponse } from '@playwright/test'
import { createUser, expect, getDb, sessionHeaders, signInContext, test, createSessionToken } from './fixtures.ts'
import { createNewsPost } from './content.ts'
import { parseCsp } from './utils.ts'

const CACHE_STATUS = 'x-response-cache'

function unique(prefix: string) {
	return `${prefix}-${randomBytes(5).toString('hex')}`
}

/** Requests `path` until the cache answers it (a parallel write may have just emptied it). */
async function cachedGet(request: APIRequestContext, path: string, headers: Record<string, string> = {}): Promise<APIResponse> {
	let response: APIResponse | undefined
	await expect(async () => {
		response = await request.get(path, { headers, maxRedirects: 0 })
		expect(response.headers()[CACHE_STATUS]).toBe('hit')
	}).toPass({ timeout: 10_000 })
	return response!
}

function nonceOf(response: APIResponse): string {
	const scriptSrc = parseCsp(response.headers()['content-security-policy']).get('script-src') ?? []
	expect(scriptSrc).toContain("'self'")
	expect(scriptSrc).not.toContain("'unsafe-inline'")
	const nonce = scriptSrc.find((source) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(source))
	expect(nonce).toBeTruthy()
	return nonce!.slice(7, -1)
}

/** A post with both language versions and its own tag, so its listing is this test's alone (through the newsroom's save). */
async function insertPost({ status, publishedAt, tag }: { status: 'draft' | 'scheduled' | 'published'; publishedAt: string | null; tag: string }) {
	const slug = unique('cache-post')
	const post = await createNewsPost({
		status,
		publishedAt,
		tags: [{ slug: tag, label: { en: `Topic ${tag}` } }],
		versions: {
			en: { slug: `${slug}-en`, title: `Title ${slug} en`, summary: 'Summary', body: 'Body' },
			zh: { slug: `${slug}-zh`, title: `Title ${slug} zh`, summary: 'Summary', body: 'Body' },
		},
	})
	return { id: post.id, title: `Title ${slug} en`, slug: `${slug}-en` }
}

test('an anonymous page comes from the cache with a fresh nonce in its CSP and on every script', async ({ request }) => {
	const first = await cachedGet(request, '/zh/news')
	const second = await cachedGet(request, '/zh/news')
	const nonces = [nonceOf(first), nonceOf(second)]
	expect(nonces[0]).not.toBe(nonces[1])
	for (const [i, response] of [first, second].entries()) {
		// A reading page ships no JavaScript (app/ui/hydration.ts); any script it had would carry this response's nonce.
		const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
		for (const tag of scripts) expect(tag).toContain(`nonce="${nonces[i]}"`)
	}
	expect(first.headers()['content-security-policy']?.replace(nonces[0]!, '')).toBe(
		second.headers()['content-security-policy']?.replace(nonces[1]!, ''),
	)
})

test('a cached page revalidates by ETag: 304 without a body and without a CSP of its own', async ({ request }) => {
	const page = await cachedGet(request, '/en')
	const etag = page.headers()['etag']
	expect(etag).toMatch(/^W\/"/)
	const revalidated = await request.get('/en', { headers: { 'If-None-Match': etag! } })
	// A parallel write may have emptied the cache: the page is the same, so the tag still matches.
	expect(revalidated.status()).toBe(304)
	expect(await revalidated.body()).toHaveLength(0)
	if (revalidated.headers()[CACHE_STATUS] === 'hit') expect(revalidated.headers()['content-security-policy']).toBeUndefined()
})

/** How long a NOTIFY may take to reach the portal on a loaded test machine. */
const NOTIFY_DELIVERY_MS = 2_000

test('a change written by another process reaches the portal by NOTIFY', async ({ request }) => {
	const tag = unique('cache-publish')
	const post = await insertPost({ status: 'draft', publishedAt: null, tag })
	const listing = `/en/news?tag=${tag}`
	const before = await cachedGet(request, listing)
	expect(await before.text()).not.toContain(post.title)
	// Written by another process (this test's own connection): every portal process hears it
	// by NOTIFY, within moments of the commit.
	await getDb()`update news_posts set status = 'published', published_at = now() - interval '1 second' where id = ${post.id}`
	await expect.poll(async () => (await request.get(listing)).text(), { timeout: NOTIFY_DELIVERY_MS }).toContain(post.title)
	// And an edit of the published post, too.
	await cachedGet(request, listing)
	await getDb()`update news_post_translations set title = ${`${post.title} edited`} where post_id = ${post.id} and lang = 'en'`
	await expect.poll(async () => (await request.get(listing)).text(), { timeout: NOTIFY_DELIVERY_MS }).toContain(`${post.title} edited`)
})

test('a publish in the newsroom is visible on the very next request', async ({ request, baseURL }) => {
	const tag = unique('cache-newsroom')
	const post = await insertPost({ status: 'draft', publishedAt: null, tag })
	const listing = `/en/news?tag=${tag}`
	await cachedGet(request, listing)
	const editor = await createUser({ role: 'editor' })
	const token = await createSessionToken(editor.id)
	const published = await request.post(`/en/newsroom/${post.id}`, {
		headers: sessionHeaders(token, baseURL!),
		form: { intent: 'publish', version: '1', tags: tag, 'en.title': post.title, 'en.slug': post.slug, 'en.summary': 'Summary', 'en.body': 'Body' },
		maxRedirects: 0,
	})
	expect(published.status()).toBe(302)
	// No waiting: the portal that committed the publish dropped its pages before answering.
	const after = await request.get(listing)
	expect(after.headers()[CACHE_STATUS]).not.toBe('hit')
	expect(await after.text()).toContain(post.title)
})

test('a scheduled post appears at its minute, and pages of other times are never mixed up', async ({ request }) => {
	const tag = unique('cache-scheduled')
	const minute = new Date(Date.UTC(2033, 2, 4, 5, 6 + Math.floor(Math.random() * 1000)))
	const post = await insertPost({ status: 'scheduled', publishedAt: minute.toISOString(), tag })
	const listing = `/en/news?tag=${tag}`
	const at = (ms: number) => ({ 'X-Test-Now': new Date(minute.getTime() + ms).toISOString() })

	// A second before: hidden, and kept (the cache answers the second request).
	expect(await (await request.get(listing, { headers: at(-1000) })).text()).not.toContain(post.title)
	const hidden = await cachedGet(request, listing, at(-1))
	expect(await hidden.text()).not.toContain(post.title)
	// At its minute: there, at once.
	const shown = await request.get(listing, { headers: at(0) })
	expect(shown.headers()[CACHE_STATUS]).not.toBe('hit')
	expect(await shown.text()).toContain(post.title)
	expect(await (await cachedGet(request, listing, at(60_000))).text()).toContain(post.title)
	// Back before it, and at the real time: hidden again.
	expect(await (await request.get(listing, { headers: at(-1) })).text()).not.toContain(post.title)
	expect(await (await request.get(listing)).text()).not.toContain(post.title)
})

test('nothing private is kept: signed-in pages, session cookies, forms, errors', async ({ request, baseURL }) => {
	const name = unique('Cache Member')
	const user = await createUser({ role: 'editor', name })
	const token = await createSessionToken(user.id)
	await cachedGet(request, '/en')

	// A member gets their own page, never the cached one, and it is not kept for anyone.
	const member = await request.get('/en', { headers: sessionHeaders(token, baseURL!) })
	expect(member.headers()[CACHE_STATUS]).toBe('bypass')
	expect(member.headers()['cache-control']).toBe('private, no-store')
	expect(await member.text()).toContain(name)
	const anonymous = await request.get('/en')
	expect(await anonymous.text()).not.toContain(name)
	expect(anonymous.headers()['set-cookie'] ?? '').not.toContain('zevlab_session')

	// A stale session cookie is not anonymous either (its answer clears the cookie).
	expect((await request.get('/en', { headers: { Cookie: '__Host-zevlab_session=expired' } })).headers()[CACHE_STATUS]).toBe('bypass')

	// The sign-in form, a 404 and a redirect are rendered every time.
	for (const path of ['/en/login', '/en/no-such-page', '/en/newsroom', '/']) {
		await request.get(path, { maxRedirects: 0 })
		const again = await request.get(path, { maxRedirects: 0 })
		expect(again.headers()[CACHE_STATUS], path).not.toBe('hit')
	}
})

test('the lang cookie is set per response, from the URL and the request, outside the cached bytes', async ({ playwright, baseURL }) => {
	// A new client per request: an API client keeps the cookies it is given.
	const cookieOf = async (cookie: string | null) => {
		let setCookie: string | undefined
		await expect(async () => {
			const client = await playwright.request.newContext({ baseURL })
			try {
				const response = await client.get('/zh', { headers: cookie ? { Cookie: cookie } : {} })
				expect(response.headers()[CACHE_STATUS]).toBe('hit')
				setCookie = response.headers()['set-cookie']
			} finally {
				await client.dispose()
			}
		}).toPass({ timeout: 10_000 })
		return setCookie
	}
	expect(await cookieOf(null)).toMatch(/^lang=InpoIg%3D%3D;.*HttpOnly/)
	expect(await cookieOf('lang=InpoIg%3D%3D')).toBeUndefined()
	expect(await cookieOf('lang=ImVuIg%3D%3D')).toMatch(/^lang=InpoIg%3D%3D;/)
})

test('on a cached page an injected inline script is blocked, and the page’s own scripts still run', async ({ page, request }) => {
	await cachedGet(request, '/en/news')
	let cacheStatus: string | undefined
	await page.route('**/en/news', async (route) => {
		const response = await route.fetch()
		cacheStatus = response.headers()[CACHE_STATUS]
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
	await expect(async () => {
		await page.goto('/en/news')
		expect(cacheStatus).toBe('hit')
	}).toPass({ timeout: 10_000 })
	await page.waitForLoadState('load')
	expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined()
	expect(await page.evaluate(() => (window as { __injectedHandler?: boolean }).__injectedHandler)).toBeUndefined()
	expect(violations.length).toBeGreaterThan(0)
})

test('a signed-in browser never sees a cached page', async ({ browser, baseURL }) => {
	const name = unique('Cache Reader')
	const user = await createUser({ role: 'researcher', name })
	const context = await browser.newContext()
	await signInContext(context, baseURL!, user.id)
	const page = await context.newPage()
	const response = await page.goto('/en/news')
	expect(response?.headers()[CACHE_STATUS]).toBe('bypass')
	await expect(page.getByTestId('member-links').getByText(name)).toBeVisible()
	await context.close()
})
