import { describe, expect, test } from 'vitest'
import { isValidTimeZone, LAB_CITIES, meetingTimes, outsideWorkingHours } from './time.ts'

const hour = (iso: string) => new Date(iso)
const plusMinutes = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000)

function city(times: ReturnType<typeof meetingTimes>, key: 'davis' | 'beijing') {
	const found = times.cities.find((c) => c.key === key)
	if (!found) throw new Error(`no ${key}`)
	return found
}

describe('meeting times in Davis and Beijing', () => {
	test('the cities are Davis then Beijing', () => {
		expect(LAB_CITIES.map((c) => [c.key, c.timeZone])).toEqual([
			['davis', 'America/Los_Angeles'],
			['beijing', 'Asia/Shanghai'],
		])
	})

	test('the week after the March change: Davis on summer time, 15 hours behind Beijing', () => {
		// 2026-03-08 is the US change; 16:00 UTC the next day is 09:00 PDT, 00:00 in Beijing.
		const start = hour('2026-03-09T16:00:00Z')
		const times = meetingTimes({ start, end: plusMinutes(start, 60), lang: 'en', readerTimeZone: 'Europe/Berlin' })
		const davis = city(times, 'davis')
		const beijing = city(times, 'beijing')
		expect(davis).toMatchObject({
			weekday: 'Mon',
			date: 'Mar 9, 2026',
			timeRange: '09:00–10:00',
			zoneName: 'PDT',
			utcOffset: 'GMT-7',
			offsetMinutes: -7 * 60,
			day: '2026-03-09',
			endDayOffset: 0,
			dayDiffersFromOtherCity: true,
		})
		expect(beijing).toMatchObject({
			weekday: 'Tue',
			date: 'Mar 10, 2026',
			timeRange: '00:00–01:00',
			utcOffset: 'GMT+8',
			offsetMinutes: 8 * 60,
			day: '2026-03-10',
			dayDiffersFromOtherCity: true,
		})
		// Berlin has not changed yet (Europe changes on 2026-03-29).
		expect(times.reader).toMatchObject({ timeZone: 'Europe/Berlin', timeRange: '17:00–18:00', offsetMinutes: 60 })
		expect(times.readerMatchesCity).toBeNull()
	})

	test('the week before the March change: the same UTC time is an hour earlier in Davis, unchanged in Beijing', () => {
		const start = hour('2026-03-02T16:00:00Z')
		const times = meetingTimes({ start, end: plusMinutes(start, 60), lang: 'en', readerTimeZone: 'America/Los_Angeles' })
		expect(city(times, 'davis')).toMatchObject({ timeRange: '08:00–09:00', zoneName: 'PST', offsetMinutes: -8 * 60 })
		expect(city(times, 'beijing')).toMatchObject({ timeRange: '00:00–01:00', weekday: 'Tue' })
	})

	test('around the November change: PDT the week before, PST on 2026-11-02', () => {
		const before = hour('2026-10-26T16:00:00Z')
		const after = hour('2026-11-02T16:00:00Z')
		const timesBefore = meetingTimes({ start: before, end: plusMinutes(before, 90), lang: 'en', readerTimeZone: 'Asia/Shanghai' })
		const timesAfter = meetingTimes({ start: after, end: plusMinutes(after, 90), lang: 'en', readerTimeZone: 'Asia/Shanghai' })
		expect(city(timesBefore, 'davis')).toMatchObject({ timeRange: '09:00–10:30', zoneName: 'PDT', day: '2026-10-26' })
		expect(city(timesAfter, 'davis')).toMatchObject({ timeRange: '08:00–09:30', zoneName: 'PST', day: '2026-11-02' })
		expect(city(timesAfter, 'beijing')).toMatchObject({ timeRange: '00:00–01:30', day: '2026-11-03', weekday: 'Tue' })
		expect(timesAfter.readerMatchesCity).toBe('beijing')
	})

	test('a meeting that crosses midnight in Beijing ends on the next day there only', () => {
		const start = hour('2026-03-09T15:30:00Z')
		const times = meetingTimes({ start, end: plusMinutes(start, 60), lang: 'en', readerTimeZone: 'UTC' })
		expect(city(times, 'beijing')).toMatchObject({
			timeRange: '23:30–00:30',
			day: '2026-03-09',
			endDay: '2026-03-10',
			endDayOffset: 1,
			weekday: 'Mon',
			endWeekday: 'Tue',
			endDate: 'Mar 10, 2026',
			// Both cities start on Monday.
			dayDiffersFromOtherCity: false,
		})
		expect(city(times, 'davis')).toMatchObject({ timeRange: '08:30–09:30', endDayOffset: 0, dayDiffersFromOtherCity: false })
	})

	test('formats in Chinese for Chinese pages', () => {
		const start = hour('2026-11-03T01:00:00Z')
		const times = meetingTimes({ start, end: plusMinutes(start, 60), lang: 'zh', readerTimeZone: 'Asia/Shanghai' })
		expect(city(times, 'beijing')).toMatchObject({ weekday: '周二', date: '2026年11月3日', timeRange: '09:00–10:00' })
		expect(city(times, 'davis')).toMatchObject({ weekday: '周一', date: '2026年11月2日', timeRange: '17:00–18:00' })
		expect(times.reader.timeRange).toBe('09:00–10:00')
	})

	test('a reader who sends an unknown zone gets the language default', () => {
		const start = hour('2026-11-03T01:00:00Z')
		expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false)
		expect(isValidTimeZone('Asia/Shanghai')).toBe(true)
		const zh = meetingTimes({ start, end: start, lang: 'zh', readerTimeZone: 'Mars/Olympus_Mons' })
		const en = meetingTimes({ start, end: start, lang: 'en', readerTimeZone: null })
		expect(zh.reader.timeZone).toBe('Asia/Shanghai')
		expect(en.reader.timeZone).toBe('America/Los_Angeles')
	})

	test('a reader zone with Davis rules but another name matches Davis', () => {
		const start = hour('2026-07-01T16:00:00Z')
		const times = meetingTimes({ start, end: plusMinutes(start, 60), lang: 'en', readerTimeZone: 'America/Vancouver' })
		expect(times.readerMatchesCity).toBe('davis')
	})

	test('refuses a meeting that ends before it starts', () => {
		const start = hour('2026-07-01T16:00:00Z')
		expect(() => meetingTimes({ start, end: plusMinutes(start, -1), lang: 'en' })).toThrow(RangeError)
		expect(() => outsideWorkingHours({ start, end: plusMinutes(start, -1) })).toThrow(RangeError)
	})
})

describe('working hours', () => {
	test('Davis morning is Beijing late night (summer): Beijing is warned', () => {
		// 07:00–08:00 PDT = 22:00–23:00 Beijing.
		const start = hour('2026-07-01T14:00:00Z')
		expect(outsideWorkingHours({ start, end: plusMinutes(start, 60) })).toEqual(['beijing'])
	})

	test('Davis 17:00 = Beijing 08:00 (summer): nobody is warned', () => {
		const start = hour('2026-07-02T00:00:00Z')
		expect(outsideWorkingHours({ start, end: plusMinutes(start, 60) })).toEqual([])
	})

	test('a meeting ending exactly at 22:00 is inside; one minute more is not', () => {
		// 21:00–22:00 Beijing = 06:00–07:00 PDT: outside for Davis by its start.
		const start = hour('2026-07-01T13:00:00Z')
		expect(outsideWorkingHours({ start, end: plusMinutes(start, 60) })).toEqual(['davis'])
		expect(outsideWorkingHours({ start, end: plusMinutes(start, 61) })).toEqual(['davis', 'beijing'])
	})

	test('the same UTC hour is fine in winter and not in summer (DST)', () => {
		// 15:00 UTC: 07:00 PST / 23:00 Beijing in winter; 08:00 PDT / 23:00 Beijing in summer.
		const winter = hour('2026-11-02T15:00:00Z')
		expect(outsideWorkingHours({ start: winter, end: plusMinutes(winter, 30) })).toEqual(['beijing'])
		// 14:00 UTC is 06:00 PST (outside) but 07:00 PDT (inside) in Davis.
		const winterEarly = hour('2026-11-02T14:00:00Z')
		const summerEarly = hour('2026-10-26T14:00:00Z')
		expect(outsideWorkingHours({ start: winterEarly, end: plusMinutes(winterEarly, 30) })).toContain('davis')
		expect(outsideWorkingHours({ start: summerEarly, end: plusMinutes(summerEarly, 30) })).not.toContain('davis')
	})

	test('a meeting over midnight is outside', () => {
		const start = hour('2026-03-09T15:30:00Z') // 23:30 Beijing
		expect(outsideWorkingHours({ start, end: plusMinutes(start, 60) })).toContain('beijing')
	})

	test('a meeting longer than the working day is outside everywhere', () => {
		const start = hour('2026-07-01T14:00:00Z')
		expect(outsideWorkingHours({ start, end: plusMinutes(start, 24 * 60) })).toEqual(['davis', 'beijing'])
	})
})
