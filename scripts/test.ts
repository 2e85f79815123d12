/**
 * `npm test`: everything the portal promises, in one command.
 *
 *   1. typecheck (tsc)
 *   2. unit and integration tests (vitest) against a real PostgreSQL
 *   3. the production build, then the Playwright e2e suite in Chromium
 *
 * One database server serves the whole run: TEST_DATABASE_URL's, or a
 * throw-away embedded PostgreSQL. Every run gets fresh databases on it.
 * Ends with one line: `N passed, N failed`.
 *
 *   npm test              all three
 *   npm run test:unit     typecheck skipped; vitest only
 *   npm run test:e2e      build and Playwright only
 *   npm run test:e2e -- e2e/news.spec.ts -g publish    (arguments go to Playwright)
 */
import { spawn } from 'node:child_process'
import { mkdir, readFile, rm } from 'node:fs/promises'
import { createSql } from '#db/sql.server.ts'
import { migrate } from '#db/migrate.server.ts'
import { seed } from '#db/seed/seed.server.ts'
import { createTestDatabase, findFreePort, startTestDatabaseServer } from '#db/testing/test-database.ts'

const REPORT_DIR = '.cache/test-results'
const only = process.argv[2] as 'unit' | 'e2e' | undefined
/** After `e2e`: Playwright's own arguments (spec files, -g), to run a part of the suite. */
const playwrightArgs = only === 'e2e' ? process.argv.slice(3) : []

interface Tally {
	name: string
	passed: number
	failed: number
}

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
	return new Promise((resolve) => {
		const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
		child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
	})
}

async function readJson<T>(file: string): Promise<T | null> {
	return readFile(file, 'utf8').then((text) => JSON.parse(text) as T, () => null)
}

async function typecheck(): Promise<Tally> {
	console.log('\n▶ typecheck')
	const code = await run('npx', ['tsc'])
	return { name: 'typecheck', passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 }
}

async function unit(adminUrl: string): Promise<Tally> {
	console.log('\n▶ unit and integration tests (vitest)')
	const output = `${REPORT_DIR}/vitest.json`
	const code = await run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${output}`], {
		TEST_DATABASE_URL: adminUrl,
	})
	const report = await readJson<{ numPassedTests: number; numFailedTests: number }>(output)
	if (!report) return { name: 'vitest', passed: 0, failed: 1 }
	// A crash outside any test (a failing setup file) still fails the run.
	const failed = report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0)
	return { name: 'vitest', passed: report.numPassedTests, failed }
}

async function e2e(adminUrl: string): Promise<Tally> {
	console.log('\n▶ production build')
	if ((await run('npx', ['remix', 'vite:build'])) !== 0) return { name: 'build', passed: 0, failed: 1 }

	console.log('\n▶ end-to-end tests (Playwright)')
	const databaseUrl = await createTestDatabase(adminUrl)
	const sql = createSql(databaseUrl, { max: 1 })
	try {
		await migrate({ sql })
		await seed({ sql })
	} finally {
		await sql.end()
	}
	const output = `${REPORT_DIR}/playwright.json`
	const code = await run('npx', ['playwright', 'test', ...playwrightArgs], {
		E2E_DATABASE_URL: databaseUrl,
		E2E_PORT: String(await findFreePort()),
		PLAYWRIGHT_JSON_OUTPUT_NAME: output,
	})
	const report = await readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(output)
	if (!report) return { name: 'playwright', passed: 0, failed: 1 }
	const failed = report.stats.unexpected + (code !== 0 && report.stats.unexpected === 0 ? 1 : 0)
	return { name: 'playwright', passed: report.stats.expected + report.stats.flaky, failed }
}

await rm(REPORT_DIR, { recursive: true, force: true })
await mkdir(REPORT_DIR, { recursive: true })

const tallies: Tally[] = []
if (!only) tallies.push(await typecheck())
const server = await startTestDatabaseServer()
try {
	if (only !== 'e2e') tallies.push(await unit(server.adminUrl))
	if (only !== 'unit') tallies.push(await e2e(server.adminUrl))
} finally {
	await server.stop()
}

const passed = tallies.reduce((sum, t) => sum + t.passed, 0)
const failed = tallies.reduce((sum, t) => sum + t.failed, 0)
console.log('')
for (const t of tallies) console.log(`  ${t.name}: ${t.passed} passed, ${t.failed} failed`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 && passed > 0 ? 0 : 1)
