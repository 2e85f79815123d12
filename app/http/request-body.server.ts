/**
 * Limits on what a request body may hold, enforced by the server before any
 * route sees it (server.ts), so that no one, signed in or not, can make the
 * portal hold more than a few megabytes per request: a form body is read
 * into memory only up to MAX_FORM_BODY_BYTES, with at most MAX_FORM_FIELDS
 * fields of at most MAX_FIELD_BYTES each. Anything larger is answered 413
 * with the translated error page, and the rest of the body is discarded
 * unread.
 *
 * Uploads keep a larger limit and stream to their route, which checks
 * permission before reading a byte: UPLOAD_ROUTES is the one list of them.
 * A route that accepts files adds its path and limit here.
 */
import { Readable, Transform } from 'node:stream'
import { LANGS } from '#app/i18n/config.ts'

/**
 * 4 MiB: a news post's two bodies (100,000 characters each) in Chinese,
 * percent-encoded (9 bytes a character), with room to spare.
 */
export const MAX_FORM_BODY_BYTES = 4 * 1024 * 1024
/** Forms have dozens of fields (a draft with many sections, hundreds); 200,000 is an attack. */
export const MAX_FORM_FIELDS = 2_000
/** 1 MiB decoded: the longest text a form holds (100,000 characters of Chinese is 300 KB). */
export const MAX_FIELD_BYTES = 1024 * 1024

const MiB = 1024 * 1024
/** Room for the multipart framing around an upload's file. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024

export interface UploadRoute {
	/** The URL path (without query) the upload is posted to. */
	path: RegExp
	/** The whole multipart body: the route's own file limit plus framing. */
	maxBytes: number
}

const langs = LANGS.join('|')

/** Every route that takes multipart uploads, with its limit. */
export const UPLOAD_ROUTES: readonly UploadRoute[] = [
	// The newsroom's images (app/media/limits.ts: MAX_UPLOAD_BYTES, 5 MiB).
	{ path: new RegExp(`^/(${langs})/newsroom/media/?$`), maxBytes: 5 * MiB + MULTIPART_OVERHEAD_BYTES },
	// A meeting's attachments (app/meetings/attachments.server.ts: MAX_ATTACHMENT_BYTES, 20 MiB), posted to its page.
	{ path: new RegExp(`^/(${langs})/meetings/\\d{1,18}/?$`), maxBytes: 20 * MiB + MULTIPART_OVERHEAD_BYTES },
]

/**
 * Forms allowed more than MAX_FORM_BODY_BYTES: a policy draft's save, both
 * languages of up to 200 sections (app/drafts/model.ts:
 * MAX_SAVE_REQUEST_BYTES, 8 MiB), which the drafts pages answer in their own
 * form, keeping what was typed, when it is larger still.
 */
export const LARGE_FORM_ROUTES: readonly UploadRoute[] = [
	{ path: new RegExp(`^/(${langs})/drafts/(new|\\d{1,18}/edit)/?$`), maxBytes: 8 * MiB },
]

export type BodyLimit = { kind: 'form'; maxBytes: number } | { kind: 'upload'; maxBytes: number }

/** The limit for a request's body: an upload's for multipart posts to an upload route, a form's otherwise. */
export function bodyLimitFor({ path, contentType }: { path: string; contentType: string | undefined }): BodyLimit {
	if (isMultipart(contentType)) {
		// Remix's single fetch posts `/en/newsroom/media` to `/en/newsroom/media.data`.
		const page = path.replace(/\.data$/, '')
		const upload = UPLOAD_ROUTES.find((route) => route.path.test(page))
		if (upload) return { kind: 'upload', maxBytes: upload.maxBytes }
	}
	const page = path.replace(/\.data$/, '')
	const large = LARGE_FORM_ROUTES.find((route) => route.path.test(page))
	return { kind: 'form', maxBytes: large?.maxBytes ?? MAX_FORM_BODY_BYTES }
}

function isMultipart(contentType: string | undefined): boolean {
	return /^multipart\/form-data\s*;/i.test(contentType ?? '')
}

/** Why a body was refused. */
export type BodyRefusal = 'too-large' | 'too-many-fields' | 'field-too-large' | 'malformed'

/** Thrown into an upload's stream when it grows past its route's limit. */
export class BodyTooLargeError extends Error {
	constructor(readonly maxBytes: number) {
		super(`request body larger than ${maxBytes} bytes`)
	}
}

export function isBodyTooLarge(error: unknown): error is BodyTooLargeError {
	return error instanceof BodyTooLargeError || (error instanceof Error && error.cause instanceof BodyTooLargeError)
}

/** The declared Content-Length, when there is a valid one. */
export function declaredLength(header: string | undefined): number | null {
	return header && /^\d{1,15}$/.test(header) ? Number(header) : null
}

/**
 * Reads a form body into memory, stopping at `maxBytes`: what fits, or why
 * it was refused. The stream is left paused past the limit; the caller
 * discards the rest.
 */
export async function readFormBody(
	stream: Readable,
	{ maxBytes, contentType }: { maxBytes: number; contentType: string | undefined },
): Promise<{ ok: true; bytes: Buffer } | { ok: false; refusal: BodyRefusal }> {
	// Events, not `for await`: leaving an async iterator early destroys the
	// stream, and with it the socket the 413 must still be written to.
	const read = await new Promise<{ ok: true; chunks: Buffer[]; total: number } | { ok: false }>((resolve, reject) => {
		const chunks: Buffer[] = []
		let total = 0
		const finish = (result: { ok: true; chunks: Buffer[]; total: number } | { ok: false }) => {
			stream.off('data', onData)
			stream.off('end', onEnd)
			stream.off('error', onError)
			resolve(result)
		}
		const onData = (chunk: Buffer | Uint8Array) => {
			const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)
			total += buffer.length
			if (total > maxBytes) {
				stream.pause()
				finish({ ok: false })
				return
			}
			chunks.push(buffer)
		}
		const onEnd = () => finish({ ok: true, chunks, total })
		const onError = (error: unknown) => {
			stream.off('data', onData)
			stream.off('end', onEnd)
			reject(error)
		}
		stream.on('data', onData)
		stream.once('end', onEnd)
		stream.once('error', onError)
	})
	if (!read.ok) return { ok: false, refusal: 'too-large' }
	const bytes = Buffer.concat(read.chunks, read.total)
	const refusal = checkFields(bytes, contentType)
	return refusal ? { ok: false, refusal } : { ok: true, bytes }
}

/**
 * Counts a form's fields and measures each, without building them: an
 * urlencoded body by its `&`-separated pairs, a multipart one (a form with a
 * file input posted to a route that takes no uploads) by its parts.
 */
export function checkFields(bytes: Buffer, contentType: string | undefined): BodyRefusal | null {
	if (/^application\/x-www-form-urlencoded/i.test(contentType ?? '')) return checkUrlEncoded(bytes)
	const boundary = /^multipart\/form-data\s*;.*boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType ?? '')
	if (boundary) return checkMultipart(bytes, `--${boundary[1] ?? boundary[2]}`)
	return null
}

const AMPERSAND = 0x26
const PERCENT = 0x25

function checkUrlEncoded(bytes: Buffer): BodyRefusal | null {
	let fields = 0
	let start = 0
	while (start <= bytes.length) {
		let end = bytes.indexOf(AMPERSAND, start)
		if (end === -1) end = bytes.length
		if (end > start) {
			fields += 1
			if (fields > MAX_FORM_FIELDS) return 'too-many-fields'
			// Decoded, `%XX` is one byte: the pair's decoded size.
			let decoded = end - start
			if (decoded > MAX_FIELD_BYTES) {
				for (let i = start; i < end; i++) if (bytes[i] === PERCENT) decoded -= 2
				if (decoded > MAX_FIELD_BYTES) return 'field-too-large'
			}
		}
		start = end + 1
	}
	return isWellFormedUrlEncoded(bytes) ? null : 'malformed'
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true })

/**
 * A browser's form body is UTF-8, percent-encoded into UTF-8 again. Bytes or
 * escapes that decode to no text (a lone surrogate's `%ED%A0%80`, a broken
 * `%zz`) come only from a crafted request: decoding them would store U+FFFD
 * in place of what was never typed, so the body is refused instead.
 */
function isWellFormedUrlEncoded(bytes: Buffer): boolean {
	let text: string
	try {
		text = STRICT_UTF8.decode(bytes)
	} catch {
		return false
	}
	if (!text.includes('%')) return true
	try {
		decodeURIComponent(text)
		return true
	} catch {
		return false
	}
}

function checkMultipart(bytes: Buffer, delimiter: string): BodyRefusal | null {
	let parts = 0
	let previous = bytes.indexOf(delimiter)
	while (previous !== -1) {
		const next = bytes.indexOf(delimiter, previous + delimiter.length)
		if (next === -1) break
		parts += 1
		if (parts > MAX_FORM_FIELDS) return 'too-many-fields'
		if (next - previous > MAX_FIELD_BYTES + MULTIPART_OVERHEAD_BYTES) return 'field-too-large'
		previous = next
	}
	return null
}

/**
 * An upload's body as a stream that fails with BodyTooLargeError once more
 * than `maxBytes` have arrived: the route reads it only after checking
 * permission, and never holds more than its limit.
 */
export function limitedStream(source: Readable, maxBytes: number): ReadableStream<Uint8Array> {
	let total = 0
	const limiter = new Transform({
		transform(chunk: Buffer, _encoding, callback) {
			total += chunk.length
			if (total > maxBytes) callback(new BodyTooLargeError(maxBytes))
			else callback(null, chunk)
		},
	})
	source.on('error', (error) => limiter.destroy(error))
	return Readable.toWeb(source.pipe(limiter)) as ReadableStream<Uint8Array>
}
