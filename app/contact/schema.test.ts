import { parseWithZod } from '@conform-to/zod'
import { describe, expect, test } from 'vitest'
import { contactSchema } from './schema.ts'

function parse(fields: Record<string, string>) {
	const form = new FormData()
	for (const [name, value] of Object.entries(fields)) form.set(name, value)
	return parseWithZod(form, { schema: contactSchema })
}

function errorsOf(fields: Record<string, string>) {
	const submission = parse(fields)
	return submission.status === 'error' ? submission.error : null
}

describe('the contact form', () => {
	test('an empty subject is fine; name, email and message are needed, with their own messages', () => {
		const ok = parse({ name: ' Ada ', email: 'ADA@example.org', subject: '', message: 'Hello' })
		expect(ok.status).toBe('success')
		expect(ok.status === 'success' && ok.value).toMatchObject({ name: 'Ada', email: 'ada@example.org', subject: '', message: 'Hello', website: '' })
		expect(errorsOf({ name: '', email: '', subject: '', message: '' })).toMatchObject({
			name: ['contact:errors.name-required'],
			email: ['validation:email.required'],
			message: ['contact:errors.message-required'],
		})
	})

	test('too long, or with a NUL, is refused (never a 500 from the database)', () => {
		expect(errorsOf({ name: 'A', email: 'a@example.org', message: 'x'.repeat(5001) })?.message).toEqual(['contact:errors.message-too-long'])
		expect(errorsOf({ name: 'A\u0000', email: 'a@example.org', message: 'Hi' })?.name).toEqual(['validation:text.control'])
	})
})
