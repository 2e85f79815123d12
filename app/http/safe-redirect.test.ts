import { describe, expect, test } from 'vitest'
import { safeRedirect } from './safe-redirect.ts'

const FALLBACK = '/en'

describe('safeRedirect', () => {
	test.each(['/en/account', '/zh/news?x=1#a', '/en/admin/users?tab=outbox'])('keeps the same-site path %j', (to) => {
		expect(safeRedirect(to, FALLBACK)).toBe(to)
	})

	test.each([
		['a protocol-relative URL', '//evil.example'],
		['a backslash that browsers read as a slash', '/\\evil.example'],
		['an absolute URL', 'https://evil.example'],
		['a javascript: URL', 'javascript:alert(1)'],
		['an encoded CR LF', '/%0d%0aevil'],
		['a leading space', ' /x'],
		['a tab that browsers strip', '/\t/evil.example'],
		['a dot segment that normalises into //host', '/..//evil.example'],
		['a single-dot segment that normalises into //host', '/.//evil.example'],
		['an empty string', ''],
		['a relative path', 'en/account'],
	])('refuses %s (%j) and returns the fallback', (_label, to) => {
		expect(safeRedirect(to, FALLBACK)).toBe(FALLBACK)
	})

	test('returns the fallback when there is no value at all', () => {
		expect(safeRedirect(null, FALLBACK)).toBe(FALLBACK)
		expect(safeRedirect(undefined, FALLBACK)).toBe(FALLBACK)
	})

	test('refuses a File form value', () => {
		expect(safeRedirect(new File(['x'], 'x.txt'), FALLBACK)).toBe(FALLBACK)
	})
})
