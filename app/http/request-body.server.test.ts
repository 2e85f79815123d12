import { Readable } from 'node:stream'
import { describe, expect, test } from 'vitest'
import { MAX_UPLOAD_BYTES } from '#app/media/limits.ts'
import {
	bodyLimitFor,
	BodyTooLargeError,
	checkFields,
	declaredLength,
	isBodyTooLarge,
	limitedStream,
	MAX_FIELD_BYTES,
	MAX_FORM_BODY_BYTES,
	MAX_FORM_FIELDS,
	readFormBody,
	MULTIPART_OVERHEAD_BYTES,
	UPLOAD_ROUTES,
} from './request-body.server.ts'
import { MAX_SAVE_REQUEST_BYTES } from '#app/drafts/model.ts'
import { MAX_ATTACHMENT_BYTES } from '#app/meetings/attachments.server.ts'

const URLENCODED = 'application/x-www-form-urlencoded'
const chunksOf = (bytes: Buffer, size = 64 * 1024) => Readable.from(Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size)))

describe('bodyLimitFor', () => {
	test('forms everywhere get the form limit, uploads only multipart posts to an upload route', () => {
		expect(bodyLimitFor({ path: '/en/login', contentType: URLENCODED })).toEqual({ kind: 'form', maxBytes: MAX_FORM_BODY_BYTES })
		expect(bodyLimitFor({ path: '/en/login', contentType: 'multipart/form-data; boundary=x' }).kind).toBe('form')
		expect(bodyLimitFor({ path: '/en/newsroom/media', contentType: URLENCODED }).kind).toBe('form')
		expect(bodyLimitFor({ path: '/zh/newsroom/media', contentType: 'multipart/form-data; boundary=x' }).kind).toBe('upload')
		// Remix's single fetch posts to the page's `.data` address.
		expect(bodyLimitFor({ path: '/en/newsroom/media.data', contentType: 'multipart/form-data; boundary=x' }).kind).toBe('upload')
		expect(bodyLimitFor({ path: '/en/newsroom/media/x', contentType: 'multipart/form-data; boundary=x' }).kind).toBe('form')
	})

	test("a meeting's page takes its attachments; a draft's save its larger form", () => {
		expect(bodyLimitFor({ path: '/zh/meetings/12', contentType: 'multipart/form-data; boundary=x' })).toEqual({
			kind: 'upload',
			maxBytes: MAX_ATTACHMENT_BYTES + MULTIPART_OVERHEAD_BYTES,
		})
		expect(bodyLimitFor({ path: '/zh/meetings/12/edit', contentType: 'multipart/form-data; boundary=x' }).kind).toBe('form')
		expect(bodyLimitFor({ path: '/en/drafts/7/edit', contentType: URLENCODED }).maxBytes).toBe(MAX_SAVE_REQUEST_BYTES)
		expect(bodyLimitFor({ path: '/en/drafts/new.data', contentType: URLENCODED }).maxBytes).toBe(MAX_SAVE_REQUEST_BYTES)
		expect(bodyLimitFor({ path: '/en/drafts/7', contentType: URLENCODED }).maxBytes).toBe(MAX_FORM_BODY_BYTES)
	})

	test('the media page may take its largest image with its framing', () => {
		const media = UPLOAD_ROUTES.find((route) => route.path.test('/en/newsroom/media'))!
		expect(media.maxBytes).toBeGreaterThan(MAX_UPLOAD_BYTES)
		expect(media.maxBytes).toBeLessThan(MAX_UPLOAD_BYTES * 2)
	})

	test('declared lengths are numbers or nothing', () => {
		expect(declaredLength('42')).toBe(42)
		for (const bad of [undefined, '', '-1', '1e9', '12abc', '9'.repeat(20)]) expect(declaredLength(bad), String(bad)).toBeNull()
	})
})

describe('readFormBody', () => {
	test('a body within the limit is read whole', async () => {
		const body = Buffer.from('email=a%40b.example&password=x')
		expect(await readFormBody(chunksOf(body), { maxBytes: 1024, contentType: URLENCODED })).toEqual({ ok: true, bytes: body })
	})

	test('a 40 MB body is refused after reading no more than the limit', async () => {
		let read = 0
		const huge = Readable.from(
			(function* () {
				for (let i = 0; i < 640; i++) {
					read += 64 * 1024
					yield Buffer.alloc(64 * 1024, 0x61)
				}
			})(),
		)
		expect(await readFormBody(huge, { maxBytes: MAX_FORM_BODY_BYTES, contentType: URLENCODED })).toEqual({ ok: false, refusal: 'too-large' })
		expect(read).toBeLessThanOrEqual(MAX_FORM_BODY_BYTES + 2 * 64 * 1024)
	})
})

describe('checkFields', () => {
	test('a form body that decodes to no text is malformed; what browsers send is not', () => {
		// What a browser sends for "电动汽车 & 100% ✓" and a literal percent.
		const typed = new URLSearchParams({ title: '电动汽车 & 100% ✓', note: '%zz' }).toString()
		expect(checkFields(Buffer.from(typed), URLENCODED)).toBeNull()
		// A lone surrogate's UTF-8 bytes, percent-encoded; a broken escape; raw bytes that are not UTF-8.
		expect(checkFields(Buffer.from('title=%ED%A0%80x'), URLENCODED)).toBe('malformed')
		expect(checkFields(Buffer.from('title=%zz'), URLENCODED)).toBe('malformed')
		expect(checkFields(Buffer.concat([Buffer.from('title='), Buffer.from([0xff, 0xfe])]), URLENCODED)).toBe('malformed')
	})

	test('200,000 fields are too many; the limit itself is fine', () => {
		expect(checkFields(Buffer.from('a=1&'.repeat(200_000)), URLENCODED)).toBe('too-many-fields')
		expect(checkFields(Buffer.from(Array.from({ length: MAX_FORM_FIELDS }, () => 'a=1').join('&')), URLENCODED)).toBeNull()
		expect(checkFields(Buffer.from(Array.from({ length: MAX_FORM_FIELDS + 1 }, () => 'a=1').join('&')), URLENCODED)).toBe('too-many-fields')
		// Empty pairs (`&&`) are no fields.
		expect(checkFields(Buffer.from('&'.repeat(10_000)), URLENCODED)).toBeNull()
	})

	test('a field is measured decoded: percent-encoded Chinese counts its UTF-8 bytes', () => {
		const chinese = encodeURIComponent('中'.repeat(Math.floor((MAX_FIELD_BYTES - 5) / 3)))
		expect(chinese.length).toBeGreaterThan(MAX_FIELD_BYTES)
		expect(checkFields(Buffer.from(`body=${chinese}`), URLENCODED)).toBeNull()
		expect(checkFields(Buffer.from(`body=${'a'.repeat(MAX_FIELD_BYTES + 1)}`), URLENCODED)).toBe('field-too-large')
	})

	test('multipart parts are counted and measured too', () => {
		const part = (name: string, value: string) => `--b\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
		const many = `${Array.from({ length: MAX_FORM_FIELDS + 1 }, () => part('a', '1')).join('')}--b--\r\n`
		expect(checkFields(Buffer.from(many), 'multipart/form-data; boundary=b')).toBe('too-many-fields')
		const big = `${part('a', 'x'.repeat(MAX_FIELD_BYTES + 70 * 1024))}--b--\r\n`
		expect(checkFields(Buffer.from(big), 'multipart/form-data; boundary="b"')).toBe('field-too-large')
		expect(checkFields(Buffer.from(`${part('a', '1')}${part('b', '2')}--b--\r\n`), 'multipart/form-data; boundary=b')).toBeNull()
	})

	test('other bodies are limited by size alone', () => {
		expect(checkFields(Buffer.from('{"a":1}'), 'application/json')).toBeNull()
	})
})

describe('limitedStream', () => {
	test('passes an upload within its limit, and fails one past it with BodyTooLargeError', async () => {
		const small = await new Response(limitedStream(Readable.from([Buffer.alloc(10)]), 10)).arrayBuffer()
		expect(small.byteLength).toBe(10)
		const error = await new Response(limitedStream(Readable.from([Buffer.alloc(6), Buffer.alloc(6)]), 10)).arrayBuffer().catch((e: unknown) => e)
		expect(isBodyTooLarge(error)).toBe(true)
		expect(error).toBeInstanceOf(BodyTooLargeError)
	})
})
