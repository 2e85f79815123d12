/**
 * The request pools: every query answers within its deadline when the
 * database is frozen or stopped, fails at once while the monitor says it is
 * down, and works again afterwards; otherwise they behave like postgres.js.
 */
import { afterEach, describe, expect, test } from 'vitest'
import { startDatabaseMonitor, type DatabaseMonitor } from './availability.server.ts'
import { createGuardedSql, QUERY_DEADLINE_MS } from './guarded-sql.server.ts'
import type { Sql } from './sql.server.ts'
import { startOutageProxy, type OutageProxy } from './testing/outage-proxy.ts'

/** The deadline, plus what a busy 2-core machine may add. */
const ANSWER_LIMIT_MS = QUERY_DEADLINE_MS + 1_000
const WAIT_LIMIT_MS = 5_000
/** "At once": far below the deadline, with room for a busy machine. */
const FAIL_FAST_LIMIT_MS = 250

let proxy: OutageProxy | undefined
let pool: Sql | undefined
let monitor: DatabaseMonitor | undefined
afterEach(async () => {
	await monitor?.stop()
	// Thawed first, so that connections still setting up finish instead of failing unobserved.
	await proxy?.resume()
	await pool?.end({ timeout: 2 })
	await proxy?.close()
	monitor = pool = proxy = undefined
})

async function setUp({ max = 2 }: { max?: number } = {}) {
	proxy = await startOutageProxy(process.env.DATABASE_URL!)
	pool = createGuardedSql(proxy.url, { max })
	return { proxy, pool }
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T | undefined; error: unknown }> {
	const started = Date.now()
	try {
		const result = await work()
		return { ms: Date.now() - started, result, error: undefined }
	} catch (error) {
		return { ms: Date.now() - started, result: undefined, error }
	}
}

test('works like the pool it wraps: camelCase rows, fragments, helpers, transactions, unsafe', async () => {
	const { pool } = await setUp()
	const where = pool`where n > ${1}`
	const rows = await pool<{ someValue: number }[]>`select n as some_value from (values (1), (2), (3)) as t (n) ${where} order by n`
	expect(rows.map((row) => row.someValue)).toEqual([2, 3])
	const [json] = await pool<{ value: { a: number } }[]>`select ${pool.json({ a: 1 })}::jsonb as value`
	expect(json?.value).toEqual({ a: 1 })
	const result = await pool.begin(async (tx) => {
		const [one] = await tx<{ one: number }[]>`select 1 as one`
		const [two] = await tx.unsafe<{ two: number }[]>('select 2 as two')
		return (one?.one ?? 0) + (two?.two ?? 0)
	})
	expect(result).toBe(3)
	// A failing transaction rolls back and rethrows its own error.
	await expect(pool.begin(async (tx) => tx`selec 1`)).rejects.toMatchObject({ code: '42601' })
})

describe('a frozen database', () => {
	test('a query answers DATABASE_UNAVAILABLE by its deadline; after the thaw the pool works', async () => {
		const { proxy, pool } = await setUp()
		await pool`select 1`
		proxy.freeze()
		const frozen = await timed(() => pool`select 2`)
		expect(frozen.error).toMatchObject({ code: 'DATABASE_UNAVAILABLE' })
		expect(frozen.ms).toBeGreaterThanOrEqual(QUERY_DEADLINE_MS - 50)
		expect(frozen.ms).toBeLessThan(ANSWER_LIMIT_MS)

		// New connections hang in the handshake: the deadline answers those too.
		const concurrent = await timed(() => Promise.allSettled([1, 2, 3, 4, 5].map((n) => pool`select ${n}::int as n`)))
		expect(concurrent.result?.every((r) => r.status === 'rejected')).toBe(true)
		expect(concurrent.ms).toBeLessThan(ANSWER_LIMIT_MS)

		await proxy.resume()
		const [row] = await pool<{ n: number }[]>`select 7 as n`
		expect(row?.n).toBe(7)
	})

	test("a transaction whose BEGIN, statement or COMMIT gets no answer fails by the deadline", async () => {
		const { proxy, pool } = await setUp()
		await pool`select 1`

		proxy.freeze()
		const atBegin = await timed(() => pool.begin(async (tx) => tx`select 1`))
		expect(atBegin.error).toMatchObject({ code: 'DATABASE_UNAVAILABLE' })
		expect(atBegin.ms).toBeLessThan(ANSWER_LIMIT_MS)
		await proxy.resume()

		let bodyRan = false
		const inside = await timed(() =>
			pool.begin(async (tx) => {
				await tx`select 1`
				proxy.freeze()
				await tx`select 2`
				bodyRan = true
			}),
		)
		expect(inside.error).toMatchObject({ code: 'DATABASE_UNAVAILABLE' })
		expect(inside.ms).toBeLessThan(ANSWER_LIMIT_MS)
		expect(bodyRan).toBe(false)
		await proxy.resume()
	})
})

describe('a stopped database', () => {
	test('many queries at once all answer quickly, none waits behind the others', async () => {
		// postgres.js alone queues these behind reconnection attempts that
		// back off to 10–20 s, failing one query per attempt: minutes.
		const { proxy, pool } = await setUp({ max: 2 })
		await pool`select 1`
		await proxy.stop()
		const burst = await timed(() => Promise.allSettled(Array.from({ length: 40 }, (_, n) => pool`select ${n}::int`)))
		expect(burst.result?.every((r) => r.status === 'rejected')).toBe(true)
		expect(burst.ms).toBeLessThan(ANSWER_LIMIT_MS)
		const again = await timed(() => pool`select 1`)
		expect(again.error).toBeTruthy()
		expect(again.ms).toBeLessThan(ANSWER_LIMIT_MS)

		await proxy.resume()
		const started = Date.now()
		let answered = false
		while (!answered && Date.now() - started < WAIT_LIMIT_MS) {
			answered = await pool`select 1`.then(() => true, () => false)
		}
		expect(answered).toBe(true)
	})
})

describe('with the monitor', () => {
	test('while the database is down queries fail at once; after it is back, on fresh connections', async () => {
		const { proxy, pool } = await setUp()
		monitor = startDatabaseMonitor({ url: proxy.url, log: () => {}, intervalUpMs: 200, intervalDownMs: 100, deadlineMs: 300 })
		await pool`select 1`
		proxy.freeze()
		// The first query meets the deadline and makes the monitor probe.
		await expect(pool`select 1`).rejects.toMatchObject({ code: 'DATABASE_UNAVAILABLE' })
		const started = Date.now()
		while (monitor.available && Date.now() - started < WAIT_LIMIT_MS) await new Promise((r) => setTimeout(r, 25))
		expect(monitor.available).toBe(false)

		const fast = await timed(() => pool`select 1`)
		expect(fast.error).toMatchObject({ code: 'DATABASE_UNAVAILABLE' })
		expect(fast.ms).toBeLessThan(FAIL_FAST_LIMIT_MS)
		const fastTransaction = await timed(() => pool.begin(async (tx) => tx`select 1`))
		expect(fastTransaction.error).toMatchObject({ code: 'DATABASE_UNAVAILABLE' })
		expect(fastTransaction.ms).toBeLessThan(FAIL_FAST_LIMIT_MS)

		// A thawed proxy whose old connections are dropped: only new ones work.
		await proxy.stop()
		await proxy.resume()
		while (!monitor.available && Date.now() - started < WAIT_LIMIT_MS) await new Promise((r) => setTimeout(r, 25))
		expect(monitor.available).toBe(true)
		const [row] = await pool<{ n: number }[]>`select 5 as n`
		expect(row?.n).toBe(5)
	})
})
