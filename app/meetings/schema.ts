/**
 * The meeting forms' schemas, shared by the browser (instant errors) and the
 * server (the authority). Messages are translation keys. Times arrive as
 * wall-clock values (`<input type="datetime-local">`) in the organizer's
 * zone, chosen in the form; the server turns them into instants.
 */
import { z } from 'zod'
import { boundedInt, idField, text, userId } from '#app/forms/fields.ts'
import { ATTENDANCE_VALUES } from './attendance.ts'

export const MEETING_TITLE_MAX = 200
export const PLACE_MAX = 300
export const ONLINE_URL_MAX = 500
export const AGENDA_ITEM_MAX = 300
/** A long day's agenda; more belongs in an attached document. */
export const AGENDA_ITEMS_MAX = 40
/** Room for the group's members and invited officials. */
export const ATTENDEES_MAX = 200
export const TIME_ZONE_MAX = 64

/** `2026-03-10T17:00`, as the datetime-local input sends it. */
const WALL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/

const wallTime = (required: string) =>
	z
		.string({ required_error: required })
		.trim()
		.min(1, required)
		.regex(WALL_TIME, 'meetings:errors.time-invalid')

const agendaItemSchema = z.object({
	/** An existing item's id (kept, so records that refer to it stay attached); absent for a new one. */
	id: idField.optional(),
	titleEn: text({ max: AGENDA_ITEM_MAX, tooLong: 'meetings:errors.agenda-too-long' }),
	titleZh: text({ max: AGENDA_ITEM_MAX, tooLong: 'meetings:errors.agenda-too-long' }),
})

export const meetingSchema = z
	.object({
		/** The meeting's version when the editor loaded it (absent for a new meeting). */
		version: boundedInt({ min: 1 }).optional(),
		/** Set by the conflict notice's "keep mine" button: the version the editor has now seen. */
		overwrite: boundedInt({ min: 1 }).optional(),
		titleEn: text({ max: MEETING_TITLE_MAX, tooLong: 'meetings:errors.title-too-long' }),
		titleZh: text({ max: MEETING_TITLE_MAX, tooLong: 'meetings:errors.title-too-long' }),
		startsAt: wallTime('meetings:errors.start-required'),
		endsAt: wallTime('meetings:errors.end-required'),
		timeZone: z
			.string({ required_error: 'meetings:errors.time-zone-invalid' })
			.max(TIME_ZONE_MAX, 'meetings:errors.time-zone-invalid')
			.refine(isKnownTimeZone, 'meetings:errors.time-zone-invalid'),
		place: text({ max: PLACE_MAX, tooLong: 'meetings:errors.place-too-long' }),
		onlineUrl: text({ max: ONLINE_URL_MAX, tooLong: 'meetings:errors.online-url-too-long' }).refine(
			(value) => value === '' || isHttpUrl(value),
			'meetings:errors.online-url-invalid',
		),
		agenda: z.array(agendaItemSchema).max(AGENDA_ITEMS_MAX, 'meetings:errors.agenda-too-many').optional().default([]),
		attendees: z.array(userId('meetings:errors.attendee-unknown')).max(ATTENDEES_MAX).optional().default([]),
	})
	.superRefine((meeting, ctx) => {
		if (!meeting.titleEn && !meeting.titleZh) ctx.addIssue({ code: 'custom', path: ['titleEn'], message: 'meetings:errors.title-required' })
		if (!meeting.place && !meeting.onlineUrl) ctx.addIssue({ code: 'custom', path: ['place'], message: 'meetings:errors.place-required' })
		// Wall times compare as text when both are complete; the server checks the instants again.
		if (WALL_TIME.test(meeting.startsAt) && WALL_TIME.test(meeting.endsAt) && meeting.endsAt <= meeting.startsAt) {
			ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'meetings:errors.end-before-start' })
		}
	})

export type MeetingForm = z.output<typeof meetingSchema>
export type MeetingFormInput = z.input<typeof meetingSchema>

/** Attendance recorded after the meeting: `attendance.<userId>` = present | apologies | absent | '' (not recorded). */
export const attendanceSchema = z.object({
	version: boundedInt({ min: 1 }),
	attendance: z.record(userId(), z.enum(['', ...ATTENDANCE_VALUES])).optional().default({}),
})

/** Cancelling: the version the lead saw, so a cancel never lands on a meeting changed meanwhile unseen. */
export const cancelSchema = z.object({ version: boundedInt({ min: 1 }) })

export function isKnownTimeZone(zone: string): boolean {
	if (!zone || zone.length > TIME_ZONE_MAX) return false
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone })
		return true
	} catch {
		return false
	}
}

function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value)
		return url.protocol === 'https:' || url.protocol === 'http:'
	} catch {
		return false
	}
}
