/**
 * Signing in and out, and ending sessions: each operation one transaction
 * with its audit event. Session rows are written with the transaction
 * (session.server.ts); the cookie that names a new session is only good
 * once the transaction commits, and is returned only then.
 */
import type { Queryable } from '#db/sql.server.ts'
import type { Lang } from '#app/i18n/config.ts'
import type { RequestClient } from '#app/auth/auth.server.ts'
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from '#app/auth/password.server.ts'
import { blankSessionCookie, createSession, invalidateSession, invalidateUserSessions } from '#app/auth/session.server.ts'
import { signInSucceeded, startSignInAttempt } from '#app/auth/throttle.queries.server.ts'
import { recordAudit } from '#app/audit/audit.queries.server.ts'
import { transaction } from '#db/transaction.server.ts'
import { getUserCredentialsByEmail, lockActiveCredentials, setPasswordHash } from './users.queries.server.ts'

/** A signed-in member acting on their own account: the session they act from. */
export interface Member {
	userId: string
	sessionId: string
}

/**
 * Starts a session for the user within the operation's transaction, ending
 * the one the browser held: a new session at every sign-in, so a session
 * planted in a browser before sign-in is worth nothing. The Set-Cookie value.
 */
export async function startFreshSession({ userId, client }: { userId: string; client: RequestClient }, tx: Queryable): Promise<string> {
	if (client.session) await invalidateSession(client.session.id, tx)
	const { setCookie } = await createSession({ userId, ip: client.ip, userAgent: client.userAgent }, tx)
	return setCookie
}

export type SignInResult =
	| { ok: true; userId: string; setCookie: string; lang: Lang }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'locked'; retryAt: Date }

/**
 * Checks credentials with the same work whether the email exists or not,
 * throttled per account and address pair, per account and per address
 * (app/auth/throttle.queries.server.ts: slowed, never locked by others),
 * and starts a new session (ending the one the browser held). Password
 * hashing runs before the transaction, which stays short.
 */
export async function signIn({
	email,
	password,
	client,
}: {
	email: string
	password: string
	client: RequestClient
}): Promise<SignInResult> {
	// Taken before the password is checked: guesses sent in parallel all count.
	const attempt = await startSignInAttempt({ email, ip: client.ip })
	if (!attempt.ok) {
		await verifyAgainstDummy(password)
		// Refused traffic writes one audit row per throttled key per quarter hour, not one per request.
		if (attempt.logRefusal) await recordAudit({ event: 'sign_in_locked', email, ip: client.ip })
		return { ok: false, reason: 'locked', retryAt: attempt.retryAt }
	}
	const account = await getUserCredentialsByEmail(email)
	const valid = account
		? (await verifyPassword(account.passwordHash, password)) && !account.deactivatedAt
		: await verifyAgainstDummy(password)
	// The tokens taken stay taken: they are the failure's record.
	const fail = async () => {
		await recordAudit({ event: 'sign_in_failed', email, ip: client.ip, subjectUserId: account?.id ?? null })
		return { ok: false, reason: 'invalid' } as const
	}
	if (!account || !valid) return fail()

	const rehashed = needsRehash(account.passwordHash) ? await hashPassword(password) : null
	const setCookie = await transaction(async (tx) => {
		// The password was checked against this hash: if a reset or a
		// deactivation committed since, this sign-in must not outlive it.
		if (!(await lockActiveCredentials({ userId: account.id, passwordHash: account.passwordHash }, tx))) return null
		if (rehashed) await setPasswordHash({ userId: account.id, passwordHash: rehashed, replacing: account.passwordHash }, tx)
		await signInSucceeded({ email, ip: client.ip, taken: attempt.taken }, tx)
		const cookie = await startFreshSession({ userId: account.id, client }, tx)
		await recordAudit({ event: 'sign_in', actorId: account.id, subjectUserId: account.id, email, ip: client.ip }, tx)
		return cookie
	})
	if (!setCookie) return fail()
	return { ok: true, userId: account.id, setCookie, lang: account.lang }
}

/** Ends the request's session, if it has one; the cookie that makes the browser forget it. */
export async function signOut({ client }: { client: RequestClient }): Promise<{ setCookie: string }> {
	const { session } = client
	if (session) {
		await transaction(async (tx) => {
			await invalidateSession(session.id, tx)
			await recordAudit({ event: 'sign_out', actorId: session.userId, subjectUserId: session.userId, ip: client.ip }, tx)
		})
	}
	return { setCookie: blankSessionCookie() }
}

/** Ends every session of the member's but the one they act from. */
export async function signOutOtherSessions({ member, ip }: { member: Member; ip: string }): Promise<void> {
	await transaction(async (tx) => {
		await invalidateUserSessions(member.userId, { exceptSessionId: member.sessionId }, tx)
		await recordAudit(
			{ event: 'sessions_revoked', actorId: member.userId, subjectUserId: member.userId, ip, details: { scope: 'others' } },
			tx,
		)
	})
}

/** Ends every session of the member's, this one too; the cookie that makes the browser forget it. */
export async function signOutEverywhere({ member, ip }: { member: Member; ip: string }): Promise<{ setCookie: string }> {
	await transaction(async (tx) => {
		await invalidateUserSessions(member.userId, {}, tx)
		await recordAudit(
			{ event: 'sessions_revoked', actorId: member.userId, subjectUserId: member.userId, ip, details: { scope: 'all' } },
			tx,
		)
	})
	return { setCookie: blankSessionCookie() }
}
