/**
 * Accounts a form names (a member to add, attendees and attendance keys,
 * reviewers) are checked by `userId()` before anything reaches SQL: NUL or
 * any text in one was a 500 (PostgreSQL refuses NUL in a parameter), found by
 * the fuzz test (e2e/fuzz.spec.ts). Real ids are lucia's base64url text.
 */
import { describe, expect, test } from 'vitest'
import { parseWithZod } from '@conform-to/zod'
import { membershipSchema } from '#app/groups/schema.ts'
import { reviewSchema } from '#app/meetings/record-schema.ts'
import { attendanceSchema } from '#app/meetings/schema.ts'
import { isUserId, userId } from './fields.ts'

/** What tokens.server.ts makes: 20 base64url characters. */
const ID = '2TeYeQ7JcucUGJx8ciFV'
const OTHER = 'a-b_c9XyZ0123456789q'
const HOSTILE = ['7\u0000', 'a b', "x'--", 'é', 'x'.repeat(65), '']

const form = (pairs: [string, string][]) => {
	const data = new FormData()
	for (const [name, value] of pairs) data.append(name, value)
	return data
}

describe('account ids from forms', () => {
	test('userId() takes an account id and nothing else, with the form’s own message', () => {
		expect(userId().parse(ID)).toBe(ID)
		expect(isUserId(OTHER)).toBe(true)
		for (const value of HOSTILE) {
			expect(userId('groups:errors.user-unknown').safeParse(value).error?.issues[0]?.message, JSON.stringify(value)).toBe('groups:errors.user-unknown')
			expect(isUserId(value)).toBe(false)
		}
	})

	test('a group member to add, change or remove', () => {
		expect(parseWithZod(form([['intent', 'add'], ['userId', ID], ['role', 'member']]), { schema: membershipSchema }).status).toBe('success')
		for (const value of HOSTILE.filter(Boolean)) {
			const submission = parseWithZod(form([['intent', 'remove'], ['userId', value]]), { schema: membershipSchema })
			expect(submission.status, JSON.stringify(value)).toBe('error')
		}
	})

	test('attendance keys and record reviewers', () => {
		expect(attendanceSchema.safeParse({ version: '1', attendance: { [ID]: 'present' } }).success).toBe(true)
		expect(attendanceSchema.safeParse({ version: '1', attendance: { [`${ID}\u0000`]: 'present' } }).success).toBe(false)
		expect(reviewSchema.safeParse({ intent: 'request-review', version: '1', reviewers: [ID, OTHER] }).success).toBe(true)
		for (const value of HOSTILE.filter(Boolean)) {
			expect(reviewSchema.safeParse({ intent: 'request-review', version: '1', reviewers: [value] }).success, JSON.stringify(value)).toBe(false)
		}
	})
})
