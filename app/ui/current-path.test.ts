/** The navigation's "this page" mark, decided as React Router's NavLink decides it. */
import { describe, expect, test } from 'vitest'
import { isCurrentPath } from './current-path.ts'

describe('isCurrentPath', () => {
	test('the path itself and every page beneath it', () => {
		expect(isCurrentPath('/en/news', '/en/news')).toBe(true)
		expect(isCurrentPath('/en/news/', '/en/news')).toBe(true)
		expect(isCurrentPath('/en/news/a-post', '/en/news')).toBe(true)
		expect(isCurrentPath('/en/newsroom', '/en/news')).toBe(false)
		expect(isCurrentPath('/en', '/en/news')).toBe(false)
		expect(isCurrentPath('/zh/news', '/en/news')).toBe(false)
	})

	test('`end`: only the exact path', () => {
		expect(isCurrentPath('/en', '/en', { end: true })).toBe(true)
		expect(isCurrentPath('/en/news', '/en', { end: true })).toBe(false)
		expect(isCurrentPath('/en/news', '/en')).toBe(true)
	})

	test('letter case aside, and a link written with a trailing slash', () => {
		expect(isCurrentPath('/EN/News', '/en/news')).toBe(true)
		expect(isCurrentPath('/en/admin/users', '/en/admin/')).toBe(true)
		expect(isCurrentPath('/en/administer', '/en/admin/')).toBe(false)
	})
})
