/**
 * The response cache (app/http/response-cache.server.ts) wired to the
 * portal: every process hears when public content changes
 * (./public-content.queries.server.ts), the news says when the clock alone
 * changes what the public sees (a scheduled post appears at its minute), and
 * the language cookie is added per response outside the kept bytes.
 * docs/decisions/015-response-cache.md.
 */
import type { IncomingMessage } from 'node:http'
import { requestTime, TEST_CLOCK_HEADER } from '#app/http/clock.server.ts'
import { createResponseCache, type ResponseCache } from '#app/http/response-cache.server.ts'
import { LANGS, type Lang } from '#app/i18n/config.ts'
import { langCookie } from '#app/i18n/i18next.server.ts'
import { meetingsClockWindow } from '#app/meetings/public.server.ts'
import { publicClockWindow, type ClockWindow } from '#app/news/public.server.ts'
import { listenForChanges, PUBLIC_CONTENT_CHANNEL } from './public-content.queries.server.ts'

/** The lang cookie's Expires is rewritten this often; Max-Age, which browsers prefer, never changes. */
const LANG_COOKIE_REFRESH_MS = 60_000
const MAX_TIMEOUT_MS = 2 ** 31 - 1

/**
 * Public pages read the same while neither a post's publication time nor a
 * public meeting's end (upcoming → past) passes: the narrower of the two
 * features' windows.
 */
async function combinedClockWindow(now: Date): Promise<ClockWindow> {
	const [news, meetings] = await Promise.all([publicClockWindow({ now }), meetingsClockWindow({ now })])
	return { fromMs: Math.max(news.fromMs, meetings.fromMs), untilMs: Math.min(news.untilMs, meetings.untilMs) }
}

export interface PublicResponseCache extends ResponseCache {
	close(): Promise<void>
}

export async function startPublicResponseCache({
	databaseUrl,
	allowClockOverride,
	log = () => {},
}: {
	databaseUrl: string
	/** TEST_CLOCK=header: a request's X-Test-Now is its time (tests only). */
	allowClockOverride: boolean
	log?: (message: string) => void
}): Promise<PublicResponseCache> {
	const langCookies = await createLangCookies()
	const cache = createResponseCache({
		requestTime: (req) =>
			requestTime({ headerValue: headerValue(req, TEST_CLOCK_HEADER), allowOverride: allowClockOverride }),
		clockWindow: (now) => combinedClockWindow(now),
		langSetCookie: ({ lang, cookieHeader }) => (rememberedLang(cookieHeader) === lang ? null : langCookies.get(lang)),
		log,
	})
	const listener = await listenForChanges({
		databaseUrl,
		channel: PUBLIC_CONTENT_CHANNEL,
		onChange: () => cache.invalidate(),
		onListening: (listening) => cache.setActive(listening),
		log,
	})
	const newYear = onNewYear(() => cache.invalidate())
	return {
		...cache,
		async close() {
			cache.setActive(false)
			newYear.stop()
			langCookies.stop()
			await listener.close()
		},
	}
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name]
	return Array.isArray(value) ? value[0] : value
}

/**
 * The footer's copyright year (app/components/site-footer.tsx) turns with
 * the server's own clock, not the request's: every page changes then.
 */
function onNewYear(callback: () => void) {
	let timer: NodeJS.Timeout | undefined
	const arm = () => {
		const next = new Date(new Date().getFullYear() + 1, 0, 1).getTime()
		// setTimeout holds at most 2^31-1 ms (24.8 days): wake up and look again.
		timer = setTimeout(() => {
			if (Date.now() >= next) callback()
			arm()
		}, Math.min(next - Date.now() + 1, MAX_TIMEOUT_MS))
		timer.unref()
	}
	arm()
	return { stop: () => clearTimeout(timer) }
}

/**
 * The Set-Cookie value `rememberLang` (app/i18n/i18next.server.ts) sends for
 * each language, serialized by the same cookie object. Kept ready so a cache
 * hit never waits; re-serialized now and then for a current Expires.
 */
async function createLangCookies() {
	const values = new Map<Lang, string>()
	const refresh = async () => {
		for (const lang of LANGS) values.set(lang, await langCookie.serialize(lang))
	}
	await refresh()
	const timer = setInterval(() => void refresh(), LANG_COOKIE_REFRESH_MS)
	timer.unref()
	return {
		get: (lang: Lang) => values.get(lang)!,
		stop: () => clearInterval(timer),
	}
}

/**
 * The language a Cookie header remembers, decoded as the `lang` cookie
 * (Remix's createCookie without secrets: base64 of JSON) is decoded; the
 * first `lang` pair counts, as in the `cookie` parser Remix uses.
 */
export function rememberedLang(cookieHeader: string | undefined): unknown {
	if (!cookieHeader) return null
	for (const pair of cookieHeader.split(';')) {
		const at = pair.indexOf('=')
		if (at === -1 || pair.slice(0, at).trim() !== 'lang') continue
		let raw = pair.slice(at + 1).trim()
		if (raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2) raw = raw.slice(1, -1)
		try {
			return JSON.parse(decodeURIComponent(escape(atob(decodeURIComponent(raw)))))
		} catch {
			return {}
		}
	}
	return null
}
