/**
 * Cross-site request forgery defence: a request that may change state
 * (anything but GET, HEAD, OPTIONS) must show that it comes from the portal's
 * own pages: its Origin header is ours, or, without one, Sec-Fetch-Site says
 * same-origin. A request with neither is refused: every browser sends one.
 * "Ours" is the configured public origin (app/config/public-origin.server.ts),
 * never one derived from the request's Host, which the sender chooses.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function isSameOriginRequest({
	method,
	origin,
	secFetchSite,
	acceptedOrigins,
}: {
	method: string
	origin: string | undefined
	secFetchSite: string | undefined
	acceptedOrigins: readonly string[]
}): boolean {
	if (SAFE_METHODS.has(method.toUpperCase())) return true
	if (origin) return acceptedOrigins.includes(origin)
	return secFetchSite === 'same-origin'
}
