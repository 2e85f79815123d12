import { describe, expect, test } from 'vitest'
import { dateToWallTime, wallTimeToDate } from './time-zone.ts'

describe('wall times in a time zone', () => {
	test('the same wall time is a different instant in Davis and Beijing', () => {
		expect(wallTimeToDate('2026-12-01T09:00', 'Asia/Shanghai')?.toISOString()).toBe('2026-12-01T01:00:00.000Z')
		expect(wallTimeToDate('2026-12-01T09:00', 'America/Los_Angeles')?.toISOString()).toBe('2026-12-01T17:00:00.000Z')
		// Summer time in California.
		expect(wallTimeToDate('2026-07-01T09:00', 'America/Los_Angeles')?.toISOString()).toBe('2026-07-01T16:00:00.000Z')
	})

	test('round-trips through the wall clock', () => {
		const instant = new Date('2027-03-02T17:00:00Z')
		expect(dateToWallTime(instant, 'America/Los_Angeles')).toBe('2027-03-02T09:00')
		expect(dateToWallTime(instant, 'Asia/Shanghai')).toBe('2027-03-03T01:00')
		expect(wallTimeToDate(dateToWallTime(instant, 'Asia/Shanghai'), 'Asia/Shanghai')).toEqual(instant)
	})

	test('refuses malformed and impossible dates', () => {
		expect(wallTimeToDate('2026-02-30T09:00', 'Asia/Shanghai')).toBeNull()
		expect(wallTimeToDate('tomorrow', 'Asia/Shanghai')).toBeNull()
		expect(wallTimeToDate('2026-12-01 09:00', 'Asia/Shanghai')).toBeNull()
	})
})
