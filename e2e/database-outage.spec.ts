/**
 * Reliability: under a running portal the database freezes (SIGSTOP), thaws,
 * stops and comes back. Every page that needs it answers the translated 503
 * page within about 2 s, /healthz says so, and the portal serves again by
 * itself. Under `npm start`'s embedded database, one that dies is restarted;
 * a second portal on the same folder, or on a taken port, is refused in one
 * line. Each test runs its own server and PostgreSQL on 127.0.0.1; every
 * wait is bounded. See docs/decisions/014-database-outages.md.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { createUser } from '#app/accounts/users.queries.server.ts'
import { insertSession } from '#app/auth/sessions.queries.server.ts'
import { createDatabaseIfMissing } from '#db/database.server.ts'
import { startEmbeddedPostgres, type EmbeddedServer } from '#db/embedded.server.ts'
import { migrate } from '#db/migrate.server.ts'
import { seed } from '#db/seed/seed.server.ts'
import { createSql } from '#db/sql.server.ts'
import { findFreePort } from '#db/testing/test-database.ts'
import { HTML_LANG, messages, parseCsp } from './utils.ts'

/** "About 2 s": the 1.5 s query deadline, plus rendering on a busy 2-core machine. */
const ANSWER_LIMIT_MS = 2_500
/**
 * Sixteen error pages rendered at once on two cores shared with the other
 * worker's browser: each waits for CPU, not for the database. Requests queued
 * behind a frozen connection would each add a 1.5 s deadline (16 of them: 24 s).
 */
const BURST_LIMIT_MS = 4_000
/** A request that takes longer than this has hung: the test fails rather than waits. */
const REQUEST_TIMEOUT_MS = 10_000
const START_LIMIT_MS = 90_000
const RECOVERY_LIMIT_MS = 15_000
const RESTART_LIMIT_MS = 45_000
const POLL_MS = 100
const SESSION_COOKIE = '__Host-zevlab_session'
const DATABASE_PAGES = ['/en', '/zh', '/en/news', '/zh/news'] as const
/** A member's page that ships scripts (forms that check as you type); reading pages ship none, their error page neither. */
const SCRIPTED_PAGES = new Set<string>(['/zh/account'])

let probes = 0
/** The page at an address no cache holds (a query parameter the page ignores). */
function uncached(pathname: string): string {
	probes += 1
	return `${pathname}?probe=${probes}`
}

test.describe.configure({ mode: 'serial' })

interface Portal {
	baseURL: string
	output(): string
	stop(): Promise<void>
}

interface Answer {
	status: number
	ms: number
	headers: Headers
	body: string
}

async function get(baseURL: string, pathname: string, headers: Record<string, string> = {}): Promise<Answer> {
	const started = Date.now()
	const response = await fetch(`${baseURL}${pathname}`, { headers, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
	const body = await response.text()
	return { status: response.status, ms: Date.now() - started, headers: response.headers, body }
}

async function until<T>(limitMs: number, attempt: () => Promise<T | undefined>): Promise<{ value: T; ms: number }> {
	const started = Date.now()
	while (Date.now() - started < limitMs) {
		const value = await attempt().catch(() => undefined)
		if (value !== undefined) return { value, ms: Date.now() - started }
		await new Promise((resolve) => setTimeout(resolve, POLL_MS))
	}
	throw new Error(`Not within ${limitMs} ms`)
}

function run(env: Record<string, string>): { child: ChildProcess; output(): string; exited: Promise<number | null> } {
	// Its own database and no trusted proxy, whatever the suite's environment says.
	const { DATABASE_URL: _database, TRUST_PROXY: _proxy, ...inherited } = process.env
	const child = spawn(path.resolve('node_modules/.bin/tsx'), ['server.ts'], {
		// Production needs its public origin: the address the test talks to.
		env: { ...inherited, NODE_ENV: 'production', HOST: '127.0.0.1', ...(env.PORT ? { SITE_URL: `http://127.0.0.1:${env.PORT}` } : {}), ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	let output = ''
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
	return { child, output: () => output, exited }
}

/** A portal on its own port; resolves once /healthz says 200. */
async function startPortal(env: Record<string, string>): Promise<Portal> {
	const port = await findFreePort()
	const baseURL = `http://127.0.0.1:${port}`
	const { child, output, exited } = run({ PORT: String(port), ...env })
	let exitCode: number | null | undefined
	void exited.then((code) => (exitCode = code))
	const stop = async () => {
		if (exitCode !== undefined) return
		child.kill('SIGTERM')
		const stopped = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 20_000))])
		if (!stopped) child.kill('SIGKILL')
	}
	try {
		await until(START_LIMIT_MS, async () => {
			if (exitCode !== undefined) throw new Error(`The portal exited (${exitCode}):\n${output()}`)
			return (await get(baseURL, '/healthz')).status === 200 ? true : undefined
		})
	} catch (error) {
		await stop()
		throw new Error(`The portal did not start: ${String(error)}\n${output()}`)
	}
	return { baseURL, output, stop }
}

function postmasterPid(dataDir: string): number {
	return Number.parseInt(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10)
}

/** The postmaster and its backends: freezing only the postmaster leaves open connections working. */
function clusterPids(postmaster: number): number[] {
	const children = readdirSync('/proc')
		.filter((entry) => /^\d+$/.test(entry))
		.filter((pid) => {
			try {
				const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
				return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster
			} catch {
				return false
			}
		})
		.map(Number)
	return [postmaster, ...children]
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0)
		return true
	} catch {
		return false
	}
}

/** The designed 503 page in the URL's language: status, headers, nonce, copy, and no stack trace. */
function expectUnavailablePage(answer: Answer, pathname: string) {
	const lang = pathname.startsWith('/zh') ? 'zh' : 'en'
	expect(answer.status, pathname).toBe(503)
	expect(answer.ms, `${pathname} answered in ${answer.ms} ms`).toBeLessThan(ANSWER_LIMIT_MS)
	expect(answer.headers.get('retry-after'), pathname).toBe('60')
	expect(answer.headers.get('cache-control'), pathname).toBe('no-store')
	expect(answer.headers.get('content-type'), pathname).toMatch(/^text\/html/)
	const nonce = (parseCsp(answer.headers.get('content-security-policy')).get('script-src') ?? [])
		.find((source) => source.startsWith("'nonce-"))
		?.slice(7, -1)
	expect(nonce, pathname).toBeTruthy()
	const scripts = [...answer.body.matchAll(/<script\b[^>]*>/g)].map((match) => match[0])
	if (SCRIPTED_PAGES.has(pathname)) expect(scripts.length, pathname).toBeGreaterThan(0)
	else expect(scripts, pathname).toEqual([])
	for (const tag of scripts) expect(tag, pathname).toContain(`nonce="${nonce}"`)
	expect(answer.body, pathname).toContain(`<html lang="${HTML_LANG[lang]}"`)
	expect(answer.body, pathname).toContain('data-status="503"')
	expect(answer.body, pathname).toContain(messages[lang].common.errors.unavailable.heading)
	expect(answer.body, pathname).toContain(messages[lang].common.errors.unavailable.body)
	expect(answer.body, pathname).not.toMatch(/\bat \S+ \(|node_modules|Error:/)
}

test('a frozen, then stopped database: translated 503s within about 2 s, and the portal serves again by itself', async () => {
	test.setTimeout(180_000)
	const dataDir = path.join(tmpdir(), `zevlab-outage-${randomBytes(4).toString('hex')}`)
	const pgPort = await findFreePort()
	const password = randomBytes(12).toString('hex')
	let database: EmbeddedServer | undefined = await startEmbeddedPostgres({ dataDir, port: pgPort, password })
	let portal: Portal | undefined
	let frozen: number[] = []
	try {
		await createDatabaseIfMissing(database.adminUrl, 'zevlab')
		const setup = createSql(database.urlFor('zevlab'), { max: 1 })
		// A signed-in member too: sessions go through the lucia adapter's own pool.
		let token: string
		try {
			await migrate({ sql: setup })
			await seed({ sql: setup })
			const userId = await createUser(
				{ email: `outage-${randomBytes(6).toString('hex')}@e2e.example`, name: 'Outage Tester', role: 'researcher', passwordHash: 'not-a-hash', lang: 'en', timeZone: 'UTC' },
				setup,
			)
			;({ token } = await insertSession({ userId, ip: null, userAgent: null }, setup))
		} finally {
			await setup.end()
		}
		portal = await startPortal({ DATABASE_URL: database.urlFor('zevlab') })
		const { baseURL } = portal
		const signedIn = { Cookie: `${SESSION_COOKIE}=${token}` }
		for (const pathname of DATABASE_PAGES) expect((await get(baseURL, pathname)).status, pathname).toBe(200)
		expect((await get(baseURL, '/en', signedIn)).body).toContain('Outage Tester')

		// Frozen: connections are accepted, nothing is ever answered.
		frozen = clusterPids(postmasterPid(dataDir))
		for (const pid of frozen) process.kill(pid, 'SIGSTOP')
		// A page the response cache kept needs no database: readers keep reading it (content cannot change
		// while the database is frozen). Any other address needs the database and answers 503.
		const kept = await get(baseURL, '/en')
		expect([200, 503], 'a kept page').toContain(kept.status)
		if (kept.status === 200) expect(kept.headers.get('x-response-cache')).toBe('hit')
		for (const pathname of DATABASE_PAGES) expectUnavailablePage(await get(baseURL, uncached(pathname)), pathname)
		expectUnavailablePage(await get(baseURL, '/zh/account', signedIn), '/zh/account')
		const signedInAnswer = await get(baseURL, '/en/news', signedIn)
		expect(signedInAnswer.status).toBe(503)
		expect(signedInAnswer.ms).toBeLessThan(ANSWER_LIMIT_MS)
		const health = await get(baseURL, '/healthz')
		expect(health.status).toBe(503)
		expect(health.ms).toBeLessThan(ANSWER_LIMIT_MS)
		expect(JSON.parse(health.body)).toEqual({ status: 'unavailable', database: 'unreachable' })
		// A burst: no request waits behind another.
		const burst = await Promise.all(Array.from({ length: 16 }, (_, n) => get(baseURL, uncached(DATABASE_PAGES[n % DATABASE_PAGES.length]!))))
		for (const answer of burst) {
			expect(answer.status).toBe(503)
			expect(answer.ms).toBeLessThan(BURST_LIMIT_MS)
		}
		// What needs no database still works.
		expect((await get(baseURL, '/favicon.svg')).status).toBe(200)
		expect((await get(baseURL, '/resources/locales/zh/common')).status).toBe(200)

		// Thawed: the portal serves again, with no restart.
		for (const pid of frozen) process.kill(pid, 'SIGCONT')
		frozen = []
		// Pages no cache holds, for a reader and for a member (whose session has its own pool): a kept page
		// answers at once and says nothing about the database.
		const thawed = await until(RECOVERY_LIMIT_MS, async () => ((await get(baseURL, uncached('/en'))).status === 200 ? true : undefined))
		for (const pathname of DATABASE_PAGES) expect((await get(baseURL, uncached(pathname))).status, pathname).toBe(200)
		await until(RECOVERY_LIMIT_MS, async () => ((await get(baseURL, '/en', signedIn)).body.includes('Outage Tester') ? true : undefined))
		expect((await get(baseURL, '/healthz')).status).toBe(200)

		// Stopped (fast shutdown, as `pg_ctl stop -m fast`): refused connections.
		const postmaster = postmasterPid(dataDir)
		process.kill(postmaster, 'SIGINT')
		await until(RESTART_LIMIT_MS, async () => (isAlive(postmaster) ? undefined : true))
		// Twice, seconds apart: before, pages answered 500 once and then never again.
		for (let wave = 0; wave < 2; wave += 1) {
			const answers = await Promise.all(Array.from({ length: 16 }, (_, n) => get(baseURL, uncached(DATABASE_PAGES[n % DATABASE_PAGES.length]!))))
			for (const [n, answer] of answers.entries()) expectUnavailablePage(answer, DATABASE_PAGES[n % DATABASE_PAGES.length]!)
			expect((await get(baseURL, '/healthz')).status).toBe(503)
			await new Promise((resolve) => setTimeout(resolve, 3_000))
		}
		const signedInStopped = await get(baseURL, '/en', signedIn)
		expect(signedInStopped.status).toBe(503)
		expect(signedInStopped.ms).toBeLessThan(ANSWER_LIMIT_MS)

		// Back on the same port: the portal notices by itself.
		database = await startEmbeddedPostgres({ dataDir, port: pgPort, password })
		const restarted = await until(RECOVERY_LIMIT_MS, async () => ((await get(baseURL, uncached('/en/news'))).status === 200 ? true : undefined))
		for (const pathname of DATABASE_PAGES) expect((await get(baseURL, uncached(pathname))).status, pathname).toBe(200)
		await until(RECOVERY_LIMIT_MS, async () => ((await get(baseURL, '/en', signedIn)).body.includes('Outage Tester') ? true : undefined))
		test.info().annotations.push({ type: 'recovery', description: `after thaw ${thawed.ms} ms, after restart ${restarted.ms} ms` })

		expect(portal.output()).toMatch(/Database unavailable \(/)
		expect(portal.output()).toMatch(/Database available again after/)
		// Outages are logged once each, not as a stack trace per request.
		expect(portal.output()).not.toMatch(/\n\s+at /)
	} finally {
		for (const pid of frozen) process.kill(pid, 'SIGCONT')
		await portal?.stop()
		await database?.stop()
		await rm(dataDir, { recursive: true, force: true })
		await rm(`${dataDir}.portal-pid`, { force: true })
	}
})

test('npm start: a dead embedded database is restarted; a second portal and a taken port are refused in one line', async () => {
	test.setTimeout(180_000)
	const dataDir = path.join(tmpdir(), `zevlab-embedded-${randomBytes(4).toString('hex')}`)
	const pgPort = String(await findFreePort())
	let portal: Portal | undefined
	try {
		// No DATABASE_URL: the embedded server, supervised, as under `npm start`.
		portal = await startPortal({ EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: pgPort })
		const { baseURL } = portal
		expect((await get(baseURL, '/en/news')).status).toBe(200)
		// Plain http, and no trusted proxy: X-Forwarded-Proto is not believed.
		expect((await get(baseURL, '/en', { 'X-Forwarded-Proto': 'https' })).headers.get('strict-transport-security')).toBeNull()

		const crashed = postmasterPid(dataDir)
		process.kill(crashed, 'SIGKILL')
		// Until it is back, every answer is quick: a 503, or already a 200.
		const back = await until(RESTART_LIMIT_MS, async () => {
			// An address the response cache holds nothing for: it needs the database.
			const answer = await get(baseURL, uncached('/en/news'))
			expect([200, 503]).toContain(answer.status)
			expect(answer.ms).toBeLessThan(ANSWER_LIMIT_MS)
			return answer.status === 200 ? true : undefined
		})
		expect(postmasterPid(dataDir)).not.toBe(crashed)
		expect(portal.output()).toMatch(/The embedded PostgreSQL server stopped unexpectedly \(signal SIGKILL\); restarting it/)
		expect(portal.output()).toMatch(/The embedded PostgreSQL server is running again/)
		test.info().annotations.push({ type: 'restart', description: `serving again ${back.ms} ms after SIGKILL` })

		// A second portal on the same folder: refused, and the first keeps its database.
		// (The first's server process, under tsx, is the one that wrote its pid beside the folder.)
		const owner = Number(readFileSync(`${dataDir}.portal-pid`, 'utf8'))
		const second = run({ PORT: String(await findFreePort()), EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: pgPort })
		const secondExit = await Promise.race([second.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 60_000))])
		if (secondExit === 'timeout') second.child.kill('SIGKILL')
		expect(secondExit).toBe(1)
		expect(second.output().trim()).toBe(
			`[zevlab] Cannot start: Another portal (process ${owner}) is already running on the embedded database in ${dataDir}. ` +
				`Stop it first (Ctrl+C in its terminal), or give this one its own folder and ports, ` +
				`e.g. EMBEDDED_PG_DIR=.data/postgres-2 EMBEDDED_PG_PORT=54330 PORT=3001 npm start`,
		)
		expect((await get(baseURL, '/en/news')).status).toBe(200)

		// The HTTP port taken: refused before anything starts.
		const port = Number(new URL(baseURL).port)
		const third = run({ PORT: String(port), EMBEDDED_PG_DIR: `${dataDir}-third`, EMBEDDED_PG_PORT: String(await findFreePort()) })
		const thirdExit = await Promise.race([third.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 60_000))])
		if (thirdExit === 'timeout') third.child.kill('SIGKILL')
		expect(thirdExit).toBe(1)
		expect(third.output().trim()).toBe(
			`[zevlab] Cannot start: Port ${port} on 127.0.0.1 is already in use (is the portal already running?). ` +
				`Stop that program, or choose another port, e.g. PORT=${port + 1} npm start`,
		)
		expect((await get(baseURL, '/en/news')).status).toBe(200)

		const postmaster = postmasterPid(dataDir)
		await portal.stop()
		portal = undefined
		await until(RESTART_LIMIT_MS, async () => (isAlive(postmaster) ? undefined : true))
	} finally {
		await portal?.stop()
		await rm(dataDir, { recursive: true, force: true })
		for (const file of [`${dataDir}.password`, `${dataDir}.portal-pid`, `${dataDir}-third.password`]) await rm(file, { force: true })
	}
})
