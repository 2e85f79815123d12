/** Invitations and password resets: single-use tokens, stored only as hashes. */
import { createHash, randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import { redeemInvitation, createInvitation, getPendingInvitation, INVITATION_TTL_MS } from './invitations.queries.server.ts'
import {
	consumePasswordReset,
	createPasswordReset,
	getPasswordResetUser,
	PASSWORD_RESET_TTL_MS,
} from './password-resets.queries.server.ts'

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')
const unique = (label: string) => `${label}-${randomBytes(4).toString('hex')}`

async function insertUser({ email, role = 'admin' }: { email?: string; role?: string } = {}) {
	const id = unique('user')
	const address = email ?? `${id}@example.org`
	await sql`
		insert into users (id, email, name, role, password_hash, lang, time_zone)
		values (${id}, ${address}, 'Existing Member', ${role}, 'not-a-real-hash', 'en', 'America/Los_Angeles')
	`
	return { id, email: address }
}

async function invite({ role = 'official', lang = 'zh' }: { role?: 'official' | 'editor' | 'researcher' | 'admin'; lang?: 'en' | 'zh' } = {}) {
	const admin = await insertUser()
	const email = `${unique('invitee')}@example.org`
	const { token, id } = await createInvitation({ email, name: 'Invited Person', role, lang, invitedBy: admin.id })
	return { token, id, email, admin }
}

async function invitationRow(id: string) {
	const [row] = await sql<{ tokenHash: string; acceptedAt: Date | null; invitedBy: string | null }[]>`
		select token_hash, accepted_at, invited_by from invitations where id = ${id}
	`
	return row ?? null
}

async function usersWithEmail(email: string) {
	return sql<{ id: string; name: string; role: string; lang: string; timeZone: string; passwordHash: string }[]>`
		select id, name, role, lang, time_zone, password_hash from users where email = ${email}
	`
}

describe('invitations', () => {
	test('createInvitation and getPendingInvitation round-trip; only the token’s hash is stored', async () => {
		const admin = await insertUser()
		const email = `${unique('Mixed.Case')}@Example.org`
		const before = Date.now()
		const { token, id } = await createInvitation({ email, name: 'Wang Fang', role: 'researcher', lang: 'zh', invitedBy: admin.id })

		const pending = await getPendingInvitation(token)
		expect(pending).toEqual({
			id,
			email: email.toLowerCase(),
			name: 'Wang Fang',
			role: 'researcher',
			lang: 'zh',
			expiresAt: expect.any(Date),
		})
		expect(pending!.expiresAt.getTime()).toBeGreaterThanOrEqual(before + INVITATION_TTL_MS - 1_000)
		expect(pending!.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + INVITATION_TTL_MS + 1_000)

		const row = await invitationRow(id)
		expect(row?.tokenHash).toBe(sha256(token))
		expect(row?.invitedBy).toBe(admin.id)
		const leaked = await sql`select id from invitations i where strpos(i::text, ${token}) > 0`
		expect(leaked).toHaveLength(0)

		expect(await getPendingInvitation(randomBytes(32).toString('base64url'))).toBeNull()
		expect(await getPendingInvitation(sha256(token))).toBeNull()
	})

	test('redeemInvitation creates the account with the invitation’s email, role and language, and uses it up', async () => {
		const { token, id, email } = await invite({ role: 'editor', lang: 'zh' })
		const result = await redeemInvitation({ token, name: 'Li Wei', passwordHash: 'hash-of-a-password' })
		expect(result).toEqual({ ok: true, userId: expect.any(String), email })

		const users = await usersWithEmail(email)
		expect(users).toEqual([
			{
				id: result.ok ? result.userId : 'unreachable',
				name: 'Li Wei',
				role: 'editor',
				lang: 'zh',
				timeZone: 'Asia/Shanghai',
				passwordHash: 'hash-of-a-password',
			},
		])
		expect((await invitationRow(id))?.acceptedAt).toBeInstanceOf(Date)
		expect(await getPendingInvitation(token)).toBeNull()
	})

	test('an invitation works once: the second acceptance is invalid and creates nothing', async () => {
		const { token, email } = await invite()
		expect((await redeemInvitation({ token, name: 'First', passwordHash: 'h1' })).ok).toBe(true)
		expect(await redeemInvitation({ token, name: 'Second', passwordHash: 'h2' })).toEqual({ ok: false, reason: 'invalid' })
		const users = await usersWithEmail(email)
		expect(users.map((u) => u.name)).toEqual(['First'])
	})

	test('two simultaneous acceptances create exactly one account', async () => {
		const { token, email } = await invite({ role: 'researcher' })
		const results = await Promise.all([
			redeemInvitation({ token, name: 'Tab One', passwordHash: 'h1' }),
			redeemInvitation({ token, name: 'Tab Two', passwordHash: 'h2' }),
		])
		expect(results.filter((r) => r.ok)).toHaveLength(1)
		expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'invalid' }])
		const users = await usersWithEmail(email)
		expect(users).toHaveLength(1)
		expect(users[0]!.role).toBe('researcher')
	})

	test('an expired invitation is invalid and creates nothing', async () => {
		const { token, id, email } = await invite()
		await sql`update invitations set expires_at = now() - interval '1 second' where id = ${id}`
		expect(await getPendingInvitation(token)).toBeNull()
		expect(await redeemInvitation({ token, name: 'Too Late', passwordHash: 'h' })).toEqual({ ok: false, reason: 'invalid' })
		expect(await usersWithEmail(email)).toHaveLength(0)
		expect((await invitationRow(id))?.acceptedAt).toBeNull()
	})

	test('an invitation for an email that already has an account reports email-taken and stays unused', async () => {
		const { token, id, email } = await invite({ role: 'admin' })
		const existing = await insertUser({ email, role: 'researcher' })

		expect(await redeemInvitation({ token, name: 'Intruder', passwordHash: 'h' })).toEqual({ ok: false, reason: 'email-taken' })
		expect((await invitationRow(id))?.acceptedAt).toBeNull()
		expect((await getPendingInvitation(token))?.id).toBe(id)
		const users = await usersWithEmail(email)
		expect(users).toEqual([expect.objectContaining({ id: existing.id, name: 'Existing Member', role: 'researcher' })])
	})
})

describe('password resets', () => {
	async function resetRow(token: string) {
		const [row] = await sql<{ userId: string; usedAt: Date | null; expiresAt: Date }[]>`
			select user_id, used_at, expires_at from password_resets where token_hash = ${sha256(token)}
		`
		return row ?? null
	}

	test('a reset token is stored as its hash, names its user, and works once', async () => {
		const user = await insertUser({ role: 'researcher' })
		const before = Date.now()
		const token = await createPasswordReset(user.id)

		const row = await resetRow(token)
		expect(row?.userId).toBe(user.id)
		expect(row!.expiresAt.getTime()).toBeGreaterThanOrEqual(before + PASSWORD_RESET_TTL_MS - 1_000)
		expect(row!.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + PASSWORD_RESET_TTL_MS + 1_000)
		const leaked = await sql`select token_hash from password_resets r where strpos(r::text, ${token}) > 0`
		expect(leaked).toHaveLength(0)

		expect(await getPasswordResetUser(token)).toEqual({ userId: user.id, email: user.email })
		expect(await consumePasswordReset(token)).toBe(true)
		expect((await resetRow(token))?.usedAt).toBeInstanceOf(Date)
		expect(await getPasswordResetUser(token)).toBeNull()
		expect(await consumePasswordReset(token)).toBe(false)
	})

	test('an unknown token is invalid', async () => {
		const unknown = randomBytes(32).toString('base64url')
		expect(await getPasswordResetUser(unknown)).toBeNull()
		expect(await consumePasswordReset(unknown)).toBe(false)
	})

	test('a new link replaces the account’s live one, and nobody else’s; using it ends it', async () => {
		const user = await insertUser({ role: 'official' })
		const other = await insertUser({ role: 'official' })
		const othersLink = await createPasswordReset(other.id)
		const first = await createPasswordReset(user.id)
		const second = await createPasswordReset(user.id)
		const third = await createPasswordReset(user.id)

		expect(await getPasswordResetUser(first)).toBeNull()
		expect(await getPasswordResetUser(second)).toBeNull()
		expect(await consumePasswordReset(second)).toBe(false)
		expect(await consumePasswordReset(third)).toBe(true)
		expect(await consumePasswordReset(third)).toBe(false)
		expect(await getPasswordResetUser(othersLink)).toEqual({ userId: other.id, email: other.email })
		expect(await consumePasswordReset(othersLink)).toBe(true)
	})

	test('an expired link is invalid', async () => {
		const user = await insertUser()
		const token = await createPasswordReset(user.id)
		await sql`update password_resets set expires_at = now() - interval '1 second' where token_hash = ${sha256(token)}`
		expect(await getPasswordResetUser(token)).toBeNull()
		expect(await consumePasswordReset(token)).toBe(false)
	})

	test('a deactivated member’s link is invalid', async () => {
		const user = await insertUser()
		const token = await createPasswordReset(user.id)
		expect(await getPasswordResetUser(token)).not.toBeNull()
		await sql`update users set deactivated_at = now() where id = ${user.id}`
		expect(await getPasswordResetUser(token)).toBeNull()
	})
})
