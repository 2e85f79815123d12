import { describe, expect, test } from 'vitest'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { publicDate } from './dates.ts'

// 2026-11-20 03:00 UTC: evening of the 19th in Davis, morning of the 20th in Beijing.
const ACROSS_MIDNIGHT = new Date('2026-11-20T03:00:00Z')
// 2026-11-20 20:00 UTC: noon of the 20th in Davis, 04:00 of the 21st in Beijing.
const SAME_DAY = new Date('2026-11-20T18:00:00Z')

describe('publicDate', () => {
	test('an anonymous reader sees the same dates in both languages: Davis and Beijing when they differ', async () => {
		const [en, zh] = await Promise.all([getFixedT('en', 'news'), getFixedT('zh', 'news')])
		const english = publicDate({ t: en, lang: 'en', date: ACROSS_MIDNIGHT, timeZone: null })
		const chinese = publicDate({ t: zh, lang: 'zh', date: ACROSS_MIDNIGHT, timeZone: null })
		expect(english).toContain('November 19, 2026')
		expect(english).toContain('November 20, 2026')
		expect(english).toContain('Davis')
		expect(english).toContain('Beijing')
		expect(chinese).toContain('2026年11月19日')
		expect(chinese).toContain('2026年11月20日')
		expect(chinese).toContain('戴维斯')
		expect(chinese).toContain('北京')
	})

	test('one date, unlabelled, when both cities are on the same day', async () => {
		const en = await getFixedT('en', 'news')
		const agree = new Date('2026-11-20T15:30:00Z') // 07:30 on the 20th in Davis, 23:30 on the 20th in Beijing
		expect(publicDate({ t: en, lang: 'en', date: agree, timeZone: null })).toBe('November 20, 2026')
	})

	test('a signed-in reader sees their own zone only', async () => {
		const zh = await getFixedT('zh', 'news')
		expect(publicDate({ t: zh, lang: 'zh', date: SAME_DAY, timeZone: 'Europe/Berlin' })).toBe('2026年11月20日')
	})
})
