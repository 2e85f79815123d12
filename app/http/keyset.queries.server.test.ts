import { describe, expect, test } from 'vitest'
import { encodeCursor, parseCursor } from './keyset.queries.server.ts'

describe('keyset cursors', () => {
	test('round-trip through the URL form; anything else is no cursor at all', () => {
		const cursor = { at: new Date('2026-11-12T16:00:00.123Z'), id: '42' }
		expect(encodeCursor(cursor)).toBe('2026-11-12T16:00:00.123Z~42')
		expect(parseCursor(encodeCursor(cursor))).toEqual(cursor)
		for (const bad of [null, '', 'x', '42', '2026-11-12~42', '2026-13-45T99:00:00Z~1', '2026-11-12T16:00:00Z~-1', '2026-11-12T16:00:00Z~1;drop']) {
			expect(parseCursor(bad), String(bad)).toBeNull()
		}
	})

	test('a cursor at a date PostgreSQL cannot hold is no cursor (the first page), never an error', () => {
		expect(parseCursor('0000-01-01T00:00:00Z~1')).toBeNull()
		expect(parseCursor('9999-12-31T23:59:59Z~1')).toBeNull()
		expect(parseCursor('2026-11-28T10:00:00.123Z~42')).toEqual({ at: new Date('2026-11-28T10:00:00.123Z'), id: '42' })
	})
})
