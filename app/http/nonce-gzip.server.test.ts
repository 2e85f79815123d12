import { randomBytes } from 'node:crypto'
import { gunzipSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { createNonceTemplate, crc32, gzipBody, identityBody } from './nonce-gzip.server.ts'

const OLD = 'b2xkLW5vbmNlLW9sZC1ub25j'
const NEW = 'bmV3LW5vbmNlLW5ldy1ub25j'

function page(parts: string[]): Buffer {
	return Buffer.from(parts.join(OLD))
}

describe('a page kept with its nonce cut out', () => {
	test('every response is a valid gzip member holding the page with the new nonce in every slot', () => {
		const body = page([
			'<!DOCTYPE html><html><head><script nonce="',
			'">window.a = 1</script></head><body>中文 ',
			'"x<script nonce="',
			'"></script></body></html>',
		])
		const template = createNonceTemplate({ body, nonce: OLD })
		expect(template.slots).toBe(3)
		const expected = body.toString().replaceAll(OLD, NEW)
		expect(gunzipSync(gzipBody(template, NEW)).toString()).toBe(expected)
		expect(identityBody(template, NEW).toString()).toBe(expected)
		// The old nonce is gone from what is served.
		expect(gunzipSync(gzipBody(template, NEW)).includes(OLD)).toBe(false)
	})

	test('a nonce at the very start and end, adjacent nonces, and a page larger than a stored block', () => {
		const filler = randomBytes(200_000).toString('base64')
		const body = page(['', '', `<p>${filler}</p>`, ''])
		const template = createNonceTemplate({ body, nonce: OLD })
		expect(template.slots).toBe(3)
		expect(gunzipSync(gzipBody(template, NEW)).equals(Buffer.from(body.toString().replaceAll(OLD, NEW)))).toBe(true)
	})

	test('a page without its nonce (a feed) is served as it was, and compresses', () => {
		const body = Buffer.from('<rss>'.padEnd(5000, 'x') + '</rss>')
		const template = createNonceTemplate({ body, nonce: OLD })
		expect(template.slots).toBe(0)
		const gzip = gzipBody(template, '')
		expect(gunzipSync(gzip).equals(body)).toBe(true)
		expect(gzip.length).toBeLessThan(body.length / 10)
		expect(createNonceTemplate({ body, nonce: null }).slots).toBe(0)
	})

	test('the CRC-32 is the standard one', () => {
		expect(crc32(Buffer.from('123456789'), 0)).toBe(0xcbf43926)
		expect(crc32(Buffer.from('56789'), crc32(Buffer.from('1234'), 0))).toBe(0xcbf43926)
	})
})
