import { hash } from '@node-rs/argon2'
import { describe, expect, test } from 'vitest'
import { ARGON2_PARAMS, hashPassword, isCommonPassword, needsRehash, verifyPassword } from './password.server.ts'

describe('password hashing', () => {
	test('hashPassword makes an argon2id PHC string with m=19456, t=2, p=1 and a fresh salt', async () => {
		const first = await hashPassword('correct horse battery staple')
		expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/)
		expect(first).not.toContain('correct horse')
		expect(await hashPassword('correct horse battery staple')).not.toBe(first)
	})

	test('verifyPassword accepts the password and refuses any other', async () => {
		const passwordHash = await hashPassword('correct horse battery staple')
		expect(await verifyPassword(passwordHash, 'correct horse battery staple')).toBe(true)
		expect(await verifyPassword(passwordHash, 'Correct horse battery staple')).toBe(false)
		expect(await verifyPassword(passwordHash, '')).toBe(false)
	})

	test('verifyPassword answers false, not an exception, for a garbage hash', async () => {
		await expect(verifyPassword('not-a-hash', 'whatever')).resolves.toBe(false)
		await expect(verifyPassword('', 'whatever')).resolves.toBe(false)
		await expect(verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$broken', 'whatever')).resolves.toBe(false)
	})

	test('needsRehash is true for a hash made with weaker parameters, false for a current one', async () => {
		// 2 is Algorithm.Argon2id, a const enum that verbatimModuleSyntax cannot import.
		const weak = await hash('old password', { algorithm: 2 as never, memoryCost: 4096, timeCost: 1, parallelism: 1 })
		expect(weak).toMatch(/^\$argon2id\$v=19\$m=4096,t=1,p=1\$/)
		expect(needsRehash(weak)).toBe(true)
		// The weak hash still verifies, so sign-in can upgrade it.
		expect(await verifyPassword(weak, 'old password')).toBe(true)

		const fewerPasses = await hash('old password', { ...ARGON2_PARAMS, timeCost: 1 })
		expect(needsRehash(fewerPasses)).toBe(true)

		expect(needsRehash(await hashPassword('new password'))).toBe(false)
	})

	test('needsRehash is true for a hash of another algorithm', async () => {
		const argon2i = await hash('old password', { ...ARGON2_PARAMS, algorithm: 1 as never })
		expect(argon2i).toMatch(/^\$argon2i\$/)
		expect(needsRehash(argon2i)).toBe(true)
		expect(needsRehash('$2b$10$abcdefghijklmnopqrstuv')).toBe(true)
	})
})

describe('isCommonPassword', () => {
	test('knows common passwords, whatever their case', () => {
		expect(isCommonPassword('password')).toBe(true)
		expect(isCommonPassword('12345678')).toBe(true)
		expect(isCommonPassword('Password')).toBe(true)
		expect(isCommonPassword('PASSWORD')).toBe(true)
	})

	test('lets an uncommon password through', () => {
		expect(isCommonPassword('zevlab-demo-2026')).toBe(false)
	})
})
