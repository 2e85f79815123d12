/**
 * Throttling that keeps guessing expensive without handing anyone a lock on
 * someone else's account (docs/decisions/019-throttling.md). Token buckets
 * in PostgreSQL, so they hold across processes and restarts: each key has
 * `capacity` attempts, refilled one per `refillMs`. An attempt takes its
 * tokens before the password is checked (parallel guesses count at once)
 * and gets them back when it succeeds.
 *
 * Sign-in draws on up to three buckets:
 *  - the pair (this account from this address): always;
 *  - the account, from addresses it has never signed in from;
 *  - the address, on accounts that never signed in from it.
 * An account signing in from an address it knows (a past sign-in or a
 * password reset from there) is slowed only by its own failures there: an
 * attacker elsewhere, or a colleague behind the same NAT, cannot slow it.
 * Emails without an account are counted like real ones, so a refusal tells
 * nothing about which accounts exist.
 *
 * The same buckets throttle forgot-password requests (per account and per
 * address) and whatever else anonymous visitors can make the portal do.
 */
import { isIPv4, isIPv6 } from 'node:net'
import { sql } from '#db/client.server.ts'
import { inTransaction, type Queryable } from '#db/sql.server.ts'

export interface BucketRule {
	/** Attempts available at once. */
	capacity: number
	/** One attempt comes back every refillMs. */
	refillMs: number
}

const MINUTE_MS = 60_000

/** One account from one address: 10 at once, then one every 90 s (40 an hour). */
export const SIGN_IN_PAIR: BucketRule = { capacity: 10, refillMs: 90_000 }
/** One account from every address it does not know, together: the same, 40 an hour. */
export const SIGN_IN_ACCOUNT: BucketRule = { capacity: 10, refillMs: 90_000 }
/** One address on accounts that do not know it: 30 at once, then one every 30 s (120 an hour). */
export const SIGN_IN_ADDRESS: BucketRule = { capacity: 30, refillMs: 30_000 }
/** Reset emails to one account: 3 at once, then one every 20 minutes (3 an hour). */
export const RESET_ACCOUNT: BucketRule = { capacity: 3, refillMs: 20 * MINUTE_MS }
/** Reset requests from one address: 10 at once, then one every 6 minutes (10 an hour). */
export const RESET_ADDRESS: BucketRule = { capacity: 10, refillMs: 6 * MINUTE_MS }

/** A refused key is written to the audit log at most this often. */
export const REFUSAL_LOG_INTERVAL_MS = 15 * MINUTE_MS
/** An address unseen this long is no longer known to the account. */
export const KNOWN_ADDRESS_TTL_MS = 90 * 24 * 60 * MINUTE_MS
/** Buckets full again and older than this are deleted as others are written. */
const BUCKET_PRUNE_AFTER_MS = 24 * 60 * MINUTE_MS
const PRUNE_BATCH = 100

export interface BucketTake {
	key: string
	rule: BucketRule
	/** The account the bucket belongs to, so a reset can clear it. */
	subjectEmail?: string | null
}

export type ThrottleResult =
	| { ok: true; taken: BucketTake[] }
	/** `logRefusal`: the first refusal of one of these keys in REFUSAL_LOG_INTERVAL_MS, worth one audit row. */
	| { ok: false; retryAt: Date; logRefusal: boolean }

/**
 * The address as throttling counts it: IPv4 as it is (also when mapped into
 * IPv6), IPv6 by its /64, which one subscriber holds whole.
 */
export function addressKey(ip: string): string {
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
	if (mapped && isIPv4(mapped[1]!)) return mapped[1]!
	if (isIPv4(ip) || !isIPv6(ip)) return ip.slice(0, 100)
	const [head = '', tail = ''] = ip.toLowerCase().split('::')
	const left = head ? head.split(':') : []
	const right = tail ? tail.split(':') : []
	const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left
	return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`
}

const interval = (ms: number) => `${ms} milliseconds`

/**
 * Takes one token from every bucket, or from none: when any is empty, the
 * ones already taken are given back and the answer says when to come back.
 * One statement per bucket, each on its own (no transaction held open while
 * others wait for the row): parallel attempts on one key queue for
 * milliseconds, not for a connection.
 */
export async function takeTokens(takes: BucketTake[], db: Queryable = sql): Promise<ThrottleResult> {
	const taken: BucketTake[] = []
	for (const take of takes) {
		const [row] = await db`
			insert into throttle_buckets as b (key, subject_email, tokens, updated_at)
			values (${take.key}, ${take.subjectEmail ?? null}, ${take.rule.capacity - 1}, now())
			on conflict (key) do update set
				tokens = least(${take.rule.capacity}::float8, b.tokens + extract(epoch from now() - b.updated_at) * 1000 / ${take.rule.refillMs}) - 1,
				updated_at = now()
			where least(${take.rule.capacity}::float8, b.tokens + extract(epoch from now() - b.updated_at) * 1000 / ${take.rule.refillMs}) >= 1
			returning 1
		`
		if (!row) {
			await returnTokens(taken, db)
			return refusal(take, db)
		}
		taken.push(take)
	}
	await prune(db)
	return { ok: true, taken }
}

async function refusal(take: BucketTake, db: Queryable): Promise<ThrottleResult> {
	const [row] = await db<{ retryAt: Date; logRefusal: boolean }[]>`
		with bucket as (
			select key, updated_at + (1 - least(${take.rule.capacity}::float8, tokens + extract(epoch from now() - updated_at) * 1000 / ${take.rule.refillMs}))
				* ${interval(take.rule.refillMs)}::interval as retry_at
			from throttle_buckets where key = ${take.key}
		), logged as (
			update throttle_buckets set refusal_logged_at = now()
			where key = ${take.key}
				and (refusal_logged_at is null or refusal_logged_at < now() - ${interval(REFUSAL_LOG_INTERVAL_MS)}::interval)
			returning key
		)
		select (select retry_at from bucket) as retry_at, exists (select 1 from logged) as log_refusal
	`
	return { ok: false, retryAt: row?.retryAt ?? new Date(Date.now() + take.rule.refillMs), logRefusal: row?.logRefusal ?? true }
}

/** Gives back what an attempt took: it turned out not to be a failure. */
export async function returnTokens(takes: BucketTake[], db: Queryable = sql): Promise<void> {
	for (const take of takes) {
		await db`
			update throttle_buckets set tokens = least(${take.rule.capacity}::float8, tokens + 1) where key = ${take.key}
		`
	}
}

/** Empties the throttle of these keys: a full bucket is an absent one. */
export async function clearBuckets(keys: string[], db: Queryable = sql): Promise<void> {
	if (keys.length > 0) await db`delete from throttle_buckets where key in ${db(keys)}`
}

async function prune(db: Queryable) {
	await db`
		delete from throttle_buckets where key in (
			select key from throttle_buckets where updated_at < now() - ${interval(BUCKET_PRUNE_AFTER_MS)}::interval limit ${PRUNE_BATCH}
		)
	`
}

// ── Sign-in ──────────────────────────────────────────────────────────────

const signInKeys = (email: string, address: string) => ({
	pair: `sign-in:pair:${address} ${email}`,
	account: `sign-in:account:${email}`,
	address: `sign-in:address:${address}`,
})

/** Whether the account has signed in (or reset its password) from this address lately. */
export async function isKnownAddress({ email, ip }: { email: string; ip: string }, db: Queryable = sql): Promise<boolean> {
	const [row] = await db`
		select 1 from sign_in_known_addresses
		where email = ${email.toLowerCase()} and address = ${addressKey(ip)}
			and last_seen_at > now() - ${interval(KNOWN_ADDRESS_TTL_MS)}::interval
	`
	return Boolean(row)
}

/**
 * Starts a sign-in attempt: takes its tokens (see the module comment), or
 * says when the next attempt can be made. Call `signInSucceeded` with the
 * result when the password was right; a wrong one keeps the tokens taken.
 */
export async function startSignInAttempt({ email, ip }: { email: string; ip: string }, db: Queryable = sql): Promise<ThrottleResult> {
	const normalized = email.toLowerCase()
	const address = addressKey(ip)
	const keys = signInKeys(normalized, address)
	const takes: BucketTake[] = [{ key: keys.pair, rule: SIGN_IN_PAIR, subjectEmail: normalized }]
	if (!(await isKnownAddress({ email: normalized, ip }, db))) {
		takes.push({ key: keys.account, rule: SIGN_IN_ACCOUNT, subjectEmail: normalized }, { key: keys.address, rule: SIGN_IN_ADDRESS })
	}
	return takeTokens(takes, db)
}

/**
 * A successful sign-in: its tokens come back, the pair starts afresh, and
 * the address becomes one the account knows. The account's bucket stays as
 * it is: someone elsewhere may still be guessing.
 */
export async function signInSucceeded({ email, ip, taken }: { email: string; ip: string; taken: BucketTake[] }, db: Queryable = sql) {
	const normalized = email.toLowerCase()
	await inTransaction(db, async (tx) => {
		await returnTokens(taken, tx)
		await clearBuckets([signInKeys(normalized, addressKey(ip)).pair], tx)
		await rememberAddress({ email: normalized, ip }, tx)
	})
}

/**
 * A password reset proves the account's owner: its throttle is cleared
 * (account and every pair), and the address the reset came from is known
 * to it from now on.
 */
export async function clearAccountThrottle({ email, ip }: { email: string; ip: string | null }, db: Queryable = sql): Promise<void> {
	const normalized = email.toLowerCase()
	await inTransaction(db, async (tx) => {
		await tx`delete from throttle_buckets where subject_email = ${normalized} and key like 'sign-in:%'`
		if (ip) await rememberAddress({ email: normalized, ip }, tx)
	})
}

async function rememberAddress({ email, ip }: { email: string; ip: string }, db: Queryable) {
	await db`
		insert into sign_in_known_addresses (email, address) values (${email}, ${addressKey(ip)})
		on conflict (email, address) do update set last_seen_at = now()
	`
	await db`
		delete from sign_in_known_addresses where (email, address) in (
			select email, address from sign_in_known_addresses
			where last_seen_at < now() - ${interval(KNOWN_ADDRESS_TTL_MS)}::interval limit ${PRUNE_BATCH}
		)
	`
}

// ── Forgot password ──────────────────────────────────────────────────────

/** One reset request: per account and per address; refused, no email goes out. */
export function takeResetRequest({ email, ip }: { email: string; ip: string }, db: Queryable = sql): Promise<ThrottleResult> {
	const normalized = email.toLowerCase()
	return takeTokens(
		[
			{ key: `reset:address:${addressKey(ip)}`, rule: RESET_ADDRESS },
			{ key: `reset:account:${normalized}`, rule: RESET_ACCOUNT, subjectEmail: normalized },
		],
		db,
	)
}
