import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import { gifImage, jpegImage, pngImage, SVG_WITH_SCRIPT, TEXT_NOT_AN_IMAGE, webpImage } from '#app/testing/image-fixtures.ts'
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE_PX, MAX_UPLOAD_BYTES } from '#app/media/limits.ts'
import { renderMarkdown } from '#app/content/markdown.server.ts'
import { createUser } from '#app/accounts/users.queries.server.ts'
import { getImageSizes, getMediaByKey, listMedia, storeImage, type StoredImage } from './media.queries.server.ts'

let uploadDir: string
let editorId: string

beforeAll(async () => {
	// Read by the storage module on first use, which is after this.
	uploadDir = await mkdtemp(path.join(tmpdir(), 'zevlab-media-'))
	process.env.UPLOAD_DIR = uploadDir
	editorId = await createUser({
		email: 'media-editor@test.example',
		name: 'Mei Editor',
		role: 'editor',
		passwordHash: 'not used',
		lang: 'zh',
		timeZone: 'Asia/Shanghai',
	})
})

afterAll(async () => {
	await rm(uploadDir, { recursive: true, force: true })
})

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

async function stored(bytes: Uint8Array, originalName = 'image'): Promise<StoredImage> {
	const result = await storeImage({ bytes, originalName, uploadedBy: editorId })
	if (!result.ok) throw new Error(`refused: ${result.error}`)
	return result.image
}

async function mediaCount(): Promise<number> {
	const [row] = await sql<{ count: number }[]>`select count(*)::int as count from media`
	return row!.count
}

describe('storeImage', () => {
	test('stores a PNG under its SHA-256, with its real size and dimensions', async () => {
		const bytes = pngImage({ width: 40, height: 30 })
		const image = await stored(bytes, 'chart.png')
		const key = `${sha256(bytes)}.png`
		expect(image).toEqual({
			id: expect.stringMatching(/^\d+$/),
			key,
			url: `/media/${key}`,
			width: 40,
			height: 30,
			contentType: 'image/png',
			byteSize: bytes.byteLength,
		})
		expect(new Uint8Array(await readFile(path.join(uploadDir, key)))).toEqual(bytes)
		const [row] = await sql`select original_name, uploaded_by from media where id = ${image.id}`
		expect(row).toEqual({ originalName: 'chart.png', uploadedBy: editorId })
	})

	test.each([
		['jpeg', jpegImage({ width: 33, height: 17 }), 'image/jpeg', 'jpg'],
		['gif', gifImage({ width: 33, height: 17 }), 'image/gif', 'gif'],
		['webp', webpImage({ width: 33, height: 17 }), 'image/webp', 'webp'],
	] as const)('detects %s from the bytes, whatever the file is called', async (_, bytes, contentType, ext) => {
		const image = await stored(bytes, 'misleading-name.png')
		expect(image).toMatchObject({ contentType, width: 33, height: 17, key: `${sha256(bytes)}.${ext}` })
	})

	test('a photo an Exif orientation turns a quarter keeps the size browsers show', async () => {
		const image = await stored(jpegImage({ width: 64, height: 16, orientation: 6 }), 'portrait.jpg')
		expect(image).toMatchObject({ width: 16, height: 64 })
	})

	test('the same bytes twice are one image: the first row, even under another name', async () => {
		const bytes = gifImage({ width: 5, height: 9 })
		const first = await stored(bytes, 'first.gif')
		const before = await mediaCount()
		const second = await stored(bytes, 'second.gif')
		expect(second).toEqual(first)
		expect(await mediaCount()).toBe(before)
		const [row] = await sql`select original_name from media where id = ${first.id}`
		expect(row!.originalName).toBe('first.gif')
	})

	test('uploading again restores bytes the store lost', async () => {
		const bytes = pngImage({ width: 3, height: 3, rgb: [1, 2, 3] })
		const image = await stored(bytes)
		await rm(path.join(uploadDir, image.key))
		await stored(bytes)
		expect(new Uint8Array(await readFile(path.join(uploadDir, image.key)))).toEqual(bytes)
	})

	test('exactly the size limit is accepted; one byte more is refused before anything is read', async () => {
		const png = pngImage({ width: 2, height: 2, rgb: [9, 9, 9] })
		// A valid header with trailing bytes: only the header decides type and size.
		const atLimit = new Uint8Array(MAX_UPLOAD_BYTES)
		atLimit.set(png)
		expect((await stored(atLimit)).byteSize).toBe(MAX_UPLOAD_BYTES)
		const overLimit = new Uint8Array(MAX_UPLOAD_BYTES + 1)
		overLimit.set(png)
		expect(await storeImage({ bytes: overLimit, originalName: 'big.png', uploadedBy: editorId })).toEqual({
			ok: false,
			error: 'media:errors.too-large',
		})
	})

	test('refuses SVG, text named .png, empty files and absurd dimensions, storing nothing', async () => {
		const filesBefore = await readdir(uploadDir)
		const rowsBefore = await mediaCount()
		const cases: [Uint8Array, string, string][] = [
			[SVG_WITH_SCRIPT, 'logo.svg', 'media:errors.unsupported-type'],
			[SVG_WITH_SCRIPT, 'logo.png', 'media:errors.unsupported-type'],
			[TEXT_NOT_AN_IMAGE, 'photo.png', 'media:errors.unsupported-type'],
			[pngImage({ width: 4, height: 4 }).slice(0, 20), 'truncated.png', 'media:errors.unsupported-type'],
			[new Uint8Array(0), 'empty.png', 'media:errors.empty'],
			[pngImage({ width: MAX_IMAGE_SIDE_PX + 1, height: 1 }), 'wide.png', 'media:errors.too-many-pixels'],
			[pngImage({ width: 1, height: MAX_IMAGE_SIDE_PX + 1 }), 'tall.png', 'media:errors.too-many-pixels'],
		]
		for (const [bytes, originalName, error] of cases) {
			expect(await storeImage({ bytes, originalName, uploadedBy: editorId }), originalName).toEqual({ ok: false, error })
		}
		expect(await readdir(uploadDir)).toEqual(filesBefore)
		expect(await mediaCount()).toBe(rowsBefore)
		// The limit itself is fine.
		expect((await stored(pngImage({ width: MAX_IMAGE_SIDE_PX, height: 1 }))).width).toBe(MAX_IMAGE_SIDE_PX)
	})

	test('refuses a decompression bomb: a few bytes declaring 12000 × 12000 pixels', async () => {
		// A PNG's size is its IHDR's: the header alone, cut after it, declares 144 megapixels.
		const bomb = pngImage({ width: 1, height: 1 }).slice(0, 33)
		new DataView(bomb.buffer).setUint32(16, MAX_IMAGE_SIDE_PX)
		new DataView(bomb.buffer).setUint32(20, MAX_IMAGE_SIDE_PX)
		expect(bomb.byteLength).toBeLessThan(100)
		const rowsBefore = await mediaCount()
		expect(await storeImage({ bytes: bomb, originalName: 'bomb.png', uploadedBy: editorId })).toEqual({
			ok: false,
			error: 'media:errors.too-many-pixels',
		})
		expect(await mediaCount()).toBe(rowsBefore)
		// Just within the pixel count is fine.
		const side = Math.floor(Math.sqrt(MAX_IMAGE_PIXELS))
		expect(side * side).toBeLessThanOrEqual(MAX_IMAGE_PIXELS)
		const large = pngImage({ width: 1, height: 1 }).slice(0, 33)
		new DataView(large.buffer).setUint32(16, side)
		new DataView(large.buffer).setUint32(20, side)
		expect(await storeImage({ bytes: large, originalName: 'large.png', uploadedBy: editorId })).toMatchObject({ ok: true })
	})

	test('keeps a readable original name: no control characters, at most 200 characters', async () => {
		const image = await stored(pngImage({ width: 7, height: 1 }), `  bad\u0000\nname ${'图'.repeat(300)}.png`)
		const [row] = await sql<{ originalName: string }[]>`select original_name from media where id = ${image.id}`
		expect(row!.originalName).toBe(`badname ${'图'.repeat(192)}`)
	})
})

describe('getMediaByKey', () => {
	test('finds an image by key; unknown and malformed keys are null', async () => {
		const image = await stored(webpImage({ width: 8, height: 8, rgb: [200, 10, 10] }))
		expect(await getMediaByKey(image.key)).toEqual(image)
		expect(await getMediaByKey(`${'0'.repeat(64)}.png`)).toBeNull()
		for (const key of ['../etc/passwd', `${'A'.repeat(64)}.png`, `${'0'.repeat(64)}.svg`, `${image.key}x`]) {
			expect(await getMediaByKey(key), key).toBeNull()
		}
	})
})

describe('listMedia', () => {
	test('newest first, page by page, with the uploader’s name (gone once the account is)', async () => {
		const leaver = await createUser({ email: 'leaver@test.example', name: 'Lee Leaver', role: 'researcher', passwordHash: 'x', lang: 'en', timeZone: 'UTC' })
		const images: StoredImage[] = []
		for (let i = 0; i < 5; i += 1) {
			const result = await storeImage({ bytes: pngImage({ width: 10 + i, height: 10, rgb: [i, 99, 99] }), originalName: `list-${i}.png`, uploadedBy: i === 0 ? leaver : editorId })
			if (result.ok) images.push(result.image)
		}
		const newestFirst = images.map((i) => i.id).reverse()

		const first = await listMedia({ limit: 3 })
		expect(first.rows.map((r) => r.id)).toEqual(newestFirst.slice(0, 3))
		expect(first.rows[0]).toMatchObject({ originalName: 'list-4.png', uploaderName: 'Mei Editor', width: 14, url: images[4]!.url })
		expect(first.rows[0]!.createdAt).toBeInstanceOf(Date)
		expect(first.nextBefore).toBe(newestFirst[2])

		const second = await listMedia({ limit: 2, before: first.nextBefore })
		expect(second.rows.map((r) => r.id)).toEqual(newestFirst.slice(3, 5))
		expect(second.rows[1]).toMatchObject({ originalName: 'list-0.png', uploaderName: 'Lee Leaver' })

		await sql`delete from users where id = ${leaver}`
		const afterLeaving = await listMedia({ limit: 1, before: newestFirst[3] })
		expect(afterLeaving.rows[0]).toMatchObject({ id: newestFirst[4], uploaderName: null })

		const all = await listMedia({ limit: 1000 })
		expect(all.nextBefore).toBeNull()
		const ids = all.rows.map((r) => Number(r.id))
		expect(ids).toEqual([...ids].sort((a, b) => b - a))
	})
})

describe('getImageSizes', () => {
	test('sizes of uploaded images by URL, for the Markdown renderer; other URLs ignored', async () => {
		const a = await stored(pngImage({ width: 120, height: 80, rgb: [5, 5, 5] }))
		const b = await stored(gifImage({ width: 30, height: 60, rgb: [6, 6, 6] }))
		const unknown = `/media/${'f'.repeat(64)}.png`
		const sizes = await getImageSizes([a.url, b.url, a.url, unknown, 'https://example.com/x.png', '/media/../x.png', `https://zevlab.example${a.url}`])
		expect(sizes).toEqual(
			new Map([
				[a.url, { width: 120, height: 80 }],
				[b.url, { width: 30, height: 60 }],
			]),
		)
		expect(await getImageSizes([])).toEqual(new Map())

		const html = renderMarkdown(`![Chart](${a.url})`, { imageSizes: sizes })
		expect(html).toContain(`<img src="${a.url}" alt="Chart" loading="lazy" decoding="async" width="120" height="80">`)
	})
})
