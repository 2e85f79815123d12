/**
 * `/robots.txt`: crawl everything public, skip the members' areas (they
 * answer sign-in redirects or 404s to a crawler anyway) and find the sitemap.
 */
import { publicTextResponse } from '#app/http/responses.server.ts'
import { getSiteOrigin } from '#app/http/site.server.ts'
import { LANGS } from '#app/i18n/config.ts'
import { localizePath } from '#app/i18n/lang.ts'

const PRIVATE_PATHS = ['/admin', '/account', '/newsroom'] as const
/** Changes only with a deploy or a new SITE_URL. */
const ROBOTS_MAX_AGE_S = 60 * 60

export function robotsResponse(request: Request): Response {
	const lines = [
		'User-agent: *',
		'Allow: /',
		...LANGS.flatMap((lang) => PRIVATE_PATHS.map((path) => `Disallow: ${localizePath(lang, path)}`)),
		'',
		`Sitemap: ${getSiteOrigin()}/sitemap.xml`,
	]
	return publicTextResponse({ request, body: `${lines.join('\n')}\n`, contentType: 'text/plain', maxAgeS: ROBOTS_MAX_AGE_S })
}
