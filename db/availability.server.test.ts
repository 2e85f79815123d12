/**
 * The database monitor sees a stopped and a frozen database (played by a
 * proxy in front of this file's test database) and sees it come back; errors
 * that mean "unavailable" are told apart from bugs.
 */
import { afterEach, describe, expect, test } from 'vitest'
import postgres from 'postgres'
import { findFreePort } from './testing/test-database.ts'
import { startOutageProxy, type OutageProxy } from './testing/outage-proxy.ts'
import {
	currentDatabaseMonitor,
	DatabaseUnavailableError,
	isDatabaseUnavailableError,
	startDatabaseMonitor,
	type DatabaseMonitor,
} from './availability.server.ts'
import { createSql } from './sql.server.ts'

const WAIT_LIMIT_MS = 5_000
const POLL_MS = 25

async function waitFor(condition: () => boolean): Promise<number> {
	const started = Date.now()
	while (!condition()) {
		if (Date.now() - started > WAIT_LIMIT_MS) throw new Error(`Not true within ${WAIT_LIMIT_MS} ms`)
		await new Promise((resolve) => setTimeout(resolve, POLL_MS))
	}
	return Date.now() - started
}

describe('isDatabaseUnavailableError', () => {
	test('a refused connection, our own deadline, a shutting-down server, a statement timeout: unavailable', async () => {
		const refused = createSql(`postgres://nobody:x@127.0.0.1:${await findFreePort()}/none`, { connect_timeout: 1 })
		const error = await refused`select 1`.catch((e: unknown) => e)
		await refused.end({ timeout: 0 })
		expect(isDatabaseUnavailableError(error)).toBe(true)
		expect(isDatabaseUnavailableError(new DatabaseUnavailableError('no answer'))).toBe(true)
		// Another copy of this module (the server build bundles one) is recognised by its code.
		expect(isDatabaseUnavailableError(Object.assign(new Error('x'), { code: 'DATABASE_UNAVAILABLE' }))).toBe(true)
		for (const code of ['57P01', '57P03', '08006', '53300', '57014']) {
			expect(isDatabaseUnavailableError(new postgres.PostgresError({ code, message: code } as never)), code).toBe(true)
		}
		expect(isDatabaseUnavailableError(new Error('wrapped', { cause: error }))).toBe(true)
	})

	test('a wrong query, a constraint, a plain bug: not unavailable (they stay 500s or form errors)', async () => {
		const sql = createSql(process.env.DATABASE_URL!, { max: 1 })
		try {
			const syntax = await sql`selec 1`.catch((e: unknown) => e)
			expect((syntax as { code?: string }).code).toBe('42601')
			expect(isDatabaseUnavailableError(syntax)).toBe(false)
		} finally {
			await sql.end()
		}
		expect(isDatabaseUnavailableError(new postgres.PostgresError({ code: '23505', message: 'duplicate' } as never))).toBe(false)
		expect(isDatabaseUnavailableError(new TypeError('undefined is not a function'))).toBe(false)
		expect(isDatabaseUnavailableError(null)).toBe(false)
	})
})

describe('startDatabaseMonitor', () => {
	let proxy: OutageProxy | undefined
	let monitor: DatabaseMonitor | undefined
	afterEach(async () => {
		await monitor?.stop()
		await proxy?.close()
		monitor = proxy = undefined
	})

	async function start() {
		proxy = await startOutageProxy(process.env.DATABASE_URL!)
		const log: string[] = []
		monitor = startDatabaseMonitor({
			url: proxy.url,
			log: (message) => log.push(message),
			intervalUpMs: 200,
			intervalDownMs: 100,
			deadlineMs: 300,
			abandonMs: 1_000,
		})
		expect(currentDatabaseMonitor()).toBe(monitor)
		// The first probe answers: nothing to report.
		await new Promise((resolve) => setTimeout(resolve, 300))
		expect(monitor.available).toBe(true)
		return { proxy, monitor, log }
	}

	test('a stopped database is noticed, and so is its return', async () => {
		const { proxy, monitor, log } = await start()
		await proxy.stop()
		monitor.suspect()
		await waitFor(() => !monitor.available)
		expect(log.join('\n')).toMatch(/Database unavailable \((ECONNREFUSED|ECONNRESET|CONNECTION_\w+):/)

		await proxy.resume()
		const backMs = await waitFor(() => monitor.available)
		expect(backMs).toBeLessThan(1_000)
		expect(monitor.recoveries).toBe(1)
		expect(log.at(-1)).toMatch(/Database available again after \d+\.\d s/)
	})

	test('a frozen database (no answer at all) is noticed by the probe deadline, and its thaw', async () => {
		const { proxy, monitor, log } = await start()
		proxy.freeze()
		const downMs = await waitFor(() => !monitor.available)
		// Next probe within 200 ms, unanswered after 300 ms.
		expect(downMs).toBeLessThan(1_500)
		expect(log.join('\n')).toMatch(/no answer/)

		await proxy.resume()
		await waitFor(() => monitor.available)
		expect(monitor.recoveries).toBe(1)
	})

	test('stop() leaves no monitor behind', async () => {
		const { monitor } = await start()
		await monitor.stop()
		expect(currentDatabaseMonitor()).toBeUndefined()
	})
})
