/**
 * Ids a form sends (a member to add, attendees, attendance keys, reviewers)
 * are checked by `id()` before anything reaches SQL: NUL or any text in
 * one was a 500 (PostgreSQL refuses NUL in a parameter), found by the fuzz
 * test (e2e/fuzz.spec.ts).
 */
import { describe, expect, test } from 'vitest'
import { parseWithZod } from '@conform-to/zod'
import { membershipSchema } from '#app/groups/schema.ts'
import { reviewSchema } from '#app/meetings/record-schema.ts'
import { attendanceSchema } from '#app/meetings/schema.ts'
import { id } from './fields.ts'

const HOSTILE = ['7\u0000', 'x', '-1', '1e3', '9'.repeat(19), '']

const form = (pairs: [string, string][]) => {
	const data = new FormData()
	for (const [name, value] of pairs) data.append(name, value)
	return data
}

describe('ids from forms', () => {
	test('id() takes the digits of a bigint id and nothing else, with the form’s own message', () => {
		expect(id().parse('42')).toBe('42')
		expect(id().parse('9'.repeat(18))).toBe('9'.repeat(18))
		for (const value of HOSTILE) expect(id('groups:errors.user-unknown').safeParse(value).error?.issues[0]?.message, JSON.stringify(value)).toBe('groups:errors.user-unknown')
	})

	test('a group member to add, change or remove', () => {
		expect(parseWithZod(form([['intent', 'add'], ['userId', '12'], ['role', 'member']]), { schema: membershipSchema }).status).toBe('success')
		for (const value of HOSTILE.filter(Boolean)) {
			const submission = parseWithZod(form([['intent', 'remove'], ['userId', value]]), { schema: membershipSchema })
			expect(submission.status, JSON.stringify(value)).toBe('error')
		}
	})

	test('attendance keys and record reviewers', () => {
		expect(attendanceSchema.safeParse({ version: '1', attendance: { '12': 'present' } }).success).toBe(true)
		expect(attendanceSchema.safeParse({ version: '1', attendance: { '12\u0000': 'present' } }).success).toBe(false)
		expect(reviewSchema.safeParse({ intent: 'request-review', version: '1', reviewers: ['12', '13'] }).success).toBe(true)
		for (const value of HOSTILE.filter(Boolean)) {
			expect(reviewSchema.safeParse({ intent: 'request-review', version: '1', reviewers: [value] }).success, JSON.stringify(value)).toBe(false)
		}
	})
})
