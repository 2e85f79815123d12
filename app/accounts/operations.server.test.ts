/**
 * Every account operation, against a real database: what it changes when it
 * succeeds, and that it is one transaction. For the latter, a temporary
 * trigger makes the audit insert (the operation's last write) fail; the
 * operation must reject and leave users, sessions, tokens, invitations,
 * the outbox, the throttle and the audit log exactly as they were, and send
 * no email.
 */
import { randomBytes } from 'node:crypto'
import { hash } from '@node-rs/argon2'
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { sql } from '#db/client.server.ts'
import type { RequestClient } from '#app/auth/auth.server.ts'
import { ARGON2_PARAMS, hashPassword, verifyPassword } from '#app/auth/password.server.ts'
import type { Role } from '#app/auth/permissions.ts'
import { closeSessionStore, SESSION_COOKIE_NAME, validateRequestSession } from '#app/auth/session.server.ts'
import { insertSession } from '#app/auth/sessions.queries.server.ts'
import { isKnownAddress, RESET_ACCOUNT } from '#app/auth/throttle.queries.server.ts'
import { hashToken } from '#app/auth/tokens.server.ts'
import { createInvitation, getPendingInvitation } from './invitations.queries.server.ts'
import { createPasswordReset, getPasswordResetUser } from './password-resets.queries.server.ts'
import { createUser, lockActiveCredentials, setPasswordHash } from './users.queries.server.ts'
import {
	acceptInvitation,
	changePassword,
	changeRole,
	deactivateUser,
	invite,
	NotPermittedError,
	reactivateUser,
	requestPasswordReset,
	requestPasswordResetInBackground,
	resetPassword,
	signIn,
	signOut,
	signOutEverywhere,
	signOutOtherSessions,
	updateProfile,
} from './operations.server.ts'

const PASSWORD = 'a long and private passphrase'
const NEW_PASSWORD = 'another long passphrase'
const IP = '203.0.113.9'
const ORIGIN = 'https://portal.test'

/** The log transport prints each email it "sends": a spy sees what was delivered. */
const log = vi.spyOn(console, 'log').mockImplementation(() => {})
beforeEach(() => log.mockClear())

let passwordHash: string
beforeAll(async () => {
	passwordHash = await hashPassword(PASSWORD)
	await sql`
		create function fail_audit_for_test() returns trigger language plpgsql as $$
		begin raise exception 'audit is down (test)'; end $$
	`
})
afterAll(async () => {
	await sql`drop function fail_audit_for_test()`
	await closeSessionStore()
})

/** Runs `work` while every audit insert fails. */
async function whileAuditFails<T>(work: () => Promise<T>): Promise<T> {
	await sql`create trigger audit_down before insert on audit_events for each row execute function fail_audit_for_test()`
	try {
		return await work()
	} finally {
		await sql`drop trigger audit_down on audit_events`
	}
}

/** Every row an account operation could touch, in full. */
async function snapshot() {
	return {
		users: await sql`
			select id, email, name, role, password_hash, lang, time_zone, deactivated_at, updated_at from users order by id
		`,
		sessions: await sql`select id, user_id, expires_at, absolute_expires_at, ip, user_agent from sessions order by id`,
		passwordResets: await sql`select token_hash, user_id, expires_at, used_at from password_resets order by token_hash`,
		invitations: await sql`select id, token_hash, email, role, accepted_at from invitations order by id`,
		outbox: await sql`select id, to_email, subject, body_text, kind, sent_at, transport, error from email_outbox order by id`,
		// Throttle buckets are left out: an attempt takes its tokens before the
		// password is checked, in a transaction of its own (app/auth/throttle.queries.server.ts).
		knownAddresses: await sql`select email, address, last_seen_at from sign_in_known_addresses order by email, address`,
		audit: await sql`select id, event, actor_id, subject_user_id, email from audit_events order by id`,
	}
}

/** Runs the operation with the audit insert failing: it must reject, and change nothing at all. */
async function expectAllOrNothing(operation: () => Promise<unknown>) {
	const before = await snapshot()
	await expect(whileAuditFails(operation)).rejects.toThrow(/audit is down/)
	expect(await snapshot()).toEqual(before)
	expect(log).not.toHaveBeenCalled()
}

const unique = () => randomBytes(5).toString('hex')

async function makeUser({ role = 'researcher', hashOf }: { role?: Role; hashOf?: string } = {}) {
	const email = `member-${unique()}@example.org`
	const id = await createUser({ email, name: 'Mei Member', role, passwordHash: hashOf ?? passwordHash, lang: 'zh', timeZone: 'Asia/Shanghai' })
	return { id, email, role }
}

async function makeSession(userId: string) {
	return insertSession({ userId, ip: '198.51.100.1', userAgent: 'old browser' })
}

function client(session: { id: string; userId: string } | null = null): RequestClient {
	return { ip: IP, userAgent: 'vitest', session }
}

/** The session a Set-Cookie value names, as lucia validates it. */
async function sessionOf(setCookie: string) {
	const token = decodeURIComponent(setCookie.split(';')[0]!.slice(`${SESSION_COOKIE_NAME}=`.length))
	return validateRequestSession(new Request('http://localhost/', { headers: { Cookie: `${SESSION_COOKIE_NAME}=${token}` } }))
}

async function sessionIds(userId: string) {
	return (await sql<{ id: string }[]>`select id from sessions where user_id = ${userId} order by id`).map((s) => s.id)
}

async function auditOf(userOrEmail: string) {
	return sql<{ event: string; actorId: string | null; subjectUserId: string | null; email: string | null; ip: string | null; details: unknown }[]>`
		select event, actor_id, subject_user_id, email, ip, details from audit_events
		where subject_user_id = ${userOrEmail} or actor_id = ${userOrEmail} or email = ${userOrEmail}
		order by id
	`
}

async function userRow(id: string) {
	const [row] = await sql<{ role: Role; passwordHash: string; deactivatedAt: Date | null; name: string; lang: string; timeZone: string }[]>`
		select role, password_hash, deactivated_at, name, lang, time_zone from users where id = ${id}
	`
	return row!
}

describe('signIn', () => {
	test('starts a session lucia accepts, ends the browser’s old one, clears its own failures, knows the address, and audits', async () => {
		const user = await makeUser()
		const old = await makeSession(user.id)
		expect((await signIn({ email: user.email, password: 'wrong', client: client() })).ok).toBe(false)

		const result = await signIn({ email: user.email, password: PASSWORD, client: client({ id: old.sessionId, userId: user.id }) })
		expect(result).toEqual({ ok: true, userId: user.id, setCookie: expect.any(String), lang: 'zh' })
		const session = await sessionOf(result.ok ? result.setCookie : '')
		expect(session?.user.id).toBe(user.id)
		expect(session?.session).toMatchObject({ ip: IP, userAgent: 'vitest' })
		expect(await sessionIds(user.id)).toEqual([session!.session.id])
		expect(await sql`select 1 from throttle_buckets where key = ${`sign-in:pair:${IP} ${user.email}`}`).toHaveLength(0)
		expect(await isKnownAddress({ email: user.email, ip: IP })).toBe(true)
		expect(await auditOf(user.id)).toEqual([
			expect.objectContaining({ event: 'sign_in_failed' }),
			{ event: 'sign_in', actorId: user.id, subjectUserId: user.id, email: user.email, ip: IP, details: {} },
		])
	})

	test('ten wrong passwords from elsewhere do not stop the owner where they signed in before; a reset lets them in anywhere', async () => {
		const user = await makeUser()
		const home = '203.0.113.50'
		expect((await signIn({ email: user.email, password: PASSWORD, client: { ...client(), ip: home } })).ok).toBe(true)
		for (let i = 0; i < 12; i++) await signIn({ email: user.email, password: `wrong ${i}`, client: { ...client(), ip: `192.0.2.${i + 1}` } })
		// The owner at home: in at once, with the right password.
		expect((await signIn({ email: user.email, password: PASSWORD, client: { ...client(), ip: home } })).ok).toBe(true)
		// At a new address the account is slowed (a minute and a half), never locked for a quarter hour.
		const elsewhere = await signIn({ email: user.email, password: PASSWORD, client: { ...client(), ip: '198.51.100.77' } })
		expect(elsewhere).toMatchObject({ ok: false, reason: 'locked' })
		expect(!elsewhere.ok && elsewhere.reason === 'locked' && elsewhere.retryAt.getTime() - Date.now()).toBeLessThanOrEqual(91_000)
		// A reset clears the account's throttle and knows the address it came from.
		await requestPasswordReset({ email: user.email, origin: ORIGIN, ip: '198.51.100.77' })
		const [mail] = await sql<{ bodyText: string }[]>`select body_text from email_outbox where to_email = ${user.email} order by id desc limit 1`
		const token = /reset-password\/([\w-]+)/.exec(mail!.bodyText)?.[1] ?? ''
		expect(await resetPassword({ token, password: 'a brand new passphrase', ip: '198.51.100.77' })).toEqual({ ok: true })
		expect((await signIn({ email: user.email, password: 'a brand new passphrase', client: { ...client(), ip: '198.51.100.77' } })).ok).toBe(true)
	})

	test('upgrades a hash made with weaker parameters', async () => {
		const user = await makeUser({ hashOf: await hash(PASSWORD, { ...ARGON2_PARAMS, memoryCost: 8_192 }) })
		expect((await signIn({ email: user.email, password: PASSWORD, client: client() })).ok).toBe(true)
		const { passwordHash: upgraded } = await userRow(user.id)
		expect(upgraded).toContain(`m=${ARGON2_PARAMS.memoryCost},`)
		expect(await verifyPassword(upgraded, PASSWORD)).toBe(true)
	})

	test('is one transaction: no session, old session kept, hash unchanged, address not remembered when the audit fails', async () => {
		const user = await makeUser({ hashOf: await hash(PASSWORD, { ...ARGON2_PARAMS, memoryCost: 8_192 }) })
		const old = await makeSession(user.id)
		await expectAllOrNothing(() => signIn({ email: user.email, password: PASSWORD, client: client({ id: old.sessionId, userId: user.id }) }))
	})

	test('a wrong password takes from the throttle of the pair, the account and the address, and audits', async () => {
		const user = await makeUser()
		expect(await signIn({ email: user.email, password: 'wrong', client: client() })).toEqual({ ok: false, reason: 'invalid' })
		const keys = await sql<{ key: string }[]>`
			select key from throttle_buckets where key in (${`sign-in:pair:${IP} ${user.email}`}, ${`sign-in:account:${user.email}`}, ${`sign-in:address:${IP}`})
		`
		expect(keys).toHaveLength(3)
		expect(await auditOf(user.id)).toEqual([expect.objectContaining({ event: 'sign_in_failed', subjectUserId: user.id, email: user.email })])
		expect(await sessionIds(user.id)).toEqual([])
	})

	test('a failed attempt whose audit fails writes nothing else', async () => {
		const user = await makeUser()
		await expectAllOrNothing(() => signIn({ email: user.email, password: 'wrong', client: client() }))
	})

	test('refused attempts write one audit row per quarter hour, not one each', async () => {
		const email = `nobody-${unique()}@example.org`
		const ip = '203.0.113.99'
		for (let i = 0; i < 25; i++) await signIn({ email, password: 'x', client: { ...client(), ip } })
		const events = (await auditOf(email)).map((row) => row.event)
		expect(events.filter((e) => e === 'sign_in_failed')).toHaveLength(10)
		expect(events.filter((e) => e === 'sign_in_locked')).toHaveLength(1)
	})

	test('the transaction goes on only with the hash the password was checked against, on an active account', async () => {
		const user = await makeUser()
		const check = (hashChecked: string) => sql.begin((tx) => lockActiveCredentials({ userId: user.id, passwordHash: hashChecked }, tx))
		expect(await check(passwordHash)).toBe(true)
		expect(await check('a hash replaced meanwhile')).toBe(false)
		await sql`update users set deactivated_at = now() where id = ${user.id}`
		expect(await check(passwordHash)).toBe(false)
	})

	test('a deactivated account is refused like a wrong password', async () => {
		const user = await makeUser()
		await sql`update users set deactivated_at = now() where id = ${user.id}`
		expect(await signIn({ email: user.email, password: PASSWORD, client: client() })).toEqual({ ok: false, reason: 'invalid' })
		expect(await sessionIds(user.id)).toEqual([])
	})
})

describe('signOut and ending sessions', () => {
	test('signOut ends the request’s session, audits, and blanks the cookie', async () => {
		const user = await makeUser()
		const current = await makeSession(user.id)
		const other = await makeSession(user.id)
		const { setCookie } = await signOut({ client: client({ id: current.sessionId, userId: user.id }) })
		expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE_NAME}=;`))
		expect(setCookie).toContain('Max-Age=0')
		expect(await sessionIds(user.id)).toEqual([other.sessionId])
		expect(await auditOf(user.id)).toEqual([expect.objectContaining({ event: 'sign_out', actorId: user.id, ip: IP })])
	})

	test('signOut without a session only blanks the cookie', async () => {
		const before = await snapshot()
		expect((await signOut({ client: client() })).setCookie).toContain('Max-Age=0')
		expect(await snapshot()).toEqual(before)
	})

	test('signOut is one transaction', async () => {
		const user = await makeUser()
		const current = await makeSession(user.id)
		await expectAllOrNothing(() => signOut({ client: client({ id: current.sessionId, userId: user.id }) }))
	})

	test('signOutOtherSessions keeps only the current session; signOutEverywhere none', async () => {
		const user = await makeUser()
		const bystander = await makeUser()
		const current = await makeSession(user.id)
		await makeSession(user.id)
		const theirs = await makeSession(bystander.id)
		const member = { userId: user.id, sessionId: current.sessionId }

		await signOutOtherSessions({ member, ip: IP })
		expect(await sessionIds(user.id)).toEqual([current.sessionId])
		const { setCookie } = await signOutEverywhere({ member, ip: IP })
		expect(setCookie).toContain('Max-Age=0')
		expect(await sessionIds(user.id)).toEqual([])
		expect(await sessionIds(bystander.id)).toEqual([theirs.sessionId])
		expect((await auditOf(user.id)).map((a) => [a.event, a.details])).toEqual([
			['sessions_revoked', { scope: 'others' }],
			['sessions_revoked', { scope: 'all' }],
		])
	})

	test('signOutOtherSessions and signOutEverywhere are one transaction each', async () => {
		const user = await makeUser()
		const current = await makeSession(user.id)
		await makeSession(user.id)
		const member = { userId: user.id, sessionId: current.sessionId }
		await expectAllOrNothing(() => signOutOtherSessions({ member, ip: IP }))
		await expectAllOrNothing(() => signOutEverywhere({ member, ip: IP }))
	})
})

describe('changePassword', () => {
	test('sets the new password, ends the other sessions (not this one), and audits', async () => {
		const user = await makeUser()
		const current = await makeSession(user.id)
		await makeSession(user.id)
		const member = { userId: user.id, sessionId: current.sessionId }
		expect(await changePassword({ member, currentPassword: PASSWORD, newPassword: NEW_PASSWORD, ip: IP })).toEqual({ ok: true })
		expect(await verifyPassword((await userRow(user.id)).passwordHash, NEW_PASSWORD)).toBe(true)
		expect(await sessionIds(user.id)).toEqual([current.sessionId])
		expect(await auditOf(user.id)).toEqual([expect.objectContaining({ event: 'password_changed', actorId: user.id })])
	})

	test('a wrong current password or a common new one changes nothing', async () => {
		const user = await makeUser()
		const member = { userId: user.id, sessionId: (await makeSession(user.id)).sessionId }
		await makeSession(user.id)
		const before = await snapshot()
		expect(await changePassword({ member, currentPassword: 'wrong', newPassword: NEW_PASSWORD, ip: IP })).toEqual({
			ok: false,
			reason: 'current-wrong',
		})
		expect(await changePassword({ member, currentPassword: PASSWORD, newPassword: 'password', ip: IP })).toEqual({
			ok: false,
			reason: 'common',
		})
		expect(await snapshot()).toEqual(before)
	})

	test('is one transaction', async () => {
		const user = await makeUser()
		const member = { userId: user.id, sessionId: (await makeSession(user.id)).sessionId }
		await makeSession(user.id)
		await expectAllOrNothing(() => changePassword({ member, currentPassword: PASSWORD, newPassword: NEW_PASSWORD, ip: IP }))
	})

	test('setPasswordHash with `replacing` does not overwrite a password changed meanwhile', async () => {
		const user = await makeUser()
		expect(await setPasswordHash({ userId: user.id, passwordHash: 'newer', replacing: 'not-the-current-hash' })).toBe(false)
		expect((await userRow(user.id)).passwordHash).toBe(passwordHash)
		expect(await setPasswordHash({ userId: user.id, passwordHash: 'newer', replacing: passwordHash })).toBe(true)
		expect((await userRow(user.id)).passwordHash).toBe('newer')
	})
})

describe('password reset', () => {
	async function resetRows(userId: string) {
		return sql<{ tokenHash: string; usedAt: Date | null }[]>`
			select token_hash, used_at from password_resets where user_id = ${userId} order by created_at
		`
	}
	async function outboxTo(email: string) {
		return sql<{ kind: string; subject: string; bodyText: string; sentAt: Date | null; transport: string | null }[]>`
			select kind, subject, body_text, sent_at, transport from email_outbox where to_email = ${email} order by id
		`
	}

	test('requestPasswordReset stores a token, emails its link in the member’s language, and audits', async () => {
		const user = await makeUser()
		await requestPasswordReset({ email: user.email, origin: ORIGIN, ip: IP })
		const [reset] = await resetRows(user.id)
		const [mail] = await outboxTo(user.email)
		expect(mail).toMatchObject({ kind: 'password_reset', transport: 'log', sentAt: expect.any(Date) })
		const token = new RegExp(`${ORIGIN}/zh/reset-password/([\\w-]+)`).exec(mail!.bodyText)?.[1]
		expect(token && hashToken(token)).toBe(reset!.tokenHash)
		expect(await getPasswordResetUser(token!)).toEqual({ userId: user.id, email: user.email })
		expect(log).toHaveBeenCalledTimes(1)
		expect(await auditOf(user.id)).toEqual([expect.objectContaining({ event: 'password_reset_requested', subjectUserId: user.id, ip: IP })])
	})

	test('for an address without an active account, only the audit event', async () => {
		const email = `nobody-${unique()}@example.org`
		await requestPasswordReset({ email, origin: ORIGIN, ip: IP })
		expect(await outboxTo(email)).toEqual([])
		expect(await auditOf(email)).toEqual([expect.objectContaining({ event: 'password_reset_requested', subjectUserId: null, details: { account: false } })])
	})

	test('requestPasswordReset is one transaction: no token, no outbox row, no email', async () => {
		const user = await makeUser()
		await expectAllOrNothing(() => requestPasswordReset({ email: user.email, origin: ORIGIN, ip: IP }))
	})

	test('requestPasswordResetInBackground returns at once and does the same work afterwards', async () => {
		const user = await makeUser()
		expect(requestPasswordResetInBackground({ email: user.email, origin: ORIGIN, ip: IP })).toBeUndefined()
		// Until delivered, so that nothing of it is still running when the next test starts.
		await vi.waitFor(async () => expect(await outboxTo(user.email)).toEqual([expect.objectContaining({ sentAt: expect.any(Date) })]), {
			timeout: 10_000,
			interval: 50,
		})
	})

	test('a new link replaces the old one: at most one live link per account', async () => {
		const user = await makeUser()
		const first = await createPasswordReset(user.id)
		const second = await createPasswordReset(user.id)
		expect(await getPasswordResetUser(first)).toBeNull()
		expect(await getPasswordResetUser(second)).toEqual({ userId: user.id, email: user.email })
		expect((await resetRows(user.id)).filter((r) => r.usedAt === null)).toHaveLength(1)
	})

	test('twenty requests at once: a few emails (the account’s throttle), one live link', async () => {
		const user = await makeUser()
		await Promise.all(Array.from({ length: 20 }, (_, i) => requestPasswordReset({ email: user.email, origin: ORIGIN, ip: `192.0.2.${i + 1}` })))
		expect((await outboxTo(user.email)).length).toBe(RESET_ACCOUNT.capacity)
		expect((await resetRows(user.id)).filter((r) => r.usedAt === null)).toHaveLength(1)
		// The visitor's answer never changes (the route answers before this runs): nothing is enumerated.
	})

	test('resetPassword sets the password, uses up the link, ends every session, and audits', async () => {
		const user = await makeUser()
		const token = await createPasswordReset(user.id)
		await makeSession(user.id)
		expect(await resetPassword({ token, password: NEW_PASSWORD, ip: IP })).toEqual({ ok: true })
		expect(await verifyPassword((await userRow(user.id)).passwordHash, NEW_PASSWORD)).toBe(true)
		expect((await resetRows(user.id)).map((r) => r.usedAt)).toEqual([expect.any(Date)])
		expect(await sessionIds(user.id)).toEqual([])
		expect(await auditOf(user.id)).toEqual([expect.objectContaining({ event: 'password_reset', subjectUserId: user.id, email: user.email })])
		expect(await resetPassword({ token, password: NEW_PASSWORD, ip: IP })).toEqual({ ok: false, reason: 'invalid' })
	})

	test('a common password is refused before the link is looked at; an unknown link is invalid', async () => {
		const user = await makeUser()
		const token = await createPasswordReset(user.id)
		const before = await snapshot()
		expect(await resetPassword({ token, password: 'password', ip: IP })).toEqual({ ok: false, reason: 'common' })
		expect(await resetPassword({ token: 'not-a-token', password: NEW_PASSWORD, ip: IP })).toEqual({ ok: false, reason: 'invalid' })
		expect(await snapshot()).toEqual(before)
	})

	test('resetPassword is one transaction: the link still works, password and sessions unchanged', async () => {
		const user = await makeUser()
		const token = await createPasswordReset(user.id)
		await makeSession(user.id)
		await expectAllOrNothing(() => resetPassword({ token, password: NEW_PASSWORD, ip: IP }))
		expect(await getPasswordResetUser(token)).toEqual({ userId: user.id, email: user.email })
	})
})

describe('invitations', () => {
	async function admin() {
		const { id } = await makeUser({ role: 'admin' })
		return { id, role: 'admin' as const }
	}

	test('invite stores the invitation, emails its link, and audits', async () => {
		const actor = await admin()
		const email = `invitee-${unique()}@example.org`
		expect(await invite({ actor, email, name: 'Ivy', role: 'editor', lang: 'en', origin: ORIGIN, ip: IP })).toEqual({ ok: true })
		const [mail] = await sql<{ bodyText: string; sentAt: Date | null }[]>`
			select body_text, sent_at from email_outbox where to_email = ${email} and kind = 'invitation'
		`
		expect(mail?.sentAt).toBeInstanceOf(Date)
		const token = new RegExp(`${ORIGIN}/en/invitations/([\\w-]+)`).exec(mail!.bodyText)?.[1]
		expect(await getPendingInvitation(token!)).toMatchObject({ email, name: 'Ivy', role: 'editor', lang: 'en' })
		expect(await auditOf(email)).toEqual([
			expect.objectContaining({ event: 'invitation_created', actorId: actor.id, details: { role: 'editor', lang: 'en' } }),
		])
	})

	test('an address with an active account is not invited', async () => {
		const actor = await admin()
		const member = await makeUser()
		const before = await snapshot()
		expect(await invite({ actor, email: member.email, name: '', role: 'editor', lang: 'en', origin: ORIGIN, ip: IP })).toEqual({
			ok: false,
			reason: 'exists',
		})
		expect(await snapshot()).toEqual(before)
	})

	test('invite is one transaction: no invitation, no outbox row, no email', async () => {
		const actor = await admin()
		const email = `invitee-${unique()}@example.org`
		await expectAllOrNothing(() => invite({ actor, email, name: '', role: 'official', lang: 'zh', origin: ORIGIN, ip: IP }))
	})

	test('only an admin may invite', async () => {
		const { id } = await makeUser({ role: 'editor' })
		const before = await snapshot()
		await expect(
			invite({ actor: { id, role: 'editor' }, email: `x-${unique()}@example.org`, name: '', role: 'admin', lang: 'en', origin: ORIGIN, ip: IP }),
		).rejects.toBeInstanceOf(NotPermittedError)
		expect(await snapshot()).toEqual(before)
	})

	async function pending(role: Role = 'researcher') {
		const actor = await admin()
		const email = `invitee-${unique()}@example.org`
		const { token, id } = await createInvitation({ email, name: 'Ivy', role, lang: 'zh', invitedBy: actor.id })
		return { token, id, email }
	}

	test('acceptInvitation creates the account, signs it in (ending the browser’s old session), and audits', async () => {
		const { token, email } = await pending('editor')
		const someoneElse = await makeUser()
		const old = await makeSession(someoneElse.id)
		const result = await acceptInvitation({ token, name: 'Ivy Invited', password: PASSWORD, client: client({ id: old.sessionId, userId: someoneElse.id }) })
		expect(result).toEqual({ ok: true, userId: expect.any(String), setCookie: expect.any(String) })
		if (!result.ok) return
		const session = await sessionOf(result.setCookie)
		expect(session?.user).toMatchObject({ id: result.userId, email, name: 'Ivy Invited', role: 'editor', lang: 'zh' })
		expect(await sessionIds(someoneElse.id)).toEqual([])
		expect(await getPendingInvitation(token)).toBeNull()
		expect(await auditOf(result.userId)).toEqual([
			expect.objectContaining({ event: 'invitation_accepted', actorId: result.userId, email, ip: IP }),
		])
	})

	test('acceptInvitation refuses a common password, an unknown link, and an email that has an account', async () => {
		const { token, email } = await pending()
		expect(await acceptInvitation({ token, name: 'Ivy', password: 'password', client: client() })).toEqual({ ok: false, reason: 'common' })
		expect(await acceptInvitation({ token: 'nope', name: 'Ivy', password: PASSWORD, client: client() })).toEqual({ ok: false, reason: 'invalid' })
		await createUser({ email, name: 'Already Here', role: 'official', passwordHash, lang: 'en', timeZone: 'UTC' })
		const before = await snapshot()
		expect(await acceptInvitation({ token, name: 'Ivy', password: PASSWORD, client: client() })).toEqual({ ok: false, reason: 'email-taken' })
		expect(await snapshot()).toEqual(before)
	})

	test('acceptInvitation is one transaction: no account, no session, the link still works, the old session stays', async () => {
		const { token } = await pending()
		const someoneElse = await makeUser()
		const old = await makeSession(someoneElse.id)
		await expectAllOrNothing(() =>
			acceptInvitation({ token, name: 'Ivy', password: PASSWORD, client: client({ id: old.sessionId, userId: someoneElse.id }) }),
		)
		expect(await getPendingInvitation(token)).not.toBeNull()
	})
})

describe('an admin’s changes to a member', () => {
	async function setup() {
		const { id } = await makeUser({ role: 'admin' })
		const member = await makeUser({ role: 'researcher' })
		await makeSession(member.id)
		await makeSession(member.id)
		return { actor: { id, role: 'admin' as const }, member }
	}

	test('changeRole changes the role, ends the member’s sessions, and audits from → to', async () => {
		const { actor, member } = await setup()
		expect(await changeRole({ actor, userId: member.id, role: 'editor', ip: IP })).toEqual({ email: member.email, name: 'Mei Member' })
		expect((await userRow(member.id)).role).toBe('editor')
		expect(await sessionIds(member.id)).toEqual([])
		expect(await auditOf(member.id)).toEqual([
			expect.objectContaining({ event: 'role_changed', actorId: actor.id, details: { from: 'researcher', to: 'editor' } }),
		])
		expect(await changeRole({ actor, userId: 'no-such-user', role: 'editor', ip: IP })).toBeNull()
	})

	test('changeRole is one transaction', async () => {
		const { actor, member } = await setup()
		await expectAllOrNothing(() => changeRole({ actor, userId: member.id, role: 'admin', ip: IP }))
	})

	test('nobody changes their own role or deactivates themself, not even through the operation', async () => {
		const { actor } = await setup()
		const before = await snapshot()
		await expect(changeRole({ actor, userId: actor.id, role: 'official', ip: IP })).rejects.toBeInstanceOf(NotPermittedError)
		await expect(deactivateUser({ actor, userId: actor.id, ip: IP })).rejects.toBeInstanceOf(NotPermittedError)
		expect(await snapshot()).toEqual(before)
	})

	test('deactivateUser locks the member out and ends their sessions; reactivateUser lets them back', async () => {
		const { actor, member } = await setup()
		expect(await deactivateUser({ actor, userId: member.id, ip: IP })).toEqual({ email: member.email, name: 'Mei Member' })
		expect((await userRow(member.id)).deactivatedAt).toBeInstanceOf(Date)
		expect(await sessionIds(member.id)).toEqual([])
		expect(await reactivateUser({ actor, userId: member.id, ip: IP })).toEqual({ email: member.email, name: 'Mei Member' })
		expect((await userRow(member.id)).deactivatedAt).toBeNull()
		expect((await auditOf(member.id)).map((a) => [a.event, a.actorId])).toEqual([
			['user_deactivated', actor.id],
			['user_reactivated', actor.id],
		])
	})

	test('deactivateUser and reactivateUser are one transaction each', async () => {
		const { actor, member } = await setup()
		await expectAllOrNothing(() => deactivateUser({ actor, userId: member.id, ip: IP }))
		await sql`update users set deactivated_at = now() where id = ${member.id}`
		await expectAllOrNothing(() => reactivateUser({ actor, userId: member.id, ip: IP }))
	})
})

describe('operations at the same time', () => {
	test('sign-ins, a role change, a password change and ending sessions on one account all complete (no deadlock)', async () => {
		const user = await makeUser()
		const { id: adminId } = await makeUser({ role: 'admin' })
		const someoneElse = await makeUser()
		const member = { userId: user.id, sessionId: (await makeSession(user.id)).sessionId }
		const planted = await makeSession(someoneElse.id)
		const results = await Promise.all([
			...Array.from({ length: 3 }, () => signIn({ email: user.email, password: PASSWORD, client: client() })),
			signIn({ email: user.email, password: PASSWORD, client: client({ id: planted.sessionId, userId: someoneElse.id }) }),
			changeRole({ actor: { id: adminId, role: 'admin' }, userId: user.id, role: 'editor', ip: IP }),
			changeRole({ actor: { id: adminId, role: 'admin' }, userId: someoneElse.id, role: 'official', ip: IP }),
			changePassword({ member, currentPassword: PASSWORD, newPassword: NEW_PASSWORD, ip: IP }),
			signOutOtherSessions({ member, ip: IP }),
		])
		const events = (await auditOf(user.id)).map((a) => a.event)
		expect(events.filter((e) => e === 'role_changed')).toHaveLength(1)
		// Each sign-in either happened (with its event) or, having raced the password change, was refused as invalid.
		const signedIn = results.slice(0, 4).filter((r) => (r as { ok: boolean }).ok).length
		expect(events.filter((e) => e === 'sign_in')).toHaveLength(signedIn)
		expect((await userRow(user.id)).role).toBe('editor')
	})
})

describe('updateProfile', () => {
	test('sets name, language and time zone, and audits', async () => {
		const user = await makeUser()
		await updateProfile({ member: { userId: user.id }, name: 'Mei Renamed', lang: 'en', timeZone: 'Europe/Berlin', ip: IP })
		expect(await userRow(user.id)).toMatchObject({ name: 'Mei Renamed', lang: 'en', timeZone: 'Europe/Berlin' })
		expect(await auditOf(user.id)).toEqual([expect.objectContaining({ event: 'profile_updated', actorId: user.id, ip: IP })])
	})

	test('is one transaction', async () => {
		const user = await makeUser()
		await expectAllOrNothing(() => updateProfile({ member: { userId: user.id }, name: 'Nope', lang: 'en', timeZone: 'UTC', ip: IP }))
	})
})
