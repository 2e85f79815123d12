import { describe, expect, test } from 'vitest'
import { parseCursor } from './articles.queries.server.ts'

describe('listing cursors', () => {
	test('a cursor at a date PostgreSQL cannot hold is no cursor (the first page), never an error', () => {
		expect(parseCursor('0000-01-01T00:00:00Z~1')).toBeNull()
		expect(parseCursor('9999-12-31T23:59:59Z~1')).toBeNull()
		expect(parseCursor('2026-11-28T10:00:00.123Z~42')).toEqual({ publishedAt: new Date('2026-11-28T10:00:00.123Z'), id: '42' })
	})
})
