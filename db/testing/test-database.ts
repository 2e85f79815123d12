/**
 * Databases for tests: a fresh one per run (and per test file), on the server
 * TEST_DATABASE_URL names or, when unset, on a throw-away embedded PostgreSQL.
 */
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { createDatabaseIfMissing } from '../database.server.ts'
import { startEmbeddedPostgres } from '../embedded.server.ts'

export interface TestDatabaseServer {
	/** URL of a database on the server that tests may use to create others. */
	adminUrl: string
	stop(): Promise<void>
}

export async function startTestDatabaseServer(): Promise<TestDatabaseServer> {
	const external = process.env.TEST_DATABASE_URL
	if (external) return { adminUrl: external, stop: async () => {} }
	const server = await startEmbeddedPostgres({
		dataDir: path.join(tmpdir(), `zevlab-test-${randomBytes(6).toString('hex')}`),
		port: await findFreePort(),
		password: randomBytes(12).toString('hex'),
		ephemeral: true,
	})
	return { adminUrl: server.adminUrl, stop: () => server.stop() }
}

/** A new, empty database on the admin URL's server; returns its URL. */
export async function createTestDatabase(adminUrl: string, { template }: { template?: string } = {}) {
	const name = `zev_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
	if (template) {
		const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
		try {
			await admin.unsafe(`create database "${name}" template "${databaseName(template)}"`)
		} finally {
			await admin.end()
		}
	} else {
		await createDatabaseIfMissing(adminUrl, name)
	}
	return withDatabase(adminUrl, name)
}

export async function dropTestDatabase(adminUrl: string, url: string) {
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
	try {
		await admin.unsafe(`drop database if exists "${databaseName(url)}" with (force)`)
	} finally {
		await admin.end()
	}
}

export function withDatabase(url: string, database: string): string {
	const parsed = new URL(url)
	parsed.pathname = `/${database}`
	return parsed.toString()
}

function databaseName(url: string): string {
	const name = new URL(url).pathname.slice(1)
	if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Unexpected test database name: ${name}`)
	return name
}

export function findFreePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer()
		probe.once('error', reject)
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address()
			probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
		})
	})
}
