/**
 * The bench's own PostgreSQL: an embedded cluster under .cache/bench-db/,
 * kept between runs and keyed by the migration set and the dataset
 * generator, so the large dataset is generated once (minutes) and reused
 * (seconds). pg_stat_statements counts the queries each page issues.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import postgres from 'postgres'
import { createSql, type Sql } from '#db/sql.server.ts'
import { migrate, MIGRATIONS_DIR } from '#db/migrate.server.ts'
import { seed } from '#db/seed/seed.server.ts'
import { startEmbeddedPostgres, type EmbeddedServer } from '#db/embedded.server.ts'
import { findFreePort } from '#db/testing/test-database.ts'
import { DATASET_PARTS, generateDataset } from './dataset.ts'

const CACHE_ROOT = path.resolve('.cache/bench-db')
const DATABASE = 'bench'
/** Loopback only, for a throw-away cluster: a fixed password lets a later run reuse it. */
const PASSWORD = 'bench-only-loopback'
const READY_MARKER = 'dataset-ready'

export interface BenchDatabase {
	url: string
	/** The maintenance database, where the bench reads its statistics. */
	adminSql: Sql
	/** Queries run against `url` since the last reset (pg_stat_statements). */
	resetQueryCount(): Promise<void>
	queryCount(): Promise<number>
	stop(): Promise<void>
}

async function datasetKey(): Promise<string> {
	const hash = createHash('sha256')
	for (const file of (await readdir(MIGRATIONS_DIR)).sort()) hash.update(file).update(await readFile(path.join(MIGRATIONS_DIR, file)))
	const here = path.dirname(fileURLToPath(import.meta.url))
	// The generator is dataset.ts and the files it splits into (dataset-lab.ts, dataset-lab-text.ts).
	for (const file of (await readdir(here)).filter((name) => /^dataset.*\.ts$/.test(name)).sort()) {
		hash.update(file).update(await readFile(path.join(here, file)))
	}
	for (const part of DATASET_PARTS) hash.update(`${part.name}:${part.rows}`)
	return hash.digest('hex').slice(0, 16)
}

export async function openBenchDatabase({ log }: { log: (message: string) => void }): Promise<BenchDatabase> {
	const key = await datasetKey()
	const dataDir = path.join(CACHE_ROOT, key)
	// Datasets of older migration sets are of no more use: free the disk.
	await mkdir(CACHE_ROOT, { recursive: true })
	for (const old of await readdir(CACHE_ROOT)) if (old !== key) await rm(path.join(CACHE_ROOT, old), { recursive: true, force: true })
	const ready = existsSync(path.join(dataDir, READY_MARKER))
	if (!ready) await rm(dataDir, { recursive: true, force: true })

	const port = await findFreePort()
	let server: EmbeddedServer = await startEmbeddedPostgres({ dataDir, port, password: PASSWORD, log })
	if (!ready) {
		log(`Generating the bench dataset into ${path.relative(process.cwd(), dataDir)} (once per migration set)`)
		const admin = postgres(server.adminUrl, { max: 1, onnotice: () => {} })
		await admin.unsafe(`alter system set shared_preload_libraries = 'pg_stat_statements'`)
		await admin.unsafe(`alter system set shared_buffers = '256MB'`)
		await admin.unsafe(`create database ${DATABASE}`)
		await admin.end()
		await server.stop()
		server = await startEmbeddedPostgres({ dataDir, port, password: PASSWORD, log })
		const adminAgain = postgres(server.adminUrl, { max: 1, onnotice: () => {} })
		await adminAgain.unsafe('create extension if not exists pg_stat_statements')
		// Statements only: BEGIN/COMMIT and LISTEN are not queries a page issues.
		await adminAgain.unsafe('alter system set pg_stat_statements.track_utility = off')
		await adminAgain.unsafe('select pg_reload_conf()')
		await adminAgain.end()
		const sql = createSql(server.urlFor(DATABASE), { max: 1 })
		try {
			await migrate({ sql })
			await seed({ sql })
			const started = Date.now()
			await generateDataset({ sql, url: server.urlFor(DATABASE) })
			log(`Dataset generated in ${((Date.now() - started) / 1000).toFixed(0)} s`)
		} finally {
			await sql.end()
		}
		await writeFile(path.join(dataDir, READY_MARKER), new Date().toISOString())
	}

	const url = server.urlFor(DATABASE)
	const adminSql = createSql(server.adminUrl, { max: 1 })
	const [database] = await adminSql<{ oid: number }[]>`select oid from pg_database where datname = ${DATABASE}`
	const oid = database!.oid
	return {
		url,
		adminSql,
		async resetQueryCount() {
			await adminSql`select pg_stat_statements_reset()`
		},
		async queryCount() {
			const [row] = await adminSql<{ calls: string }[]>`
				select coalesce(sum(calls), 0)::text as calls from pg_stat_statements where dbid = ${oid}
			`
			return Number(row?.calls ?? 0)
		},
		async stop() {
			await adminSql.end()
			await server.stop()
		},
	}
}
