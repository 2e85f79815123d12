/**
 * What the response cache (./response-cache.server.ts) may answer and keep,
 * decided from the request and the response alone: the key of a request an
 * anonymous reader may share, whether a rendered response may be shared,
 * and the conditional and encoding headers a kept page is answered by.
 */
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http'

export type Lang = 'en' | 'zh'

const MAX_URL_LENGTH = 2048
/** Text the cache may keep; everything else (images, JSON, streams) passes by. */
const CACHEABLE_TYPE = /^(text\/html|application\/(rss\+|atom\+)?xml|text\/plain)\s*(;|$)/i
/** Lang-prefixed pages, plus the two root resources that do not depend on language. */
const PAGE_PATH = /^\/(en|zh)(?=[/?]|$)/
const ROOT_RESOURCES = new Set(['/sitemap.xml', '/robots.txt'])
/** The one cookie an anonymous page may set, derived from the URL and the request. */
export const LANG_SET_COOKIE = /^lang=/
/** A form that changes something: a page meant for one visitor's action, never shared. */
const POST_FORM = /<form\b[^>]*\bmethod\s*=\s*["']?post/i
const VARY_ALLOWED = new Set(['cookie', 'accept-encoding', 'sec-fetch-dest'])
/**
 * Feeds answer a browser's own navigation (Sec-Fetch-Dest: document) as XML
 * it can style, and feed readers as RSS/Atom (app/news/feeds.server.ts):
 * two variants of one URL, kept apart.
 */
const NAVIGATION_VARIANT_PATH = /\.xml$/
const VARY = 'Cookie, Accept-Encoding'
const VARY_WITH_DEST = 'Cookie, Accept-Encoding, Sec-Fetch-Dest'

function isNavigationVariant(req: IncomingMessage, path: string): boolean {
	return NAVIGATION_VARIANT_PATH.test(path) && header(req, 'sec-fetch-dest') === 'document'
}

export function varyOf(req: IncomingMessage): string {
	return NAVIGATION_VARIANT_PATH.test((req.url ?? '').split('?', 1)[0]!) ? VARY_WITH_DEST : VARY
}

/**
 * The key of a request the cache may answer, or null. The URL carries the
 * language (`/en…`, `/zh…`); host and forwarded headers are in the key
 * because links in a page are absolute when SITE_URL is not set.
 */
export function cacheKey(req: IncomingMessage): string | null {
	if (req.method !== 'GET' && req.method !== 'HEAD') return null
	const url = req.url ?? ''
	if (url.length > MAX_URL_LENGTH || !url.startsWith('/')) return null
	const path = url.split('?', 1)[0]!
	if (!PAGE_PATH.test(path) && !ROOT_RESOURCES.has(path)) return null
	if (req.headers.authorization) return null
	if (!onlyLangCookie(req.headers.cookie)) return null
	const forwarded = `${header(req, 'x-forwarded-proto')}\n${header(req, 'x-forwarded-host')}`
	// The URL stays last: langOfKey reads it from there.
	const variant = isNavigationVariant(req, path) ? 'navigate' : ''
	return `${header(req, 'host')}\n${forwarded}\n${variant}\n${url}`
}

function header(req: IncomingMessage, name: string): string {
	const value = req.headers[name]
	return Array.isArray(value) ? value.join(',') : (value ?? '')
}

export function langOfKey(key: string): Lang | null {
	const url = key.slice(key.lastIndexOf('\n') + 1)
	return (PAGE_PATH.exec(url)?.[1] as Lang | undefined) ?? null
}

/** Anonymous: no cookie at all, or only the language preference. */
export function onlyLangCookie(cookieHeader: string | undefined): boolean {
	if (!cookieHeader) return true
	for (const pair of cookieHeader.split(';')) {
		const name = pair.slice(0, pair.indexOf('=') === -1 ? undefined : pair.indexOf('=')).trim()
		if (name !== '' && name !== 'lang') return false
	}
	return true
}

/** Whether a response may be shared by every anonymous reader of its URL. */
export function shareable({
	status,
	headers,
	body,
}: {
	status: number
	headers: OutgoingHttpHeaders
	body: Buffer
}): { ok: true; html: boolean } | { ok: false; reason: string } {
	if (status !== 200) return { ok: false, reason: `status ${status}` }
	const type = toList(headers['content-type'])[0] ?? ''
	if (!CACHEABLE_TYPE.test(type)) return { ok: false, reason: `type ${type}` }
	if (headers['content-encoding']) return { ok: false, reason: 'already encoded' }
	const cacheControl = toList(headers['cache-control']).join(',').toLowerCase()
	if (/\b(private|no-store|no-cache)\b/.test(cacheControl)) return { ok: false, reason: `cache-control ${cacheControl}` }
	const setCookies = toList(headers['set-cookie'])
	if (setCookies.some((cookie) => !LANG_SET_COOKIE.test(cookie)) || setCookies.length > 1) {
		return { ok: false, reason: 'set-cookie' }
	}
	const vary = toList(headers['vary']).join(',').toLowerCase().split(',').map((v) => v.trim()).filter(Boolean)
	if (vary.some((name) => !VARY_ALLOWED.has(name))) return { ok: false, reason: `vary ${vary.join(',')}` }
	const html = /^text\/html/i.test(type)
	if (html && POST_FORM.test(body.toString('latin1'))) return { ok: false, reason: 'post form' }
	return { ok: true, html }
}

export function toList(value: OutgoingHttpHeaders[string]): string[] {
	if (value === undefined) return []
	return Array.isArray(value) ? value.map(String) : [String(value)]
}

/** `lang=…; Max-Age=…; Expires=…`: the same cookie when name, value and attributes but Expires agree. */
export function sameCookie(a: string, b: string): boolean {
	const normal = (cookie: string) =>
		cookie
			.split(';')
			.map((part) => part.trim())
			.filter((part) => !/^expires=/i.test(part))
			.join(';')
	return normal(a) === normal(b)
}

/** If-None-Match may list several tags, weak or strong, or `*` (weak comparison, RFC 9110 13.1.2). */
export function etagMatches(header: string | undefined, etag: string): boolean {
	if (!header) return false
	const bare = etag.replace(/^W\//, '')
	return header.split(',').some((tag) => {
		const value = tag.trim()
		return value === '*' || value.replace(/^W\//, '') === bare
	})
}

/** gzip unless the client refuses it (`gzip;q=0`) or never offers it. */
export function acceptsGzip(header: string | undefined): boolean {
	if (!header) return false
	for (const part of header.split(',')) {
		const [coding, ...params] = part.trim().toLowerCase().split(';')
		if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') continue
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
		if (!q || Number(q.slice(2)) > 0) return true
	}
	return false
}
