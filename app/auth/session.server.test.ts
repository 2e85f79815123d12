import { createHash, randomBytes } from 'node:crypto'
import { afterAll, describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import {
	closeSessionStore,
	createSession,
	invalidateUserSessions,
	SESSION_ABSOLUTE_TTL_MS,
	SESSION_COOKIE_NAME,
	SESSION_IDLE_TTL_MS,
	validateRequestSession,
} from './session.server.ts'

afterAll(async () => {
	await closeSessionStore()
})

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

async function createUser({ role = 'researcher' }: { role?: string } = {}) {
	const id = `user-${randomBytes(6).toString('hex')}`
	const email = `${id}@example.org`
	await sql`
		insert into users (id, email, name, role, password_hash, lang, time_zone)
		values (${id}, ${email}, 'Session Tester', ${role}, 'not-a-real-hash', 'zh', 'Asia/Shanghai')
	`
	return { id, email }
}

function tokenFrom(setCookie: string): string {
	const [pair] = setCookie.split('; ')
	const prefix = `${SESSION_COOKIE_NAME}=`
	expect(pair!.startsWith(prefix)).toBe(true)
	return decodeURIComponent(pair!.slice(prefix.length))
}

function requestWith(token: string, otherCookies = 'theme=dark') {
	return new Request('http://localhost/en/account', {
		headers: { Cookie: `${otherCookies}; ${SESSION_COOKIE_NAME}=${encodeURIComponent(token)}` },
	})
}

async function startSession(userId: string) {
	const { setCookie, sessionId } = await createSession({ userId, ip: '203.0.113.7', userAgent: 'vitest' })
	return { setCookie, sessionId, token: tokenFrom(setCookie) }
}

async function sessionRow(id: string) {
	const [row] = await sql<{ expiresAt: Date; absoluteExpiresAt: Date; userId: string }[]>`
		select expires_at, absolute_expires_at, user_id from sessions where id = ${id}
	`
	return row ?? null
}

describe('createSession', () => {
	test('the cookie carries a random token; the database stores only its SHA-256', async () => {
		const user = await createUser()
		const before = Date.now()
		const { setCookie, sessionId, token } = await startSession(user.id)

		expect(SESSION_COOKIE_NAME).toBe('zevlab_session')
		expect(setCookie).toMatch(/; HttpOnly/)
		expect(setCookie).toMatch(/; SameSite=Lax/)
		expect(setCookie).toMatch(/; Path=\//)
		expect(setCookie).toContain(`Max-Age=${SESSION_IDLE_TTL_MS / 1000}`)
		expect(token.length).toBeGreaterThanOrEqual(43)
		expect(sessionId).toBe(sha256(token))

		const row = await sessionRow(sha256(token))
		expect(row?.userId).toBe(user.id)
		expect(row!.expiresAt.getTime()).toBeGreaterThanOrEqual(before + SESSION_IDLE_TTL_MS - 1_000)
		expect(row!.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + SESSION_IDLE_TTL_MS + 1_000)
		expect(row!.absoluteExpiresAt.getTime()).toBeGreaterThanOrEqual(before + SESSION_ABSOLUTE_TTL_MS - 1_000)
		expect(row!.absoluteExpiresAt.getTime()).toBeLessThanOrEqual(Date.now() + SESSION_ABSOLUTE_TTL_MS + 1_000)

		const leaked = await sql`select id from sessions s where strpos(s::text, ${token}) > 0`
		expect(leaked).toHaveLength(0)
	})

	test('two sessions get different tokens', async () => {
		const user = await createUser()
		const a = await startSession(user.id)
		const b = await startSession(user.id)
		expect(a.token).not.toBe(b.token)
		expect(a.sessionId).not.toBe(b.sessionId)
	})
})

describe('validateRequestSession', () => {
	test('accepts the cookie’s token and returns the user and the session', async () => {
		const user = await createUser({ role: 'official' })
		const { token, sessionId } = await startSession(user.id)
		const result = await validateRequestSession(requestWith(token))
		expect(result?.user).toEqual({
			id: user.id,
			email: user.email,
			name: 'Session Tester',
			role: 'official',
			lang: 'zh',
			timeZone: 'Asia/Shanghai',
		})
		expect(result?.session.id).toBe(sessionId)
		expect(result?.session.ip).toBe('203.0.113.7')
		expect(result?.session.userAgent).toBe('vitest')
	})

	test('returns null without a cookie, with another cookie name, or with an unknown token', async () => {
		const user = await createUser()
		const { token } = await startSession(user.id)
		expect(await validateRequestSession(new Request('http://localhost/'))).toBeNull()
		expect(
			await validateRequestSession(new Request('http://localhost/', { headers: { Cookie: `other_session=${token}` } })),
		).toBeNull()
		expect(await validateRequestSession(requestWith(randomBytes(32).toString('base64url')))).toBeNull()
		// The session id (the hash) is not a token: presenting it does not sign anyone in.
		expect(await validateRequestSession(requestWith(sha256(token)))).toBeNull()
	})

	test('a fresh session is not renewed: no Set-Cookie, expires_at unchanged', async () => {
		const user = await createUser()
		const { token, sessionId } = await startSession(user.id)
		const before = await sessionRow(sessionId)
		const result = await validateRequestSession(requestWith(token))
		expect(result).not.toBeNull()
		expect(result!.setCookie).toBeNull()
		expect((await sessionRow(sessionId))!.expiresAt.getTime()).toBe(before!.expiresAt.getTime())
	})

	test('a session idle for more than half its lifetime slides forward and renews the cookie', async () => {
		const user = await createUser()
		const { token, sessionId } = await startSession(user.id)
		await sql`
			update sessions set expires_at = now() + ${`${SESSION_IDLE_TTL_MS / 2 - 60_000} milliseconds`}::interval
			where id = ${sessionId}
		`
		const result = await validateRequestSession(requestWith(token))
		expect(result).not.toBeNull()
		expect(result!.setCookie).not.toBeNull()
		expect(tokenFrom(result!.setCookie!)).toBe(token)
		expect(result!.setCookie).toContain(`Max-Age=${SESSION_IDLE_TTL_MS / 1000}`)
		const after = await sessionRow(sessionId)
		expect(Math.abs(after!.expiresAt.getTime() - (Date.now() + SESSION_IDLE_TTL_MS))).toBeLessThan(5_000)
		expect(result!.session.expiresAt.getTime()).toBe(after!.expiresAt.getTime())
	})

	test('a session past its idle expiry is refused and deleted', async () => {
		const user = await createUser()
		const { token, sessionId } = await startSession(user.id)
		await sql`update sessions set expires_at = now() - interval '1 minute' where id = ${sessionId}`
		expect(await validateRequestSession(requestWith(token))).toBeNull()
		expect(await sessionRow(sessionId)).toBeNull()
	})

	test('a session past its absolute expiry is refused and deleted, even when recently used', async () => {
		const user = await createUser()
		const { token, sessionId } = await startSession(user.id)
		await sql`
			update sessions set absolute_expires_at = now() - interval '1 second', expires_at = now() + interval '7 hours'
			where id = ${sessionId}
		`
		expect(await validateRequestSession(requestWith(token))).toBeNull()
		expect(await sessionRow(sessionId)).toBeNull()
	})

	test('the absolute expiry holds even when the session would otherwise slide', async () => {
		const user = await createUser()
		const { token, sessionId } = await startSession(user.id)
		await sql`
			update sessions set absolute_expires_at = now() - interval '1 second', expires_at = now() + interval '1 hour'
			where id = ${sessionId}
		`
		expect(await validateRequestSession(requestWith(token))).toBeNull()
		expect(await sessionRow(sessionId)).toBeNull()
	})

	test('a deactivated user’s session is refused and removed', async () => {
		const user = await createUser({ role: 'admin' })
		const { token, sessionId } = await startSession(user.id)
		expect(await validateRequestSession(requestWith(token))).not.toBeNull()
		await sql`update users set deactivated_at = now() where id = ${user.id}`
		expect(await validateRequestSession(requestWith(token))).toBeNull()
		expect(await sessionRow(sessionId)).toBeNull()
	})
})

describe('invalidateUserSessions', () => {
	test('with exceptSessionId, ends every session of the user but that one', async () => {
		const user = await createUser()
		const other = await createUser()
		const a = await startSession(user.id)
		const kept = await startSession(user.id)
		const c = await startSession(user.id)
		const bystander = await startSession(other.id)

		await invalidateUserSessions(user.id, { exceptSessionId: kept.sessionId })

		const remaining = await sql<{ id: string }[]>`select id from sessions where user_id = ${user.id}`
		expect(remaining.map((r) => r.id)).toEqual([kept.sessionId])
		expect(await validateRequestSession(requestWith(a.token))).toBeNull()
		expect(await validateRequestSession(requestWith(c.token))).toBeNull()
		expect((await validateRequestSession(requestWith(kept.token)))?.user.id).toBe(user.id)
		expect((await validateRequestSession(requestWith(bystander.token)))?.user.id).toBe(other.id)
	})

	test('without exceptSessionId, ends all of the user’s sessions and nobody else’s', async () => {
		const user = await createUser()
		const other = await createUser()
		await startSession(user.id)
		await startSession(user.id)
		const bystander = await startSession(other.id)

		await invalidateUserSessions(user.id)

		const [mine] = await sql<{ count: number }[]>`select count(*)::int as count from sessions where user_id = ${user.id}`
		expect(mine!.count).toBe(0)
		expect(await sessionRow(bystander.sessionId)).not.toBeNull()
	})
})
