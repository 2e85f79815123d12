/** `npm run db:migrate`: apply pending migrations to the portal's database. */
import { runWithDatabase } from './database.server.ts'
import { migrate } from './migrate.server.ts'

await runWithDatabase(async (sql, database, log) => {
	const { applied } = await migrate({ sql, log })
	log(applied.length ? `${applied.length} migration(s) applied to ${database.description}` : `Up to date: ${database.description}`)
})
