/**
 * `npm run bench`: how fast the portal serves its pages, measured here rather
 * than asserted by timed tests. Builds if needed, starts the production
 * server on a throw-away embedded PostgreSQL (or BENCH_DATABASE_URL) on
 * loopback, loads each page for a bounded time, and prints a table.
 *
 *   BENCH_SECONDS=10 BENCH_CONNECTIONS=50 npm run bench
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import autocannon from 'autocannon'
import { createSql } from '#db/sql.server.ts'
import { migrate } from '#db/migrate.server.ts'
import { seed } from '#db/seed/seed.server.ts'
import { createTestDatabase, findFreePort, startTestDatabaseServer } from '#db/testing/test-database.ts'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const PATHS = [
	'/en',
	'/zh',
	'/en/news',
	'/zh/news/california-china-zev-partnership',
	'/en/news/feed.xml',
	'/sitemap.xml',
	'/en/no-such-page',
	'/healthz',
]
const SERVER_START_TIMEOUT_MS = 30_000

if (!existsSync('build/server/index.js') || process.env.BENCH_BUILD === '1') {
	if (spawnSync('npx', ['remix', 'vite:build'], { stdio: 'inherit' }).status !== 0) process.exit(1)
}

const external = process.env.BENCH_DATABASE_URL
const dbServer = external ? null : await startTestDatabaseServer()
const databaseUrl = external ?? (await createTestDatabase(dbServer!.adminUrl))
const setup = createSql(databaseUrl, { max: 1 })
await migrate({ sql: setup })
await seed({ sql: setup })
await setup.end()

const port = await findFreePort()
const server = spawn('npx', ['tsx', 'server.ts'], {
	env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: databaseUrl },
	stdio: ['ignore', 'pipe', 'inherit'],
})
const origin = `http://127.0.0.1:${port}`
const deadline = Date.now() + SERVER_START_TIMEOUT_MS
while (!(await fetch(`${origin}/healthz`).then((r) => r.ok, () => false))) {
	if (Date.now() > deadline) throw new Error('The server did not start')
	await new Promise((resolve) => setTimeout(resolve, 200))
}

// What a first visit downloads: the HTML and every script it references.
const html = await (await fetch(`${origin}/en`)).text()
const scripts = new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!))
let jsGzipBytes = 0
for (const src of scripts) jsGzipBytes += gzipSync(Buffer.from(await (await fetch(`${origin}${src}`)).arrayBuffer())).length

console.log(`\n${SECONDS}s per path, ${CONNECTIONS} connections, loopback, NODE_ENV=production\n`)
console.log('path                     req/s    p50 ms   p99 ms   errors')
for (const path of PATHS) {
	const result = await autocannon({ url: `${origin}${path}`, connections: CONNECTIONS, duration: SECONDS })
	const errors = result.errors + result.timeouts + result.non2xx - (path.includes('no-such') ? result.non2xx : 0)
	console.log(
		`${path.padEnd(24)} ${result.requests.average.toFixed(0).padStart(6)} ${String(result.latency.p50).padStart(9)} ${String(result.latency.p99).padStart(8)} ${String(errors).padStart(8)}`,
	)
}
console.log(`\nHome page: ${(gzipSync(html).length / 1024).toFixed(1)} KB HTML gzip, ${scripts.size} scripts, ${(jsGzipBytes / 1024).toFixed(1)} KB JavaScript gzip`)

server.kill('SIGTERM')
await new Promise((resolve) => server.once('exit', resolve))
await dbServer?.stop()
