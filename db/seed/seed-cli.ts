/** `npm run db:seed`: migrate, then load the demo content (idempotent); demo accounts on the embedded database only. */
import { runWithDatabase } from '../database.server.ts'
import { migrate } from '../migrate.server.ts'
import { seedDemoAccounts } from './accounts.server.ts'
import { seed } from './seed.server.ts'

await runWithDatabase(async (sql, database, log) => {
	await migrate({ sql, log })
	await seed({ sql })
	// Demo accounts only on the embedded (demo) database, never on DATABASE_URL's.
	if (database.embedded) await seedDemoAccounts({ sql })
	log(`Demo content${database.embedded ? ' and demo accounts are' : ' is'} in ${database.description}`)
})
