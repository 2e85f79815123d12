/** A transaction that changed public content tells this process after it commits, and only then. */
import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { sql } from './client.server.ts'
import { inTransaction, onPublicContentCommitted, rowLimit } from './sql.server.ts'

async function heard(work: () => Promise<unknown>): Promise<number> {
	let calls = 0
	const stop = onPublicContentCommitted(() => {
		calls += 1
	})
	try {
		await work().catch(() => {})
	} finally {
		stop()
	}
	return calls
}

describe('onPublicContentCommitted', () => {
	test('called once after a transaction that wrote public content commits', async () => {
		const slug = `t-${randomBytes(4).toString('hex')}`
		expect(await heard(() => inTransaction(sql, async (tx) => {
			await tx`insert into tags (slug) values (${slug})`
			await tx`insert into tag_translations (tag_id, lang, label) select id, 'en', 'Label' from tags where slug = ${slug}`
		}))).toBe(1)
	})

	test('not called for a rolled-back write, nor for writes the public never sees', async () => {
		const slug = `t-${randomBytes(4).toString('hex')}`
		expect(await heard(() => inTransaction(sql, async (tx) => {
			await tx`insert into tags (slug) values (${slug})`
			throw new Error('changed my mind')
		}))).toBe(0)
		expect(await heard(() => inTransaction(sql, async (tx) => {
			await tx`insert into audit_events (event) values ('request_denied')`
		}))).toBe(0)
		const [row] = await sql<{ count: number }[]>`select count(*)::int as count from tags where slug = ${slug}`
		expect(row?.count).toBe(0)
	})

	test("a savepoint inside a caller's transaction tells once, when the outer one commits", async () => {
		const slug = `t-${randomBytes(4).toString('hex')}`
		expect(await heard(() => inTransaction(sql, (outer) => inTransaction(outer, async (inner) => {
			await inner`insert into tags (slug) values (${slug})`
		})))).toBe(1)
	})
})

describe('rowLimit', () => {
	test('writes the count into the statement, where PostgreSQL can keep one plan for every execution', async () => {
		const db = await sql.reserve()
		try {
			// A list query as the data modules write them (keyset order, a cap), named apart from any other statement.
			const name = `list_${randomBytes(4).toString('hex')}`
			for (let i = 0; i < 8; i++) await db`select id as ${db(name)} from tags where id > ${i} order by id desc ${rowLimit(db, 31)}`
			const [plans] = await db<{ statement: string; genericPlans: number }[]>`
				select statement, generic_plans::int from pg_prepared_statements where statement like ${`%"${name}"%`}
			`
			expect(plans?.statement).toMatch(/order by id desc limit 31$/)
			// Planned for the values the first times, then the one generic plan.
			expect(plans?.genericPlans).toBeGreaterThan(0)
		} finally {
			db.release()
		}
	})

	test('refuses anything but a small whole number', () => {
		for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 100_001]) expect(() => rowLimit(sql, bad)).toThrow(RangeError)
		expect(() => rowLimit(sql, 0)).not.toThrow()
	})
})
