import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { canonicalJson, contentHash, sha256Hex } from './content-hash.ts'

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

describe('canonicalJson', () => {
	it('sorts keys, drops whitespace, and writes numbers as JSON does', () => {
		expect(canonicalJson({ b: 1, a: '电动', c: { z: [1.5, -0, 1e21, null, true], y: false } })).toBe(
			'{"a":"电动","b":1,"c":{"y":false,"z":[1.5,0,1e+21,null,true]}}',
		)
	})

	it('matches the example of RFC 8785 §3.2.2', () => {
		const value = {
			numbers: [333333333.33333329, 1e30, 4.5, 2e-3, 0.000000000000000000000000001],
			string: '\u20ac$\u000F\u000aA\'\u0042\u0022\u005c\\"/',
			literals: [null, true, false],
		}
		expect(canonicalJson(value)).toBe(
			'{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
		)
	})

	it('sorts keys by UTF-16 code units (RFC 8785 §3.2.3)', () => {
		const value = { '\u20ac': 'Euro', '\r': 'CR', '\ufb33': 'Hebrew', '1': 'One', '\ud83d\ude00': 'Emoji', '\u0080': 'Control', '\u00f6': 'Umlaut' }
		expect(canonicalJson(value)).toBe(
			'{"\\r":"CR","1":"One","\u0080":"Control","\u00f6":"Umlaut","\u20ac":"Euro","\ud83d\ude00":"Emoji","\ufb33":"Hebrew"}',
		)
	})

	it('does not normalise Unicode: NFC and NFD spellings differ', () => {
		expect(canonicalJson('\u00e9')).not.toBe(canonicalJson('e\u0301'))
	})

	it('leaves out undefined properties and writes dates as ISO strings', () => {
		expect(canonicalJson({ a: undefined, b: new Date('2026-01-02T03:04:05.678Z') })).toBe('{"b":"2026-01-02T03:04:05.678Z"}')
		expect(canonicalJson(Object.assign(Object.create(null), { x: 1 }))).toBe('{"x":1}')
		expect(canonicalJson([])).toBe('[]')
		expect(canonicalJson({})).toBe('{}')
		expect(canonicalJson('')).toBe('""')
	})

	it('refuses what JSON cannot carry faithfully', () => {
		const cyclic: Record<string, unknown> = {}
		cyclic.self = cyclic
		for (const bad of [undefined, NaN, Infinity, 1n, () => 1, Symbol('s'), new Map(), new Set(), [undefined], [1, , 2], cyclic]) {
			expect(() => canonicalJson(bad)).toThrow(TypeError)
		}
		expect(() => canonicalJson(new Date('nonsense'))).toThrow(RangeError)
		// The same object twice is not a cycle.
		const shared = { n: 1 }
		expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"n":1},"b":[{"n":1}]}')
	})
})

describe('contentHash', () => {
	it('matches hashes computed independently with node:crypto', async () => {
		expect(await contentHash({ b: 1, a: '电动' })).toBe('a921f9f326688c037d811cafcc37429e02897d159fc83b65420f79cb1984970c')
		expect(nodeSha256('{"a":"电动","b":1}')).toBe('a921f9f326688c037d811cafcc37429e02897d159fc83b65420f79cb1984970c')
		expect(await contentHash({ title: 'ZEV 政策', n: [1.5, -0, 1e21, null, true], body: '我们支持电动汽车补贴政策。\nZEV' })).toBe(
			'8ae2e44ed2d62f0e278d64bcc009b73df836fc2ab8744760fdb7e5b5900b7384',
		)
		expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
	})

	it('does not depend on key order', async () => {
		const record = { title: { en: 'Policy', zh: '政策' }, body: 'Text', version: 3 }
		const shuffled = { version: 3, body: 'Text', title: { zh: '政策', en: 'Policy' } }
		expect(await contentHash(shuffled)).toBe(await contentHash(record))
	})

	it('changes when any one character changes', async () => {
		const record = { title: '零排放汽车政策', body: 'The ZEV mandate, 2026.' }
		const original = await contentHash(record)
		expect(original).toMatch(/^[0-9a-f]{64}$/)
		const variants = [
			{ ...record, title: '零排放汽车政第' },
			{ ...record, body: 'The ZEV mandate, 2027.' },
			{ ...record, body: 'The ZEV mandate, 2026. ' },
			{ ...record, body: 'the ZEV mandate, 2026.' },
			{ title: record.title, Body: record.body },
		]
		const hashes = await Promise.all(variants.map((variant) => contentHash(variant)))
		expect(new Set([original, ...hashes]).size).toBe(variants.length + 1)
		for (const [i, variant] of variants.entries()) expect(hashes[i]).toBe(nodeSha256(canonicalJson(variant)))
	})
})
