import { randomBytes } from 'node:crypto'
import { expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import { saveRecord } from './record-save.queries.server.ts'
import { getRecordLink } from './record-summary.server.ts'
import { setRecordStatus } from './review.queries.server.ts'

test("a meeting's minutes link: for writers to start, for readers once there, for the public once published", async () => {
	const id = `u-${randomBytes(4).toString('hex')}`
	await sql`insert into users (id, email, name, role, password_hash) values (${id}, ${`${id}@example.org`}, 'Writer', 'researcher', 'x')`
	const [g] = await sql<{ id: string }[]>`insert into working_groups (slug) values (${`g-${randomBytes(4).toString('hex')}`}) returning id::text as id`
	await sql`insert into group_memberships (group_id, user_id, role) values (${g!.id}, ${id}, 'member')`
	const [m] = await sql<{ id: string }[]>`insert into meetings (group_id, starts_at, ends_at, time_zone) values (${g!.id}, now(), now() + interval '1 hour', 'UTC') returning id::text as id`
	const member = { id, role: 'researcher' as const }
	const asMember = { meetingId: m!.id, group: { visibility: 'public' as const, membership: 'member' as const }, cancelled: false, actor: member, lang: 'en' as const }
	const asPublic = { ...asMember, group: { visibility: 'public' as const, membership: null }, actor: null }
	expect(await getRecordLink(asMember)).toEqual({ href: `/en/meetings/${m!.id}/record`, status: 'draft', start: true })
	expect(await getRecordLink({ ...asMember, cancelled: true })).toBeNull()
	expect(await getRecordLink(asPublic)).toBeNull()
	const saved = await saveRecord({
		meetingId: m!.id,
		expectedVersion: null,
		actor: member,
		input: { versions: { en: { body: 'x', upToDate: false }, zh: { body: '', upToDate: false } }, decisions: [], actionItems: [] },
		now: new Date(),
	})
	if (saved.kind !== 'saved') throw new Error(saved.kind)
	expect(await getRecordLink(asMember)).toMatchObject({ status: 'draft', start: false })
	expect(await getRecordLink(asPublic)).toBeNull()
	await setRecordStatus(sql, { recordId: saved.id, status: 'published', now: new Date() })
	expect(await getRecordLink(asPublic)).toMatchObject({ status: 'published', start: false })
})
