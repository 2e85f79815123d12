/**
 * The one door to changing meetings: each operation checks the actor may
 * (again: a door that trusts no caller), does its whole job in one
 * transaction with its audit record, queues the attendees' emails in that
 * transaction and delivers them after the commit (a rolled-back change
 * sends nothing; a slow mail server holds no transaction open).
 *
 * Attendees hear of a meeting in their own language: invited when added,
 * changed when its title, time or place changes, cancelled when it is.
 * The organizer who made the change is not written to about it.
 */
import { createHash } from 'node:crypto'
import { transaction } from '#db/transaction.server.ts'
import type { Queryable } from '#db/sql.server.ts'
import { recordAudit } from '#app/audit/audit.queries.server.ts'
import { can, type Role } from '#app/auth/permissions.ts'
import { createToken } from '#app/auth/tokens.server.ts'
import { deliverEmail, queueEmail, type QueuedEmail } from '#app/email/outbox.server.ts'
import { meetingNoticeEmail, type MeetingNoticeKind } from '#app/email/templates.server.ts'
import { getGroupAccessById, getGroupLabel, type GroupAccess } from '#app/groups/public.server.ts'
import { otherLang, type Lang } from '#app/i18n/config.ts'
import { getStorage } from '#app/media/public.server.ts'
import { inspectAttachment, type AttachmentError } from './attachments.server.ts'
import { deleteAttachment, insertAttachment } from './attachments.queries.server.ts'
import type { AttendanceValue } from './attendance.ts'
import { replaceCalendarToken } from './calendar-tokens.queries.server.ts'
import { meetingPaths } from './links.ts'
import {
	claimMeetingVersion,
	findIneligibleAttendees,
	insertMeeting,
	listRecipients,
	markCancelled,
	MeetingVersionConflict,
	writeAttendance,
	writeMeeting,
	type MeetingConflict,
	type MeetingInput,
} from './meeting-save.queries.server.ts'
import { describeMeetingTimes } from './meeting-times.server.ts'
import { getMeetingForActor, readMeeting, type Meeting } from './meetings.queries.server.ts'

export type { MeetingInput, MeetingConflict }

/** Who acts, and from where (for the audit log). */
export interface Acting {
	actor: { id: string; role: Role }
	ip: string
	/** The request's clock. */
	now: Date
}

export type MeetingSaveResult =
	| { kind: 'saved'; meetingId: string; version: number }
	/** Someone saved since the version the editor loaded: nothing was written. */
	| { kind: 'conflict'; current: MeetingConflict }
	/** What only the server can see: an attendee who may not attend, a start in the past, an archived group. */
	| { kind: 'invalid'; fieldErrors: Record<string, string[]> }
	/** A cancelled meeting is not changed any more. */
	| { kind: 'cancelled' }
	| { kind: 'not-found' }

/** Thrown inside a transaction to roll it back; answered as `invalid`. */
class Invalid extends Error {
	constructor(readonly fieldErrors: Record<string, string[]>) {
		super('invalid meeting')
	}
}

async function checkInput(
	{ group, input, previousStart, now }: { group: GroupAccess; input: MeetingInput; previousStart: Date | null; now: Date },
	db: Queryable,
) {
	const errors: Record<string, string[]> = {}
	if (input.endsAt.getTime() <= input.startsAt.getTime()) errors.endsAt = ['meetings:errors.end-before-start']
	// A new invitation is for the future; a past meeting's record may still be corrected.
	const startMoved = previousStart === null || previousStart.getTime() !== input.startsAt.getTime()
	if (startMoved && input.startsAt.getTime() < now.getTime()) errors.startsAt = ['meetings:errors.starts-in-past']
	const ineligible = await findIneligibleAttendees({ groupId: group.id, visibility: group.target.visibility, userIds: input.attendeeIds }, db)
	if (ineligible.length > 0) errors.attendees = ['meetings:errors.attendee-not-member']
	if (Object.keys(errors).length > 0) throw new Invalid(errors)
}

/**
 * Schedules a meeting in the group and invites its attendees. The group is
 * looked up again as the actor stands in it: the caller's word is not taken.
 */
export async function createMeeting({
	actor,
	ip,
	now,
	groupId,
	input,
	origin,
}: Acting & { groupId: string; input: MeetingInput; origin: string }): Promise<MeetingSaveResult> {
	try {
		const outcome = await transaction(async (tx) => {
			const group = await getGroupAccessById({ id: groupId, actor }, tx)
			if (!group || !can(actor, 'meeting:edit', { group: group.target })) return { kind: 'not-found' } as const
			if (group.archivedAt) throw new Invalid({ '': ['meetings:errors.group-archived'] })
			await checkInput({ group, input, previousStart: null, now }, tx)
			const meetingId = await insertMeeting({ groupId: group.id, input, actorId: actor.id, now }, tx)
			await recordAudit({ event: 'meeting_created', actorId: actor.id, ip, details: { meetingId, groupId: group.id } }, tx)
			const invited = input.attendeeIds.filter((id) => id !== actor.id)
			const emails = await queueNotices({ meetingId, kind: 'invited', userIds: invited, groupId: group.id, origin }, tx)
			return { kind: 'saved', meetingId, emails } as const
		})
		if (outcome.kind !== 'saved') return outcome
		await deliverAll(outcome.emails)
		return { kind: 'saved', meetingId: outcome.meetingId, version: 1 }
	} catch (error) {
		if (error instanceof Invalid) return { kind: 'invalid', fieldErrors: error.fieldErrors }
		throw error
	}
}

/** The fields whose change attendees are told of (agenda and attendee changes are on the page). */
function noticeWorthy(before: Meeting, input: MeetingInput): boolean {
	return (
		before.startsAt.getTime() !== input.startsAt.getTime() ||
		before.endsAt.getTime() !== input.endsAt.getTime() ||
		before.place !== input.place ||
		before.onlineUrl !== input.onlineUrl ||
		(before.titles.en ?? '') !== input.titles.en ||
		(before.titles.zh ?? '') !== input.titles.zh
	)
}

/** Changes a meeting if it is still at `expectedVersion`; newly invited attendees are invited, the others told of a change. */
export async function updateMeeting({
	actor,
	ip,
	now,
	meetingId,
	expectedVersion,
	input,
	origin,
}: Acting & { meetingId: string; expectedVersion: number; input: MeetingInput; origin: string }): Promise<MeetingSaveResult> {
	try {
		const outcome = await transaction(async (tx) => {
			const found = await getMeetingForActor({ meetingId, actor }, tx)
			if (!found || !can(actor, 'meeting:edit', { group: found.group.target })) return { kind: 'not-found' } as const
			const { meeting: before, group } = found
			if (before.cancelledAt) return { kind: 'cancelled' } as const
			const version = await claimMeetingVersion({ meetingId, expectedVersion, actorId: actor.id, now }, tx)
			if (version === null) return { kind: 'not-found' } as const
			await checkInput({ group, input, previousStart: before.startsAt, now }, tx)
			await writeMeeting({ meetingId, input }, tx)
			await recordAudit({ event: 'meeting_updated', actorId: actor.id, ip, details: { meetingId, version } }, tx)
			const had = new Set(before.attendees.map((a) => a.userId))
			const invited = input.attendeeIds.filter((id) => !had.has(id) && id !== actor.id)
			const staying = noticeWorthy(before, input) ? input.attendeeIds.filter((id) => had.has(id) && id !== actor.id) : []
			const emails = [
				...(await queueNotices({ meetingId, kind: 'invited', userIds: invited, groupId: group.id, origin }, tx)),
				...(await queueNotices({ meetingId, kind: 'changed', userIds: staying, groupId: group.id, origin }, tx)),
			]
			return { kind: 'saved', meetingId, version, emails } as const
		})
		if (outcome.kind !== 'saved') return outcome
		await deliverAll(outcome.emails)
		return { kind: 'saved', meetingId, version: outcome.version }
	} catch (error) {
		if (error instanceof Invalid) return { kind: 'invalid', fieldErrors: error.fieldErrors }
		if (error instanceof MeetingVersionConflict) return { kind: 'conflict', current: error.current }
		throw error
	}
}

/** Cancels a meeting still at `expectedVersion` (its calendar event becomes CANCELLED) and tells its attendees. */
export async function cancelMeeting({
	actor,
	ip,
	now,
	meetingId,
	expectedVersion,
	origin,
}: Acting & { meetingId: string; expectedVersion: number; origin: string }): Promise<MeetingSaveResult> {
	try {
		const outcome = await transaction(async (tx) => {
			const found = await getMeetingForActor({ meetingId, actor }, tx)
			if (!found || !can(actor, 'meeting:edit', { group: found.group.target })) return { kind: 'not-found' } as const
			if (found.meeting.cancelledAt) return { kind: 'cancelled' } as const
			const version = await claimMeetingVersion({ meetingId, expectedVersion, actorId: actor.id, now }, tx)
			if (version === null) return { kind: 'not-found' } as const
			await markCancelled({ meetingId, now }, tx)
			await recordAudit({ event: 'meeting_cancelled', actorId: actor.id, ip, details: { meetingId, version } }, tx)
			const told = found.meeting.attendees.map((a) => a.userId).filter((id) => id !== actor.id)
			const emails = await queueNotices({ meetingId, kind: 'cancelled', userIds: told, groupId: found.group.id, origin }, tx)
			return { kind: 'saved', meetingId, version, emails } as const
		})
		if (outcome.kind !== 'saved') return outcome
		await deliverAll(outcome.emails)
		return { kind: 'saved', meetingId, version: outcome.version }
	} catch (error) {
		if (error instanceof MeetingVersionConflict) return { kind: 'conflict', current: error.current }
		throw error
	}
}

export type AttendanceResult = { kind: 'saved'; changed: number } | { kind: 'not-yet' } | { kind: 'cancelled' } | { kind: 'not-found' }

/**
 * Records who came, after the meeting has started. Only the meeting's
 * attendees are touched; anything else in the form is ignored.
 */
export async function recordAttendance({
	actor,
	ip,
	now,
	meetingId,
	attendance,
}: Acting & { meetingId: string; attendance: Record<string, AttendanceValue | null> }): Promise<AttendanceResult> {
	return transaction(async (tx) => {
		const found = await getMeetingForActor({ meetingId, actor }, tx)
		if (!found || !can(actor, 'meeting:edit', { group: found.group.target })) return { kind: 'not-found' } as const
		if (found.meeting.cancelledAt) return { kind: 'cancelled' } as const
		if (found.meeting.startsAt.getTime() > now.getTime()) return { kind: 'not-yet' } as const
		const attendees = new Set(found.meeting.attendees.map((a) => a.userId))
		const relevant = Object.fromEntries(Object.entries(attendance).filter(([userId]) => attendees.has(userId)))
		const changed = await writeAttendance({ meetingId, attendance: relevant }, tx)
		if (changed > 0) await recordAudit({ event: 'meeting_updated', actorId: actor.id, ip, details: { meetingId, change: 'attendance', changed } }, tx)
		return { kind: 'saved', changed } as const
	})
}

export type AttachmentResult = { kind: 'saved'; attachmentId: string; fileName: string } | { kind: 'refused'; error: AttachmentError } | { kind: 'not-found' }

/**
 * Attaches a file to a meeting: its type judged from its bytes, its name
 * cleaned, the bytes stored under their SHA-256 (bytes first, row second,
 * so a row never points at nothing). The public /media route serves only
 * rows of its own table, never these.
 */
export async function addAttachment({
	actor,
	ip,
	now,
	meetingId,
	bytes,
	fileName,
}: Acting & { meetingId: string; bytes: Uint8Array; fileName: string }): Promise<AttachmentResult> {
	const found = await getMeetingForActor({ meetingId, actor })
	if (!found || !can(actor, 'meeting:edit', { group: found.group.target })) return { kind: 'not-found' }
	const inspected = await inspectAttachment({ bytes, fileName })
	if (!inspected.ok) return { kind: 'refused', error: inspected.error }
	const storageKey = `${createHash('sha256').update(bytes).digest('hex')}.${inspected.extension}`
	await getStorage().put(storageKey, bytes, inspected.contentType)
	const attachmentId = await transaction(async (tx) => {
		const id = await insertAttachment(
			{ meetingId, storageKey, contentType: inspected.contentType, byteSize: bytes.byteLength, fileName: inspected.safeName, uploadedBy: actor.id, now },
			tx,
		)
		await recordAudit({ event: 'meeting_updated', actorId: actor.id, ip, details: { meetingId, change: 'attachment-added', attachmentId: id } }, tx)
		return id
	})
	return { kind: 'saved', attachmentId, fileName: inspected.safeName }
}

/** Removes an attachment's row (its bytes may be shared with another file of the same content, so they stay). */
export async function removeAttachment({
	actor,
	ip,
	meetingId,
	attachmentId,
}: Omit<Acting, 'now'> & { meetingId: string; attachmentId: string }): Promise<{ kind: 'removed'; fileName: string } | { kind: 'not-found' }> {
	return transaction(async (tx) => {
		const found = await getMeetingForActor({ meetingId, actor }, tx)
		if (!found || !can(actor, 'meeting:edit', { group: found.group.target })) return { kind: 'not-found' } as const
		const fileName = await deleteAttachment({ meetingId, attachmentId }, tx)
		if (fileName === null) return { kind: 'not-found' } as const
		await recordAudit({ event: 'meeting_updated', actorId: actor.id, ip, details: { meetingId, change: 'attachment-removed', attachmentId } }, tx)
		return { kind: 'removed', fileName } as const
	})
}

/**
 * A new secret for the member's calendar feeds (every group's feed URL of
 * theirs carries it); the previous secret stops working at once. The
 * secret is returned once, to be shown once: only its hash is kept.
 */
export async function resetCalendarLink({ actor, ip, now }: Acting): Promise<string> {
	const { token, tokenHash } = createToken()
	await transaction(async (tx) => {
		await replaceCalendarToken({ userId: actor.id, tokenHash, now }, tx)
		await recordAudit({ event: 'calendar_link_reset', actorId: actor.id, ip }, tx)
	})
	return token
}

/** Writes one email per recipient, in their language, to the outbox (in the caller's transaction). */
async function queueNotices(
	{ meetingId, kind, userIds, groupId, origin }: { meetingId: string; kind: MeetingNoticeKind; userIds: string[]; groupId: string; origin: string },
	db: Queryable,
): Promise<QueuedEmail[]> {
	if (userIds.length === 0) return []
	const recipients = await listRecipients(userIds, db)
	// Read back as saved, so the email says exactly what the page says.
	const meeting = await readMeeting(meetingId, db)
	if (!meeting) return []
	const queued: QueuedEmail[] = []
	for (const recipient of recipients) {
		const lang: Lang = recipient.lang
		const group = await getGroupLabel({ groupId, lang }, db)
		const times = await describeMeetingTimes({ start: meeting.startsAt, end: meeting.endsAt, lang, readerTimeZone: recipient.timeZone })
		const message = await meetingNoticeEmail({
			to: recipient.email,
			name: recipient.name,
			lang,
			kind,
			title: meeting.titles[lang] ?? meeting.titles[otherLang(lang)] ?? '',
			groupName: group?.name ?? '',
			when: times.reader,
			cities: times.sideBySide,
			place: meeting.place,
			onlineUrl: meeting.onlineUrl,
			pageUrl: `${origin}${meetingPaths.meeting(lang, meetingId)}`,
			calendarUrl: `${origin}${meetingPaths.calendar(lang, meetingId)}`,
		})
		queued.push(await queueEmail({ kind: 'meeting_notice', ...message }, db))
	}
	return queued
}

async function deliverAll(emails: QueuedEmail[]) {
	for (const email of emails) await deliverEmail(email)
}
