/** Meetings read as someone: a private group's meeting exists only for its members and admins. */
import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import type { Role } from '#app/auth/permissions.ts'
import { getMeetingForActor, listMeetingsForActor, listUpcomingAndPastMeetings } from './meetings.queries.server.ts'

const unique = (label: string) => `${label}-${randomBytes(4).toString('hex')}`
const NOW = new Date('2026-11-20T12:00:00Z')
const HOUR_MS = 3_600_000

async function user(role: Role, name = unique('u')) {
	const id = unique('u')
	await sql`insert into users (id, email, name, role, password_hash, affiliation) values (${id}, ${`${id}@example.org`}, ${name}, ${role}, 'x', 'UC Davis')`
	return { id, role }
}

async function group(visibility: 'public' | 'private', { archived = false } = {}) {
	const slug = unique('g')
	const [row] = await sql<{ id: string }[]>`
		insert into working_groups (slug, visibility, archived_at) values (${slug}, ${visibility}, ${archived ? NOW : null}) returning id::text as id
	`
	await sql`insert into working_group_translations (group_id, lang, name, summary, description) values (${row!.id}, 'en', ${`Group ${slug}`}, '', ''), (${row!.id}, 'zh', ${`小组 ${slug}`}, '', '')`
	return { id: row!.id, slug }
}

async function meeting(groupId: string, { startsInH, titles }: { startsInH: number; titles: Record<string, string> }) {
	const startsAt = new Date(NOW.getTime() + startsInH * HOUR_MS)
	const [row] = await sql<{ id: string }[]>`
		insert into meetings (group_id, starts_at, ends_at, time_zone, place)
		values (${groupId}, ${startsAt}, ${new Date(startsAt.getTime() + HOUR_MS)}, 'America/Los_Angeles', 'Room 1')
		returning id::text as id
	`
	for (const [lang, title] of Object.entries(titles)) await sql`insert into meeting_translations (meeting_id, lang, title) values (${row!.id}, ${lang}, ${title})`
	return row!.id
}

describe('getMeetingForActor', () => {
	test('the whole meeting for who may read its group; null for everyone else and for unknown ids', async () => {
		const g = await group('private')
		const member = await user('researcher', 'Ada Member')
		const official = await user('official', 'Bo Official')
		const stranger = await user('editor')
		const admin = await user('admin')
		await sql`insert into group_memberships (group_id, user_id, role) values (${g.id}, ${member.id}, 'lead'), (${g.id}, ${official.id}, 'observer')`
		const id = await meeting(g.id, { startsInH: 24, titles: { en: 'Tariff talk', zh: '关税会谈' } })
		await sql`insert into agenda_items (meeting_id, position, title_en, title_zh) values (${id}, 1, 'Second', '第二'), (${id}, 0, 'First', '')`
		await sql`insert into meeting_attendees (meeting_id, user_id, attendance) values (${id}, ${member.id}, 'present'), (${id}, ${official.id}, null)`

		const found = await getMeetingForActor({ meetingId: id, actor: member })
		expect(found?.group).toMatchObject({ id: g.id, target: { visibility: 'private', membership: 'lead' } })
		expect(found?.meeting).toMatchObject({
			id,
			groupId: g.id,
			version: 1,
			timeZone: 'America/Los_Angeles',
			place: 'Room 1',
			onlineUrl: '',
			cancelledAt: null,
			titles: { en: 'Tariff talk', zh: '关税会谈' },
			agenda: [
				{ position: 0, titleEn: 'First', titleZh: '' },
				{ position: 1, titleEn: 'Second', titleZh: '第二' },
			],
			attendees: [
				{ userId: member.id, name: 'Ada Member', attendance: 'present', affiliation: 'UC Davis', groupRole: 'lead' },
				{ userId: official.id, name: 'Bo Official', attendance: null, affiliation: 'UC Davis', groupRole: 'observer' },
			],
		})
		expect(found?.meeting.startsAt).toEqual(new Date(NOW.getTime() + 24 * HOUR_MS))
		expect((await getMeetingForActor({ meetingId: id, actor: official }))?.group.target.membership).toBe('observer')
		expect((await getMeetingForActor({ meetingId: id, actor: admin }))?.meeting.id).toBe(id)
		expect(await getMeetingForActor({ meetingId: id, actor: stranger })).toBeNull()
		expect(await getMeetingForActor({ meetingId: id, actor: null })).toBeNull()
		expect(await getMeetingForActor({ meetingId: '999999999', actor: admin })).toBeNull()
		expect(await getMeetingForActor({ meetingId: "1'; drop table meetings; --", actor: admin })).toBeNull()
	})

	test('a public group\'s meeting is the public\'s too', async () => {
		const g = await group('public')
		const id = await meeting(g.id, { startsInH: -48, titles: { zh: '只有中文' } })
		const found = await getMeetingForActor({ meetingId: id, actor: null })
		expect(found?.meeting.titles).toEqual({ zh: '只有中文' })
		expect(found?.meeting.agenda).toEqual([])
		expect(found?.group.target).toEqual({ visibility: 'public', membership: null })
	})
})

describe('listMeetingsForActor', () => {
	test('upcoming soonest first, past latest first, in the reader\'s language with a fallback', async () => {
		const g = await group('public')
		const later = await meeting(g.id, { startsInH: 72, titles: { en: 'Later', zh: '稍后' } })
		const soon = await meeting(g.id, { startsInH: 2, titles: { en: 'Soon' } })
		// Started half an hour ago, ends in half an hour: still upcoming.
		const now = await meeting(g.id, { startsInH: -0.5, titles: { en: 'Under way' } })
		const past = await meeting(g.id, { startsInH: -30, titles: { en: 'Past' } })
		const older = await meeting(g.id, { startsInH: -300, titles: { en: 'Older' } })

		const upcoming = await listMeetingsForActor({ actor: null, lang: 'zh', now: NOW, when: 'upcoming', groupId: g.id })
		expect(upcoming.map((m) => m.id)).toEqual([now, soon, later])
		expect(upcoming.map((m) => [m.title, m.titleLang])).toEqual([
			['Under way', 'en'],
			['Soon', 'en'],
			['稍后', 'zh'],
		])
		expect(upcoming[0]).toMatchObject({ groupSlug: g.slug, groupName: `小组 ${g.slug}`, groupVisibility: 'public' })
		const pastList = await listMeetingsForActor({ actor: null, lang: 'en', now: NOW, when: 'past', groupId: g.id })
		expect(pastList.map((m) => m.id)).toEqual([past, older])
		expect(await listMeetingsForActor({ actor: null, lang: 'en', now: NOW, when: 'past', groupId: g.id, limit: 1 })).toHaveLength(1)
	})

	test('private and archived groups\' meetings stay out of lists for those who may not see them', async () => {
		const open = await group('public')
		const closed = await group('private')
		const archived = await group('public', { archived: true })
		const member = await user('researcher')
		const stranger = await user('researcher')
		const admin = await user('admin')
		await sql`insert into group_memberships (group_id, user_id, role) values (${closed.id}, ${member.id}, 'observer'), (${archived.id}, ${member.id}, 'member')`
		const a = await meeting(open.id, { startsInH: 5, titles: { en: 'Open' } })
		const b = await meeting(closed.id, { startsInH: 6, titles: { en: 'Closed' } })
		const c = await meeting(archived.id, { startsInH: 7, titles: { en: 'Archived' } })
		const ours = new Set([a, b, c])
		const seen = async (actor: { id: string; role: Role } | null, options: { memberOnly?: boolean; groupId?: string } = {}) =>
			(await listMeetingsForActor({ actor, lang: 'en', now: NOW, when: 'upcoming', limit: 200, ...options }))
				.map((m) => m.id)
				.filter((id) => ours.has(id))
		expect(await seen(null)).toEqual([a])
		expect(await seen(stranger)).toEqual([a])
		expect(await seen(member)).toEqual([a, b, c])
		expect(await seen(admin)).toEqual([a, b, c])
		expect(await seen(member, { memberOnly: true })).toEqual([b, c])
		expect(await seen(null, { memberOnly: true })).toEqual([])
		// Asked for by id: a private group gives nothing to a stranger; an archived one still lists its meetings.
		expect(await seen(stranger, { groupId: closed.id })).toEqual([])
		expect(await seen(null, { groupId: archived.id })).toEqual([c])
		expect(await seen(admin, { groupId: 'nope' })).toEqual([])
	})
})

describe('listUpcomingAndPastMeetings', () => {
	test('both lists in one query, each in its own order and bounded by its own limit, as the reader may see them', async () => {
		const g = await group('public')
		const closed = await group('private')
		const later = await meeting(g.id, { startsInH: 72, titles: { en: 'Later' } })
		const soon = await meeting(g.id, { startsInH: 2, titles: { en: 'Soon' } })
		const underWay = await meeting(g.id, { startsInH: -0.5, titles: { en: 'Under way' } })
		const past = await meeting(g.id, { startsInH: -30, titles: { en: 'Past' } })
		const older = await meeting(g.id, { startsInH: -300, titles: { en: 'Older' } })
		const oldest = await meeting(g.id, { startsInH: -3000, titles: { en: 'Oldest' } })
		await meeting(closed.id, { startsInH: 3, titles: { en: 'Closed' } })

		const both = await listUpcomingAndPastMeetings({ actor: null, lang: 'en', now: NOW, groupId: g.id, upcoming: 10, past: 2 })
		expect(both.upcoming.map((m) => m.id)).toEqual([underWay, soon, later])
		expect(both.past.map((m) => m.id)).toEqual([past, older])
		expect(both.past.map((m) => m.id)).not.toContain(oldest)
		// The same as the two separate lists.
		expect(both.upcoming).toEqual(await listMeetingsForActor({ actor: null, lang: 'en', now: NOW, when: 'upcoming', groupId: g.id, limit: 10 }))
		expect(both.past).toEqual(await listMeetingsForActor({ actor: null, lang: 'en', now: NOW, when: 'past', groupId: g.id, limit: 2 }))
		expect(await listUpcomingAndPastMeetings({ actor: null, lang: 'en', now: NOW, groupId: closed.id, upcoming: 10, past: 10 })).toEqual({ upcoming: [], past: [] })
		expect(await listUpcomingAndPastMeetings({ actor: null, lang: 'en', now: NOW, groupId: 'nope', upcoming: 10, past: 10 })).toEqual({ upcoming: [], past: [] })
	})
})
