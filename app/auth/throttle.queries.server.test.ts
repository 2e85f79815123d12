import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import {
	addressKey,
	clearAccountThrottle,
	isKnownAddress,
	RESET_ACCOUNT,
	RESET_ADDRESS,
	signInSucceeded,
	SIGN_IN_ACCOUNT,
	SIGN_IN_ADDRESS,
	SIGN_IN_PAIR,
	startSignInAttempt,
	takeResetRequest,
	takeTokens,
	type ThrottleResult,
} from './throttle.queries.server.ts'

/** Each test its own emails and addresses, so tests in this file never count each other's attempts. */
function uniqueEmail(label: string) {
	return `${label}-${randomBytes(4).toString('hex')}@example.org`
}
function uniqueIp() {
	const b = randomBytes(3)
	return `10.${b[0]}.${b[1]}.${b[2]}`
}

/** `times` failed attempts: tokens taken and kept. */
async function fail(attempt: { email: string; ip: string }, times: number): Promise<ThrottleResult[]> {
	const results: ThrottleResult[] = []
	for (let i = 0; i < times; i++) results.push(await startSignInAttempt(attempt))
	return results
}

/** Moves a bucket's last update into the past, as if that much time went by. */
async function age(keyPattern: string, ms: number) {
	await sql`update throttle_buckets set updated_at = updated_at - ${`${ms} milliseconds`}::interval where key like ${keyPattern}`
}

describe('addressKey', () => {
	test('IPv4 as it is, mapped IPv4 unmapped, IPv6 by its /64', () => {
		expect(addressKey('203.0.113.9')).toBe('203.0.113.9')
		expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9')
		expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64')
		expect(addressKey('2001:db8:1:2::99')).toBe('2001:db8:1:2::/64')
		expect(addressKey('2001:0db8::1')).toBe('2001:db8:0:0::/64')
		expect(addressKey('unknown')).toBe('unknown')
	})
})

describe('takeTokens', () => {
	test('a bucket gives its capacity at once, then one per refill interval; all or nothing across buckets', async () => {
		const rule = { capacity: 3, refillMs: 60_000 }
		const key = `test:${randomBytes(4).toString('hex')}`
		const other = `${key}:other`
		for (let i = 0; i < 3; i++) expect((await takeTokens([{ key, rule }])).ok).toBe(true)
		const refused = await takeTokens([{ key: other, rule }, { key, rule }])
		expect(refused.ok).toBe(false)
		// Refused, so the other bucket gave nothing either (what it gave is back).
		const [otherBucket] = await sql<{ tokens: number }[]>`select tokens from throttle_buckets where key = ${other}`
		expect(otherBucket?.tokens).toBe(rule.capacity)
		expect(!refused.ok && refused.retryAt.getTime()).toBeGreaterThan(Date.now() + 55_000)
		expect(!refused.ok && refused.retryAt.getTime()).toBeLessThan(Date.now() + 65_000)
		await age(key, 61_000)
		expect((await takeTokens([{ key, rule }])).ok).toBe(true)
		expect((await takeTokens([{ key, rule }])).ok).toBe(false)
	})

	test('parallel attempts cannot take more than the capacity', async () => {
		const rule = { capacity: 5, refillMs: 3_600_000 }
		const key = `test:${randomBytes(4).toString('hex')}`
		const results = await Promise.all(Array.from({ length: 20 }, () => takeTokens([{ key, rule }])))
		expect(results.filter((r) => r.ok)).toHaveLength(5)
	})

	test('a refused key asks for one audit row per quarter hour, not one per request', async () => {
		const rule = { capacity: 1, refillMs: 3_600_000 }
		const key = `test:${randomBytes(4).toString('hex')}`
		await takeTokens([{ key, rule }])
		const refusals = [await takeTokens([{ key, rule }]), await takeTokens([{ key, rule }]), await takeTokens([{ key, rule }])]
		expect(refusals.map((r) => !r.ok && r.logRefusal)).toEqual([true, false, false])
	})
})

describe('sign-in throttling', () => {
	test('one account from one address: 10 attempts at once, then slowed, not locked for the window', async () => {
		const attempt = { email: uniqueEmail('pair'), ip: uniqueIp() }
		const results = await fail(attempt, SIGN_IN_PAIR.capacity + 1)
		expect(results.slice(0, SIGN_IN_PAIR.capacity).every((r) => r.ok)).toBe(true)
		const refused = results.at(-1)!
		expect(refused.ok).toBe(false)
		// The next attempt is one refill away (90 s), not a quarter of an hour.
		expect(!refused.ok && refused.retryAt.getTime() - Date.now()).toBeLessThanOrEqual(SIGN_IN_PAIR.refillMs + 1_000)
		await age('sign-in:%', SIGN_IN_PAIR.refillMs + 1_000)
		expect((await startSignInAttempt(attempt)).ok).toBe(true)
	})

	test('failures from other addresses never stop the owner at an address they signed in from', async () => {
		const email = uniqueEmail('victim')
		const home = uniqueIp()
		// The owner signed in from home once.
		const first = await startSignInAttempt({ email, ip: home })
		expect(first.ok).toBe(true)
		await signInSucceeded({ email, ip: home, taken: first.ok ? first.taken : [] })
		expect(await isKnownAddress({ email, ip: home })).toBe(true)
		// An attacker spread over many addresses empties the account's bucket…
		for (let i = 0; i < SIGN_IN_ACCOUNT.capacity + 5; i++) await startSignInAttempt({ email, ip: uniqueIp() })
		expect((await startSignInAttempt({ email, ip: uniqueIp() })).ok).toBe(false)
		// …and the owner at home is not slowed at all.
		expect((await startSignInAttempt({ email, ip: home })).ok).toBe(true)
	})

	test('an address spraying unknown accounts is slowed on accounts that do not know it, not for those that do', async () => {
		const nat = uniqueIp()
		const colleague = uniqueEmail('colleague')
		const signedIn = await startSignInAttempt({ email: colleague, ip: nat })
		await signInSucceeded({ email: colleague, ip: nat, taken: signedIn.ok ? signedIn.taken : [] })
		// Someone behind the same NAT tries many accounts (existing or not).
		for (let i = 0; i < SIGN_IN_ADDRESS.capacity; i++) await startSignInAttempt({ email: uniqueEmail('spray'), ip: nat })
		const newcomer = await startSignInAttempt({ email: uniqueEmail('newcomer'), ip: nat })
		expect(newcomer.ok).toBe(false)
		// Slowed by seconds, not locked for a quarter hour.
		expect(!newcomer.ok && newcomer.retryAt.getTime() - Date.now()).toBeLessThanOrEqual(SIGN_IN_ADDRESS.refillMs + 1_000)
		// The colleague who signed in from there before is not slowed.
		expect((await startSignInAttempt({ email: colleague, ip: nat })).ok).toBe(true)
		// The same newcomer from elsewhere is fine.
		expect((await startSignInAttempt({ email: uniqueEmail('newcomer'), ip: uniqueIp() })).ok).toBe(true)
	})

	test('a success gives its tokens back and clears the pair, but not the account under attack', async () => {
		const email = uniqueEmail('success')
		const ip = uniqueIp()
		await fail({ email, ip }, SIGN_IN_PAIR.capacity - 1)
		const last = await startSignInAttempt({ email, ip })
		expect(last.ok).toBe(true)
		await signInSucceeded({ email, ip, taken: last.ok ? last.taken : [] })
		expect(await sql`select 1 from throttle_buckets where key = ${`sign-in:pair:${ip} ${email}`}`).toHaveLength(0)
		const [account] = await sql<{ tokens: number }[]>`select tokens from throttle_buckets where key = ${`sign-in:account:${email}`}`
		expect(account!.tokens).toBeCloseTo(1, 0)
	})

	test('a password reset clears the account’s throttle and makes its address known', async () => {
		const email = uniqueEmail('reset')
		for (let i = 0; i < SIGN_IN_ACCOUNT.capacity + 2; i++) await startSignInAttempt({ email, ip: uniqueIp() })
		const ip = uniqueIp()
		expect((await startSignInAttempt({ email, ip })).ok).toBe(false)
		await clearAccountThrottle({ email: email.toUpperCase(), ip })
		expect(await sql`select 1 from throttle_buckets where subject_email = ${email} and key like 'sign-in:%'`).toHaveLength(0)
		expect(await isKnownAddress({ email, ip })).toBe(true)
		expect((await startSignInAttempt({ email, ip: uniqueIp() })).ok).toBe(true)
	})

	test('emails are counted case-insensitively', async () => {
		const email = uniqueEmail('mixed')
		const ip = uniqueIp()
		await fail({ email: email.toUpperCase(), ip }, SIGN_IN_PAIR.capacity)
		expect((await startSignInAttempt({ email, ip })).ok).toBe(false)
	})
})

describe('forgot-password throttling', () => {
	test('per account: a few emails an hour, wherever the requests come from', async () => {
		const email = uniqueEmail('forgot')
		const results = await Promise.all(Array.from({ length: 20 }, () => takeResetRequest({ email, ip: uniqueIp() })))
		expect(results.filter((r) => r.ok)).toHaveLength(RESET_ACCOUNT.capacity)
	})

	test('per address: one address cannot mail many accounts', async () => {
		const ip = uniqueIp()
		const results: ThrottleResult[] = []
		for (let i = 0; i < RESET_ADDRESS.capacity + 3; i++) results.push(await takeResetRequest({ email: uniqueEmail('many'), ip }))
		expect(results.filter((r) => r.ok)).toHaveLength(RESET_ADDRESS.capacity)
	})
})
