/**
 * Cross-site request forgery defence: a request that may change state
 * (anything but GET, HEAD, OPTIONS) must show that it comes from the portal's
 * own pages: its Origin header is ours, or, without one, Sec-Fetch-Site says
 * same-origin. A request with neither is refused: every browser sends one.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function isSameOriginRequest({
	method,
	origin,
	secFetchSite,
	expectedOrigin,
}: {
	method: string
	origin: string | undefined
	secFetchSite: string | undefined
	expectedOrigin: string
}): boolean {
	if (SAFE_METHODS.has(method.toUpperCase())) return true
	if (origin) return origin === expectedOrigin
	return secFetchSite === 'same-origin'
}
