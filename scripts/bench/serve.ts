/**
 * The production portal on the bench database, for looking around by hand:
 * prints its address and a signed-in editor's cookie, runs until stopped.
 *
 *   npx tsx scripts/bench/serve.ts
 */
import { spawn } from 'node:child_process'
import postgres from 'postgres'
import { openBenchDatabase } from './database.ts'
import { signInBenchEditor } from './session.ts'
import { findFreePort } from '#db/testing/test-database.ts'


const db = await openBenchDatabase({ log: (m) => console.error(`[serve] ${m}`) })
const port = Number(process.env.PORT ?? (await findFreePort()))
const origin = `http://127.0.0.1:${port}`
const sql = postgres(db.url, { max: 1, onnotice: () => {} })
const cookie = await signInBenchEditor(sql)
await sql.end()
console.log(`portal: ${origin}\ndatabase: ${db.url}\ncookie: ${cookie}`)
const child = spawn(process.execPath, [...(process.env.NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', 'server.ts'], {
	env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: db.url, SITE_URL: origin },
	stdio: 'inherit',
})
const stop = () => child.kill('SIGINT')
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
await new Promise((resolve) => child.once('exit', resolve))
await db.stop()
