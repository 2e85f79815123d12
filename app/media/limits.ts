/**
 * Upload limits and media URLs, shared by the server (which enforces them)
 * and the upload page (which states them and checks a file before sending).
 */

/** 5 MiB: a large photo, well below what would slow the page that shows it. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024
/** Beyond this a side is a mistake or a decompression bomb, not a news photo. */
export const MAX_IMAGE_SIDE_PX = 12_000
/**
 * 40 megapixels (a full-frame camera's photo; 160 MB once a browser decodes
 * it). A few bytes of PNG can declare 12,000 × 12,000: the sides alone do
 * not stop a decompression bomb, the pixel count does.
 */
export const MAX_IMAGE_PIXELS = 40_000_000
/** What the file picker offers; the server decides by the bytes, not by this. */
export const ACCEPTED_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const
export type MediaContentType = (typeof ACCEPTED_CONTENT_TYPES)[number]

/** The `media` table's CHECK, mirrored: anything else is not a media key. */
const MEDIA_KEY = /^[a-f0-9]{64}\.(jpg|png|webp|gif)$/
const MEDIA_URL_PREFIX = '/media/'

/** Where writers upload images, without the language: a page in the newsroom's frame. */
export const MEDIA_PAGE_PATH = '/newsroom/media'

export function isMediaKey(value: string): boolean {
	return MEDIA_KEY.test(value)
}

/** `/media/<key>`: what posts reference. */
export function mediaUrl(key: string): string {
	return `${MEDIA_URL_PREFIX}${key}`
}

/** The key of a `/media/<key>` URL, or null for any other URL. */
export function mediaKeyFromUrl(url: string): string | null {
	if (!url.startsWith(MEDIA_URL_PREFIX)) return null
	const key = url.slice(MEDIA_URL_PREFIX.length)
	return isMediaKey(key) ? key : null
}

/** Refusals of an upload, as translation keys. */
export type MediaError =
	| 'media:errors.missing'
	| 'media:errors.empty'
	| 'media:errors.too-large'
	| 'media:errors.unsupported-type'
	| 'media:errors.too-many-pixels'
