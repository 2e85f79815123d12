/**
 * The response cache for anonymous readers: the rendered, compressed bytes
 * of public pages, kept per process and answered before Express and Remix
 * run. See docs/decisions/015-response-cache.md.
 *
 * - Only anonymous GETs and HEADs are looked up: no cookie but `lang`, no
 *   Authorization header, a page path (`/en…`, `/zh…`, the sitemap, robots).
 * - Only what may be shared is kept: a 200 with no Set-Cookie but the `lang`
 *   one, no private/no-store Cache-Control, no POST form, a text type.
 * - A kept page is valid while the public content has not changed (the
 *   generation, bumped by PostgreSQL notifications; see public-cache.server.ts)
 *   and while the request's clock stays inside the window the page was
 *   rendered in (between the last and the next publication time), so a
 *   scheduled post appears at its minute and a test clock stays truthful.
 * - Every response still gets a fresh CSP nonce (nonce-gzip.server.ts), and
 *   the `lang` cookie is added per response, outside the kept bytes.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { acceptsGzip, cacheKey, etagMatches, LANG_SET_COOKIE, langOfKey, sameCookie, shareable, toList, varyOf, type Lang } from './cacheability.server.ts'
import { createNonceTemplate, gzipBody, identityBody, type NonceTemplate } from './nonce-gzip.server.ts'

/** The clock window a page was rendered in: valid for `fromMs <= now < untilMs`. */
export interface ClockWindow {
	fromMs: number
	untilMs: number
}

export type CacheStatus = 'hit' | 'miss' | 'bypass'

/** Tells tests and the bench whether a response came from the cache. */
export const CACHE_STATUS_HEADER = 'X-Response-Cache'

export interface ResponseCacheOptions {
	/** The time a request happens at (the app's clock). */
	requestTime(req: IncomingMessage): Date
	/** The clock window around `now` in which public pages stay the same. */
	clockWindow(now: Date): Promise<ClockWindow>
	/**
	 * The `lang` cookie (name=value) a page of `lang` must carry for a request
	 * whose Cookie header is `cookieHeader`, or null when the browser already
	 * remembers `lang`. Must agree with the app's own `rememberLang`.
	 */
	langSetCookie(args: { lang: Lang; cookieHeader: string | undefined }): string | null
	/** Memory for kept pages, all variants counted. */
	maxBytes?: number
	log?: (message: string) => void
}

interface Entry {
	generation: number
	window: ClockWindow
	/** Headers every response of this page carries, as [name, value] pairs. */
	headers: [string, string][]
	/** The CSP header around its nonce, or the whole header when it has none. */
	csp: { before: string; after: string } | { value: string } | null
	body: NonceTemplate
	/** Precomputed when the page has no nonce to fill in. */
	fixed: { identity: Buffer; gzip: Buffer } | null
	etag: string
	/** Pages under /en or /zh remember the language in a cookie. */
	lang: Lang | null
	bytes: number
}

interface MissContext {
	key: string
	now: Date
	generation: number
	window: Promise<ClockWindow | null>
	/** The app ended its response through capture: keeping it settles the miss. */
	captured: boolean
	settle(entry: Entry | null): void
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024
const MAX_ENTRY_BYTES = 2 * 1024 * 1024
const NONCE_BYTES = 16
const NONCE_POOL_BYTES = NONCE_BYTES * 1024
/** Headers rebuilt per response, or by Node itself. */
const PER_RESPONSE_HEADERS = new Set([
	'content-length',
	'content-encoding',
	'content-security-policy',
	'set-cookie',
	'date',
	'connection',
	'keep-alive',
	'transfer-encoding',
	'etag',
	'vary',
	CACHE_STATUS_HEADER.toLowerCase(),
])
/** What a 304 repeats from the 200 (RFC 9110 15.4.5); never the CSP, whose nonce the browser's copy keeps. */
const NOT_MODIFIED_HEADERS = new Set(['cache-control', 'expires', 'content-location'])

export interface ResponseCache {
	/**
	 * Answers from the cache, or hands the request to `next` (the app). Put
	 * it in front of everything: `http.createServer((req, res) => cache.serve(req, res, () => app(req, res)))`.
	 */
	serve(req: IncomingMessage, res: ServerResponse, next: () => void): void
	/**
	 * Express middleware, after compression(): records what the app sends for
	 * a request `serve` could not answer, and keeps it when it may.
	 */
	capture(req: IncomingMessage, res: ServerResponse, next: () => void): void
	/** The time `serve` fixed for the request (the app must render at the same instant). */
	requestTime(req: IncomingMessage): Date
	/** Public content changed: drop every page. */
	invalidate(): void
	/** Whether changes can be heard; while not, nothing is served or kept. */
	setActive(active: boolean): void
	stats(): { entries: number; bytes: number; generation: number; active: boolean; hits: number; misses: number }
}

export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
	const log = options.log ?? (() => {})
	const entries = new Map<string, Entry>()
	const inflight = new Map<string, Promise<Entry | null>>()
	const misses = new WeakMap<IncomingMessage, MissContext>()
	const times = new WeakMap<IncomingMessage, Date>()
	let generation = 0
	let active = false
	let totalBytes = 0
	let hits = 0
	let missCount = 0
	/**
	 * The clock window last read, and the generation it was read in. Public
	 * content changes only with an invalidation (a new generation), and the
	 * window's bounds are the neighbouring moments at which the clock alone
	 * changes a page: within the same generation, any `now` inside it has the
	 * same window, so it is read once per change, not on every miss.
	 */
	let lastWindow: { generation: number; window: ClockWindow } | null = null

	let noncePool = Buffer.alloc(0)
	let noncePoolAt = 0
	function freshNonce(): string {
		if (noncePoolAt + NONCE_BYTES > noncePool.length) {
			noncePool = randomBytes(NONCE_POOL_BYTES)
			noncePoolAt = 0
		}
		noncePoolAt += NONCE_BYTES
		return noncePool.toString('base64', noncePoolAt - NONCE_BYTES, noncePoolAt)
	}

	function timeOf(req: IncomingMessage): Date {
		let now = times.get(req)
		if (!now) {
			now = options.requestTime(req)
			times.set(req, now)
		}
		return now
	}

	function drop(key: string) {
		const entry = entries.get(key)
		if (!entry) return
		entries.delete(key)
		totalBytes -= entry.bytes
	}

	function store(key: string, entry: Entry) {
		drop(key)
		entries.set(key, entry)
		totalBytes += entry.bytes
		// Map keeps insertion order, and a hit re-inserts: the first key is the least recently used.
		for (const oldest of entries.keys()) {
			if (totalBytes <= maxBytes) break
			drop(oldest)
		}
	}

	function isFresh(entry: Entry, now: Date): boolean {
		const ms = now.getTime()
		return entry.generation === generation && entry.window.fromMs <= ms && ms < entry.window.untilMs
	}

	function clockWindowAt(now: Date): Promise<ClockWindow | null> {
		const ms = now.getTime()
		if (lastWindow && lastWindow.generation === generation && lastWindow.window.fromMs <= ms && ms < lastWindow.window.untilMs) {
			return Promise.resolve(lastWindow.window)
		}
		const readIn = generation
		return options.clockWindow(now).then(
			(window) => {
				// Kept for the generation it was read in: content that changed meanwhile may have moved its bounds.
				lastWindow = { generation: readIn, window }
				return window
			},
			(error: unknown) => {
				log(`response cache: no clock window (${error instanceof Error ? error.message : String(error)})`)
				return null
			},
		)
	}

	function send(req: IncomingMessage, res: ServerResponse, entry: Entry, status: CacheStatus) {
		const setCookie = entry.lang ? options.langSetCookie({ lang: entry.lang, cookieHeader: req.headers.cookie }) : null
		if (etagMatches(req.headers['if-none-match'], entry.etag)) {
			const headers: string[] = ['ETag', entry.etag, 'Vary', varyOf(req), CACHE_STATUS_HEADER, status]
			for (const [name, value] of entry.headers) if (NOT_MODIFIED_HEADERS.has(name.toLowerCase())) headers.push(name, value)
			if (setCookie) headers.push('Set-Cookie', setCookie)
			res.writeHead(304, headers)
			res.end()
			return
		}
		const nonce = entry.body.slots > 0 || (entry.csp && 'before' in entry.csp) ? freshNonce() : ''
		const gzip = acceptsGzip(req.headers['accept-encoding'])
		const body = entry.fixed
			? gzip ? entry.fixed.gzip : entry.fixed.identity
			: gzip ? gzipBody(entry.body, nonce) : identityBody(entry.body, nonce)
		const headers: string[] = []
		for (const [name, value] of entry.headers) headers.push(name, value)
		headers.push('ETag', entry.etag, 'Vary', varyOf(req), CACHE_STATUS_HEADER, status, 'Content-Length', String(body.length))
		if (gzip) headers.push('Content-Encoding', 'gzip')
		if (entry.csp) headers.push('Content-Security-Policy', 'value' in entry.csp ? entry.csp.value : entry.csp.before + nonce + entry.csp.after)
		if (setCookie) headers.push('Set-Cookie', setCookie)
		res.writeHead(200, headers)
		res.end(req.method === 'HEAD' ? undefined : body)
	}

	function bypass(res: ServerResponse, next: () => void) {
		res.setHeader(CACHE_STATUS_HEADER, 'bypass')
		next()
	}

	return {
		requestTime: timeOf,

		serve(req, res, next) {
			const key = active ? cacheKey(req) : null
			if (!key) return bypass(res, next)
			const now = timeOf(req)
			const entry = entries.get(key)
			if (entry && isFresh(entry, now)) {
				hits += 1
				// Most recently used goes last.
				entries.delete(key)
				entries.set(key, entry)
				return send(req, res, entry, 'hit')
			}
			if (entry) drop(key)
			const pending = inflight.get(key)
			if (pending) {
				// Another request is rendering this page: share its result.
				void pending.then((shared) => {
					if (shared && isFresh(shared, now) && !res.headersSent) send(req, res, shared, 'hit')
					else bypass(res, next)
				})
				return
			}
			if (req.method !== 'GET') return bypass(res, next)
			missCount += 1
			let settle: (entry: Entry | null) => void = () => {}
			const result = new Promise<Entry | null>((resolve) => (settle = resolve))
			inflight.set(key, result)
			void result.then(() => {
				if (inflight.get(key) === result) inflight.delete(key)
			})
			const window = clockWindowAt(now)
			const miss: MissContext = { key, now, generation, window, captured: false, settle }
			misses.set(req, miss)
			// A response that never reached capture (an early error, a closed socket) keeps nothing.
			res.once('close', () => {
				if (!miss.captured) settle(null)
			})
			res.setHeader(CACHE_STATUS_HEADER, 'miss')
			next()
		},

		capture(req, res, next) {
			const miss = misses.get(req)
			if (!miss) return next()
			const chunks: Buffer[] = []
			let capturedBytes = 0
			let overflow = false
			// What the app itself declared, before compression() adds its own Content-Encoding.
			let appEncoding: unknown
			let sawHeaders = false
			const original = { write: res.write, end: res.end }
			const restore = () => {
				res.write = original.write
				res.end = original.end
			}
			const collect = (chunk: unknown, encoding?: unknown) => {
				if (!sawHeaders) {
					sawHeaders = true
					appEncoding = res.getHeader('content-encoding')
				}
				if (chunk === undefined || chunk === null || typeof chunk === 'function') return
				const buffer = Buffer.isBuffer(chunk)
					? chunk
					: chunk instanceof Uint8Array
						? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
						: Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
				capturedBytes += buffer.length
				if (capturedBytes > MAX_ENTRY_BYTES) overflow = true
				else chunks.push(Buffer.from(buffer))
			}
			// Only what the app writes is recorded; bytes still go out as they come
			// (through compression), so a page is never delayed by being kept.
			res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
				collect(chunk, rest[0])
				return (original.write as (...args: unknown[]) => boolean).call(this, chunk, ...rest)
			} as ServerResponse['write']
			res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
				collect(chunk, rest[0])
				restore()
				miss.captured = true
				const status = res.statusCode
				const headers = { ...res.getHeaders(), 'content-encoding': appEncoding as string | undefined }
				const body = overflow ? null : Buffer.concat(chunks)
				void keep({ miss, status, headers, body, requestCookie: req.headers.cookie }).then(
					(entry) => {
						if (entry) store(miss.key, entry)
						miss.settle(entry)
					},
					(error: unknown) => {
						log(`response cache: could not keep a page (${error instanceof Error ? error.message : String(error)})`)
						miss.settle(null)
					},
				)
				return (original.end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest)
			} as ServerResponse['end']
			next()
		},

		invalidate() {
			generation += 1
			entries.clear()
			totalBytes = 0
		},

		setActive(value) {
			if (value === active) return
			active = value
			// Whatever was kept may have missed a change while nobody listened.
			generation += 1
			entries.clear()
			totalBytes = 0
			log(`response cache ${active ? 'on' : 'off'}`)
		},

		stats: () => ({ entries: entries.size, bytes: totalBytes, generation, active, hits, misses: missCount }),
	}

	async function keep({
		miss,
		status,
		headers,
		body,
		requestCookie,
	}: {
		miss: MissContext
		status: number
		headers: OutgoingHttpHeaders
		body: Buffer | null
		requestCookie: string | undefined
	}): Promise<Entry | null> {
		if (!body) return null
		const decision = shareable({ status, headers, body })
		if (!decision.ok) return null
		const lang = langOfKey(miss.key)
		const setCookies = toList(headers['set-cookie'])
		// Every page under /en or /zh remembers its language ($lang.tsx): the
		// cookie is added per response, so what the app sent must be exactly
		// what the rule gives for this request (nothing when it remembered it).
		const expected = lang ? options.langSetCookie({ lang, cookieHeader: requestCookie }) : null
		const langCookieSent = setCookies.find((cookie) => LANG_SET_COOKIE.test(cookie)) ?? null
		if (lang && decision.html) {
			if (expected === null ? langCookieSent !== null : !langCookieSent || !sameCookie(langCookieSent, expected)) return null
		} else if (langCookieSent) {
			return null
		}

		const window = await miss.window
		if (!window || miss.generation !== generation || !active) return null
		if (!(window.fromMs <= miss.now.getTime() && miss.now.getTime() < window.untilMs)) return null

		const cspHeader = toList(headers['content-security-policy'])[0] ?? null
		const nonce = cspHeader ? (/'nonce-([A-Za-z0-9+/=]+)'/.exec(cspHeader)?.[1] ?? null) : null
		const csp = cspHeader
			? nonce
				? { before: cspHeader.slice(0, cspHeader.indexOf(nonce)), after: cspHeader.slice(cspHeader.indexOf(nonce) + nonce.length) }
				: { value: cspHeader }
			: null
		const template = createNonceTemplate({ body, nonce })
		const etag = `W/"${createHash('sha256').update(Buffer.concat(template.pieces)).digest('base64url').slice(0, 27)}"`
		const kept: [string, string][] = []
		for (const [name, value] of Object.entries(headers)) {
			if (value === undefined || PER_RESPONSE_HEADERS.has(name)) continue
			for (const item of toList(value)) kept.push([name, item])
		}
		// Browsers revalidate (a 304 most of the time); shared caches keep out,
		// so a nonce never reaches two visitors through a proxy.
		if (!headers['cache-control']) kept.push(['Cache-Control', 'private, no-cache'])
		const fixed = template.slots === 0 ? { identity: template.pieces[0]!, gzip: gzipBody(template, '') } : null
		return {
			generation: miss.generation,
			window,
			headers: kept,
			csp,
			body: template,
			fixed,
			etag,
			lang: decision.html ? lang : null,
			bytes: template.piecesBytes + template.deflatedBytes + (fixed?.gzip.length ?? 0) + 1024,
		}
	}
}
