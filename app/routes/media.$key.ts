/**
 * Uploaded images, at `/media/<sha256>.<ext>`.
 *
 * Public on purpose: an image, once uploaded, is meant for posts the public
 * reads (and their feeds), so no session is checked, and an upload page
 * says so to editors. A key is its bytes' hash, so a URL's content never
 * changes: browsers and shared caches keep it for a year without asking
 * again, and the hash is the ETag.
 *
 * The type comes from the database row (checked from the bytes at upload),
 * and `X-Content-Type-Options: nosniff`, which server.ts (helmet) puts on
 * every response, stops a browser from guessing another one; set here too,
 * it would be sent twice.
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { getMediaByKey, mediaKeyHash } from '#app/media/media.queries.server.ts'
import { getStorage } from '#app/media/storage.server.ts'

const IMMUTABLE_MAX_AGE_S = 365 * 24 * 60 * 60

function notFound() {
	return new Response('Not Found', {
		status: 404,
		headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
	})
}

/** If-None-Match: `*` or a list of tags, weak ones compared weakly (RFC 9110 §13.1.2). */
function matchesEtag(header: string | null, etag: string): boolean {
	if (!header) return false
	return header.split(',').some((candidate) => {
		const tag = candidate.trim()
		return tag === '*' || tag.replace(/^W\//, '') === etag
	})
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const image = await getMediaByKey(params.key ?? '')
	if (!image) return notFound()

	const etag = `"${mediaKeyHash(image.key)}"`
	const headers = new Headers({
		'Cache-Control': `public, max-age=${IMMUTABLE_MAX_AGE_S}, immutable`,
		ETag: etag,
		'Content-Disposition': `inline; filename="${image.key}"`,
	})
	if (matchesEtag(request.headers.get('If-None-Match'), etag)) return new Response(null, { status: 304, headers })

	headers.set('Content-Type', image.contentType)
	// HEAD needs no bytes: answer from the row, without opening the object.
	if (request.method === 'HEAD') {
		headers.set('Content-Length', String(image.byteSize))
		return new Response(null, { headers })
	}
	const object = await getStorage().get(image.key)
	if (!object) {
		// A row without bytes: the store lost them (a wiped folder, a
		// bucket changed). Re-uploading the same file restores them.
		console.error(`[zevlab] media ${image.key} has a row but no stored bytes`)
		return notFound()
	}
	headers.set('Content-Length', String(object.size ?? image.byteSize))
	return new Response(object.body as BodyInit, { headers })
}
