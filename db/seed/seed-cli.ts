/** `npm run db:seed`: migrate, then load the demo content (idempotent); demo accounts on the embedded database only. */
import { parseEnv } from '#app/utils/env.server.ts'
import { openDatabaseFromEnv } from '../database.server.ts'
import { migrate } from '../migrate.server.ts'
import { createSql } from '../sql.server.ts'
import { seedDemoAccounts } from './accounts.server.ts'
import { seed } from './seed.server.ts'

const log = (message: string) => console.log(`[zevlab] ${message}`)
const database = await openDatabaseFromEnv(parseEnv(), log)
const sql = createSql(database.url, { max: 1 })
try {
	await migrate({ sql, log })
	await seed({ sql })
	// Demo accounts only on the embedded (demo) database, never on DATABASE_URL's.
	if (database.embedded) await seedDemoAccounts({ sql })
	log(`Demo content${database.embedded ? ' and demo accounts are' : ' is'} in ${database.description}`)
} catch (error) {
	console.error(error instanceof Error ? error.message : error)
	process.exitCode = 1
} finally {
	await sql.end()
	await database.stop()
}
