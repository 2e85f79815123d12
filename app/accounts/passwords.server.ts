/**
 * Passwords: change one's own, ask for a reset link, reset with it. Each
 * operation is one transaction with its audit event; hashing (slow on
 * purpose) runs before it, and email delivery after it commits.
 */
import { hashPassword, isCommonPassword, verifyPassword } from '#app/auth/password.server.ts'
import { invalidateUserSessions } from '#app/auth/session.server.ts'
import { clearAccountThrottle, takeResetRequest } from '#app/auth/throttle.queries.server.ts'
import { recordAudit } from '#app/audit/audit.queries.server.ts'
import { deliverEmail, queueEmail } from '#app/email/outbox.server.ts'
import { passwordResetEmail } from '#app/email/templates.server.ts'
import { createPasswordReset, getPasswordResetUser, usePasswordReset } from './password-resets.queries.server.ts'
import type { Member } from './sign-in.server.ts'
import { transaction } from '#db/transaction.server.ts'
import { getActiveUserByEmail, getPasswordHash, setPasswordHash } from './users.queries.server.ts'

export type ChangePasswordResult = { ok: true } | { ok: false; reason: 'current-wrong' | 'common' }

/** A new password for the member; every other session of theirs ends (this one stays). */
export async function changePassword({
	member,
	currentPassword,
	newPassword,
	ip,
}: {
	member: Member
	currentPassword: string
	newPassword: string
	ip: string
}): Promise<ChangePasswordResult> {
	const currentHash = await getPasswordHash(member.userId)
	if (!currentHash || !(await verifyPassword(currentHash, currentPassword))) return { ok: false, reason: 'current-wrong' }
	if (isCommonPassword(newPassword)) return { ok: false, reason: 'common' }
	const passwordHash = await hashPassword(newPassword)
	return transaction(async (tx) => {
		// Only over the hash just checked: a password set meanwhile (a reset) is not overwritten.
		const changed = await setPasswordHash({ userId: member.userId, passwordHash, replacing: currentHash }, tx)
		if (!changed) return { ok: false, reason: 'current-wrong' } as const
		await invalidateUserSessions(member.userId, { exceptSessionId: member.sessionId }, tx)
		await recordAudit({ event: 'password_changed', actorId: member.userId, subjectUserId: member.userId, ip }, tx)
		return { ok: true } as const
	})
}

/**
 * For an active account with this email: a reset link, emailed in the
 * account's language; the account's earlier link stops working (one live
 * link per account). Throttled per account and per address
 * (app/auth/throttle.queries.server.ts): past the limit nothing is sent.
 * The visitor's answer is the same in every case (the caller runs this
 * after responding), so nothing here tells whether an account exists.
 * Resolves once the email has been handed to the sender.
 */
export async function requestPasswordReset({ email, origin, ip }: { email: string; origin: string; ip: string }): Promise<void> {
	const allowed = await takeResetRequest({ email, ip })
	if (!allowed.ok) {
		// One audit row per throttled key per quarter hour: refusals cannot fill the log.
		if (allowed.logRefusal) await recordAudit({ event: 'password_reset_requested', email, ip, details: { throttled: true } })
		return
	}
	const queued = await transaction(async (tx) => {
		const user = await getActiveUserByEmail(email, tx)
		if (!user) {
			await recordAudit({ event: 'password_reset_requested', email, ip, details: { account: false } }, tx)
			return null
		}
		const token = await createPasswordReset(user.id, tx)
		const message = await passwordResetEmail({ to: email, name: user.name, lang: user.lang, origin, token })
		const queued = await queueEmail({ kind: 'password_reset', ...message }, tx)
		await recordAudit({ event: 'password_reset_requested', subjectUserId: user.id, email, ip }, tx)
		return queued
	})
	if (queued) await deliverEmail(queued)
}

/** Reset requests being worked on at once in the background: a flood must not take the database's connections. */
const BACKGROUND_CONCURRENCY = 2
/** Requests waiting beyond this many are dropped (a flood; the throttle would refuse them anyway). */
const BACKGROUND_QUEUE_MAX = 1_000
const waiting: (() => Promise<void>)[] = []
let running = 0

function drain() {
	while (running < BACKGROUND_CONCURRENCY && waiting.length > 0) {
		const task = waiting.shift()!
		running += 1
		setImmediate(() => {
			task()
				.catch((error: unknown) => console.error(error))
				.finally(() => {
					running -= 1
					drain()
				})
		})
	}
}

/**
 * `requestPasswordReset` after the response has gone: the answer is the
 * same, and as quick, whether the address has an account or not, so the
 * work of making a token and an email cannot be timed. At most
 * BACKGROUND_CONCURRENCY run at once; the rest wait their turn.
 */
export function requestPasswordResetInBackground(request: { email: string; origin: string; ip: string }): void {
	if (waiting.length >= BACKGROUND_QUEUE_MAX) {
		console.warn('[zevlab] Password reset requests are arriving faster than they are handled: one was dropped')
		return
	}
	waiting.push(() => requestPasswordReset(request))
	drain()
}

export type ResetPasswordResult = { ok: true } | { ok: false; reason: 'invalid' | 'common' }

/**
 * A new password from an emailed link: the link (and the account's other
 * links) is used up and every session of the account ends. No automatic
 * sign-in afterwards (OWASP).
 */
export async function resetPassword({ token, password, ip }: { token: string; password: string; ip: string }): Promise<ResetPasswordResult> {
	if (isCommonPassword(password)) return { ok: false, reason: 'common' }
	// An unknown link costs no hashing; the transaction checks again.
	if (!(await getPasswordResetUser(token))) return { ok: false, reason: 'invalid' }
	const passwordHash = await hashPassword(password)
	return transaction(async (tx) => {
		const reset = await usePasswordReset(token, tx)
		if (!reset) return { ok: false, reason: 'invalid' } as const
		await setPasswordHash({ userId: reset.userId, passwordHash }, tx)
		await invalidateUserSessions(reset.userId, {}, tx)
		// The owner proved themself: no throttle of theirs survives, and this address is theirs.
		await clearAccountThrottle({ email: reset.email, ip }, tx)
		await recordAudit({ event: 'password_reset', subjectUserId: reset.userId, email: reset.email, ip }, tx)
		return { ok: true } as const
	})
}
