import { describe, expect, test } from 'vitest'
import { dateTimeFormat, formatBytes, formatCompact, formatCompactRange, formatDate, formatDateTime as formatDateTimeIn, formatNumber, formatPercent, numberFormat } from './format.ts'

describe('formatting in the page language', () => {
	test('compact numbers use each language’s own units', () => {
		expect(formatCompact('en', 1_500_000)).toBe('1.5 million')
		expect(formatCompact('zh', 1_500_000)).toBe('150万')
		expect(formatCompactRange('en', 4_000_000, 5_000_000)).toBe('4–5 million')
		expect(formatCompactRange('zh', 4_000_000, 5_000_000)).toMatch(/^400万\s?[-–]\s?500万$/)
		expect(formatPercent('zh', 0.4)).toBe('40%')
	})

	test('dates are shown in the language’s time zone: Davis for English, Beijing for Chinese', () => {
		// 21:00 in Davis on 14 September is 12:00 on 15 September in Beijing.
		const date = new Date('2026-09-14T21:00:00-07:00')
		expect(formatDate('en', date)).toBe('September 14, 2026')
		expect(formatDate('zh', date)).toBe('2026年9月15日')
		expect(formatDate('en', date, { timeZone: 'Asia/Shanghai' })).toBe('September 15, 2026')
	})

	test('a date formatted again (remembered) reads the same, per language, style and zone', () => {
		const date = new Date('2026-11-23T17:05:00Z')
		// ICU versions differ in the space before AM (U+202F or U+0020).
		const formatDateTime = (...args: Parameters<typeof formatDateTimeIn>) => formatDateTimeIn(...args).replace(/\s/gu, ' ')
		for (let i = 0; i < 2; i++) {
			expect(formatDateTime('en', date)).toBe('Nov 23, 2026, 9:05 AM')
			expect(formatDateTime('zh', date)).toBe('2026年11月24日 01:05')
			expect(formatDateTime('en', date, { timeZone: 'Asia/Shanghai' })).toBe('Nov 24, 2026, 1:05 AM')
			expect(formatDate('en', date)).toBe('November 23, 2026')
		}
		// Another instant a minute later is not taken for the one remembered.
		expect(formatDateTime('en', new Date(date.getTime() + 60_000))).toBe('Nov 23, 2026, 9:06 AM')
		expect(() => formatDateTime('en', new Date(Number.NaN))).toThrow(RangeError)
	})

	test('a formatter is made once per locale and options, and an unknown zone still throws', () => {
		const options = { weekday: 'short', timeZone: 'Asia/Shanghai' } as const
		const weekday = dateTimeFormat('zh-CN', options)
		expect(dateTimeFormat('zh-CN', { ...options })).toBe(weekday)
		expect(weekday.format(new Date('2026-11-23T17:05:00Z'))).toBe('周二')
		expect(dateTimeFormat('en', options)).not.toBe(weekday)
		expect(dateTimeFormat('zh-CN', { ...options, timeZone: 'America/Los_Angeles' }).format(new Date('2026-11-23T17:05:00Z'))).toBe('周一')
		expect(numberFormat('en', { style: 'percent' })).toBe(numberFormat('en', { style: 'percent' }))
		expect(() => dateTimeFormat('en', { timeZone: 'Mars/Olympus_Mons' })).toThrow(RangeError)
	})

	test('file sizes in powers of 1024, at most one decimal; plain numbers grouped', () => {
		expect(formatBytes('en', 5 * 1024 * 1024)).toBe('5 MB')
		expect(formatBytes('zh', 5 * 1024 * 1024)).toBe('5 MB')
		expect(formatBytes('en', 2500)).toBe('2.4 kB')
		expect(formatBytes('en', 512)).toBe('512 B')
		expect(formatBytes('en', 1024 * 1024 - 1)).toBe('1 MB')
		expect(formatNumber('en', 12_000)).toBe('12,000')
		expect(formatNumber('zh', 12_000)).toBe('12,000')
	})
})
