/**
 * Writing meetings: scheduling one, changing it, cancelling it, recording
 * attendance. A change carries the version its editor loaded, and the
 * version check is in the UPDATE's WHERE (the pattern of
 * app/documents/versioning.queries.server.ts): two saves of one version can
 * never both succeed. Meetings keep no revision table, so `claimMeetingVersion`
 * is that pattern written for this table, recording who saved it.
 *
 * The caller (./operations.server.ts) has checked permission and the form,
 * and runs these in one transaction with the audit record and the emails.
 */
import { sql } from '#db/client.server.ts'
import type { Queryable } from '#db/sql.server.ts'
import type { GroupVisibility } from '#app/auth/permissions.ts'
import { LANGS, type Lang } from '#app/i18n/config.ts'
import type { AttendanceValue } from './attendance.ts'
import { syncMeetingSearch } from './search.queries.server.ts'

export interface MeetingInput {
	/** Empty for a language the meeting has no title in (one at least is set). */
	titles: Record<Lang, string>
	startsAt: Date
	endsAt: Date
	timeZone: string
	place: string
	onlineUrl: string
	/** In order; `id` for items that exist already. */
	agenda: { id?: string; titleEn: string; titleZh: string }[]
	attendeeIds: string[]
}

/** Someone saved since the version the editor loaded: who, and when. */
export interface MeetingConflict {
	version: number
	updatedAt: Date
	updatedByName: string | null
}

export class MeetingVersionConflict extends Error {
	constructor(readonly current: MeetingConflict) {
		super('meeting version conflict')
	}
}

export async function insertMeeting(
	{ groupId, input, actorId, now }: { groupId: string; input: MeetingInput; actorId: string | null; now: Date },
	db: Queryable,
): Promise<string> {
	const [created] = await db<{ id: string }[]>`
		insert into meetings (group_id, starts_at, ends_at, time_zone, place, online_url, created_by, updated_by, created_at, updated_at)
		values (${groupId}, ${input.startsAt}, ${input.endsAt}, ${input.timeZone}, ${input.place}, ${input.onlineUrl},
			${actorId}, ${actorId}, ${now}, ${now})
		returning id::text as id
	`
	const id = created!.id
	await writeTitles(db, id, input.titles)
	await writeAgenda(db, id, input.agenda)
	await writeAttendees(db, id, input.attendeeIds)
	await syncMeetingSearch(db, id)
	return id
}

/**
 * Bumps the meeting's version from `expectedVersion`, recording who saved
 * and when; the new version, null for an unknown meeting, or a
 * MeetingVersionConflict thrown when someone saved in between.
 */
export async function claimMeetingVersion(
	{ meetingId, expectedVersion, actorId, now }: { meetingId: string; expectedVersion: number; actorId: string | null; now: Date },
	db: Queryable,
): Promise<number | null> {
	const [bumped] = await db<{ version: number }[]>`
		update meetings set version = version + 1, updated_at = ${now}, updated_by = ${actorId}
		where id = ${meetingId} and version = ${expectedVersion}
		returning version
	`
	if (bumped) return bumped.version
	const [current] = await db<MeetingConflict[]>`
		select m.version, m.updated_at, u.name as updated_by_name
		from meetings m left join users u on u.id = m.updated_by where m.id = ${meetingId}
	`
	if (!current) return null
	throw new MeetingVersionConflict(current)
}

/** Writes the meeting's fields after `claimMeetingVersion` (same transaction). */
export async function writeMeeting({ meetingId, input }: { meetingId: string; input: MeetingInput }, db: Queryable): Promise<void> {
	await db`
		update meetings set starts_at = ${input.startsAt}, ends_at = ${input.endsAt}, time_zone = ${input.timeZone},
			place = ${input.place}, online_url = ${input.onlineUrl}
		where id = ${meetingId}
	`
	await writeTitles(db, meetingId, input.titles)
	await writeAgenda(db, meetingId, input.agenda)
	await writeAttendees(db, meetingId, input.attendeeIds)
	await syncMeetingSearch(db, meetingId)
}

export async function markCancelled({ meetingId, now }: { meetingId: string; now: Date }, db: Queryable): Promise<void> {
	await db`update meetings set cancelled_at = ${now} where id = ${meetingId} and cancelled_at is null`
}

async function writeTitles(db: Queryable, meetingId: string, titles: Record<Lang, string>) {
	for (const lang of LANGS) {
		const title = titles[lang]
		if (title) {
			await db`
				insert into meeting_translations (meeting_id, lang, title) values (${meetingId}, ${lang}, ${title})
				on conflict (meeting_id, lang) do update set title = excluded.title
			`
		} else {
			await db`delete from meeting_translations where meeting_id = ${meetingId} and lang = ${lang}`
		}
	}
}

/**
 * The agenda as given, in order. Items keep their ids (records may refer to
 * them); an id that is not this meeting's is treated as a new item. Items
 * no longer listed are deleted. Positions are unique per meeting, checked
 * at commit (deferred), so items can swap places within one save.
 */
async function writeAgenda(db: Queryable, meetingId: string, agenda: MeetingInput['agenda']) {
	const existing = new Set((await db<{ id: string }[]>`select id::text as id from agenda_items where meeting_id = ${meetingId}`).map((row) => row.id))
	const kept = agenda.map((item) => item.id).filter((id): id is string => Boolean(id && existing.has(id)))
	if (kept.length > 0) await db`delete from agenda_items where meeting_id = ${meetingId} and id not in ${db(kept)}`
	else await db`delete from agenda_items where meeting_id = ${meetingId}`
	for (const [position, item] of agenda.entries()) {
		if (item.id && existing.has(item.id)) {
			await db`
				update agenda_items set position = ${position}, title_en = ${item.titleEn}, title_zh = ${item.titleZh}
				where id = ${item.id} and meeting_id = ${meetingId}
			`
		} else {
			await db`
				insert into agenda_items (meeting_id, position, title_en, title_zh)
				values (${meetingId}, ${position}, ${item.titleEn}, ${item.titleZh})
			`
		}
	}
}

/** The attendee list as given; recorded attendance of those who stay is kept. */
async function writeAttendees(db: Queryable, meetingId: string, userIds: string[]) {
	const unique = [...new Set(userIds)]
	if (unique.length === 0) {
		await db`delete from meeting_attendees where meeting_id = ${meetingId}`
		return
	}
	await db`delete from meeting_attendees where meeting_id = ${meetingId} and user_id not in ${db(unique)}`
	await db`
		insert into meeting_attendees (meeting_id, user_id)
		select ${meetingId}, id from users where id in ${db(unique)}
		on conflict do nothing
	`
}

/**
 * Of `userIds`, those who may not attend a meeting of the group: unknown or
 * deactivated accounts, and anyone who is neither a member nor (for a
 * public group) an official. A private group's meetings are its members'
 * alone: an official joins them by being added, as an observer.
 */
export async function findIneligibleAttendees(
	{ groupId, visibility, userIds }: { groupId: string; visibility: GroupVisibility; userIds: string[] },
	db: Queryable = sql,
): Promise<string[]> {
	const unique = [...new Set(userIds)]
	if (unique.length === 0) return []
	const eligible = await db<{ id: string }[]>`
		select u.id from users u
		where u.id in ${db(unique)} and u.deactivated_at is null
			and (exists (select 1 from group_memberships m where m.group_id = ${groupId} and m.user_id = u.id)
				${visibility === 'public' ? db`or u.role = 'official'` : db``})
	`
	const ok = new Set(eligible.map((row) => row.id))
	return unique.filter((id) => !ok.has(id))
}

export interface InvitableUser {
	id: string
	name: string
	affiliation: string | null
	/** Their group role; null for an official from outside the group. */
	groupRole: 'lead' | 'member' | 'observer' | null
}

/** Whom the meeting form offers: the group's members, then (public groups) other officials. */
export async function listInvitableUsers({ groupId, visibility }: { groupId: string; visibility: GroupVisibility }): Promise<InvitableUser[]> {
	return sql<InvitableUser[]>`
		select u.id, u.name, u.affiliation, m.role as group_role
		from users u
		left join group_memberships m on m.group_id = ${groupId} and m.user_id = u.id
		where u.deactivated_at is null and (m.user_id is not null ${visibility === 'public' ? sql`or u.role = 'official'` : sql``})
		order by m.user_id is null, case m.role when 'lead' then 0 when 'member' then 1 else 2 end, u.name, u.id
	`
}

/**
 * Sets attendance for the meeting's attendees (others in the map are
 * ignored); null clears it. Returns how many rows changed.
 */
export async function writeAttendance(
	{ meetingId, attendance }: { meetingId: string; attendance: Record<string, AttendanceValue | null> },
	db: Queryable,
): Promise<number> {
	let changed = 0
	for (const [userId, value] of Object.entries(attendance)) {
		const rows = await db`
			update meeting_attendees set attendance = ${value}
			where meeting_id = ${meetingId} and user_id = ${userId} and attendance is distinct from ${value}
			returning user_id
		`
		changed += rows.length
	}
	return changed
}

export interface Recipient {
	id: string
	email: string
	name: string
	lang: Lang
	timeZone: string
}

/** Active accounts among `userIds`, with what an email to them needs. */
export async function listRecipients(userIds: string[], db: Queryable = sql): Promise<Recipient[]> {
	const unique = [...new Set(userIds)]
	if (unique.length === 0) return []
	return db<Recipient[]>`
		select id, email, name, lang, time_zone from users where id in ${db(unique)} and deactivated_at is null order by id
	`
}

/* The demo content (db/seed) */

/** A group's meeting by its English title, with no access check: the seed's natural key. */
export async function findMeetingIdByTitle({ groupId, titleEn }: { groupId: string; titleEn: string }, db: Queryable = sql): Promise<string | null> {
	const [row] = await db<{ id: string }[]>`
		select m.id::text as id from meetings m join meeting_translations t on t.meeting_id = m.id and t.lang = 'en'
		where m.group_id = ${groupId} and t.title = ${titleEn}
		order by m.id limit 1
	`
	return row?.id ?? null
}

/** Invites the account with that email unless it is invited already; attendance is set only on the first invitation. */
export async function ensureAttendeeByEmail(
	{ meetingId, email, attendance = null }: { meetingId: string; email: string; attendance?: AttendanceValue | null },
	db: Queryable = sql,
): Promise<void> {
	await db`
		insert into meeting_attendees (meeting_id, user_id, attendance)
		select ${meetingId}, id, ${attendance} from users where email = ${email.toLowerCase()}
		on conflict (meeting_id, user_id) do nothing
	`
}
