/**
 * The pools that serve requests: a postgres.js pool wrapped so that every
 * query answers within QUERY_DEADLINE_MS, fails at once while the database
 * monitor (availability.server.ts) says the database is gone, and runs on
 * fresh connections after an outage. Callers use it exactly like a pool.
 *
 * Why a client-side deadline: a frozen server (SIGSTOP, a stalled VM, a lost
 * network) never answers, so neither the server's statement_timeout nor TCP
 * ever ends the wait. Why fail fast: postgres.js queues queries while it
 * retries connections, and nothing ever takes them out of the queue, so
 * requests would pile up behind an outage and never answer.
 */
import postgres from 'postgres'
import { currentDatabaseMonitor, DatabaseUnavailableError, isDatabaseUnavailableError } from './availability.server.ts'
import { createSql, type Sql } from './sql.server.ts'

/** A query (or a transaction's BEGIN, or its COMMIT) gets this long to answer. */
export const QUERY_DEADLINE_MS = 1_500
/** The server gives up on a statement a little earlier, and says why (57014). */
export const STATEMENT_TIMEOUT_MS = 1_400
/** Connecting, TLS and authentication included. */
export const REQUEST_CONNECT_TIMEOUT_S = 2
/** Connections of a pool replaced after an outage get this long to finish what they run. */
const RETIRED_POOL_TIMEOUT_S = 5

type AnySql = Sql | postgres.TransactionSql<{}>
type ScopeBody = (sql: postgres.TransactionSql<{}>) => unknown

interface Policy {
	deadlineMs: number
}

/**
 * A pool for requests. `options` as for createSql (e.g. the lucia adapter's
 * pool passes `{ max: 4, transform: undefined }`).
 */
export function createGuardedSql(url: string, options: postgres.Options<{}> = {}): Sql {
	return guardPool(
		() =>
			createSql(url, {
				connect_timeout: REQUEST_CONNECT_TIMEOUT_S,
				...options,
				connection: { statement_timeout: STATEMENT_TIMEOUT_MS, ...options.connection },
			}),
		{ deadlineMs: QUERY_DEADLINE_MS },
	)
}

/**
 * Wraps a pool made by `create`. After each outage the monitor reports, the
 * pool is replaced by a new one: connections to a server that froze or
 * vanished may never come back, and would hold queries forever.
 */
export function guardPool(create: () => Sql, policy: Policy): Sql {
	let pool = create()
	let seenRecoveries = currentDatabaseMonitor()?.recoveries ?? 0
	const current = () => {
		const recoveries = currentDatabaseMonitor()?.recoveries ?? 0
		if (recoveries !== seenRecoveries) {
			seenRecoveries = recoveries
			const retired = pool
			pool = create()
			retired.end({ timeout: RETIRED_POOL_TIMEOUT_S }).catch(() => {})
		}
		return pool
	}
	return guardSql(current, policy) as Sql
}

/** The same wrapper around one transaction's `sql`, for its statements. */
function guardSql(current: () => AnySql, policy: Policy): AnySql {
	// An arrow function has no `prototype`, so the proxy has no invariants to keep.
	const target = (() => {}) as unknown as AnySql
	return new Proxy(target, {
		apply(_target, _this, args: unknown[]) {
			return guardQuery((current() as (...a: unknown[]) => unknown)(...args), policy)
		},
		get(_target, property) {
			const sql = current()
			if (property === 'unsafe' || property === 'file') {
				const run = Reflect.get(sql, property) as (...a: unknown[]) => unknown
				return (...args: unknown[]) => guardQuery(run(...args), policy)
			}
			const method: unknown = Reflect.get(sql, property)
			if ((property === 'begin' || property === 'savepoint') && typeof method === 'function') {
				const open = method as (...a: unknown[]) => Promise<unknown>
				return (...args: unknown[]) => {
					const body = args.pop() as ScopeBody
					return guardScope((inner) => open(...args, inner), body, policy)
				}
			}
			return method
		},
		has(_target, property) {
			return Reflect.has(current(), property)
		},
	})
}

/**
 * postgres.js runs a query when it is first awaited (its `then`). This query
 * gets its own `then`: fail at once while the database is known to be down,
 * otherwise run it and answer with an error if it has not answered by the
 * deadline. Values that are not queries (`sql(identifier)`, fragments) pass.
 */
function guardQuery<T>(value: T, policy: Policy): T {
	if (!(value instanceof Promise)) return value
	const query = value as Promise<unknown>
	const run = query.then.bind(query)
	let answer: Promise<unknown> | undefined
	Object.defineProperty(query, 'then', {
		configurable: true,
		writable: true,
		value(onFulfilled?: (value: unknown) => unknown, onRejected?: (reason: unknown) => unknown) {
			answer ??= withDeadline(() => run(), policy)
			return answer.then(onFulfilled, onRejected)
		},
	})
	return value
}

function withDeadline<T>(start: () => Promise<T>, { deadlineMs }: Policy): Promise<T> {
	const monitor = currentDatabaseMonitor()
	if (monitor && !monitor.available) return Promise.reject(new DatabaseUnavailableError('The database is unavailable'))
	return new Promise<T>((resolve, reject) => {
		const timer = setTimeout(() => {
			reject(new DatabaseUnavailableError(`The database did not answer within ${deadlineMs} ms`))
			monitor?.suspect()
		}, deadlineMs)
		start().then(
			(result) => {
				clearTimeout(timer)
				resolve(result)
			},
			(error: unknown) => {
				clearTimeout(timer)
				if (isDatabaseUnavailableError(error)) monitor?.suspect()
				reject(error)
			},
		)
	})
}

/**
 * A transaction (or savepoint): its BEGIN must answer within the deadline,
 * each statement inside has its own, and so does the COMMIT or ROLLBACK once
 * the body is done. The body's own work (hashing a password, say) has none.
 */
function guardScope(open: (body: ScopeBody) => Promise<unknown>, body: ScopeBody, policy: Policy): Promise<unknown> {
	const monitor = currentDatabaseMonitor()
	if (monitor && !monitor.available) return Promise.reject(new DatabaseUnavailableError('The database is unavailable'))
	return new Promise((resolve, reject) => {
		let expired = false
		const expire = (step: string) => () => {
			expired = true
			reject(new DatabaseUnavailableError(`The database did not answer a transaction's ${step} within ${policy.deadlineMs} ms`))
			monitor?.suspect()
		}
		let timer = setTimeout(expire('BEGIN'), policy.deadlineMs)
		open(async (tx) => {
			clearTimeout(timer)
			// BEGIN came back after the caller was told it failed: roll back.
			if (expired) throw new DatabaseUnavailableError('The transaction started too late')
			try {
				return await body(guardSql(() => tx, policy) as postgres.TransactionSql<{}>)
			} catch (error) {
				// Answer now; the ROLLBACK may hang on the same dead server.
				if (isDatabaseUnavailableError(error)) reject(error)
				throw error
			} finally {
				timer = setTimeout(expire('COMMIT or ROLLBACK'), policy.deadlineMs)
			}
		}).then(
			(result) => {
				clearTimeout(timer)
				resolve(result)
			},
			(error: unknown) => {
				clearTimeout(timer)
				reject(error)
			},
		)
	})
}
