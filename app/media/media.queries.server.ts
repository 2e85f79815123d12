/**
 * Images editors upload for posts. The bytes go to the storage module under
 * a content-addressed key (`<sha256>.<ext>`), so a URL names one image
 * forever and can be cached forever; this module checks what arrives and
 * keeps the `media` rows (type, size, dimensions, who uploaded it).
 *
 * The type is read from the bytes, never from the file name or the type the
 * browser claims, and only raster formats browsers show as images are
 * accepted: never SVG, which is a document that can carry scripts.
 */
import { createHash } from 'node:crypto'
import { imageSize } from 'image-size'
import { sql } from '#db/client.server.ts'
import { getStorage } from '#app/media/storage.server.ts'
import {
	isMediaKey,
	MAX_IMAGE_PIXELS,
	MAX_IMAGE_SIDE_PX,
	MAX_UPLOAD_BYTES,
	mediaKeyFromUrl,
	mediaUrl,
	type MediaContentType,
	type MediaError,
} from '#app/media/limits.ts'

/** How long `media.original_name` may be (the table's CHECK). */
const MAX_ORIGINAL_NAME_CHARS = 200

/** What image-size calls a format → our file extension and the type we serve. */
const ACCEPTED_FORMATS = {
	jpg: { ext: 'jpg', contentType: 'image/jpeg' },
	png: { ext: 'png', contentType: 'image/png' },
	webp: { ext: 'webp', contentType: 'image/webp' },
	gif: { ext: 'gif', contentType: 'image/gif' },
} as const satisfies Record<string, { ext: string; contentType: MediaContentType }>

/** The image's SHA-256: the key without its extension, and the ETag it is served with. */
export function mediaKeyHash(key: string): string {
	return key.slice(0, key.indexOf('.'))
}

export interface StoredImage {
	id: string
	key: string
	/** `/media/<key>`: what posts reference. */
	url: string
	width: number
	height: number
	contentType: MediaContentType
	byteSize: number
}

export type StoreImageResult =
	| { ok: true; image: StoredImage }
	| { ok: false; error: Exclude<MediaError, 'media:errors.missing'> }

interface Probe {
	format: (typeof ACCEPTED_FORMATS)[keyof typeof ACCEPTED_FORMATS]
	width: number
	height: number
}

/** The format and display size the bytes themselves declare, or an error. */
function probeImage(bytes: Uint8Array): Probe | 'media:errors.unsupported-type' | 'media:errors.too-many-pixels' {
	let info: ReturnType<typeof imageSize>
	try {
		info = imageSize(bytes)
	} catch {
		// Not any image format image-size knows: text, HTML, a truncated header…
		return 'media:errors.unsupported-type'
	}
	const format = info.type && info.type in ACCEPTED_FORMATS ? ACCEPTED_FORMATS[info.type as keyof typeof ACCEPTED_FORMATS] : null
	if (!format) return 'media:errors.unsupported-type'
	if (!info.width || !info.height) return 'media:errors.unsupported-type'
	if (info.width > MAX_IMAGE_SIDE_PX || info.height > MAX_IMAGE_SIDE_PX) return 'media:errors.too-many-pixels'
	if (info.width * info.height > MAX_IMAGE_PIXELS) return 'media:errors.too-many-pixels'
	// Exif orientations 5–8 turn the picture a quarter: browsers show it
	// turned, so the page must reserve the turned box.
	const turned = (info.orientation ?? 1) >= 5
	return { format, width: turned ? info.height : info.width, height: turned ? info.width : info.height }
}

/** A file name as people see it: no control characters, at most 200 characters. */
function cleanOriginalName(name: string): string {
	const printable = name.replace(/[\u0000-\u001f\u007f]/g, '').trim()
	return Array.from(printable).slice(0, MAX_ORIGINAL_NAME_CHARS).join('')
}

interface MediaRow {
	id: string
	storageKey: string
	contentType: MediaContentType
	byteSize: number
	width: number
	height: number
}

function toStoredImage(row: MediaRow): StoredImage {
	return {
		id: row.id,
		key: row.storageKey,
		url: mediaUrl(row.storageKey),
		width: row.width,
		height: row.height,
		contentType: row.contentType,
		byteSize: row.byteSize,
	}
}

/**
 * Checks and stores an uploaded image. The same bytes uploaded twice are one
 * image: the second upload returns the first row (its name and uploader).
 * Refusals are results carrying a translation key; only storage or database
 * failures throw.
 */
export async function storeImage({
	bytes,
	originalName,
	uploadedBy,
}: {
	bytes: Uint8Array
	originalName: string
	uploadedBy: string | null
}): Promise<StoreImageResult> {
	if (bytes.byteLength === 0) return { ok: false, error: 'media:errors.empty' }
	if (bytes.byteLength > MAX_UPLOAD_BYTES) return { ok: false, error: 'media:errors.too-large' }
	const probe = probeImage(bytes)
	if (typeof probe === 'string') return { ok: false, error: probe }

	const key = `${createHash('sha256').update(bytes).digest('hex')}.${probe.format.ext}`
	// Bytes first, row second: a row never points at nothing. A put of bytes
	// already stored rewrites the same content, which also repairs a lost file.
	await getStorage().put(key, bytes, probe.format.contentType)
	const [inserted] = await sql<MediaRow[]>`
		insert into media (storage_key, content_type, byte_size, width, height, original_name, uploaded_by)
		values (${key}, ${probe.format.contentType}, ${bytes.byteLength}, ${probe.width}, ${probe.height},
			${cleanOriginalName(originalName)}, ${uploadedBy})
		on conflict (storage_key) do nothing
		returning id::text as id, storage_key, content_type, byte_size, width, height
	`
	const row = inserted ?? (await getMediaRow(key))
	if (!row) throw new Error(`media row for ${key} vanished during upload`)
	return { ok: true, image: toStoredImage(row) }
}

async function getMediaRow(key: string): Promise<MediaRow | null> {
	const [row] = await sql<MediaRow[]>`
		select id::text as id, storage_key, content_type, byte_size, width, height
		from media where storage_key = ${key}
	`
	return row ?? null
}

/** The image stored under `key`, or null (for unknown and malformed keys alike). */
export async function getMediaByKey(key: string): Promise<StoredImage | null> {
	if (!isMediaKey(key)) return null
	const row = await getMediaRow(key)
	return row ? toStoredImage(row) : null
}

export interface MediaListItem extends StoredImage {
	originalName: string
	uploaderName: string | null
	createdAt: Date
}

/** Newest first, keyset-paginated by id: pass the last page's `nextBefore` as `before`. */
export async function listMedia({
	limit,
	before = null,
}: {
	limit: number
	before?: string | null
}): Promise<{ rows: MediaListItem[]; nextBefore: string | null }> {
	const rows = await sql<(MediaRow & { originalName: string; uploaderName: string | null; createdAt: Date })[]>`
		select m.id::text as id, m.storage_key, m.content_type, m.byte_size, m.width, m.height,
			m.original_name, u.name as uploader_name, m.created_at
		from media m
		left join users u on u.id = m.uploaded_by
		${before ? sql`where m.id < ${before}` : sql``}
		order by m.id desc
		limit ${limit + 1}
	`
	const page = rows.slice(0, limit)
	return {
		rows: page.map((row) => ({
			...toStoredImage(row),
			originalName: row.originalName,
			uploaderName: row.uploaderName,
			createdAt: row.createdAt,
		})),
		nextBefore: rows.length > limit ? page[page.length - 1]!.id : null,
	}
}

/**
 * Display sizes of the uploaded images among `urls` (`/media/<key>`), keyed
 * by URL, for the Markdown renderer's `imageSizes`. Other URLs are ignored.
 */
export async function getImageSizes(urls: readonly string[]): Promise<Map<string, { width: number; height: number }>> {
	const keys = [...new Set(urls.map(mediaKeyFromUrl).filter((key) => key !== null))]
	const sizes = new Map<string, { width: number; height: number }>()
	if (keys.length === 0) return sizes
	const rows = await sql<{ storageKey: string; width: number; height: number }[]>`
		select storage_key, width, height from media where storage_key in ${sql(keys)}
	`
	for (const row of rows) sizes.set(mediaUrl(row.storageKey), { width: row.width, height: row.height })
	return sizes
}
