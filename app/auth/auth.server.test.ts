import { randomBytes } from 'node:crypto'
import { afterAll, beforeEach, describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import { resetDenialCounts } from '#app/audit/denials.server.ts'
import { getSession, getUser, requirePermission } from './auth.server.ts'
import { closeSessionStore, createSession, SESSION_COOKIE_NAME } from './session.server.ts'

afterAll(async () => {
	await closeSessionStore()
})

beforeEach(() => resetDenialCounts())

async function deniedRows(ip: string) {
	return sql`select event from audit_events where event = 'request_denied' and ip = ${ip}`
}

describe('requirePermission', () => {
	test('an anonymous denied page writes one audit row, though its layout and page each check (each with its own Request)', async () => {
		const ip = `192.0.2.${randomBytes(1)[0]}`
		// What Remix hands a layout's and a page's loaders: one load context, a Request object each.
		const context = { clientIp: ip }
		const layout = requirePermission({ request: new Request('http://localhost/en/admin/users'), context }, 'admin:users:read')
		const page = requirePermission({ request: new Request('http://localhost/en/admin/users'), context }, 'admin:users:read')
		const answers = await Promise.allSettled([layout, page])
		expect(answers.map((a) => a.status === 'rejected' && (a.reason as Response).status)).toEqual([404, 404])
		expect(await deniedRows(ip)).toHaveLength(1)
	})
})

describe('getSession', () => {
	async function signedIn() {
		const id = `user-${randomBytes(6).toString('hex')}`
		await sql`insert into users (id, email, name, role, password_hash) values (${id}, ${`${id}@example.org`}, 'Before', 'researcher', 'x')`
		const { setCookie, sessionId } = await createSession({ userId: id, ip: null, userAgent: null })
		const cookie = setCookie.split('; ')[0]!
		expect(cookie.startsWith(`${SESSION_COOKIE_NAME}=`)).toBe(true)
		const request = (method = 'GET') => new Request('http://localhost/en/account', { method, headers: { Cookie: cookie } })
		return { id, sessionId, request }
	}

	test('the loaders of one request share one lookup, though each has its own Request', async () => {
		const { sessionId, request } = await signedIn()
		const context = { clientIp: '192.0.2.1' }
		const root = getSession({ request: request(), context })
		expect((await root)?.user.name).toBe('Before')
		// Gone from the database: the page's loader still shares the root's answer for this request…
		await sql`delete from sessions where id = ${sessionId}`
		const page = getSession({ request: request(), context })
		expect(page).toBe(root)
		// …and the next request asks the database again.
		expect(await getUser({ request: request(), context: { clientIp: '192.0.2.1' } })).toBeNull()
	})

	test("an action's lookup is its own: the loaders that follow it in a form post without JavaScript see what it changed", async () => {
		const { id, request } = await signedIn()
		const context = { clientIp: '192.0.2.2' }
		expect((await getUser({ request: request('POST'), context }))?.name).toBe('Before')
		await sql`update users set name = 'After' where id = ${id}`
		expect((await getUser({ request: request('GET'), context }))?.name).toBe('After')
	})
})
