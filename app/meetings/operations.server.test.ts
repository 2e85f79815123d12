/**
 * Meeting operations against a real database: who may schedule and change
 * meetings, the checks only the server can make, the version check (no lost
 * update), attendees' emails in their own language, attendance after the
 * start, attachments (type from the bytes, kept out of the public media
 * table), and calendar secrets.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import { createUser } from '#app/accounts/users.queries.server.ts'
import type { GroupRole, Role } from '#app/auth/permissions.ts'
import { hashToken } from '#app/auth/tokens.server.ts'
import { getGroupAccess } from '#app/groups/public.server.ts'
import type { Lang } from '#app/i18n/config.ts'
import { getStorage } from '#app/media/public.server.ts'
import { HTML_PAGE, minimalPdf } from '#app/testing/document-fixtures.ts'
import { pngImage } from '#app/testing/image-fixtures.ts'
import { MAX_ATTACHMENT_BYTES } from './attachments.server.ts'
import { listAttachments } from './attachments.queries.server.ts'
import { findCalendarTokenOwner } from './calendar-tokens.queries.server.ts'
import { getMeetingForActor } from './meetings.queries.server.ts'
import { addAttachment, cancelMeeting, createMeeting, recordAttendance, removeAttachment, resetCalendarLink, updateMeeting, type MeetingInput } from './operations.server.ts'

const NOW = new Date('2026-10-20T12:00:00Z')
const HOUR_MS = 3_600_000
const ORIGIN = 'https://lab.example.org'
const unique = () => randomBytes(4).toString('hex')
let uploadDir: string

beforeAll(async () => {
	// Read by the storage module on first use, which is after this.
	uploadDir = await mkdtemp(path.join(tmpdir(), 'zevlab-attachments-'))
	process.env.UPLOAD_DIR = uploadDir
})
afterAll(async () => {
	await rm(uploadDir, { recursive: true, force: true })
})

async function person(role: Role, lang: Lang = 'en', timeZone = 'America/Los_Angeles') {
	const suffix = unique()
	const email = `${role}-${suffix}@test.example`
	const id = await createUser({ email, name: `${role} ${suffix}`, role, passwordHash: 'x', lang, timeZone })
	return { id, role, email }
}

async function groupWith(visibility: 'public' | 'private', members: Record<string, { id: string; role: GroupRole }>) {
	const slug = `g-${unique()}`
	const [row] = await sql<{ id: string }[]>`insert into working_groups (slug, visibility) values (${slug}, ${visibility}) returning id::text as id`
	await sql`insert into working_group_translations (group_id, lang, name, summary, description) values (${row!.id}, 'en', 'Charging', '', ''), (${row!.id}, 'zh', '充电', '', '')`
	for (const member of Object.values(members)) {
		await sql`insert into group_memberships (group_id, user_id, role) values (${row!.id}, ${member.id}, ${member.role})`
	}
	return slug
}

function input(overrides: Partial<MeetingInput> = {}): MeetingInput {
	const startsAt = new Date(NOW.getTime() + 48 * HOUR_MS)
	return {
		titles: { en: 'Charging standards', zh: '充电标准' },
		startsAt,
		endsAt: new Date(startsAt.getTime() + HOUR_MS),
		timeZone: 'America/Los_Angeles',
		place: 'Room 1103',
		onlineUrl: 'https://meet.example.org/charging',
		agenda: [{ titleEn: 'Interfaces', titleZh: '接口' }],
		attendeeIds: [],
		...overrides,
	}
}

const acting = (actor: { id: string; role: Role }, now = NOW) => ({ actor: { id: actor.id, role: actor.role }, ip: '203.0.113.7', now, origin: ORIGIN })

async function outbox(to: string) {
	return sql<{ subject: string; bodyText: string }[]>`select subject, body_text from email_outbox where to_email = ${to} and kind = 'meeting_notice' order by id`
}

async function setup(visibility: 'public' | 'private' = 'private') {
	const lead = await person('researcher')
	const member = await person('researcher', 'zh', 'Asia/Shanghai')
	const observer = await person('official')
	const slug = await groupWith(visibility, {
		lead: { id: lead.id, role: 'lead' },
		member: { id: member.id, role: 'member' },
		observer: { id: observer.id, role: 'observer' },
	})
	const group = (await getGroupAccess({ slug, actor: lead }))!
	return { lead, member, observer, slug, group }
}

describe('scheduling', () => {
	test('a lead schedules a meeting; attendees but the organizer are emailed in their language with the .ics linked', async () => {
		const { lead, member, observer, group } = await setup()
		const result = await createMeeting({ ...acting(lead), groupId: group.id, input: input({ attendeeIds: [lead.id, member.id, observer.id] }) })
		expect(result).toMatchObject({ kind: 'saved', version: 1 })
		if (result.kind !== 'saved') throw new Error(result.kind)
		const found = await getMeetingForActor({ meetingId: result.meetingId, actor: member })
		expect(found?.meeting).toMatchObject({ version: 1, titles: { en: 'Charging standards', zh: '充电标准' }, agenda: [{ titleEn: 'Interfaces', titleZh: '接口' }] })
		expect(found?.meeting.attendees.map((a) => a.userId).sort()).toEqual([lead.id, member.id, observer.id].sort())

		expect(await outbox(lead.email)).toEqual([])
		const [zh] = await outbox(member.email)
		expect(zh?.subject).toBe('会议通知：充电标准')
		// Their own clock (Beijing) first, then both cities side by side, the page and the calendar file.
		expect(zh?.bodyText).toContain('戴维斯')
		expect(zh?.bodyText).toContain(`${ORIGIN}/zh/meetings/${result.meetingId}`)
		expect(zh?.bodyText).toContain(`${ORIGIN}/zh/meetings/${result.meetingId}/calendar.ics`)
		const [en] = await outbox(observer.email)
		expect(en?.subject).toBe('Meeting: Charging standards')
		expect(en?.bodyText).toMatch(/Davis = .* Beijing/)
		expect((await sql<{ event: string }[]>`select event from audit_events where actor_id = ${lead.id}`).map((r) => r.event)).toEqual(['meeting_created'])
	})

	test('observers and strangers may not schedule; the server refuses past starts, inverted times and attendees who may not attend', async () => {
		const { lead, observer, group } = await setup()
		const stranger = await person('official')
		expect(await createMeeting({ ...acting(observer), groupId: group.id, input: input() })).toEqual({ kind: 'not-found' })
		expect(await createMeeting({ ...acting(stranger), groupId: group.id, input: input() })).toEqual({ kind: 'not-found' })
		const past = new Date(NOW.getTime() - HOUR_MS)
		expect(await createMeeting({ ...acting(lead), groupId: group.id, input: input({ startsAt: past, endsAt: new Date(past.getTime() + HOUR_MS) }) })).toEqual({
			kind: 'invalid',
			fieldErrors: { startsAt: ['meetings:errors.starts-in-past'] },
		})
		const start = new Date(NOW.getTime() + 5 * HOUR_MS)
		expect(await createMeeting({ ...acting(lead), groupId: group.id, input: input({ startsAt: start, endsAt: start }) })).toMatchObject({
			kind: 'invalid',
			fieldErrors: { endsAt: ['meetings:errors.end-before-start'] },
		})
		// An official outside a private group, or an unknown id: not invitable.
		for (const attendeeIds of [[stranger.id], ['no-such-user']]) {
			expect(await createMeeting({ ...acting(lead), groupId: group.id, input: input({ attendeeIds }) })).toEqual({
				kind: 'invalid',
				fieldErrors: { attendees: ['meetings:errors.attendee-not-member'] },
			})
		}
		expect(await sql`select 1 from meetings where group_id = ${group.id}`).toHaveLength(0)
	})

	test('a public group may invite officials from outside it, but not other researchers', async () => {
		const { lead, group } = await setup('public')
		const official = await person('official')
		const researcher = await person('researcher')
		expect(await createMeeting({ ...acting(lead), groupId: group.id, input: input({ attendeeIds: [official.id] }) })).toMatchObject({ kind: 'saved' })
		expect(await createMeeting({ ...acting(lead), groupId: group.id, input: input({ attendeeIds: [researcher.id] }) })).toMatchObject({ kind: 'invalid' })
	})

	test('an archived group takes no new meeting', async () => {
		const { lead, slug } = await setup()
		await sql`update working_groups set archived_at = now() where slug = ${slug}`
		const group = (await getGroupAccess({ slug, actor: lead }))!
		expect(await createMeeting({ ...acting(lead), groupId: group.id, input: input() })).toEqual({ kind: 'invalid', fieldErrors: { '': ['meetings:errors.group-archived'] } })
	})
})

describe('changing', () => {
	test('two editors of one version: the first saves, the second gets a conflict and nothing of theirs is written', async () => {
		const { lead, member, group } = await setup()
		const created = await createMeeting({ ...acting(lead), groupId: group.id, input: input() })
		if (created.kind !== 'saved') throw new Error(created.kind)
		const id = created.meetingId
		const first = await updateMeeting({ ...acting(member), meetingId: id, expectedVersion: 1, input: input({ place: 'Room A' }) })
		expect(first).toEqual({ kind: 'saved', meetingId: id, version: 2 })
		const second = await updateMeeting({ ...acting(lead), meetingId: id, expectedVersion: 1, input: input({ place: 'Room B', titles: { en: 'Mine', zh: '' } }) })
		expect(second).toMatchObject({ kind: 'conflict', current: { version: 2, updatedByName: expect.stringContaining('researcher') } })
		const after = (await getMeetingForActor({ meetingId: id, actor: lead }))!.meeting
		expect(after).toMatchObject({ version: 2, place: 'Room A', titles: { en: 'Charging standards', zh: '充电标准' } })
		// Seen the conflict, the lead saves over the current version.
		expect(await updateMeeting({ ...acting(lead), meetingId: id, expectedVersion: 2, input: input({ place: 'Room B' }) })).toMatchObject({ kind: 'saved', version: 3 })
	})

	test('concurrent saves of one version: exactly one wins', async () => {
		const { lead, member, group } = await setup()
		const created = await createMeeting({ ...acting(lead), groupId: group.id, input: input() })
		if (created.kind !== 'saved') throw new Error(created.kind)
		const results = await Promise.all(
			['A', 'B', 'C'].map((room, i) => updateMeeting({ ...acting(i % 2 ? member : lead), meetingId: created.meetingId, expectedVersion: 1, input: input({ place: room }) })),
		)
		expect(results.map((r) => r.kind).sort()).toEqual(['conflict', 'conflict', 'saved'])
	})

	test('agenda items keep their ids when edited and moved; newly invited attendees are invited, the others told of a time change', async () => {
		const { lead, member, observer, group } = await setup()
		const created = await createMeeting({
			...acting(lead),
			groupId: group.id,
			input: input({ attendeeIds: [member.id], agenda: [{ titleEn: 'One', titleZh: '' }, { titleEn: 'Two', titleZh: '二' }] }),
		})
		if (created.kind !== 'saved') throw new Error(created.kind)
		const before = (await getMeetingForActor({ meetingId: created.meetingId, actor: lead }))!.meeting
		const [one, two] = before.agenda
		const later = new Date(NOW.getTime() + 72 * HOUR_MS)
		await updateMeeting({
			...acting(lead),
			meetingId: created.meetingId,
			expectedVersion: 1,
			input: input({
				startsAt: later,
				endsAt: new Date(later.getTime() + HOUR_MS),
				attendeeIds: [member.id, observer.id],
				agenda: [{ id: two!.id, titleEn: 'Two', titleZh: '二' }, { titleEn: 'New', titleZh: '新' }, { id: one!.id, titleEn: 'One (revised)', titleZh: '' }],
			}),
		})
		const after = (await getMeetingForActor({ meetingId: created.meetingId, actor: lead }))!.meeting
		expect(after.agenda.map((a) => [a.position, a.titleEn])).toEqual([
			[0, 'Two'],
			[1, 'New'],
			[2, 'One (revised)'],
		])
		expect(after.agenda[0]!.id).toBe(two!.id)
		expect(after.agenda[2]!.id).toBe(one!.id)
		expect((await outbox(member.email)).map((m) => m.subject)).toEqual(['会议通知：充电标准', '会议变更：充电标准'])
		expect((await outbox(observer.email)).map((m) => m.subject)).toEqual(['Meeting: Charging standards'])
	})

	test('cancelling: a version bump, the attendees told, and no change afterwards', async () => {
		const { lead, member, observer, group } = await setup()
		const created = await createMeeting({ ...acting(lead), groupId: group.id, input: input({ attendeeIds: [member.id] }) })
		if (created.kind !== 'saved') throw new Error(created.kind)
		expect(await cancelMeeting({ ...acting(observer), meetingId: created.meetingId, expectedVersion: 1 })).toEqual({ kind: 'not-found' })
		expect(await cancelMeeting({ ...acting(lead), meetingId: created.meetingId, expectedVersion: 1 })).toMatchObject({ kind: 'saved', version: 2 })
		const meeting = (await getMeetingForActor({ meetingId: created.meetingId, actor: lead }))!.meeting
		expect(meeting.cancelledAt).toEqual(NOW)
		expect((await outbox(member.email)).at(-1)?.subject).toBe('会议取消：充电标准')
		expect(await updateMeeting({ ...acting(lead), meetingId: created.meetingId, expectedVersion: 2, input: input() })).toEqual({ kind: 'cancelled' })
		expect(await cancelMeeting({ ...acting(lead), meetingId: created.meetingId, expectedVersion: 2 })).toEqual({ kind: 'cancelled' })
	})
})

describe('attendance', () => {
	test('recorded by a writer once the meeting has started, for its attendees only', async () => {
		const { lead, member, observer, group } = await setup()
		const created = await createMeeting({ ...acting(lead), groupId: group.id, input: input({ attendeeIds: [lead.id, member.id] }) })
		if (created.kind !== 'saved') throw new Error(created.kind)
		const meetingId = created.meetingId
		expect(await recordAttendance({ ...acting(lead), meetingId, attendance: { [member.id]: 'present' } })).toEqual({ kind: 'not-yet' })
		const during = new Date(NOW.getTime() + 48.5 * HOUR_MS)
		expect(await recordAttendance({ ...acting(observer, during), meetingId, attendance: { [member.id]: 'present' } })).toEqual({ kind: 'not-found' })
		expect(await recordAttendance({ ...acting(lead, during), meetingId, attendance: { [member.id]: 'apologies', [lead.id]: 'present', [observer.id]: 'present' } })).toEqual({
			kind: 'saved',
			changed: 2,
		})
		const attendees = (await getMeetingForActor({ meetingId, actor: lead }))!.meeting.attendees
		expect(Object.fromEntries(attendees.map((a) => [a.userId, a.attendance]))).toEqual({ [lead.id]: 'present', [member.id]: 'apologies' })
	})
})

describe('attachments', () => {
	test('a PDF is stored by its hash and listed; an HTML page or an oversized file is refused; none enters the public media table', async () => {
		const { lead, observer, group } = await setup()
		const created = await createMeeting({ ...acting(lead), groupId: group.id, input: input() })
		if (created.kind !== 'saved') throw new Error(created.kind)
		const meetingId = created.meetingId
		const pdf = minimalPdf()
		const saved = await addAttachment({ ...acting(lead), meetingId, bytes: pdf, fileName: 'C:\\Users\\王\\议程 "final".exe' })
		expect(saved).toMatchObject({ kind: 'saved', fileName: '议程 _final_.pdf' })
		expect(await addAttachment({ ...acting(lead), meetingId, bytes: HTML_PAGE, fileName: 'agenda.pdf' })).toEqual({ kind: 'refused', error: 'unsupported-type' })
		const tooLarge = new Uint8Array(MAX_ATTACHMENT_BYTES + 1)
		tooLarge.set(pdf)
		expect(await addAttachment({ ...acting(lead), meetingId, bytes: tooLarge, fileName: 'big.pdf' })).toEqual({ kind: 'refused', error: 'too-large' })
		expect(await addAttachment({ ...acting(observer), meetingId, bytes: pdf, fileName: 'x.pdf' })).toEqual({ kind: 'not-found' })
		expect(await addAttachment({ ...acting(lead), meetingId, bytes: pngImage({ width: 4, height: 3 }), fileName: 'photo.jpeg' })).toMatchObject({ fileName: 'photo.png' })

		const rows = await listAttachments(meetingId)
		expect(rows.map((r) => [r.fileName, r.contentType])).toEqual([
			['议程 _final_.pdf', 'application/pdf'],
			['photo.png', 'image/png'],
		])
		expect(rows[0]!.storageKey).toMatch(/^[0-9a-f]{64}\.pdf$/)
		const stored = await getStorage().get(rows[0]!.storageKey)
		expect(stored?.size).toBe(pdf.byteLength)
		// The public /media route serves rows of the media table only.
		expect(await sql`select 1 from media where storage_key in ${sql(rows.map((r) => r.storageKey))}`).toHaveLength(0)

		expect(await removeAttachment({ ...acting(observer), meetingId, attachmentId: rows[0]!.id })).toEqual({ kind: 'not-found' })
		expect(await removeAttachment({ ...acting(lead), meetingId, attachmentId: rows[0]!.id })).toEqual({ kind: 'removed', fileName: '议程 _final_.pdf' })
		expect(await removeAttachment({ ...acting(lead), meetingId, attachmentId: rows[0]!.id })).toEqual({ kind: 'not-found' })
	})
})

describe('calendar secrets', () => {
	test('a new secret works at once and switches the previous one off; only its hash is stored', async () => {
		const member = await person('researcher')
		const first = await resetCalendarLink(acting(member))
		expect(await findCalendarTokenOwner(hashToken(first))).toEqual({ id: member.id, role: 'researcher' })
		const second = await resetCalendarLink(acting(member))
		expect(await findCalendarTokenOwner(hashToken(first))).toBeNull()
		expect(await findCalendarTokenOwner(hashToken(second))).toEqual({ id: member.id, role: 'researcher' })
		const [row] = await sql<{ tokenHash: string }[]>`select token_hash from calendar_feed_tokens where user_id = ${member.id}`
		expect(row?.tokenHash).toBe(hashToken(second))
		expect(row?.tokenHash).not.toContain(second)
		await sql`update users set deactivated_at = now() where id = ${member.id}`
		expect(await findCalendarTokenOwner(hashToken(second))).toBeNull()
	})
})
