import { describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import { createSql } from '#db/sql.server.ts'
import { findFreePort } from '#db/testing/test-database.ts'
import { checkDatabase } from './health.queries.server.ts'

describe('checkDatabase', () => {
	test('true when the database answers', async () => {
		expect(await checkDatabase(sql)).toBe(true)
	})

	test('false, quickly, when nothing listens where the database should be', async () => {
		const unreachable = createSql(`postgres://nobody:x@127.0.0.1:${await findFreePort()}/none`, { connect_timeout: 1 })
		const started = Date.now()
		try {
			expect(await checkDatabase(unreachable)).toBe(false)
			expect(Date.now() - started).toBeLessThan(3_000)
		} finally {
			await unreachable.end({ timeout: 0 })
		}
	})
})
