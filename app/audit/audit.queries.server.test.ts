import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import { AUDIT_PAGE_SIZE, listAuditEvents, recordAudit } from './audit.queries.server.ts'

/** A marker unique to one test, put into every email it records, so filters see only that test's events. */
const marker = () => `m${randomBytes(5).toString('hex')}`

async function insertUser(email: string, name: string) {
	const id = `user-${randomBytes(6).toString('hex')}`
	await sql`
		insert into users (id, email, name, role, password_hash, lang, time_zone)
		values (${id}, ${email}, ${name}, 'admin', 'not-a-real-hash', 'en', 'America/Los_Angeles')
	`
	return id
}

async function setOccurredAt(email: string, at: string) {
	await sql`update audit_events set occurred_at = ${new Date(at)} where email = ${email}`
}

describe('recordAudit and listAuditEvents', () => {
	test('an event is recorded with its actor, subject, email, address and details', async () => {
		const m = marker()
		const actorId = await insertUser(`actor-${m}@example.org`, 'The Actor')
		const subjectId = await insertUser(`subject-${m}@example.org`, 'The Subject')
		await recordAudit({
			event: 'role_changed',
			actorId,
			subjectUserId: subjectId,
			email: `typed-${m}@example.org`,
			ip: '198.51.100.4',
			details: { from: 'editor', to: 'admin', count: 2, flag: true, none: null },
		})
		const { rows, nextBefore } = await listAuditEvents({ email: m })
		expect(nextBefore).toBeNull()
		expect(rows).toEqual([
			{
				id: expect.stringMatching(/^\d+$/),
				occurredAt: expect.any(Date),
				event: 'role_changed',
				actorName: 'The Actor',
				actorEmail: `actor-${m}@example.org`,
				subjectName: 'The Subject',
				subjectEmail: `subject-${m}@example.org`,
				email: `typed-${m}@example.org`,
				ip: '198.51.100.4',
				details: { from: 'editor', to: 'admin', count: 2, flag: true, none: null },
			},
		])
		expect(Math.abs(rows[0]!.occurredAt.getTime() - Date.now())).toBeLessThan(60_000)
	})

	test('the email filter matches the actor’s, the subject’s or the attempted email, as a substring', async () => {
		const m = marker()
		const actorId = await insertUser(`actor-${m}@example.org`, 'Actor')
		const subjectId = await insertUser(`subject-${m}@example.org`, 'Subject')
		await recordAudit({ event: 'sign_out', actorId })
		await recordAudit({ event: 'user_deactivated', subjectUserId: subjectId })
		await recordAudit({ event: 'sign_in_failed', email: `typed-${m}@example.org` })
		await recordAudit({ event: 'sign_in_failed', email: `unrelated-${marker()}@example.org` })

		const all = await listAuditEvents({ email: m })
		expect(all.rows.map((r) => r.event)).toEqual(['sign_in_failed', 'user_deactivated', 'sign_out'])

		expect((await listAuditEvents({ email: `actor-${m}` })).rows.map((r) => r.event)).toEqual(['sign_out'])
		expect((await listAuditEvents({ email: `subject-${m}` })).rows.map((r) => r.event)).toEqual(['user_deactivated'])
		expect((await listAuditEvents({ email: `typed-${m}@example` })).rows.map((r) => r.event)).toEqual(['sign_in_failed'])
		// Typed in capitals, still found: stored emails are lower-case.
		expect((await listAuditEvents({ email: `TYPED-${m.toUpperCase()}` })).rows).toHaveLength(1)
		expect((await listAuditEvents({ email: `nobody-${m}` })).rows).toEqual([])
	})

	test('the event filter keeps only that event', async () => {
		const m = marker()
		const email = `events-${m}@example.org`
		await recordAudit({ event: 'sign_in', email })
		await recordAudit({ event: 'sign_out', email })
		await recordAudit({ event: 'sign_in', email })

		const signIns = await listAuditEvents({ email: m, event: 'sign_in' })
		expect(signIns.rows.map((r) => r.event)).toEqual(['sign_in', 'sign_in'])
		expect((await listAuditEvents({ email: m, event: 'sign_out' })).rows).toHaveLength(1)
		expect((await listAuditEvents({ email: m, event: 'password_reset' })).rows).toEqual([])
		// Without an email filter, the event filter alone excludes every other event.
		const everySignOut = await listAuditEvents({ event: 'sign_out' })
		expect(everySignOut.rows.length).toBeGreaterThanOrEqual(1)
		expect(new Set(everySignOut.rows.map((r) => r.event))).toEqual(new Set(['sign_out']))
	})

	test('from is inclusive and to exclusive', async () => {
		const m = marker()
		const dates = ['2031-01-01T00:00:00Z', '2031-02-01T00:00:00Z', '2031-03-01T00:00:00Z']
		for (const [i, at] of dates.entries()) {
			const email = `dated-${i}-${m}@example.org`
			await recordAudit({ event: 'sign_in', email })
			await setOccurredAt(email, at)
		}
		const emailsBetween = async (from: string | null, to: string | null) =>
			(await listAuditEvents({ email: m, from: from ? new Date(from) : null, to: to ? new Date(to) : null })).rows.map(
				(r) => r.email,
			)

		expect(await emailsBetween('2031-02-01T00:00:00Z', '2031-03-01T00:00:00Z')).toEqual([`dated-1-${m}@example.org`])
		expect(await emailsBetween('2031-01-15T00:00:00Z', null)).toEqual([`dated-2-${m}@example.org`, `dated-1-${m}@example.org`])
		expect(await emailsBetween(null, '2031-02-01T00:00:00Z')).toEqual([`dated-0-${m}@example.org`])
		expect(await emailsBetween('2031-03-01T00:00:01Z', null)).toEqual([])
		expect(await emailsBetween(null, null)).toHaveLength(3)
	})

	test('% and _ in the email filter are matched literally, not as wildcards', async () => {
		const m = marker()
		await recordAudit({ event: 'sign_in_failed', email: `a%b-${m}@example.org` })
		await recordAudit({ event: 'sign_in_failed', email: `axxb-${m}@example.org` })
		await recordAudit({ event: 'sign_in_failed', email: `c_d-${m}@example.org` })
		await recordAudit({ event: 'sign_in_failed', email: `cxd-${m}@example.org` })
		await recordAudit({ event: 'sign_in_failed', email: `e\\f-${m}@example.org` })

		const emails = async (filter: string) => (await listAuditEvents({ email: filter })).rows.map((r) => r.email)
		expect(await emails(`a%b-${m}`)).toEqual([`a%b-${m}@example.org`])
		expect(await emails(`c_d-${m}`)).toEqual([`c_d-${m}@example.org`])
		expect(await emails(`e\\f-${m}`)).toEqual([`e\\f-${m}@example.org`])
		// As wildcards, these would match all five events.
		expect(await emails(`%-${m}`)).toEqual([])
		expect(await emails(`_-${m}`)).toEqual([])
		expect(await emails(`b-${m}`)).toHaveLength(2)
		expect(await emails(`_d-${m}`)).toEqual([`c_d-${m}@example.org`])
	})

	test('pages of AUDIT_PAGE_SIZE, newest first, continued with nextBefore without overlap', async () => {
		const m = marker()
		const email = `page-${m}@example.org`
		const total = AUDIT_PAGE_SIZE + 5
		for (let i = 0; i < total; i++) await recordAudit({ event: 'sign_in_failed', email, details: { n: i } })

		const first = await listAuditEvents({ email: m })
		expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE)
		expect(first.nextBefore).toBe(first.rows.at(-1)!.id)
		expect(first.rows[0]!.details).toEqual({ n: total - 1 })

		const second = await listAuditEvents({ email: m, before: first.nextBefore })
		expect(second.rows).toHaveLength(5)
		expect(second.nextBefore).toBeNull()
		expect(second.rows.at(-1)!.details).toEqual({ n: 0 })

		const ids = [...first.rows, ...second.rows].map((r) => BigInt(r.id))
		expect(new Set(ids).size).toBe(total)
		expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)))
		const ns = [...first.rows, ...second.rows].map((r) => r.details.n)
		expect(ns).toEqual(Array.from({ length: total }, (_, i) => total - 1 - i))
	})

	test('exactly one full page has no next page', async () => {
		const m = marker()
		const email = `full-${m}@example.org`
		for (let i = 0; i < AUDIT_PAGE_SIZE; i++) await recordAudit({ event: 'sign_in', email })
		const page = await listAuditEvents({ email: m })
		expect(page.rows).toHaveLength(AUDIT_PAGE_SIZE)
		expect(page.nextBefore).toBeNull()
	})
})
