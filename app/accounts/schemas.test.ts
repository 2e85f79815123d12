import { parseWithZod } from '@conform-to/zod'
import { describe, expect, test } from 'vitest'
import type { z } from 'zod'
import { acceptInvitationSchema, changeRoleSchema, inviteSchema, loginSchema, profileSchema, setActiveSchema } from './schemas.ts'

function submit(schema: z.ZodTypeAny, fields: Record<string, string>) {
	const form = new FormData()
	for (const [name, value] of Object.entries(fields)) form.append(name, value)
	const submission = parseWithZod(form, { schema })
	return submission.status === 'success'
		? { status: submission.status, value: submission.value as Record<string, unknown>, error: undefined }
		: { status: submission.status, value: undefined, error: submission.error }
}

const password = { password: 'a long enough passphrase', confirmPassword: 'a long enough passphrase' }

describe('account schemas bound every field before SQL', () => {
	test('NUL in a name (profile, invitation, accepting one) is a field error', () => {
		expect(submit(profileSchema, { intent: 'profile', name: 'Ann\u0000', lang: 'en', timeZone: 'Asia/Shanghai' }).error?.name).toEqual([
			'validation:text.control',
		])
		expect(submit(inviteSchema, { intent: 'invite', email: 'a@b.example', name: '\u0000', role: 'editor', lang: 'en' }).error?.name).toEqual([
			'validation:text.control',
		])
		expect(submit(acceptInvitationSchema, { name: 'B\u0000b', ...password }).error?.name).toEqual(['validation:text.control'])
	})

	test('valid names are trimmed and kept', () => {
		const result = submit(profileSchema, { intent: 'profile', name: '  王小明 ', lang: 'zh', timeZone: 'Asia/Shanghai' })
		expect(result.status).toBe('success')
		expect(result.value?.name).toBe('王小明')
	})

	test('user ids, time zones and redirects are bounded', () => {
		expect(submit(changeRoleSchema, { intent: 'change-role', userId: 'abc\u0000', role: 'editor' }).status).toBe('error')
		expect(submit(setActiveSchema, { intent: 'deactivate', userId: 'x'.repeat(65) }).status).toBe('error')
		expect(submit(setActiveSchema, { intent: 'deactivate', userId: 'Zq3-_x9' }).status).toBe('success')
		expect(submit(profileSchema, { intent: 'profile', name: 'A', lang: 'en', timeZone: `Asia/${'x'.repeat(100)}` }).status).toBe('error')
		expect(submit(loginSchema, { email: 'a@b.example', password: 'x', redirectTo: '/en\u0000' }).status).toBe('error')
		expect(submit(loginSchema, { email: 'a@b.example', password: 'x' }).status).toBe('success')
	})
})
