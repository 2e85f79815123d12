import type { Sql } from '#db/sql.server.ts'

/** A health check must answer quickly even when the database hangs. */
const DATABASE_CHECK_TIMEOUT_MS = 2_000

export async function checkDatabase(sql: Sql): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined
	const timeout = new Promise<false>((resolve) => {
		timer = setTimeout(() => resolve(false), DATABASE_CHECK_TIMEOUT_MS)
	})
	try {
		return await Promise.race([sql`select 1`.then(() => true), timeout])
	} catch {
		return false
	} finally {
		clearTimeout(timer)
	}
}
