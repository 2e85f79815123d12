/**
 * Sign-in throttling, stored in Postgres so it holds across processes and
 * restarts: at most SIGN_IN_MAX_FAILURES_PER_ACCOUNT failures per email and
 * SIGN_IN_MAX_FAILURES_PER_IP per client address within SIGN_IN_WINDOW_MS.
 * Unknown emails are counted like real ones, so a lockout reveals nothing.
 */
import { sql } from '#db/client.server.ts'
import { inTransaction, type Queryable } from '#db/sql.server.ts'

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000
export const SIGN_IN_MAX_FAILURES_PER_ACCOUNT = 10
/** Higher than per account: an office or a campus shares one address. */
export const SIGN_IN_MAX_FAILURES_PER_IP = 30

function keys({ email, ip }: { email: string; ip: string | null }) {
	return [
		{ key: `account:${email.toLowerCase()}`, max: SIGN_IN_MAX_FAILURES_PER_ACCOUNT },
		...(ip ? [{ key: `ip:${ip}`, max: SIGN_IN_MAX_FAILURES_PER_IP }] : []),
	]
}

/** When sign-in is locked for this email or address, the time it unlocks. */
export async function getSignInLockout(attempt: { email: string; ip: string | null }): Promise<Date | null> {
	let retryAt: Date | null = null
	for (const { key, max } of keys(attempt)) {
		// The failure whose expiry brings the count back under the limit.
		const [row] = await sql<{ unlocksAt: Date }[]>`
			select failed_at + ${`${SIGN_IN_WINDOW_MS} milliseconds`}::interval as unlocks_at
			from sign_in_failures
			where key = ${key} and failed_at > now() - ${`${SIGN_IN_WINDOW_MS} milliseconds`}::interval
			order by failed_at desc
			offset ${max - 1}
			limit 1
		`
		if (row && (!retryAt || row.unlocksAt > retryAt)) retryAt = row.unlocksAt
	}
	return retryAt
}

export async function recordSignInFailure(attempt: { email: string; ip: string | null }, db: Queryable = sql): Promise<void> {
	await inTransaction(db, async (tx) => {
		for (const { key } of keys(attempt)) {
			await tx`insert into sign_in_failures (key) values (${key})`
		}
		await tx`delete from sign_in_failures where failed_at < now() - ${`${SIGN_IN_WINDOW_MS} milliseconds`}::interval`
	})
}

/** A successful sign-in forgives the account's failures (not the address's). */
export async function clearAccountFailures(email: string, db: Queryable = sql): Promise<void> {
	await db`delete from sign_in_failures where key = ${`account:${email.toLowerCase()}`}`
}
