/**
 * `npm start`: the whole portal on a laptop. Builds when the sources are newer
 * than the last build, then serves in production mode, on the embedded
 * PostgreSQL unless DATABASE_URL is set, with demo content on first run.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

const BUILD_ENTRY = 'build/server/index.js'
const BUILD_INPUTS = ['app', 'locales', 'public', 'vite.config.ts', 'remix.config.js', 'package-lock.json']

function newestMtimeMs(entry: string): number {
	if (!existsSync(entry)) return 0
	const stat = statSync(entry)
	if (!stat.isDirectory()) return stat.mtimeMs
	return Math.max(
		stat.mtimeMs,
		...readdirSync(entry).map((name) => newestMtimeMs(path.join(entry, name))),
	)
}

const builtAt = existsSync(BUILD_ENTRY) ? statSync(BUILD_ENTRY).mtimeMs : 0
if (Math.max(...BUILD_INPUTS.map(newestMtimeMs)) > builtAt) {
	console.log('[zevlab] Building the portal…')
	const result = spawnSync('npx', ['remix', 'vite:build'], { stdio: 'inherit' })
	if (result.status !== 0) process.exit(result.status ?? 1)
}

process.env.NODE_ENV = 'production'
const { startServer } = await import('../server.ts')
// What stops the portal from starting (a port in use, another portal on the
// same database, a folder PostgreSQL cannot enter) is said in one line; a
// stack trace would only hide it.
await startServer({ mode: 'production', seedIfEmpty: true }).catch((error: unknown) => {
	console.error(`[zevlab] Cannot start: ${error instanceof Error ? error.message : String(error)}`)
	process.exit(1)
})
