import { describe, expect, test } from 'vitest'
import { resolveVersionSlug, titleSlug } from './slugs.server.ts'

const version = (title: string, slug = '') => ({ title, slug, summary: '', body: 'x', seoDescription: '', coverAlt: '', upToDate: false })

describe('slugs of the two versions', () => {
	test('a Chinese title gives its own slug in pinyin, keeping Latin words and digits', () => {
		expect(titleSlug('研讨会议程')).toBe('yan-tao-hui-yi-cheng')
		expect(titleSlug('2026年 ZEV 研讨会')).toBe('2026-nian-zev-yan-tao-hui')
		expect(titleSlug('Workshop on trade')).toBe('workshop-on-trade')
	})

	test('the Chinese version is named after its own title, not the English one', () => {
		const form = { en: version('Workshop agenda'), zh: version('研讨会议程') }
		expect(resolveVersionSlug(form, 'zh')).toBe('yan-tao-hui-yi-cheng')
		expect(resolveVersionSlug(form, 'en')).toBe('workshop-agenda')
	})

	test('a typed slug wins; a title of nothing but punctuation falls back to the other version', () => {
		expect(resolveVersionSlug({ en: version('Agenda', 'my-agenda'), zh: version('议程') }, 'en')).toBe('my-agenda')
		expect(resolveVersionSlug({ en: version('Agenda'), zh: version('——') }, 'zh')).toBe('agenda')
		expect(resolveVersionSlug({ en: version(''), zh: version('……') }, 'zh')).toBe('')
	})

	test('a very long title stays within the slug limit', () => {
		const slug = titleSlug('中美零排放汽车政策实验室'.repeat(10))
		expect(slug.length).toBeLessThanOrEqual(120)
		expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
	})
})
