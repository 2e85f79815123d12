/**
 * The transaction an account operation runs in. It lives in a data module
 * because only data modules touch the pool (db/client.server.ts); the
 * operations get a `tx` and hand it to every data function they call.
 */
import { sql } from '#db/client.server.ts'
import { inTransaction, type Queryable } from '#db/sql.server.ts'

/** Runs `work` in one transaction on the app's pool: all of it commits, or none. */
export function transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
	return inTransaction(sql, work)
}
