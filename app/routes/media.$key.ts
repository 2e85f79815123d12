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
import { mediaResponse } from '#app/media/serve.server.ts'

export function loader({ request, params }: LoaderFunctionArgs) {
	return mediaResponse({ request, key: params.key ?? '' })
}
