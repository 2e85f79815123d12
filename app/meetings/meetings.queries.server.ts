/**
 * Reading meetings, always as someone: a meeting of a group the asker may
 * not read is answered exactly like a meeting that does not exist (null, or
 * absent from a list). Every page, feed, calendar file and attachment
 * download of a meeting starts here, and so does the meeting records
 * feature (minutes, sign-off), which calls `getMeetingForActor` and
 * `listMeetingsForActor` through this module.
 */
import { sql } from '#db/client.server.ts'
import type { Queryable } from '#db/sql.server.ts'
import type { Actor } from '#app/auth/permissions.ts'
import type { Lang } from '#app/i18n/config.ts'
import { getGroupAccessById, listedGroupCondition, readableGroupCondition, type GroupAccess } from '#app/groups/public.server.ts'
import { ATTENDANCE_VALUES, type AttendanceValue } from './attendance.ts'

export const ATTENDANCE = ATTENDANCE_VALUES
export type Attendance = AttendanceValue

export interface AgendaItem {
	id: string
	/** 0, 1, 2…: the order on the agenda. */
	position: number
	/** Either may be empty (never both). */
	titleEn: string
	titleZh: string
}

export interface MeetingAttendee {
	userId: string
	name: string
	/** Recorded after the meeting; null until then. */
	attendance: Attendance | null
	affiliation: string | null
	/** Their role in the meeting's group; null for an invited official who is not a member. */
	groupRole: 'lead' | 'member' | 'observer' | null
}

export interface Meeting {
	id: string
	groupId: string
	/** Bumped by every change: the optimistic check of the editor, and the iCalendar SEQUENCE. */
	version: number
	startsAt: Date
	endsAt: Date
	/** The organizer's zone (IANA), in which the form shows the times. */
	timeZone: string
	place: string
	onlineUrl: string
	cancelledAt: Date | null
	titles: Partial<Record<Lang, string>>
	agenda: AgendaItem[]
	attendees: MeetingAttendee[]
	createdAt: Date
	updatedAt: Date
	/** Who saved the current version (null for the seed, or a deleted account). */
	updatedByName: string | null
}

interface MeetingRow extends Omit<Meeting, 'titles' | 'agenda' | 'attendees'> {
	titles: Partial<Record<Lang, string>> | null
	agenda: AgendaItem[] | null
	attendees: MeetingAttendee[] | null
}

const MEETING_ID = /^\d{1,18}$/

/**
 * The meeting with its group as `actor` stands in it; null when it does not
 * exist or `actor` may not read its group (a private group's meeting for a
 * non-member: the same answer as an unknown id).
 */
export async function getMeetingForActor(
	{ meetingId, actor }: { meetingId: string; actor: Actor },
	db: Queryable = sql,
): Promise<{ meeting: Meeting; group: GroupAccess } | null> {
	if (!MEETING_ID.test(meetingId)) return null
	// Read before the access check and returned only after it passes: one query fewer than asking for the owner first.
	const meeting = await readMeeting(meetingId, db)
	if (!meeting) return null
	const group = await getGroupAccessById({ id: meeting.groupId, actor }, db)
	return group ? { meeting, group } : null
}

/** The meeting's whole row set, with no access check: for the functions above and the saves. */
export async function readMeeting(meetingId: string, db: Queryable = sql): Promise<Meeting | null> {
	const [row] = await db<MeetingRow[]>`
		select m.id::text as id, m.group_id::text as group_id, m.version, m.starts_at, m.ends_at, m.time_zone,
			m.place, m.online_url, m.cancelled_at, m.created_at, m.updated_at, u.name as updated_by_name,
			(select json_object_agg(t.lang, t.title) from meeting_translations t where t.meeting_id = m.id) as titles,
			(select json_agg(json_build_object('id', a.id::text, 'position', a.position, 'titleEn', a.title_en, 'titleZh', a.title_zh)
				order by a.position) from agenda_items a where a.meeting_id = m.id) as agenda,
			(select json_agg(json_build_object(
					'userId', at.user_id, 'name', au.name, 'attendance', at.attendance,
					'affiliation', au.affiliation, 'groupRole', gm.role
				) order by au.name, au.id)
				from meeting_attendees at
				join users au on au.id = at.user_id
				left join group_memberships gm on gm.group_id = m.group_id and gm.user_id = at.user_id
				where at.meeting_id = m.id) as attendees
		from meetings m
		left join users u on u.id = m.updated_by
		where m.id = ${meetingId}
	`
	if (!row) return null
	return { ...row, titles: row.titles ?? {}, agenda: row.agenda ?? [], attendees: row.attendees ?? [] }
}

export interface MeetingListItem {
	id: string
	groupId: string
	groupSlug: string
	/** In the reader's language (the other one if that is missing). */
	groupName: string
	groupVisibility: 'public' | 'private'
	version: number
	startsAt: Date
	endsAt: Date
	timeZone: string
	place: string
	onlineUrl: string
	cancelledAt: Date | null
	/** In the reader's language, else the other one (`titleLang` says which). */
	title: string
	titleLang: Lang
	updatedAt: Date
}

/** `upcoming`: not yet over (a meeting under way included), soonest first; `past`: over, latest first. */
export type MeetingWhen = 'upcoming' | 'past' | 'all'

export const MEETING_LIST_MAX = 200

/**
 * Meetings `actor` may see, in `lang`: of one group (`groupId`) or of every
 * group listed for them (public groups that are not archived, theirs, all
 * for an admin); with `memberOnly`, only of groups they belong to (a
 * dashboard's "my meetings"). A group asked for by id that the actor may
 * not read gives an empty list, like an unknown one. `now` splits upcoming
 * from past (the request's clock).
 */
export async function listMeetingsForActor(
	{
		actor,
		lang,
		now,
		when = 'all',
		groupId = null,
		memberOnly = false,
		includeCancelled = true,
		limit = 50,
	}: {
		actor: Actor
		lang: Lang
		now: Date
		when?: MeetingWhen
		groupId?: string | null
		memberOnly?: boolean
		includeCancelled?: boolean
		limit?: number
	},
	db: Queryable = sql,
): Promise<MeetingListItem[]> {
	if (groupId !== null && !MEETING_ID.test(groupId)) return []
	if (memberOnly && !actor) return []
	return selectMeetings({ actor, lang, now, when, groupId, memberOnly, includeCancelled, limit }, db)
}

/**
 * The next `upcoming` and the last `past` meetings in one query (a page
 * that shows both lists: the meetings page, a group's page), otherwise as
 * `listMeetingsForActor` with `when` 'upcoming' and 'past'.
 */
export async function listUpcomingAndPastMeetings(
	{
		actor,
		lang,
		now,
		groupId = null,
		upcoming,
		past,
	}: { actor: Actor; lang: Lang; now: Date; groupId?: string | null; upcoming: number; past: number },
	db: Queryable = sql,
): Promise<{ upcoming: MeetingListItem[]; past: MeetingListItem[] }> {
	if (groupId !== null && !MEETING_ID.test(groupId)) return { upcoming: [], past: [] }
	const common = { actor, lang, now, groupId, memberOnly: false, includeCancelled: true }
	const rows = await db<MeetingListItem[]>`
		(${selectMeetings({ ...common, when: 'upcoming', limit: upcoming }, db)})
		union all
		(${selectMeetings({ ...common, when: 'past', limit: past }, db)})
	`
	// A union's rows come in no promised order: each list is put back in its own.
	const byStart = (a: MeetingListItem, b: MeetingListItem) => a.startsAt.getTime() - b.startsAt.getTime() || Number(a.id) - Number(b.id)
	return {
		upcoming: rows.filter((row) => row.endsAt > now).sort(byStart),
		past: rows.filter((row) => row.endsAt <= now).sort((a, b) => byStart(b, a)),
	}
}

/** The statement both lists run (not yet sent: awaited, or placed inside another query). */
function selectMeetings(
	{
		actor,
		lang,
		now,
		when,
		groupId,
		memberOnly,
		includeCancelled,
		limit,
	}: { actor: Actor; lang: Lang; now: Date; when: MeetingWhen; groupId: string | null; memberOnly: boolean; includeCancelled: boolean; limit: number },
	db: Queryable,
) {
	// One group's own page lists its meetings even when it is archived; the
	// lists across groups leave archived groups to their members.
	const visible = groupId !== null ? readableGroupCondition(actor, { db }) : listedGroupCondition(actor, { db })
	const bounded = Math.max(1, Math.min(limit, MEETING_LIST_MAX))
	return db<MeetingListItem[]>`
		select m.id::text as id, m.group_id::text as group_id, g.slug as group_slug, gt.name as group_name,
			g.visibility as group_visibility, m.version, m.starts_at, m.ends_at, m.time_zone, m.place, m.online_url,
			m.cancelled_at, mt.title, mt.lang as title_lang, m.updated_at
		from meetings m
		join working_groups g on g.id = m.group_id
		cross join lateral (
			select name from working_group_translations where group_id = g.id order by (lang = ${lang}) desc limit 1
		) gt
		cross join lateral (
			select lang, title from meeting_translations where meeting_id = m.id order by (lang = ${lang}) desc limit 1
		) mt
		where ${visible}
			${groupId !== null ? db`and m.group_id = ${groupId}` : db``}
			${memberOnly && actor ? db`and exists (select 1 from group_memberships me where me.group_id = g.id and me.user_id = ${actor.id})` : db``}
			${includeCancelled ? db`` : db`and m.cancelled_at is null`}
			${when === 'upcoming' ? db`and m.ends_at > ${now}` : when === 'past' ? db`and m.ends_at <= ${now}` : db``}
		order by ${when === 'upcoming' ? db`m.starts_at asc, m.id asc` : db`m.starts_at desc, m.id desc`}
		limit ${bounded}
	`
}
