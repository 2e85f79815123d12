/**
 * Express → Remix, with the request body under the server's control
 * (@remix-run/express's adapter hands Remix the raw request stream, with no
 * limit). Every body is bounded before a route sees it
 * (./request-body.server.ts): a form's is read into memory up to its limit
 * and checked field by field; an upload's streams to its route, which fails
 * to read past the route's limit. A refused body reaches no action: the load
 * context says so (`bodyRefusal`), and server.ts answers 413.
 *
 * The request's URL is built on the configured public origin, never on the
 * Host header, so nothing downstream can build a link from what the sender
 * chose (docs/decisions/021-public-origin.md).
 */
import type { AppLoadContext, ServerBuild } from '@remix-run/node'
import { createRequestHandler, writeReadableStreamToWritable } from '@remix-run/node'
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'
import { getPublicOrigin } from '#app/config/public-origin.server.ts'
import { bodyLimitFor, declaredLength, limitedStream, readFormBody, type BodyRefusal } from './request-body.server.ts'

type Body = { body: BodyInit | null; refusal: BodyRefusal | null }

/** The request's body as Remix will see it, or why it was refused (the body then is empty). */
async function takeBody(req: ExpressRequest): Promise<Body> {
	if (req.method === 'GET' || req.method === 'HEAD') return { body: null, refusal: null }
	const contentType = req.get('content-type')
	const limit = bodyLimitFor({ path: req.path, contentType })
	const declared = declaredLength(req.get('content-length'))
	if (declared !== null && declared > limit.maxBytes) return { body: null, refusal: 'too-large' }
	if (limit.kind === 'upload') return { body: limitedStream(req, limit.maxBytes), refusal: null }
	const read = await readFormBody(req, { maxBytes: limit.maxBytes, contentType })
	return read.ok ? { body: read.bytes as Uint8Array<ArrayBuffer>, refusal: null } : { body: null, refusal: read.refusal }
}

function requestHeaders(req: ExpressRequest): Headers {
	const headers = new Headers()
	for (const [name, value] of Object.entries(req.headers)) {
		if (Array.isArray(value)) for (const item of value) headers.append(name, item)
		else if (value !== undefined) headers.set(name, value)
	}
	return headers
}

/** A path and query: the request line's, or of an absolute-form target the path alone. */
function pathAndQuery(originalUrl: string): string {
	if (originalUrl.startsWith('/')) return originalUrl
	try {
		const url = new URL(originalUrl)
		return `${url.pathname}${url.search}`
	} catch {
		return '/'
	}
}

export function createRemixHandler({
	build,
	mode,
	getLoadContext,
}: {
	build: ServerBuild | (() => Promise<ServerBuild>)
	mode: string
	getLoadContext: (req: ExpressRequest, res: ExpressResponse, body: { refusal: BodyRefusal | null }) => AppLoadContext
}) {
	const handle = createRequestHandler(build, mode)
	return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
		try {
			const { body, refusal } = await takeBody(req)
			if (refusal) {
				// The rest of the body is dropped as it arrives, and the connection not kept.
				req.resume()
				res.setHeader('Connection', 'close')
			}
			let controller: AbortController | null = new AbortController()
			res.on('finish', () => (controller = null))
			res.on('close', () => controller?.abort())
			const request = new Request(new URL(pathAndQuery(req.originalUrl), getPublicOrigin().origin), {
				method: req.method,
				headers: requestHeaders(req),
				signal: controller.signal,
				...(body === null ? (refusal ? { body: new Uint8Array(0) } : {}) : { body, duplex: 'half' as const }),
			})
			const response = await handle(request, getLoadContext(req, res, { refusal }))
			res.statusMessage = response.statusText
			res.status(response.status)
			for (const [name, value] of response.headers.entries()) res.append(name, value)
			if (response.body) await writeReadableStreamToWritable(response.body, res)
			else res.end()
		} catch (error) {
			next(error)
		}
	}
}
