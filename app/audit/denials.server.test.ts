import { beforeEach, describe, expect, test } from 'vitest'
import type { AuditEntry } from './audit.queries.server.ts'
import { DENIALS_PER_MINUTE, DENIALS_PER_REQUESTER, recordDenial, resetDenialCounts } from './denials.server.ts'

function recorder() {
	const rows: AuditEntry[] = []
	return { rows, record: async (entry: AuditEntry) => void rows.push(entry) }
}

beforeEach(() => resetDenialCounts())

describe('recordDenial', () => {
	test('one requester writes a bounded number of rows a minute; the rest becomes one aggregated row', async () => {
		const { rows, record } = recorder()
		const start = 1_000_000
		for (let i = 0; i < 1_000; i++) await recordDenial({ ip: '203.0.113.7', details: { path: '/en/admin' } }, { now: start + i, record })
		expect(rows).toHaveLength(DENIALS_PER_REQUESTER)
		expect(rows.every((row) => row.event === 'request_denied' && row.ip === '203.0.113.7')).toBe(true)
		// The next minute's first denial writes the aggregate first.
		await recordDenial({ ip: '203.0.113.7' }, { now: start + 60_000, record })
		expect(rows.at(-2)).toMatchObject({ event: 'request_denied', details: { aggregated: true, suppressed: 1_000 - DENIALS_PER_REQUESTER, requesters: 1 } })
		expect(rows.at(-1)).toMatchObject({ ip: '203.0.113.7' })
	})

	test('an IPv6 /64 is one requester; accounts are counted by account', async () => {
		const { rows, record } = recorder()
		for (let i = 0; i < 100; i++) await recordDenial({ ip: `2001:db8:1:2::${i.toString(16)}` }, { now: 5_000_000, record })
		expect(rows).toHaveLength(DENIALS_PER_REQUESTER)
		for (let i = 0; i < 100; i++) await recordDenial({ actorId: 'member-1', ip: `198.51.100.${i}` }, { now: 5_000_000, record })
		expect(rows).toHaveLength(2 * DENIALS_PER_REQUESTER)
	})

	test('everybody together is bounded too', async () => {
		const { rows, record } = recorder()
		for (let i = 0; i < 2 * DENIALS_PER_MINUTE; i++) await recordDenial({ ip: `10.0.${i >> 8}.${i & 255}` }, { now: 9_000_000, record })
		expect(rows).toHaveLength(DENIALS_PER_MINUTE)
	})
})
