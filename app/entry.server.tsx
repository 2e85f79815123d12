/**
 * Renders every document on the server: translations in the request's
 * language, and the response's CSP nonce on every script.
 */
import { Transform } from 'node:stream'
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext, type HandleErrorFunction } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { getI18n, getRequestLang } from './i18n/i18next.server.ts'
import { NonceProvider } from '#app/http/nonce.tsx'

/** Give up on a render that streams for longer than this. */
export const streamTimeout = 5_000

/** The buffer React 18's stream renderer encodes text into. */
const REACT_VIEW_SIZE = 2048

/**
 * React writes the document in 2 KB pieces. Each piece would cross every
 * stream after it on its own (Remix's web stream, the socket, and the
 * compression middleware, where each is a trip to zlib's thread pool): a
 * page of 60 KB made 30 of each. The pieces React writes in one go are
 * joined into one chunk, sent once React pauses (the next turn of the event
 * loop, when it waits for data) or when this much has gathered.
 */
const COALESCE_MAX_BYTES = 64 * 1024

/**
 * React 18.3's renderToPipeableStream writes its whole 2 KB buffer when a
 * multi-byte character does not fit in what is left of it, unused bytes
 * included: up to three NUL bytes land in the page (browsers show U+FFFD),
 * on almost every Chinese page. Fixed in React 19 (facebook/react#26228);
 * until then, drop the NULs from the end of exactly such a chunk. Real
 * content never has NUL (PostgreSQL text cannot hold it; React escapes).
 */
function withoutReactPadding(chunk: Buffer): Buffer {
	let end = chunk.length
	if (end === REACT_VIEW_SIZE) while (end > REACT_VIEW_SIZE - 3 && chunk[end - 1] === 0) end -= 1
	return end === chunk.length ? chunk : chunk.subarray(0, end)
}

/** React's output, unpadded and joined (both above). */
function documentStream() {
	let pending: Buffer[] = []
	let pendingBytes = 0
	let scheduled: NodeJS.Immediate | null = null
	const send = (stream: Transform) => {
		if (scheduled) clearImmediate(scheduled)
		scheduled = null
		if (pendingBytes === 0) return
		stream.push(pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes))
		pending = []
		pendingBytes = 0
	}
	return new Transform({
		transform(chunk: Buffer, _encoding, callback) {
			const piece = withoutReactPadding(chunk)
			pending.push(piece)
			pendingBytes += piece.length
			if (pendingBytes >= COALESCE_MAX_BYTES) send(this)
			else scheduled ??= setImmediate(() => send(this))
			callback()
		},
		flush(callback) {
			send(this)
			callback()
		},
		destroy(error, callback) {
			if (scheduled) clearImmediate(scheduled)
			callback(error)
		},
	})
}

export default async function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	remixContext: EntryContext,
	loadContext: AppLoadContext,
) {
	const instance = await getI18n(await getRequestLang(request))
	const nonce = loadContext.cspNonce
	// Crawlers get the whole document at once; browsers get the shell early.
	const readyEvent = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady'

	return new Promise<Response>((resolve, reject) => {
		let shellRendered = false
		const { pipe, abort } = renderToPipeableStream(
			<I18nextProvider i18n={instance}>
				<NonceProvider value={nonce}>
					<RemixServer context={remixContext} url={request.url} nonce={nonce} />
				</NonceProvider>
			</I18nextProvider>,
			{
				nonce,
				[readyEvent]() {
					shellRendered = true
					const body = documentStream()
					responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
					resolve(
						new Response(createReadableStreamFromReadable(body), {
							headers: responseHeaders,
							status: responseStatusCode,
						}),
					)
					pipe(body)
				},
				onShellError(error: unknown) {
					reject(error)
				},
				onError(error: unknown) {
					responseStatusCode = 500
					// Errors after the shell are already on their way to an ErrorBoundary.
					if (shellRendered) console.error(error)
				},
			},
		)
		setTimeout(abort, streamTimeout + 1_000)
	})
}

export const handleError: HandleErrorFunction = (error, { request }) => {
	// Aborted requests (the visitor navigated away) are not errors.
	if (request.signal.aborted) return
	console.error(error)
}
