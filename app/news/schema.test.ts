import { parseWithZod } from '@conform-to/zod'
import { describe, expect, test } from 'vitest'
import { newsPostSchema, TAGS_MAX } from './schema.ts'

function submit(fields: Record<string, string | string[]>) {
	const form = new FormData()
	for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) form.append(name, item)
	const submission = parseWithZod(form, { schema: newsPostSchema })
	return { status: submission.status, error: submission.status === 'success' ? undefined : submission.error }
}

const written = { intent: 'save', 'en.title': 'A title', 'en.body': 'A body' }

describe('the news editor schema bounds every field before SQL', () => {
	test('a written post within every limit passes', () => {
		expect(submit({ ...written, version: '3', coverMediaId: '12', tags: ['policy', 'trucks'], publishAt: '2031-01-02T09:30' }).status).toBe('success')
	})

	test.each([
		['en.title', 'A\u0000title'],
		['en.body', 'A body\u0000'],
		['en.summary', 'sum\u0000mary'],
		['zh.title', '标题\u0000'],
		['en.seoDescription', '\u0000'],
		['en.coverAlt', '\u0000'],
		['en.slug', 'a\u0000b'],
	])('NUL in %s is a field error, not a database error', (field, value) => {
		const submission = submit({ ...written, [field]: value })
		expect(submission.status).toBe('error')
		// First the control character; a slug is also told it is not a slug.
		expect(submission.error?.[field]?.[0]).toBe('validation:text.control')
	})

	test.each([
		['version', '99999999999'],
		['version', '0'],
		['version', '-1'],
		['overwrite', '1e30'],
		['overwrite', '1.5'],
		['coverMediaId', '99999999999999999999'],
		['coverMediaId', '-1'],
		['workingGroup', 'not a slug\u0000'],
		['publishAt', '9999-12-31T23:59'],
		['publishAt', '0000-01-01T00:00'],
		['publishAt', 'tomorrow'],
	])('%s=%s is refused', (field, value) => {
		const submission = submit({ ...written, [field]: value })
		expect(submission.status).toBe('error')
		expect(submission.error?.[field]?.length, field).toBeGreaterThan(0)
	})

	test('tags: slugs only, and not more than a post needs', () => {
		expect(submit({ ...written, tags: Array.from({ length: TAGS_MAX + 1 }, (_, i) => `tag-${i}`) }).status).toBe('error')
		expect(submit({ ...written, tags: ['ok', 'Not A Slug'] }).status).toBe('error')
	})
})
