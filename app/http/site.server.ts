/**
 * The public origin used in canonical and hreflang links, feeds, the
 * sitemap and emailed links: always the configured one
 * (app/config/public-origin.server.ts), never the request's Host.
 */
import { getPublicOrigin } from '#app/config/public-origin.server.ts'

export function getSiteOrigin(): string {
	return getPublicOrigin().origin
}
