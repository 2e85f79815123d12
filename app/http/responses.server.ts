/** Responses for machine readers: feeds, the sitemap, robots.txt. */
import { createHash } from 'node:crypto'

/**
 * A public response with a shared cache of `maxAgeS` and an ETag, so feed
 * readers and crawlers that poll often mostly get a 304.
 */
export function publicTextResponse({
	request,
	body,
	contentType,
	maxAgeS,
}: {
	request: Request
	body: string
	/** Without parameters: the charset is always UTF-8. */
	contentType: string
	maxAgeS: number
}): Response {
	const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
	// X-Content-Type-Options: nosniff comes from server.ts (helmet) on every
	// response; setting it here too would send it twice.
	const headers = { 'Cache-Control': `public, max-age=${maxAgeS}`, ETag: etag }
	if (matchesEtag(request.headers.get('If-None-Match'), etag)) return new Response(null, { status: 304, headers })
	return new Response(body, { headers: { ...headers, 'Content-Type': `${contentType}; charset=utf-8` } })
}

/** If-None-Match may list several tags, weak ones (`W/"…"`) included, or `*`. */
function matchesEtag(header: string | null, etag: string): boolean {
	if (!header) return false
	return header.split(',').some((tag) => {
		const value = tag.trim()
		return value === '*' || value.replace(/^W\//, '') === etag
	})
}
