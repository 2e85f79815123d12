import { describe, expect, test } from 'vitest'
import { parseWithZod } from '@conform-to/zod'
import { z } from 'zod'
import { boundedInt, idField, INT_MAX, isId, isSaneDate, requiredText, text } from './fields.ts'

const errors = (schema: z.ZodTypeAny, value: unknown) => {
	const result = schema.safeParse(value)
	return result.success ? [] : result.error.issues.map((issue) => issue.message)
}

describe('form fields', () => {
	test('text is trimmed, bounded and refuses NUL and other control characters', () => {
		const title = text({ max: 5 })
		expect(title.parse('  abc ')).toBe('abc')
		expect(title.parse(undefined)).toBe('')
		expect(errors(title, 'abcdef')).toEqual(['validation:text.tooLong'])
		expect(errors(title, 'a\u0000b')).toEqual(['validation:text.control'])
		expect(errors(title, 'a\u001bb')).toEqual(['validation:text.control'])
		expect(text({ max: 50, trim: false }).parse('  line\r\nnext\t \n\n')).toBe('  line\nnext')
		expect(errors(requiredText({ max: 5, required: 'validation:name.required' }), '   ')).toEqual(['validation:name.required'])
	})

	test('a form field left empty is empty text, not missing, through Conform as through zod', () => {
		const schema = z.object({ title: requiredText({ max: 5, required: 'validation:name.required' }), note: text({ max: 5 }) })
		const form = new FormData()
		form.set('title', 'abc')
		form.set('note', '')
		const submission = parseWithZod(form, { schema })
		expect(submission.status).toBe('success')
		expect(submission.status === 'success' && submission.value).toEqual({ title: 'abc', note: '' })
		form.set('title', '')
		form.set('note', 'toolong')
		expect(parseWithZod(form, { schema }).reply().error).toEqual({ title: ['validation:name.required'], note: ['validation:text.tooLong'] })
	})

	test('integers stay within the column', () => {
		expect(boundedInt({ min: 1 }).parse('42')).toBe(42)
		for (const bad of ['99999999999', '1e30', '-1', '1.5', 'x', String(INT_MAX + 1)]) {
			expect(errors(boundedInt({ min: 0 }), bad).length, bad).toBeGreaterThan(0)
		}
	})

	test('ids are up to 18 digits', () => {
		expect(isId('123')).toBe(true)
		expect(isId('99999999999999999999')).toBe(false)
		expect(isId('12a')).toBe(false)
		expect(errors(idField, '-1')).toEqual(['validation:invalid'])
	})

	test('dates stay within a sane window', () => {
		expect(isSaneDate(new Date('2026-11-28T00:00:00Z'))).toBe(true)
		expect(isSaneDate(new Date('0000-01-01T00:00:00Z'))).toBe(false)
		expect(isSaneDate(new Date('9999-12-31T23:59:00Z'))).toBe(false)
		expect(isSaneDate(new Date('not a date'))).toBe(false)
	})
})
