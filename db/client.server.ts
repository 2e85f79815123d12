/**
 * The one postgres.js pool of the app. Queries live in the data modules
 * (files named `*.queries.server.ts` under app/), which import `sql` from here; nothing else
 * does (app/architecture.test.ts checks).
 *
 * The pool is made on first use, not on import, from DATABASE_URL: every
 * entry point (server.ts, the CLIs, the seed, the test setups, the e2e
 * fixtures) sets it, starting the embedded server first if needed, and may
 * import data modules before that. It answers within a deadline and fails
 * fast while the database is down (guarded-sql.server.ts).
 */
import { createGuardedSql } from './guarded-sql.server.ts'
import { createSql, type Sql } from './sql.server.ts'

export type { Sql }

declare global {
	// Survives module reloads in development so HMR does not leak pools.
	var __zevSql: Sql | undefined
}

function requireDatabaseUrl(): string {
	const url = process.env.DATABASE_URL
	if (!url) {
		throw new Error(
			'DATABASE_URL is not set. Start the portal with `npm start` (it runs an embedded PostgreSQL) or set DATABASE_URL.',
		)
	}
	return url
}

function pool(): Sql {
	return (globalThis.__zevSql ??= createGuardedSql(requireDatabaseUrl()))
}

/**
 * For a process that serves no requests and must not give up while the
 * machine is busy: the e2e fixtures share 2 cores with the server under test
 * and the browsers, where opening a connection alone has taken longer than a
 * request's deadline. The same pool, without the deadline and the statement
 * timeout. Call it before the first query.
 */
export function usePoolWithoutDeadline(): void {
	if (globalThis.__zevSql) throw new Error('The pool already exists: choose it before the first query.')
	globalThis.__zevSql = createSql(requireDatabaseUrl())
}

/**
 * The pool, created on first use. A postgres.js `sql` is a function with
 * methods (`sql.begin`, `sql.json`, `sql(identifier)`…): the proxy forwards
 * both calls and property reads to the real pool.
 */
export const sql: Sql = new Proxy((() => {}) as unknown as Sql, {
	apply: (_target, _this, args: unknown[]) => (pool() as unknown as (...a: unknown[]) => unknown)(...args),
	get: (_target, property) => {
		const real = pool() as unknown as Record<PropertyKey, unknown>
		const value = real[property]
		return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(real) : value
	},
})
