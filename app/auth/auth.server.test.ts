import { randomBytes } from 'node:crypto'
import { beforeEach, describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import { resetDenialCounts } from '#app/audit/denials.server.ts'
import { requirePermission } from './auth.server.ts'

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
