import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { loginSchema } from '#app/accounts/schemas.ts'
import { newsPostSchema, TITLE_MAX } from '#app/news/schema.ts'
import { text } from './fields.ts'
import { fieldNames, parseForm } from './submission.ts'

function form(entries: [string, string][]): FormData {
	const data = new FormData()
	for (const [name, value] of entries) data.append(name, value)
	return data
}

describe('parseForm', () => {
	test('a refused sign-in echoes its own fields only, however many others were sent', () => {
		const extra = Array.from({ length: 200_000 }, (_, i): [string, string] => [`f${i}`, 'x'.repeat(20)])
		const submission = parseForm(form([['email', 'not an email'], ['password', 'secret'], ...extra]), { schema: loginSchema })
		expect(submission.status).toBe('error')
		const reply = submission.reply({ hideFields: ['password'] })
		expect(reply.initialValue).toEqual({ email: 'not an email' })
		expect(reply.fields).toEqual(['email', 'password'])
		expect(JSON.stringify(reply).length).toBeLessThan(1_000)
	})

	test('each echoed field is cut to its own maximum', () => {
		const submission = parseForm(form([['email', `${'a'.repeat(10_000_000)}@x.example`], ['redirectTo', '/'.repeat(100_000)]]), {
			schema: loginSchema,
		})
		const reply = submission.reply()
		const echoed = reply.initialValue as Record<string, string>
		expect(echoed.email).toHaveLength(254)
		expect(echoed.redirectTo!.length).toBeLessThanOrEqual(2_000)
	})

	test('nested and list fields: known ones kept within their limits, typed text within them kept exactly', () => {
		const entries: [string, string][] = [
			['intent', 'save'],
			['en.title', 'T'.repeat(TITLE_MAX + 500)],
			['en.body', 'Body kept as typed\n\n  with spaces'],
			['en.extra', 'dropped'],
			['zh.title', '标题'],
			['injected', 'dropped'],
			...Array.from({ length: 5_000 }, (): [string, string] => ['tags', 'policy']),
		]
		const reply = parseForm(form(entries), { schema: newsPostSchema }).reply({ formErrors: ['newsroom:errors.conflict'] })
		const value = reply.initialValue as { en: Record<string, string>; zh: Record<string, string>; tags: string[]; injected?: string }
		expect(value.en.title).toHaveLength(TITLE_MAX)
		expect(value.en.body).toBe('Body kept as typed\n\n  with spaces')
		expect(value.en.extra).toBeUndefined()
		expect(value.zh.title).toBe('标题')
		expect(value.injected).toBeUndefined()
		expect(value.tags.length).toBeLessThanOrEqual(100)
		expect(reply.error?.['']).toEqual(['newsroom:errors.conflict'])
	})

	test('arrays where a scalar is expected, and objects where text is, are not echoed', () => {
		const reply = parseForm(form([['email', 'a@b.example'], ['email', 'c@d.example'], ['password[0]', 'x']]), { schema: loginSchema }).reply()
		expect((reply.initialValue as Record<string, unknown>).email).toBeUndefined()
		expect((reply.initialValue as Record<string, unknown>).password).toBeUndefined()
	})

	test("Conform's own fields, broken or repeated, are a refusal like any other, never an exception", () => {
		for (const entries of [
			[['__state__', '{not json'], ['email', 'a@b.example']],
			[['__intent__', '{"type":'], ['email', 'a@b.example']],
			[['__intent__', 'a'], ['__intent__', 'b'], ['email', 'a@b.example']],
		] as [string, string][][]) {
			const submission = parseForm(form(entries), { schema: loginSchema })
			expect(submission.status, JSON.stringify(entries)).toBe('error')
			expect(() => submission.reply()).not.toThrow()
		}
	})

	test('a surrogate pair is never cut in half', () => {
		const schema = z.object({ name: text({ max: 3 }) })
		const reply = parseForm(form([['name', 'ab😀😀']]), { schema }).reply()
		expect((reply.initialValue as Record<string, string>).name).toBe('ab')
	})

	test('a form of several kinds (a union by intent) keeps the errors and values of its fields', () => {
		// As app/groups/schema.ts's membershipSchema: the operation's refusal names `userId`.
		const schema = z.discriminatedUnion('intent', [
			z.object({ intent: z.literal('add'), userId: text({ max: 64 }), role: z.enum(['lead', 'member']) }),
			z.object({ intent: z.literal('remove'), userId: text({ max: 64 }) }),
		])
		expect(fieldNames(schema).sort()).toEqual(['intent', 'role', 'userId'])
		const submission = parseForm(form([['intent', 'add'], ['userId', 'abc'], ['role', 'lead'], ['stray', 'x']]), { schema })
		expect(submission.status).toBe('success')
		const reply = submission.reply({ fieldErrors: { userId: ['groups:errors.last-lead'] } })
		expect(reply.error).toEqual({ userId: ['groups:errors.last-lead'] })
		expect(reply.initialValue).toEqual({ intent: 'add', userId: 'abc', role: 'lead' })
	})

	test('fieldNames lists nested fields as Conform names them', () => {
		expect(fieldNames(newsPostSchema)).toEqual(expect.arrayContaining(['intent', 'tags', 'en.title', 'zh.coverAlt', 'publishAt']))
		expect(fieldNames(loginSchema)).toEqual(['email', 'password', 'redirectTo'])
	})
})
