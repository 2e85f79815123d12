/**
 * Sizes of the uploaded images a Markdown body shows, so the rendered page
 * reserves their space (width/height attributes) before they load.
 */
import { getImageSizes } from '#app/media/media.queries.server.ts'
import type { ImageDimensions } from '#app/content/markdown.server.ts'

const MEDIA_URL = /\/media\/[a-f0-9]{64}\.(?:jpg|png|webp|gif)/g

export async function getImageSizesForMarkdown(bodies: string[]): Promise<Map<string, ImageDimensions>> {
	const urls = [...new Set(bodies.flatMap((body) => body.match(MEDIA_URL) ?? []))]
	return urls.length === 0 ? new Map() : getImageSizes(urls)
}
