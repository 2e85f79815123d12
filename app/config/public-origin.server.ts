/**
 * The portal's public origin (`https://zevlab.example`), from configuration
 * only, never from a request's Host or X-Forwarded-* headers: it goes into
 * emailed links (password resets, invitations) and into pages and feeds that
 * caches keep, where a forged Host would otherwise plant an attacker's site.
 * See docs/decisions/021-public-origin.md.
 *
 *  - `SITE_URL` set: that origin. Required in production (`npm run serve`).
 *  - The local demo (`npm start`, `npm run dev`) without it: the address the
 *    server listens on, `http://localhost:<port>`.
 *
 * The same-origin check (app/http/same-origin.server.ts) accepts exactly
 * this origin; in the local demo also its loopback spellings (`localhost`,
 * `127.0.0.1`, `[::1]` on the same port), so a newcomer who opens either
 * address can still sign in.
 *
 * server.ts resolves it once it knows its port and calls `setPublicOrigin`.
 * The value lives on globalThis: in development Vite loads the app's modules
 * in a module graph of its own, which must see the server's value.
 */

export interface PublicOrigin {
	/** The origin links are built with. */
	origin: string
	/** Every Origin header a state-changing request may carry. */
	accepted: readonly string[]
}

declare global {
	// eslint-disable-next-line no-var
	var __zevPublicOrigin: PublicOrigin | undefined
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const
/** Listening on these reaches the loopback interface too. */
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]'])

export class PublicOriginError extends Error {}

function isLoopbackHost(hostname: string): boolean {
	return (LOOPBACK_HOSTS as readonly string[]).includes(hostname) || hostname === '::1'
}

/** `http://[::1]:3000` for a bare IPv6 address, `http://host:3000` otherwise. */
function originFor(protocol: string, hostname: string, port: string): string {
	const host = hostname.includes(':') && !hostname.startsWith('[') ? `[${hostname}]` : hostname
	return new URL(`${protocol}//${host}${port ? `:${port}` : ''}`).origin
}

/**
 * The public origin for a configuration. `localDemo`: started by `npm start`
 * or `npm run dev`, on someone's own computer. `host` and `port`: where the
 * server listens (the port it got, when it asked for any).
 */
export function resolvePublicOrigin({
	siteUrl,
	localDemo,
	host,
	port,
}: {
	siteUrl: string | undefined
	localDemo: boolean
	host: string
	port: number
}): PublicOrigin {
	let base: URL
	if (siteUrl) {
		base = new URL(siteUrl)
		if (base.protocol !== 'https:' && base.protocol !== 'http:') {
			throw new PublicOriginError(`SITE_URL must be an http(s) address, not ${base.protocol}`)
		}
	} else if (localDemo) {
		const hostname = WILDCARD_HOSTS.has(host) || isLoopbackHost(host) ? 'localhost' : host
		base = new URL(originFor('http:', hostname, String(port)))
	} else {
		throw new PublicOriginError(
			'SITE_URL is required in production: the public address of the portal, e.g. SITE_URL=https://zevlab.example (links in emails, feeds and pages are built from it, never from the request).',
		)
	}
	const origin = base.origin
	if (!localDemo || !isLoopbackHost(base.hostname)) return { origin, accepted: [origin] }
	// The same server on this computer, however the newcomer typed its address.
	const spellings = LOOPBACK_HOSTS.map((hostname) => originFor(base.protocol, hostname, base.port))
	return { origin, accepted: [origin, ...spellings.filter((spelling) => spelling !== origin)] }
}

export function setPublicOrigin(value: PublicOrigin): void {
	globalThis.__zevPublicOrigin = value
}

/**
 * The configured public origin. Outside the server (a script, a test that
 * calls a loader) SITE_URL alone decides; without it this throws rather
 * than guess from a request.
 */
export function getPublicOrigin(): PublicOrigin {
	const configured = globalThis.__zevPublicOrigin
	if (configured) return configured
	const siteUrl = process.env.SITE_URL
	if (!siteUrl) throw new PublicOriginError('The public origin is not configured: set SITE_URL.')
	const origin = new URL(siteUrl).origin
	return { origin, accepted: [origin] }
}
