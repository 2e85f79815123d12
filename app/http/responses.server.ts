/** Responses with validators: feeds, the sitemap, robots.txt, translations, media. */
import { createHash } from 'node:crypto'

/** A strong ETag for a body: the first 160 bits of its SHA-256. */
export function etagOf(body: string | Buffer): string {
	return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
}

/**
 * A public response with a shared cache and an ETag, so feed readers,
 * crawlers and browsers that poll often mostly get a 304.
 */
export function publicTextResponse({
	request,
	body,
	contentType,
	maxAgeS,
	cacheControl = `public, max-age=${maxAgeS}`,
}: {
	request: Request
	body: string
	/** Without parameters: the charset is always UTF-8. */
	contentType: string
	maxAgeS: number
	/** When more than `max-age` is wanted (stale-while-revalidate). */
	cacheControl?: string
}): Response {
	const etag = etagOf(body)
	// X-Content-Type-Options: nosniff comes from server.ts (helmet) on every
	// response; setting it here too would send it twice.
	const headers = { 'Cache-Control': cacheControl, ETag: etag }
	if (matchesEtag(request.headers.get('If-None-Match'), etag)) return new Response(null, { status: 304, headers })
	return new Response(body, { headers: { ...headers, 'Content-Type': `${contentType}; charset=utf-8` } })
}

/** If-None-Match: `*` or a list of tags, weak ones compared weakly (RFC 9110 §13.1.2). */
export function matchesEtag(header: string | null, etag: string): boolean {
	if (!header) return false
	return header.split(',').some((tag) => {
		const value = tag.trim()
		return value === '*' || value.replace(/^W\//, '') === etag
	})
}
