/**
 * The cache in front of an Express app wired like server.ts (a nonce per
 * response, helmet-like CSP, compression, then capture), with pages whose
 * behaviour each test chooses.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'
import compression from 'compression'
import express, { type Response } from 'express'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { acceptsGzip, etagMatches, onlyLangCookie } from './cacheability.server.ts'
import { CACHE_STATUS_HEADER, createResponseCache, type ClockWindow, type ResponseCache } from './response-cache.server.ts'

interface Harness {
	origin: string
	cache: ResponseCache
	renders: () => number
	setWindow: (window: ClockWindow) => void
	/** How often the cache asked for the clock window. */
	windowReads: () => number
	/** The next read of the clock window waits for this. */
	holdWindow: (until: Promise<void>) => void
	close: () => Promise<void>
}

const LANG_COOKIE = 'lang=ImVuIg%3D%3D; Max-Age=31536000; Path=/; HttpOnly; SameSite=Lax'

function html(nonce: string, text: string) {
	return `<!DOCTYPE html><html><head></head><body><p>${text}</p>${'<p>filler</p>'.repeat(200)}<script nonce="${nonce}">window.__ok = 1</script></body></html>`
}

async function start(): Promise<Harness> {
	let renders = 0
	let window: ClockWindow = { fromMs: Number.NEGATIVE_INFINITY, untilMs: Number.POSITIVE_INFINITY }
	let windowReads = 0
	let hold: Promise<void> | null = null
	const cache = createResponseCache({
		requestTime: (req) => new Date(String(req.headers['x-test-now'] ?? '2030-01-01T00:00:00Z')),
		clockWindow: async () => {
			windowReads += 1
			const read = window
			if (hold) await hold
			hold = null
			return read
		},
		langSetCookie: ({ cookieHeader }) => (cookieHeader?.includes('lang=ImVuIg') ? null : LANG_COOKIE),
	})
	cache.setActive(true)
	const app = express()
	app.use((_req, res, next) => {
		res.locals.nonce = randomBytes(16).toString('base64')
		res.setHeader('Content-Security-Policy', `default-src 'self'; script-src 'self' 'nonce-${res.locals.nonce}'; object-src 'none'`)
		res.setHeader('X-Content-Type-Options', 'nosniff')
		next()
	})
	app.use(compression())
	app.use(cache.capture)
	app.use((_req, _res, next) => {
		renders += 1
		next()
	})
	const page = (res: Response, text: string) => {
		res.setHeader('Vary', 'Cookie')
		res.type('html').send(html(String(res.locals.nonce), text))
	}
	app.get('/en', (req, res) => {
		if (!req.headers.cookie?.includes('lang=ImVuIg')) res.setHeader('Set-Cookie', LANG_COOKIE)
		page(res, `rendered ${renders}`)
	})
	app.get('/en/signed-in', (req, res) => {
		if (!req.headers.cookie?.includes('lang=ImVuIg')) res.setHeader('Set-Cookie', LANG_COOKIE)
		res.setHeader('Cache-Control', 'private, no-store')
		page(res, 'member')
	})
	app.get('/en/session', (_req, res) => {
		res.append('Set-Cookie', LANG_COOKIE)
		res.append('Set-Cookie', 'session=abc; HttpOnly')
		page(res, 'sets a session')
	})
	app.get('/en/form', (_req, res) => {
		res.setHeader('Set-Cookie', LANG_COOKIE)
		res.type('html').send(`<form method="post"><input name="x"></form>`)
	})
	app.get('/en/broken', (_req, res) => {
		res.setHeader('Set-Cookie', LANG_COOKIE)
		res.status(500).type('html').send('<p>error</p>')
	})
	app.get('/en/feed.xml', (_req, res) => {
		res.setHeader('Cache-Control', 'public, max-age=300')
		res.type('application/rss+xml').send(`<rss>${'<item/>'.repeat(100)}</rss>`)
	})
	const server: Server = createServer((req, res) => cache.serve(req, res, () => app(req, res)))
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	const { port } = server.address() as AddressInfo
	return {
		origin: `http://127.0.0.1:${port}`,
		cache,
		renders: () => renders,
		setWindow: (value) => (window = value),
		windowReads: () => windowReads,
		holdWindow: (until) => (hold = until),
		close: () => new Promise((resolve) => server.close(() => resolve())),
	}
}

let h: Harness
beforeEach(async () => {
	h = await start()
})
afterEach(async () => {
	await h.close()
})

async function get(path: string, headers: Record<string, string> = {}) {
	// Node's fetch would decompress: read the raw bytes through node:http instead.
	const response = await fetch(`${h.origin}${path}`, { headers: { 'accept-encoding': 'identity', ...headers } })
	return { status: response.status, headers: response.headers, text: await response.text() }
}

async function getGzip(path: string, headers: Record<string, string> = {}) {
	const { request } = await import('node:http')
	return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
		request(`${h.origin}${path}`, { headers: { 'accept-encoding': 'gzip', ...headers } }, (res) => {
			const chunks: Buffer[] = []
			res.on('data', (chunk: Buffer) => chunks.push(chunk))
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
		})
			.on('error', reject)
			.end()
	})
}

function nonceOf(csp: string | null | undefined): string {
	const nonce = /'nonce-([^']+)'/.exec(csp ?? '')?.[1]
	expect(nonce).toBeTruthy()
	return nonce!
}

async function settle() {
	// Keeping a page finishes after its response; give it a turn of the event loop.
	await new Promise((resolve) => setTimeout(resolve, 20))
}

describe('anonymous pages', () => {
	test('are rendered once, then answered from the cache with a fresh nonce in the CSP and on every script', async () => {
		const first = await get('/en')
		expect(first.headers.get(CACHE_STATUS_HEADER)).toBe('miss')
		await settle()
		const second = await getGzip('/en')
		const third = await getGzip('/en')
		expect(second.headers[CACHE_STATUS_HEADER.toLowerCase()]).toBe('hit')
		expect(third.headers[CACHE_STATUS_HEADER.toLowerCase()]).toBe('hit')
		expect(h.renders()).toBe(1)
		expect(second.headers['content-encoding']).toBe('gzip')
		const nonces = [second, third].map((r) => nonceOf(String(r.headers['content-security-policy'])))
		expect(new Set([nonceOf(first.headers.get('content-security-policy')), ...nonces]).size).toBe(3)
		for (const [i, response] of [second, third].entries()) {
			const text = gunzipSync(response.body).toString()
			expect(text).toContain('rendered 1')
			expect(text).toContain(`<script nonce="${nonces[i]}">`)
			expect(text.match(/nonce="([^"]+)"/g)).toEqual([`nonce="${nonces[i]}"`])
			expect(String(response.headers['content-security-policy'])).toBe(
				`default-src 'self'; script-src 'self' 'nonce-${nonces[i]}'; object-src 'none'`,
			)
			expect(response.headers['x-content-type-options']).toBe('nosniff')
		}
		const identity = await get('/en')
		expect(identity.headers.get('content-encoding')).toBeNull()
		expect(identity.text).toContain(`nonce="${nonceOf(identity.headers.get('content-security-policy'))}"`)
	})

	test('answer a matching ETag with a 304 that has no CSP (the browser keeps the one matching its copy)', async () => {
		await get('/en')
		await settle()
		const hit = await get('/en')
		const etag = hit.headers.get('etag')
		expect(etag).toMatch(/^W\/"/)
		expect(hit.headers.get('cache-control')).toBe('private, no-cache')
		const revalidated = await get('/en', { 'if-none-match': etag! })
		expect(revalidated.status).toBe(304)
		expect(revalidated.text).toBe('')
		expect(revalidated.headers.get('content-security-policy')).toBeNull()
		expect(revalidated.headers.get('etag')).toBe(etag)
	})

	test('get the lang cookie per response, only when the browser does not remember the language', async () => {
		// Kept from a visitor who already remembered the language, too.
		await get('/en', { cookie: 'lang=ImVuIg%3D%3D' })
		await settle()
		const without = await get('/en')
		expect(without.headers.get(CACHE_STATUS_HEADER)).toBe('hit')
		expect(without.headers.get('set-cookie')).toBe(LANG_COOKIE)
		const withCookie = await get('/en', { cookie: 'lang=ImVuIg%3D%3D' })
		expect(withCookie.headers.get(CACHE_STATUS_HEADER)).toBe('hit')
		expect(withCookie.headers.get('set-cookie')).toBeNull()
	})

	test('are rendered again after a change, and outside the clock window they were rendered in', async () => {
		await get('/en')
		await settle()
		h.cache.invalidate()
		expect((await get('/en')).headers.get(CACHE_STATUS_HEADER)).toBe('miss')
		await settle()
		expect(h.renders()).toBe(2)

		h.cache.invalidate()
		const at = Date.parse('2030-01-01T00:00:00Z')
		h.setWindow({ fromMs: at - 1000, untilMs: at + 60_000 })
		await get('/en')
		await settle()
		expect((await get('/en', { 'x-test-now': new Date(at + 59_999).toISOString() })).headers.get(CACHE_STATUS_HEADER)).toBe('hit')
		expect((await get('/en', { 'x-test-now': new Date(at + 60_000).toISOString() })).headers.get(CACHE_STATUS_HEADER)).toBe('miss')
		await settle()
		expect((await get('/en', { 'x-test-now': new Date(at - 1001).toISOString() })).headers.get(CACHE_STATUS_HEADER)).toBe('miss')
	})

	test('the clock window is read once per change of content, and again when the clock leaves it', async () => {
		const at = Date.parse('2030-01-01T00:00:00Z')
		h.setWindow({ fromMs: at - 1000, untilMs: at + 60_000 })
		await get('/en')
		await settle()
		// Other pages, and the same page again after a change, render within the window already read.
		await get('/en/feed.xml')
		await settle()
		expect(h.windowReads()).toBe(1)
		h.cache.invalidate()
		await get('/en')
		await settle()
		expect(h.windowReads()).toBe(2)
		await get('/en/feed.xml', { 'x-test-now': new Date(at + 30_000).toISOString() })
		await settle()
		expect(h.windowReads()).toBe(2)
		// The clock passed the window's end: the next miss reads the window around the new time.
		h.setWindow({ fromMs: at + 60_000, untilMs: at + 120_000 })
		h.cache.invalidate()
		await get('/en', { 'x-test-now': new Date(at + 60_000).toISOString() })
		await settle()
		expect(h.windowReads()).toBe(3)
		expect((await get('/en', { 'x-test-now': new Date(at + 60_001).toISOString() })).headers.get(CACHE_STATUS_HEADER)).toBe('hit')
	})

	test('a clock window read while content changed is not reused', async () => {
		let release = () => {}
		h.holdWindow(new Promise<void>((resolve) => (release = resolve)))
		const first = get('/en')
		// The page renders while the window is still being read; content changes before it arrives.
		await expect.poll(() => h.windowReads()).toBe(1)
		h.cache.invalidate()
		release()
		await first
		await settle()
		await get('/en/feed.xml')
		await settle()
		expect(h.windowReads()).toBe(2)
	})

	test('a page first requested with gzip is kept all the same (compression encodes after capture)', async () => {
		const first = await getGzip('/en')
		expect(first.headers['content-encoding']).toBe('gzip')
		await settle()
		expect((await getGzip('/en')).headers[CACHE_STATUS_HEADER.toLowerCase()]).toBe('hit')
	})

	test('a feed keeps its own Cache-Control, and needs no lang cookie', async () => {
		await get('/en/feed.xml')
		await settle()
		const hit = await get('/en/feed.xml')
		expect(hit.headers.get(CACHE_STATUS_HEADER)).toBe('hit')
		expect(hit.headers.get('cache-control')).toBe('public, max-age=300')
		expect(hit.headers.get('set-cookie')).toBeNull()
		expect(hit.text).toContain('<rss>')
	})

	test('a HEAD is answered from the cache without a body', async () => {
		await get('/en')
		await settle()
		const response = await fetch(`${h.origin}/en`, { method: 'HEAD' })
		expect(response.headers.get(CACHE_STATUS_HEADER)).toBe('hit')
		expect(await response.text()).toBe('')
	})

	test('concurrent first requests render once', async () => {
		const results = await Promise.all(Array.from({ length: 5 }, () => get('/en')))
		expect(results.every((r) => r.text.includes('rendered 1'))).toBe(true)
		expect(h.renders()).toBe(1)
	})
})

describe('nothing private is kept', () => {
	test('a request with a session (any cookie but lang) is never answered from the cache, nor kept', async () => {
		await get('/en')
		await settle()
		const member = await get('/en', { cookie: 'lang=ImVuIg%3D%3D; __Host-zevlab_session=token' })
		expect(member.headers.get(CACHE_STATUS_HEADER)).toBe('bypass')
		expect((await get('/en', { authorization: 'Basic eDp5' })).headers.get(CACHE_STATUS_HEADER)).toBe('bypass')
	})

	test('private, Set-Cookie, POST-form and error responses are not kept', async () => {
		for (const path of ['/en/signed-in', '/en/session', '/en/form', '/en/broken']) {
			await get(path)
			await settle()
			expect((await get(path)).headers.get(CACHE_STATUS_HEADER), path).toBe('miss')
		}
		expect(h.cache.stats().entries).toBe(0)
	})

	test('while changes cannot be heard, nothing is served from the cache', async () => {
		await get('/en')
		await settle()
		h.cache.setActive(false)
		expect((await get('/en')).headers.get(CACHE_STATUS_HEADER)).toBe('bypass')
		h.cache.setActive(true)
		expect((await get('/en')).headers.get(CACHE_STATUS_HEADER)).toBe('miss')
	})

	test('static files, the root redirect and other paths pass by', async () => {
		for (const path of ['/', '/assets/x.js', '/media/x.png', '/healthz', '/fr']) {
			expect((await get(path)).headers.get(CACHE_STATUS_HEADER), path).toBe('bypass')
		}
	})
})

describe('header rules', () => {
	test('cookies: none or only lang counts as anonymous', () => {
		expect(onlyLangCookie(undefined)).toBe(true)
		expect(onlyLangCookie('lang=ImVuIg%3D%3D')).toBe(true)
		expect(onlyLangCookie('lang=a; other=b')).toBe(false)
		expect(onlyLangCookie('__Host-zevlab_session=x')).toBe(false)
	})

	test('If-None-Match and Accept-Encoding', () => {
		expect(etagMatches('W/"abc"', 'W/"abc"')).toBe(true)
		expect(etagMatches('"x", "abc"', 'W/"abc"')).toBe(true)
		expect(etagMatches('*', 'W/"abc"')).toBe(true)
		expect(etagMatches('"abd"', 'W/"abc"')).toBe(false)
		expect(acceptsGzip('gzip, deflate, br')).toBe(true)
		expect(acceptsGzip('br;q=1, gzip;q=0')).toBe(false)
		expect(acceptsGzip('identity')).toBe(false)
		expect(acceptsGzip(undefined)).toBe(false)
	})
})
