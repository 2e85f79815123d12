/**
 * Forward-only migrations: numbered SQL files in db/migrations/, each applied
 * once, in its own transaction, recorded in `schema_migrations`. An advisory
 * lock makes concurrent runs (two processes starting at once) wait for each
 * other instead of applying a migration twice.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Sql } from './sql.server.ts'

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url))

/** Arbitrary but fixed: every portal process must use the same key. */
const MIGRATION_LOCK_KEY = 2014_0611

const MIGRATION_FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/

export interface Migration {
	version: number
	name: string
	sql: string
}

export class SchemaTooNewError extends Error {
	constructor(unknownVersions: number[]) {
		super(
			`The database has migrations this code does not know (${unknownVersions.join(', ')}): ` +
				'it was migrated by a newer version of the portal. Refusing to start; deploy that version or restore a backup.',
		)
		this.name = 'SchemaTooNewError'
	}
}

export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
	const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort()
	const migrations: Migration[] = []
	for (const file of files) {
		const match = MIGRATION_FILE.exec(file)
		if (!match) throw new Error(`Migration file name must look like 0001_name.sql: ${file}`)
		const version = Number(match[1])
		if (migrations.some((m) => m.version === version)) {
			throw new Error(`Two migrations share version ${version}`)
		}
		migrations.push({ version, name: match[2]!, sql: await readFile(path.join(dir, file), 'utf8') })
	}
	return migrations
}

async function ensureMigrationsTable(sql: Sql) {
	await sql.begin(async (tx) => {
		await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`
		await tx`
			create table if not exists schema_migrations (
				version integer primary key,
				name text not null,
				applied_at timestamptz not null default now()
			)
		`
	})
}

async function appliedVersions(sql: Sql): Promise<number[]> {
	const rows = await sql<{ version: number }[]>`select version from schema_migrations order by version`
	return rows.map((row) => row.version)
}

/** Throws SchemaTooNewError when the database ran a migration the code lacks. */
export async function assertSchemaNotNewer(sql: Sql, migrations: Migration[]) {
	const known = new Set(migrations.map((m) => m.version))
	const unknown = (await appliedVersions(sql)).filter((version) => !known.has(version))
	if (unknown.length > 0) throw new SchemaTooNewError(unknown)
}

export async function migrate({
	sql,
	migrations,
	log = () => {},
}: {
	sql: Sql
	migrations?: Migration[]
	log?: (message: string) => void
}): Promise<{ applied: string[] }> {
	const all = migrations ?? (await readMigrations())
	await ensureMigrationsTable(sql)
	await assertSchemaNotNewer(sql, all)

	const applied: string[] = []
	for (const migration of all) {
		const ran = await sql.begin(async (tx) => {
			// Re-checked under the lock: another process may have just applied it.
			await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`
			const [done] = await tx`select 1 from schema_migrations where version = ${migration.version}`
			if (done) return false
			await tx.unsafe(migration.sql)
			await tx`insert into schema_migrations (version, name) values (${migration.version}, ${migration.name})`
			return true
		})
		if (ran) {
			const label = `${String(migration.version).padStart(4, '0')}_${migration.name}`
			applied.push(label)
			log(`Applied migration ${label}`)
		}
	}
	return { applied }
}
