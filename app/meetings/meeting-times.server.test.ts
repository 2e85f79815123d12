import { describe, expect, test } from 'vitest'
import { describeMeetingTimes } from './meeting-times.server.ts'

describe('a meeting time as pages say it', () => {
	// 16:00 UTC on 2026-03-09: 09:00 in Davis (summer time), 00:00 the next day in Beijing.
	const start = new Date('2026-03-09T16:00:00Z')
	const end = new Date('2026-03-09T17:00:00Z')

	test('the same meeting, language and reader zone: the same texts, remembered and shared read-only', async () => {
		const first = await describeMeetingTimes({ start, end, lang: 'en', readerTimeZone: 'Europe/Berlin' })
		expect(first.sideBySide).toBe('Mon 09:00 Davis = Tue 00:00 Beijing')
		expect(first.reader).toMatch(/^Mon, Mar 9, 2026, 17:00–18:00 \((GMT\+1|CET)\)$/)
		const again = await describeMeetingTimes({ start: new Date(start), end: new Date(end), lang: 'en', readerTimeZone: 'Europe/Berlin' })
		expect(again).toBe(first)
		expect(Object.isFrozen(first) && Object.isFrozen(first.cities) && first.cities.every((city) => Object.isFrozen(city))).toBe(true)
	})

	test('another reader zone, language or end is told apart', async () => {
		const berlin = await describeMeetingTimes({ start, end, lang: 'en', readerTimeZone: 'Europe/Berlin' })
		const tokyo = await describeMeetingTimes({ start, end, lang: 'en', readerTimeZone: 'Asia/Tokyo' })
		expect(tokyo.reader).toMatch(/^Tue, Mar 10, 2026, 01:00–02:00 \((GMT\+9|JST)\)$/)
		const chinese = await describeMeetingTimes({ start, end, lang: 'zh', readerTimeZone: 'Europe/Berlin' })
		expect(chinese.sideBySide).not.toBe(berlin.sideBySide)
		const longer = await describeMeetingTimes({ start, end: new Date('2026-03-09T18:00:00Z'), lang: 'en', readerTimeZone: 'Europe/Berlin' })
		expect(longer.reader).toMatch(/17:00–19:00/)
	})
})
