/**
 * The one postgres.js pool of the app. Queries live in small modules under
 * app/models/ and import `sql` from here. It answers within a deadline and
 * fails fast while the database is down (guarded-sql.server.ts).
 */
import { createGuardedSql } from './guarded-sql.server.ts'
import type { Sql } from './sql.server.ts'

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

/**
 * Created on first import. Every entry point (server.ts, the CLIs, the test
 * setup) sets DATABASE_URL, starting the embedded server first if needed,
 * before it imports any module that queries.
 */
export const sql: Sql = (globalThis.__zevSql ??= createGuardedSql(requireDatabaseUrl()))
