/** The first admin of a deployment: made once, by the app's createUser, only while no active admin exists. */
import { describe, expect, test } from 'vitest'
import { verifyPassword } from '#app/auth/password.server.ts'
import { sql } from '../client.server.ts'
import { ensureFirstAdmin } from './accounts.server.ts'

const PASSWORD = 'a long and private passphrase'

async function usersWithEmail(email: string) {
	return sql<{ name: string; role: string; passwordHash: string; lang: string; timeZone: string }[]>`
		select name, role, password_hash, lang, time_zone from users where email = ${email}
	`
}

describe('ensureFirstAdmin', () => {
	test('refuses a short or common password before touching the database', async () => {
		await expect(ensureFirstAdmin({ sql, email: 'weak@example.org', password: 'short' })).rejects.toThrow(/ADMIN_PASSWORD/)
		await expect(ensureFirstAdmin({ sql, email: 'weak@example.org', password: 'password' })).rejects.toThrow(/ADMIN_PASSWORD/)
		expect(await usersWithEmail('weak@example.org')).toEqual([])
	})

	test('an existing account with that email is left as it is, and no admin is made', async () => {
		await sql`update users set deactivated_at = now() where role = 'admin'`
		await sql`
			insert into users (id, email, name, role, password_hash, lang, time_zone)
			values ('taken-first-admin', 'taken@example.org', 'Already Here', 'official', 'not-a-real-hash', 'zh', 'Asia/Shanghai')
		`
		expect(await ensureFirstAdmin({ sql, email: 'Taken@Example.org', password: PASSWORD })).toBe(false)
		expect(await usersWithEmail('taken@example.org')).toEqual([
			{ name: 'Already Here', role: 'official', passwordHash: 'not-a-real-hash', lang: 'zh', timeZone: 'Asia/Shanghai' },
		])
	})

	test('without an active admin, creates one (email lower-cased, named after it); then never again', async () => {
		await sql`update users set deactivated_at = now() where role = 'admin'`
		expect(await ensureFirstAdmin({ sql, email: 'First.Admin@Example.org', password: PASSWORD })).toBe(true)
		const [admin] = await usersWithEmail('first.admin@example.org')
		expect(admin).toMatchObject({ name: 'First.Admin', role: 'admin', lang: 'en', timeZone: 'America/Los_Angeles' })
		expect(await verifyPassword(admin!.passwordHash, PASSWORD)).toBe(true)

		expect(await ensureFirstAdmin({ sql, email: 'second.admin@example.org', password: PASSWORD })).toBe(false)
		expect(await usersWithEmail('second.admin@example.org')).toEqual([])
	})
})
