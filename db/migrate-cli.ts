/** `npm run db:migrate`: apply pending migrations to the portal's database. */
import { parseEnv } from '#app/utils/env.server.ts'
import { openDatabaseFromEnv } from './database.server.ts'
import { migrate } from './migrate.server.ts'
import { createSql } from './sql.server.ts'

const log = (message: string) => console.log(`[zevlab] ${message}`)
const database = await openDatabaseFromEnv(parseEnv(), log)
const sql = createSql(database.url, { max: 1 })
try {
	const { applied } = await migrate({ sql, log })
	log(applied.length ? `${applied.length} migration(s) applied to ${database.description}` : `Up to date: ${database.description}`)
} catch (error) {
	console.error(error instanceof Error ? error.message : error)
	process.exitCode = 1
} finally {
	await sql.end()
	await database.stop()
}
