/**
 * Serving an uploaded image at `/media/<key>`: public on purpose (posts are
 * public), cached for a year as immutable since a key names its content, with
 * an ETag for the rare revalidation and no body for HEAD.
 */
import { matchesEtag } from '#app/http/responses.server.ts'
import { getMediaByKey, mediaKeyHash } from './media.queries.server.ts'
import { getStorage } from './storage.server.ts'

const IMMUTABLE_MAX_AGE_S = 365 * 24 * 60 * 60

function notFoundResponse() {
	return new Response('Not Found', {
		status: 404,
		headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
	})
}

export async function mediaResponse({ request, key }: { request: Request; key: string }): Promise<Response> {
	const image = await getMediaByKey(key)
	if (!image) return notFoundResponse()

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
		return notFoundResponse()
	}
	headers.set('Content-Length', String(object.size ?? image.byteSize))
	return new Response(object.body as BodyInit, { headers })
}
