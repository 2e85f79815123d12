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
import { getPublicOrigin, type PublicOrigin } from '#app/config/public-origin.server.ts'
import { bodyLimitFor, declaredLength, limitedStream, readFormBody, type BodyRefusal } from './request-body.server.ts'

type Body = { body: BodyInit | null; refusal: BodyRefusal | null }

/** The request's body as Remix will see it, or why it was refused (the body then is empty). */
async function takeBody(req: ExpressRequest): Promise<Body> {
	if (req.method === 'GET' || req.method === 'HEAD') return { body: null, refusal: null }
	// A client that goes away mid-body is no error of ours (and must not end the process).
	req.on('error', () => {})
	const contentType = req.get('content-type')
	const limit = bodyLimitFor({ path: req.path, contentType })
	// An upload streams to its route, which checks permission before reading
	// and answers an oversized file in its own form; past the limit the
	// stream fails (BodyTooLargeError, a 413 if the route lets it through).
	if (limit.kind === 'upload') return { body: limitedStream(req, limit.maxBytes), refusal: null }
	const declared = declaredLength(req.get('content-length'))
	if (declared !== null && declared > limit.maxBytes) return { body: null, refusal: 'too-large' }
	const read = await readFormBody(req, { maxBytes: limit.maxBytes, contentType })
	return read.ok ? { body: read.bytes as Uint8Array<ArrayBuffer>, refusal: null } : { body: null, refusal: read.refusal }
}

/**
 * The request's headers, with the host Remix compares a form post's Origin
 * with (its own CSRF check) taken from configuration too: the Origin's host
 * when the Origin is one we accept (server.ts refused every other before
 * this), else the public origin's. Host and X-Forwarded-Host, which the
 * sender chooses, go no further.
 */
function requestHeaders(req: ExpressRequest, publicOrigin: PublicOrigin): Headers {
	const headers = new Headers()
	for (const [name, value] of Object.entries(req.headers)) {
		if (name === 'host' || name === 'x-forwarded-host') continue
		if (Array.isArray(value)) for (const item of value) headers.append(name, item)
		else if (value !== undefined) headers.set(name, value)
	}
	const origin = req.get('origin')
	const accepted = origin && publicOrigin.accepted.includes(origin) ? origin : publicOrigin.origin
	headers.set('host', new URL(accepted).host)
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

/** A refused body is read and dropped for at most this long, then the connection is cut after answering. */
const DISCARD_TIMEOUT_MS = 15_000
/** …and at most this much of it. */
const DISCARD_MAX_BYTES = 256 * 1024 * 1024

/** Reads the rest of a refused body without keeping it. Resolves when it ended, or when reading it is not worth it. */
function discardBody(req: ExpressRequest): Promise<void> {
	return new Promise((resolve) => {
		let seen = 0
		const done = () => {
			clearTimeout(timer)
			req.off('data', count)
			resolve()
		}
		const count = (chunk: Buffer) => {
			seen += chunk.length
			if (seen > DISCARD_MAX_BYTES) {
				req.pause()
				done()
			}
		}
		const timer = setTimeout(done, DISCARD_TIMEOUT_MS)
		if (req.readableEnded) return done()
		req.on('data', count)
		req.once('end', done)
		req.once('close', done)
		req.once('error', done)
		req.resume()
	})
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
				// The rest of the body is dropped as it arrives (a browser still sending
				// would not read an answer given before), and the connection not kept.
				res.setHeader('Connection', 'close')
				await discardBody(req)
			}
			let controller: AbortController | null = new AbortController()
			res.on('finish', () => (controller = null))
			res.on('close', () => controller?.abort())
			const publicOrigin = getPublicOrigin()
			const request = new Request(new URL(pathAndQuery(req.originalUrl), publicOrigin.origin), {
				method: req.method,
				headers: requestHeaders(req, publicOrigin),
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
