/**
 * Image uploads end to end: a writer uploads in either language, the image
 * is listed with the Markdown to paste, and /media/<key> serves the same
 * bytes to anyone with immutable caching; SVG and oversized files are
 * refused in the page (with and without JavaScript); others get a 404.
 */
import { createHash, randomInt } from 'node:crypto'
import type { Page } from '@playwright/test'
import { gifImage, pngImage, SVG_WITH_SCRIPT, TEXT_NOT_AN_IMAGE } from '#app/testing/image-fixtures.ts'
import { MAX_UPLOAD_BYTES } from '#app/media/limits.ts'
import { createSessionToken, createUser, expect, getDb, sessionHeaders, signInContext, test } from './fixtures.ts'
import { parseCsp } from './utils.ts'
import enMedia from '../locales/en/media.json' with { type: 'json' }
import zhMedia from '../locales/zh/media.json' with { type: 'json' }

const media = { en: enMedia, zh: zhMedia }
const LANGS = ['en', 'zh'] as const
/** How both languages write MAX_UPLOAD_BYTES (Intl gives the same in en and zh-CN). */
const MAX_TEXT = '5 MB'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** A PNG no other test uploads, so its key is new. */
function uniquePng() {
	const width = randomInt(20, 400)
	const height = randomInt(20, 300)
	return { width, height, bytes: pngImage({ width, height, rgb: [randomInt(256), randomInt(256), randomInt(256)] }) }
}

async function upload(page: Page, lang: 'en' | 'zh', file: { name: string; mimeType: string; buffer: Buffer }) {
	await page.getByLabel(media[lang].upload.file).setInputFiles(file)
	await page.getByRole('button', { name: media[lang].upload.submit }).click()
}

for (const lang of LANGS) {
	test(`${lang}: an editor uploads a PNG, sees it listed, and anyone can fetch it with immutable caching`, async ({ page, baseURL, request }) => {
		const editor = await createUser({ role: 'editor', lang })
		await signInContext(page.context(), baseURL!, editor.id)
		const { bytes, width, height } = uniquePng()
		const url = `/media/${sha256(bytes)}.png`

		const response = await page.goto(`/${lang}/newsroom/media`)
		expect(response?.status()).toBe(200)
		// Images come from our own origin; the CSP allows exactly that (and data: URLs), nothing wider.
		expect(parseCsp(response?.headers()['content-security-policy']).get('img-src')).toEqual(["'self'", 'data:'])
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(media[lang].page.title)
		await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex')
		await upload(page, lang, { name: `chart-${lang}.png`, mimeType: 'image/png', buffer: Buffer.from(bytes) })

		const done = page.getByTestId('upload-done')
		await expect(done.getByRole('status')).toHaveText(media[lang].upload.done.replace('{{name}}', `chart-${lang}.png`))
		const snippet = `![${media[lang].list.altPlaceholder}](${url})`
		await expect(done.getByTestId('markdown-snippet')).toHaveValue(snippet)

		const item = page.locator(`[data-testid="media-item"][data-url="${url}"]`)
		await expect(item).toBeVisible()
		await expect(item).toContainText(`chart-${lang}.png`)
		await expect(item).toContainText(media[lang].list.dimensions.replace('{{width}}', String(width)).replace('{{height}}', String(height)))
		await expect(item).toContainText(editor.name)
		await expect(item.getByTestId('markdown-snippet')).toHaveValue(snippet)
		const img = item.locator('img')
		await expect(img).toHaveAttribute('width', String(width))
		await expect(img).toHaveAttribute('height', String(height))
		// The page's CSP lets it show its own images.
		await img.scrollIntoViewIfNeeded()
		await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(width)

		// Public: the anonymous API client gets it, with the headers of an immutable file.
		const served = await request.get(url)
		expect(served.status()).toBe(200)
		const headers = served.headers()
		expect(headers['content-type']).toBe('image/png')
		expect(headers['cache-control']).toBe('public, max-age=31536000, immutable')
		expect(headers['x-content-type-options']).toBe('nosniff')
		expect(headers['content-disposition']).toMatch(/^inline\b/)
		expect(headers['content-length']).toBe(String(bytes.byteLength))
		expect(headers.etag).toBe(`"${sha256(bytes)}"`)
		// Other sites and feed readers may show it (pages stay same-origin).
		expect(headers['cross-origin-resource-policy']).toBe('cross-origin')
		expect(new Uint8Array(await served.body())).toEqual(bytes)

		const revalidated = await request.get(url, { headers: { 'If-None-Match': headers.etag! } })
		expect(revalidated.status()).toBe(304)
		expect(revalidated.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
		expect(await revalidated.body()).toHaveLength(0)
		expect((await request.get(url, { headers: { 'If-None-Match': '"something-else"' } })).status()).toBe(200)

		const head = await request.head(url)
		expect(head.status()).toBe(200)
		expect(head.headers()['content-length']).toBe(String(bytes.byteLength))
	})
}

test('en, with JavaScript: an SVG with a script and a too-large file are refused in the page, which keeps working', async ({ page, baseURL }) => {
	const editor = await createUser({ role: 'researcher' })
	await signInContext(page.context(), baseURL!, editor.id)
	await page.goto('/en/newsroom/media')
	const errors = page.locator('form#upload')

	await upload(page, 'en', { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(SVG_WITH_SCRIPT) })
	await expect(errors).toContainText(enMedia.errors['unsupported-type'])
	await expect(page.getByLabel(enMedia.upload.file)).toHaveAttribute('aria-invalid', 'true')

	// Checked in the browser before anything is sent.
	const tooLarge = Buffer.alloc(MAX_UPLOAD_BYTES + 1)
	tooLarge.set(pngImage({ width: 2, height: 2 }))
	await upload(page, 'en', { name: 'huge.png', mimeType: 'image/png', buffer: tooLarge })
	await expect(errors).toContainText(enMedia.errors['too-large'].replace('{{max}}', MAX_TEXT))

	const { bytes } = uniquePng()
	await upload(page, 'en', { name: 'after.png', mimeType: 'image/png', buffer: Buffer.from(bytes) })
	await expect(page.getByTestId('upload-done')).toBeVisible()
	await expect(page.locator(`[data-testid="media-item"][data-url="/media/${sha256(bytes)}.png"]`)).toBeVisible()
	expect(await getDb()`select 1 from media where uploaded_by = ${editor.id}`).toHaveLength(1)
})

test('zh, without JavaScript: the server refuses SVG and too-large files in the page, which keeps working', async ({ browser, baseURL, clientIp }) => {
	const editor = await createUser({ role: 'editor', lang: 'zh' })
	const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { 'X-Forwarded-For': clientIp } })
	await signInContext(context, baseURL!, editor.id)
	const page = await context.newPage()
	await page.goto('/zh/newsroom/media')

	await upload(page, 'zh', { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(SVG_WITH_SCRIPT) })
	await expect(page.locator('form#upload')).toContainText(zhMedia.errors['unsupported-type'])

	// A text file whose name and claimed type say PNG.
	await upload(page, 'zh', { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from(TEXT_NOT_AN_IMAGE) })
	await expect(page.locator('form#upload')).toContainText(zhMedia.errors['unsupported-type'])

	// Just over the limit: the upload handler stops reading at the limit.
	const justOver = Buffer.alloc(MAX_UPLOAD_BYTES + 10)
	justOver.set(pngImage({ width: 2, height: 2 }))
	await upload(page, 'zh', { name: 'huge.png', mimeType: 'image/png', buffer: justOver })
	await expect(page.locator('form#upload')).toContainText(zhMedia.errors['too-large'].replace('{{max}}', MAX_TEXT))

	const bytes = gifImage({ width: randomInt(10, 90), height: randomInt(10, 90), rgb: [randomInt(256), 1, 2] })
	await upload(page, 'zh', { name: '图表.gif', mimeType: 'image/gif', buffer: Buffer.from(bytes) })
	await expect(page.getByTestId('upload-done')).toContainText('图表.gif')
	await expect(page.locator(`[data-testid="media-item"][data-url="/media/${sha256(bytes)}.gif"]`)).toContainText('图表.gif')
	expect(await getDb()`select 1 from media where uploaded_by = ${editor.id}`).toHaveLength(1)
	await context.close()
})

test('refusals answer with their status, never a 500, and store nothing', async ({ request, baseURL }) => {
	const editor = await createUser({ role: 'editor' })
	const headers = sessionHeaders(await createSessionToken(editor.id), baseURL!)
	const send = (name: string, mimeType: string, buffer: Buffer) =>
		request.post('/en/newsroom/media', { headers, multipart: { file: { name, mimeType, buffer } }, maxRedirects: 0 })

	const svg = await send('logo.svg', 'image/svg+xml', Buffer.from(SVG_WITH_SCRIPT))
	expect(svg.status()).toBe(415)
	expect(await svg.text()).toContain(enMedia.errors['unsupported-type'])
	expect((await send('photo.png', 'image/png', Buffer.from(TEXT_NOT_AN_IMAGE))).status()).toBe(415)
	// Far over the limit: refused by its Content-Length before the body is read.
	const huge = await send('huge.png', 'image/png', Buffer.alloc(MAX_UPLOAD_BYTES * 2))
	expect(huge.status()).toBe(413)
	expect(await huge.text()).toContain(enMedia.errors['too-large'].replace('{{max}}', MAX_TEXT))
	const empty = await send('empty.png', 'image/png', Buffer.alloc(0))
	expect(empty.status()).toBe(400)
	expect(await empty.text()).toContain(enMedia.errors.missing)
	const notMultipart = await request.post('/en/newsroom/media', { headers, form: { file: 'x' }, maxRedirects: 0 })
	expect(notMultipart.status()).toBe(400)
	expect(await notMultipart.text()).toContain(enMedia.errors.unreadable)
	expect(await getDb()`select 1 from media where uploaded_by = ${editor.id}`).toHaveLength(0)
})

test('officials and the public get a 404 for the page and cannot upload; unknown images are 404s', async ({ page, baseURL, request }) => {
	const anonymous = await page.goto('/en/newsroom/media')
	expect(anonymous?.status()).toBe(404)
	await expect(page.getByTestId('error-page')).toHaveAttribute('data-status', '404')

	const official = await createUser({ role: 'official', lang: 'zh' })
	await signInContext(page.context(), baseURL!, official.id)
	const denied = await page.goto('/zh/newsroom/media')
	expect(denied?.status()).toBe(404)
	await expect(page.getByTestId('error-page')).toHaveAttribute('data-status', '404')

	const token = await createSessionToken(official.id)
	const { bytes } = uniquePng()
	const attempt = await request.post('/zh/newsroom/media', {
		headers: sessionHeaders(token, baseURL!),
		multipart: { file: { name: 'sneaky.png', mimeType: 'image/png', buffer: Buffer.from(bytes) } },
		maxRedirects: 0,
	})
	expect(attempt.status()).toBe(404)
	expect(await getDb()`select 1 from media where storage_key = ${`${sha256(bytes)}.png`}`).toHaveLength(0)

	for (const path of [`/media/${'0'.repeat(64)}.png`, '/media/not-a-key.png', `/media/${'0'.repeat(64)}.svg`, '/media/..%2F..%2Fpackage.json']) {
		expect((await request.get(path)).status(), path).toBe(404)
	}
})
