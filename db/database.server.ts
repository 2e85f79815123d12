/**
 * Finds the portal's database: DATABASE_URL when set, otherwise an embedded
 * PostgreSQL under .data/ (created on first use, password kept beside it).
 */
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import postgres from 'postgres'
import { parseEnv, type Env } from '#app/config/env.server.ts'
import { startEmbeddedPostgres } from './embedded.server.ts'
import { createSql, type Sql } from './sql.server.ts'

const EMBEDDED_DATABASE_NAME = 'zevlab'

export interface DatabaseHandle {
	url: string
	/** For logs: never contains the password. */
	description: string
	embedded: boolean
	stop(): Promise<void>
}

export async function openDatabase({
	databaseUrl,
	embeddedDir,
	embeddedPort,
	supervise = false,
	log,
}: {
	databaseUrl: string | undefined
	embeddedDir: string
	embeddedPort: number
	/** Restart an embedded server that dies (the portal's server; not the CLIs). */
	supervise?: boolean
	log: (message: string) => void
}): Promise<DatabaseHandle> {
	if (databaseUrl) {
		return { url: databaseUrl, description: redact(databaseUrl), embedded: false, stop: async () => {} }
	}
	const password = await readOrCreatePassword(embeddedDir)
	const server = await startEmbeddedPostgres({ dataDir: embeddedDir, port: embeddedPort, password, supervise, log })
	await createDatabaseIfMissing(server.adminUrl, EMBEDDED_DATABASE_NAME)
	const url = server.urlFor(EMBEDDED_DATABASE_NAME)
	return {
		url,
		description: `embedded PostgreSQL ${redact(url)} (data in ${path.resolve(embeddedDir)})`,
		embedded: true,
		stop: () => server.stop(),
	}
}

/** The database the environment names, for the server and the CLIs. */
export function openDatabaseFromEnv(
	env: Env,
	log: (message: string) => void,
	{ supervise = false }: { supervise?: boolean } = {},
): Promise<DatabaseHandle> {
	return openDatabase({
		databaseUrl: env.DATABASE_URL,
		embeddedDir: env.EMBEDDED_PG_DIR,
		embeddedPort: env.EMBEDDED_PG_PORT,
		supervise,
		log,
	})
}

/**
 * For the CLIs: open the environment's database, run `task` with a
 * one-connection client, report failures as a message, and clean up.
 */
export async function runWithDatabase(
	task: (sql: Sql, database: DatabaseHandle, log: (message: string) => void) => Promise<void>,
): Promise<void> {
	const log = (message: string) => console.log(`[zevlab] ${message}`)
	const database = await openDatabaseFromEnv(parseEnv(), log)
	const sql = createSql(database.url, { max: 1 })
	try {
		await task(sql, database, log)
	} catch (error) {
		console.error(error instanceof Error ? error.message : error)
		process.exitCode = 1
	} finally {
		await sql.end()
		await database.stop()
	}
}

export async function createDatabaseIfMissing(adminUrl: string, name: string) {
	// Interpolated into DDL below: allow only plain identifiers.
	if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Invalid database name: ${name}`)
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
	try {
		const [existing] = await admin`select 1 from pg_database where datname = ${name}`
		if (!existing) await admin.unsafe(`create database "${name}" encoding 'UTF8' template template0`)
	} finally {
		await admin.end()
	}
}

/** The cluster's password is chosen once, at creation, and kept next to it. */
async function readOrCreatePassword(embeddedDir: string): Promise<string> {
	const file = `${path.resolve(embeddedDir)}.password`
	const existing = await readFile(file, 'utf8').catch(() => '')
	if (existing.trim()) return existing.trim()
	const password = randomBytes(18).toString('base64url')
	await mkdir(path.dirname(file), { recursive: true })
	await writeFile(file, `${password}\n`, { mode: 0o600 })
	return password
}

export function redact(url: string): string {
	try {
		const parsed = new URL(url)
		if (parsed.password) parsed.password = '***'
		return parsed.toString()
	} catch {
		return '(unparseable DATABASE_URL)'
	}
}
