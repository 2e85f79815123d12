/**
 * The response cache (response-cache.server.ts) wired to the portal:
 * PostgreSQL tells every portal process when public content changes (the
 * triggers of db/migrations/0005_public_cache.sql NOTIFY on commit; each
 * process LISTENs), and the times of public posts give each kept page the
 * clock window it stays right in (a scheduled post appears at its minute).
 */
import type { IncomingMessage } from 'node:http'
import postgres from 'postgres'
import { LANGS, type Lang } from '#app/i18n/config.ts'
import { langCookie } from '#app/i18n/i18next.server.ts'
import { requestTime, TEST_CLOCK_HEADER } from '#app/utils/clock.server.ts'
import { createSql, type Sql } from '#db/sql.server.ts'
import { createResponseCache, type ClockWindow, type ResponseCache } from './response-cache.server.ts'

/** The channel the triggers notify (migration 0005). */
export const PUBLIC_CONTENT_CHANNEL = 'public_content_changed'
const RECONNECT_DELAY_MS = 1_000
const CONNECT_TIMEOUT_S = 10
/** The lang cookie's Expires is rewritten this often; Max-Age, which browsers prefer, never changes. */
const LANG_COOKIE_REFRESH_MS = 60_000
const MAX_TIMEOUT_MS = 2 ** 31 - 1

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
	const sql = createSql(databaseUrl, { max: 2 })
	const langCookies = await createLangCookies()
	const cache = createResponseCache({
		requestTime: (req) =>
			requestTime({ headerValue: headerValue(req, TEST_CLOCK_HEADER), allowOverride: allowClockOverride }),
		clockWindow: (now) => publicClockWindow({ sql, now }),
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
			await sql.end({ timeout: 5 })
		},
	}
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name]
	return Array.isArray(value) ? value[0] : value
}

/**
 * Public pages change with the clock only when a post's publication time
 * passes (publicPostCondition in app/models/news.server.ts): between the
 * last such time at or before `now` and the next one after it, every page
 * reads the same. Two lookups on the partial index news_posts_public_idx.
 * A post is public when `published_at <= now` at millisecond precision, so
 * a boundary is its time rounded up to the millisecond.
 */
export async function publicClockWindow({ sql, now }: { sql: Sql; now: Date }): Promise<ClockWindow> {
	const [row] = await sql<{ fromMs: string | null; untilMs: string | null }[]>`
		select
			(select ceil(extract(epoch from max(published_at)) * 1000)::bigint from news_posts
				where status in ('published', 'scheduled') and published_at <= ${now})::text as from_ms,
			(select ceil(extract(epoch from min(published_at)) * 1000)::bigint from news_posts
				where status in ('published', 'scheduled') and published_at > ${now})::text as until_ms
	`
	return {
		fromMs: row?.fromMs ? Number(row.fromMs) : Number.NEGATIVE_INFINITY,
		untilMs: row?.untilMs ? Number(row.untilMs) : Number.POSITIVE_INFINITY,
	}
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

/**
 * One connection LISTENing on `channel`. Reported as not listening from the
 * moment it closes until LISTEN succeeds again: a change committed meanwhile
 * would never be heard, so the cache serves nothing in between and starts
 * empty. (postgres.js's own `listen` reconnects silently, so this uses the
 * connection callbacks instead.)
 */
export async function listenForChanges({
	databaseUrl,
	channel,
	onChange,
	onListening,
	log,
}: {
	databaseUrl: string
	channel: string
	onChange: (payload: string) => void
	onListening: (listening: boolean) => void
	log: (message: string) => void
}): Promise<{ close(): Promise<void> }> {
	let closed = false
	let timer: NodeJS.Timeout | undefined
	const options = {
		max: 1,
		idle_timeout: null,
		max_lifetime: null,
		connect_timeout: CONNECT_TIMEOUT_S,
		onnotice: () => {},
		// Passed to the connection by postgres.js (its own `listen` uses it).
		onnotify: (name: string, payload: string) => {
			if (name === channel) onChange(payload)
		},
		onclose: () => {
			onListening(false)
			if (!closed) schedule()
		},
	}
	const sql = postgres(databaseUrl, options as unknown as postgres.Options<{}>)

	async function connect() {
		try {
			await sql`listen ${sql(channel)}`
			if (!closed) onListening(true)
		} catch (error) {
			onListening(false)
			log(`response cache: cannot LISTEN (${error instanceof Error ? error.message : String(error)}); retrying`)
			if (!closed) schedule()
		}
	}
	function schedule() {
		clearTimeout(timer)
		timer = setTimeout(() => void connect(), RECONNECT_DELAY_MS)
		timer.unref()
	}

	await connect()
	return {
		async close() {
			closed = true
			clearTimeout(timer)
			await sql.end({ timeout: 5 })
		},
	}
}
