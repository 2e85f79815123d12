// Placeholder until the media branch lands (replaced by its module on merge).
import type { ImageDimensions } from '#app/utils/markdown.server.ts'
export async function getImageSizes(_urls: string[]): Promise<Map<string, ImageDimensions>> {
	return new Map()
}
export async function listMedia(_: { limit: number }): Promise<{ id: string; url: string; width: number; height: number; originalName: string }[]> {
	return []
}
