import { describe, expect, test } from 'vitest'
import { formatBytes, formatCompact, formatCompactRange, formatDate, formatNumber, formatPercent } from './format.ts'

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
