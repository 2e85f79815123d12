/** The migration runner against a real, empty PostgreSQL database. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, inject, test } from 'vitest'
import { createSql, type Sql } from './sql.server.ts'
import { migrate, readMigrations, SchemaTooNewError } from './migrate.server.ts'
import { createTestDatabase, dropTestDatabase } from './testing/test-database.ts'

const adminUrl = inject('testAdminUrl')
const cleanups: (() => Promise<void>)[] = []

async function emptyDatabase(): Promise<{ url: string; sql: Sql }> {
	const url = await createTestDatabase(adminUrl)
	const sql = createSql(url)
	cleanups.push(async () => {
		await sql.end()
		await dropTestDatabase(adminUrl, url)
	})
	return { url, sql }
}

async function migrationsDir(files: Record<string, string>): Promise<string> {
	const dir = await mkdtemp(path.join(tmpdir(), 'zevlab-migrations-'))
	cleanups.push(() => rm(dir, { recursive: true, force: true }))
	for (const [name, body] of Object.entries(files)) await writeFile(path.join(dir, name), body)
	return dir
}

afterEach(async () => {
	for (const cleanup of cleanups.splice(0)) await cleanup()
})

describe('migrate', () => {
	test('applies every migration once, records it, and is a no-op the second time', async () => {
		const { sql } = await emptyDatabase()
		const all = await readMigrations()
		const first = await migrate({ sql })
		expect(first.applied).toHaveLength(all.length)
		const recorded = await sql<{ version: number }[]>`select version from schema_migrations order by version`
		expect(recorded.map((r) => r.version)).toEqual(all.map((m) => m.version))
		expect((await migrate({ sql })).applied).toEqual([])
		const [table] = await sql`select to_regclass('public.working_groups') as name`
		expect(table?.name).toBe('working_groups')
	})

	test('two processes migrating at once apply each migration exactly once', async () => {
		const { url } = await emptyDatabase()
		const a = createSql(url)
		const b = createSql(url)
		try {
			const [ra, rb] = await Promise.all([migrate({ sql: a }), migrate({ sql: b })])
			const all = await readMigrations()
			expect([...ra.applied, ...rb.applied].sort()).toEqual(
				all.map((m) => `${String(m.version).padStart(4, '0')}_${m.name}`).sort(),
			)
		} finally {
			await a.end()
			await b.end()
		}
	})

	test('a failing migration leaves nothing behind and is not recorded', async () => {
		const { sql } = await emptyDatabase()
		const dir = await migrationsDir({
			'0001_ok.sql': 'create table first_table (id int);',
			'0002_broken.sql': 'create table half_done (id int);\nselect * from no_such_table;',
		})
		await expect(migrate({ sql, migrations: await readMigrations(dir) })).rejects.toThrow(/no_such_table/)
		const rows = await sql<{ version: number }[]>`select version from schema_migrations`
		expect(rows.map((r) => r.version)).toEqual([1])
		const [halfDone] = await sql`select to_regclass('public.half_done') as name`
		expect(halfDone?.name).toBeNull()
	})

	test('refuses a database migrated by newer code', async () => {
		const { sql } = await emptyDatabase()
		await migrate({ sql })
		await sql`insert into schema_migrations (version, name) values (9999, 'from_the_future')`
		await expect(migrate({ sql })).rejects.toBeInstanceOf(SchemaTooNewError)
	})

	test('rejects badly named or duplicate migration files', async () => {
		await expect(readMigrations(await migrationsDir({ '1_bad.sql': '' }))).rejects.toThrow(/0001_name/)
		await expect(
			readMigrations(await migrationsDir({ '0001_a.sql': '', '0001_b.sql': '' })),
		).rejects.toThrow(/share version 1/)
	})
})
