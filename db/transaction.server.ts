/**
 * The unit of work of an operation that spans several data modules (an
 * account operation, a meeting record's sign-off): one transaction on the
 * app's pool, handed as `tx` to every data function the operation calls, so
 * all of it commits or none of it does. Starting a transaction is the one
 * thing besides data modules that may reach the pool: it issues no SQL of
 * its own (app/architecture.test.ts allows exactly this module).
 */
import { sql } from './client.server.ts'
import { inTransaction, type Queryable } from './sql.server.ts'

/** Runs `work` in one transaction on the app's pool: all of it commits, or none. */
export function transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
	return inTransaction(sql, work)
}
