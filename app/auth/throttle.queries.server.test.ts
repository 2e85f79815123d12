import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import {
	clearAccountFailures,
	getSignInLockout,
	recordSignInFailure,
	SIGN_IN_MAX_FAILURES_PER_ACCOUNT,
	SIGN_IN_MAX_FAILURES_PER_IP,
	SIGN_IN_WINDOW_MS,
} from './throttle.queries.server.ts'

/** Each test its own email and address, so tests in this file never count each other's failures. */
function uniqueEmail(label: string) {
	return `${label}-${randomBytes(4).toString('hex')}@example.org`
}
function uniqueIp() {
	const b = randomBytes(3)
	return `10.${b[0]}.${b[1]}.${b[2]}`
}

async function fail(attempt: { email: string; ip: string | null }, times: number) {
	for (let i = 0; i < times; i++) await recordSignInFailure(attempt)
}

async function failureCount(key: string) {
	const [row] = await sql<{ count: number }[]>`select count(*)::int as count from sign_in_failures where key = ${key}`
	return row!.count
}

describe('sign-in throttling per account', () => {
	test('one failure short of the limit does not lock the account', async () => {
		const email = uniqueEmail('almost')
		await fail({ email, ip: null }, SIGN_IN_MAX_FAILURES_PER_ACCOUNT - 1)
		expect(await failureCount(`account:${email}`)).toBe(SIGN_IN_MAX_FAILURES_PER_ACCOUNT - 1)
		expect(await getSignInLockout({ email, ip: null })).toBeNull()
		expect(await getSignInLockout({ email, ip: uniqueIp() })).toBeNull()
	})

	test('at the limit the account locks until the Nth most recent failure leaves the window', async () => {
		const email = uniqueEmail('locked')
		const ip = uniqueIp()
		// More failures than the limit, spread over the window, one minute apart.
		await fail({ email, ip: null }, SIGN_IN_MAX_FAILURES_PER_ACCOUNT + 2)
		await sql`
			update sign_in_failures f set failed_at = now() - make_interval(mins => n.rank::int)
			from (select id, row_number() over (order by id desc) as rank from sign_in_failures where key = ${`account:${email}`}) n
			where f.id = n.id
		`
		const [nth] = await sql<{ failedAt: Date }[]>`
			select failed_at from sign_in_failures where key = ${`account:${email}`}
			order by failed_at desc offset ${SIGN_IN_MAX_FAILURES_PER_ACCOUNT - 1} limit 1
		`
		const lockout = await getSignInLockout({ email, ip })
		expect(lockout).toBeInstanceOf(Date)
		expect(lockout!.getTime()).toBe(nth!.failedAt.getTime() + SIGN_IN_WINDOW_MS)
		// The 10th most recent failure was 10 minutes ago: unlocked in window − 10 minutes.
		const expected = Date.now() + SIGN_IN_WINDOW_MS - SIGN_IN_MAX_FAILURES_PER_ACCOUNT * 60_000
		expect(Math.abs(lockout!.getTime() - expected)).toBeLessThan(5_000)
	})

	test('the lockout right after the Nth failure lasts about one window', async () => {
		const email = uniqueEmail('fresh-lock')
		const before = Date.now()
		await fail({ email, ip: null }, SIGN_IN_MAX_FAILURES_PER_ACCOUNT)
		const lockout = await getSignInLockout({ email, ip: null })
		expect(lockout).not.toBeNull()
		expect(lockout!.getTime()).toBeGreaterThanOrEqual(before + SIGN_IN_WINDOW_MS - 1_000)
		expect(lockout!.getTime()).toBeLessThanOrEqual(Date.now() + SIGN_IN_WINDOW_MS + 1_000)
	})

	test('failures older than the window no longer count', async () => {
		const email = uniqueEmail('old')
		await fail({ email, ip: null }, SIGN_IN_MAX_FAILURES_PER_ACCOUNT)
		expect(await getSignInLockout({ email, ip: null })).not.toBeNull()

		// The oldest failure leaves the window: one short of the limit again.
		await sql`
			update sign_in_failures set failed_at = now() - ${`${SIGN_IN_WINDOW_MS + 60_000} milliseconds`}::interval
			where id = (select min(id) from sign_in_failures where key = ${`account:${email}`})
		`
		expect(await getSignInLockout({ email, ip: null })).toBeNull()

		// All of them out of the window, and the next failure prunes them.
		await sql`
			update sign_in_failures set failed_at = now() - ${`${SIGN_IN_WINDOW_MS + 60_000} milliseconds`}::interval
			where key = ${`account:${email}`}
		`
		await recordSignInFailure({ email, ip: null })
		expect(await failureCount(`account:${email}`)).toBe(1)
		expect(await getSignInLockout({ email, ip: null })).toBeNull()
	})

	test('emails are counted case-insensitively', async () => {
		const email = uniqueEmail('mixed')
		const shouted = email.toUpperCase()
		await fail({ email: shouted, ip: null }, SIGN_IN_MAX_FAILURES_PER_ACCOUNT - 1)
		await recordSignInFailure({ email: `${email[0]!.toUpperCase()}${email.slice(1)}`, ip: null })
		expect(await failureCount(`account:${email}`)).toBe(SIGN_IN_MAX_FAILURES_PER_ACCOUNT)
		expect(await getSignInLockout({ email, ip: null })).not.toBeNull()
		expect(await getSignInLockout({ email: shouted, ip: null })).not.toBeNull()

		await clearAccountFailures(shouted)
		expect(await failureCount(`account:${email}`)).toBe(0)
		expect(await getSignInLockout({ email, ip: null })).toBeNull()
	})
})

describe('sign-in throttling per address', () => {
	test('enough failures from one address lock every email from it, and only from it', async () => {
		const ip = uniqueIp()
		// Spread over many emails so that no account reaches its own limit.
		const perEmail = SIGN_IN_MAX_FAILURES_PER_ACCOUNT - 1
		let recorded = 0
		while (recorded < SIGN_IN_MAX_FAILURES_PER_IP - 1) {
			const email = uniqueEmail('spray')
			const times = Math.min(perEmail, SIGN_IN_MAX_FAILURES_PER_IP - 1 - recorded)
			await fail({ email, ip }, times)
			recorded += times
		}
		const newcomer = uniqueEmail('newcomer')
		expect(await getSignInLockout({ email: newcomer, ip })).toBeNull()

		await recordSignInFailure({ email: uniqueEmail('spray'), ip })
		expect(await failureCount(`ip:${ip}`)).toBe(SIGN_IN_MAX_FAILURES_PER_IP)
		const lockout = await getSignInLockout({ email: newcomer, ip })
		expect(lockout).not.toBeNull()
		expect(lockout!.getTime()).toBeGreaterThan(Date.now() + SIGN_IN_WINDOW_MS - 60_000)
		// The same email from another address is fine: the account itself has no failures.
		expect(await getSignInLockout({ email: newcomer, ip: uniqueIp() })).toBeNull()
		expect(await getSignInLockout({ email: newcomer, ip: null })).toBeNull()
	})

	test('clearAccountFailures forgives the account, not the address', async () => {
		const email = uniqueEmail('forgiven')
		const ip = uniqueIp()
		await fail({ email, ip }, SIGN_IN_MAX_FAILURES_PER_ACCOUNT)
		expect(await getSignInLockout({ email, ip: uniqueIp() })).not.toBeNull()

		await clearAccountFailures(email)
		expect(await failureCount(`account:${email}`)).toBe(0)
		expect(await failureCount(`ip:${ip}`)).toBe(SIGN_IN_MAX_FAILURES_PER_ACCOUNT)
		expect(await getSignInLockout({ email, ip: uniqueIp() })).toBeNull()
	})

	test('a failure counts against both the account and the address', async () => {
		const email = uniqueEmail('both')
		const ip = uniqueIp()
		await recordSignInFailure({ email, ip })
		expect(await failureCount(`account:${email}`)).toBe(1)
		expect(await failureCount(`ip:${ip}`)).toBe(1)
	})
})
