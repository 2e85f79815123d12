/** The admin's list of members: bounded, searchable by name or email, patterns typed as text. */
import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { createUser, listUsers } from './users.queries.server.ts'

const tag = randomBytes(4).toString('hex')
const newUser = (name: string, email: string) =>
	createUser({ email, name, role: 'researcher', passwordHash: 'not-a-hash', lang: 'en', timeZone: 'UTC' })

describe('listUsers', () => {
	test('at most `limit` rows, the total of all that match, by name or email, case-insensitively', async () => {
		await newUser(`Ada ${tag}`, `ada-${tag}@list.example`)
		await newUser(`Grace ${tag}`, `grace-${tag}@list.example`)
		await newUser('Someone Else', `50%_off-${tag}@list.example`)

		const both = await listUsers({ query: tag.toUpperCase(), limit: 10 })
		expect(both.total).toBe(3)
		expect(both.rows.map((u) => u.name)).toEqual([`Ada ${tag}`, `Grace ${tag}`, 'Someone Else'])
		const one = await listUsers({ query: `grace ${tag}`, limit: 10 })
		expect(one.rows.map((u) => u.email)).toEqual([`grace-${tag}@list.example`])

		const bounded = await listUsers({ query: tag, limit: 1 })
		expect(bounded.rows).toHaveLength(1)
		expect(bounded.total).toBe(3)

		// `%` and `_` are what they are, not wildcards.
		expect((await listUsers({ query: `50%_off-${tag}`, limit: 10 })).total).toBe(1)
		expect((await listUsers({ query: `5_%`, limit: 10 })).rows.every((u) => u.email.includes('5_%') || u.name.includes('5_%'))).toBe(true)

		const all = await listUsers({ query: null, limit: 2 })
		expect(all.rows).toHaveLength(2)
		expect(all.total).toBeGreaterThanOrEqual(3)
	})
})
