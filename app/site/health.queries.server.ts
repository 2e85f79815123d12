/** Whether the database answers: for /healthz and load balancers. */
import { sql } from '#db/client.server.ts'
import type { Queryable } from '#db/sql.server.ts'

/** A health check must answer quickly even when the database hangs. */
const DATABASE_CHECK_TIMEOUT_MS = 2_000

export async function checkDatabase(db: Queryable = sql): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined
	const timeout = new Promise<false>((resolve) => {
		timer = setTimeout(() => resolve(false), DATABASE_CHECK_TIMEOUT_MS)
	})
	try {
		return await Promise.race([db`select 1`.then(() => true), timeout])
	} catch {
		return false
	} finally {
		clearTimeout(timer)
	}
}
