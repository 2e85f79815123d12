/** `npm run db:seed`: migrate, then load the demo content (idempotent). */
import { parseEnv } from '#app/utils/env.server.ts'
import { openDatabaseFromEnv } from '../database.server.ts'
import { migrate } from '../migrate.server.ts'
import { createSql } from '../sql.server.ts'
import { seed } from './seed.server.ts'

const log = (message: string) => console.log(`[zevlab] ${message}`)
const database = await openDatabaseFromEnv(parseEnv(), log)
const sql = createSql(database.url, { max: 1 })
try {
	await migrate({ sql, log })
	await seed({ sql })
	log(`Demo content is in ${database.description}`)
} catch (error) {
	console.error(error instanceof Error ? error.message : error)
	process.exitCode = 1
} finally {
	await sql.end()
	await database.stop()
}
