/**
 * Meetings as iCalendar (RFC 5545): a `.ics` file for one meeting and a feed
 * of a working group's meetings that calendar apps subscribe to. Built with
 * ical-generator, which writes the lines, escapes event text and folds lines
 * at 75 octets without splitting a UTF-8 character.
 *
 * Times are written in UTC (`DTSTART:20261102T160000Z`): every client turns
 * them into its user's zone, and nothing can go wrong across the Davis DST
 * changes, whereas a TZID would need a VTIMEZONE block of our own making.
 *
 * An event keeps its UID for life and carries the meeting's version as
 * SEQUENCE, so a re-imported file or a refreshed feed updates the event the
 * reader already has (and a cancelled meeting shows as cancelled) instead of
 * adding a second one.
 */
import ical, { escape, ICalCalendarMethod, ICalEventStatus, type ICalEventData } from 'ical-generator'
import type { Lang } from '#app/i18n/config.ts'

export const CALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8'
/** How often subscribed apps should fetch a group feed again: meetings move, but rarely within the hour. */
export const FEED_REFRESH_INTERVAL_S = 60 * 60

/** RFC 5545 UIDs are text; ours stay to characters that need no escaping anywhere. */
const UID = /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+$/
/** Controls other than tab and newlines are not allowed in iCalendar TEXT (RFC 5545 §3.3.11). */
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

/** What the caller knows about a meeting (from its row and its URLs). */
export interface MeetingEventInput {
	/** Stable for the meeting's life: build it with `meetingUid`. */
	uid: string
	/** The meeting's version, bumped by every change, so clients take the newer copy. */
	sequence: number
	start: Date
	end: Date
	title: string
	/** The agenda, as its author wrote it (Markdown reads fine as plain text). */
	agenda?: string | null
	/** A room or address. */
	place?: string | null
	/** Where to join online. */
	onlineUrl?: string | null
	/** The meeting's page on the portal. */
	pageUrl?: string | null
	cancelled?: boolean
	/** When the meeting was last changed (LAST-MODIFIED). */
	updatedAt: Date
}

/** An event ready for `calendarFile`: checked and normalised. */
export interface MeetingEvent {
	uid: string
	sequence: number
	start: Date
	end: Date
	summary: string
	description: string | null
	location: string | null
	url: string | null
	status: 'CONFIRMED' | 'CANCELLED'
	lastModified: Date
}

/** `meeting-42@lab.example.org`: the same meeting gets the same UID in every file and feed. */
export function meetingUid({ meetingId, host }: { meetingId: string | number; host: string }): string {
	const uid = `meeting-${meetingId}@${host}`
	if (!UID.test(uid)) throw new Error(`Not a usable meeting UID: ${JSON.stringify(uid)}`)
	return uid
}

/**
 * A meeting as a calendar event. LOCATION is the room or, for an online-only
 * meeting, the join link, since that is the field every client shows; with
 * both, the link goes at the end of the description. URL is the meeting page.
 * Throws on a malformed UID, a negative sequence or an end before the start:
 * those are bugs in the caller, not input to repair.
 */
export function meetingEvent(meeting: MeetingEventInput): MeetingEvent {
	if (!UID.test(meeting.uid)) throw new Error(`Not a usable meeting UID: ${JSON.stringify(meeting.uid)}`)
	if (!Number.isInteger(meeting.sequence) || meeting.sequence < 0) throw new Error('SEQUENCE must be a whole number ≥ 0')
	if (!(meeting.end.getTime() >= meeting.start.getTime())) throw new Error('A meeting cannot end before it starts')
	const place = cleanText(meeting.place)
	const onlineUrl = cleanUrl(meeting.onlineUrl)
	const agenda = cleanText(meeting.agenda)
	const description = [agenda, place ? onlineUrl : null].filter(Boolean).join('\n\n') || null
	return {
		uid: meeting.uid,
		sequence: meeting.sequence,
		start: meeting.start,
		end: meeting.end,
		summary: cleanText(meeting.title) ?? '',
		description,
		location: place ?? onlineUrl,
		url: cleanUrl(meeting.pageUrl),
		status: meeting.cancelled ? 'CANCELLED' : 'CONFIRMED',
		lastModified: meeting.updatedAt,
	}
}

/**
 * A VCALENDAR with METHOD:PUBLISH (a published schedule, not an invitation
 * that expects replies). `name` becomes NAME and X-WR-CALNAME, the name a
 * subscribed calendar gets; `refreshIntervalS` (for feeds) becomes
 * REFRESH-INTERVAL and X-PUBLISHED-TTL. `now` is the DTSTAMP, which RFC 5545
 * wants to be the time this file was made when a METHOD is present; pass the
 * request's time (the load context's `now`).
 */
export function calendarFile({
	name,
	events,
	now,
	lang = 'en',
	refreshIntervalS,
}: {
	name: string
	events: readonly MeetingEvent[]
	now: Date
	lang?: Lang
	refreshIntervalS?: number
}): string {
	const calendar = ical({
		prodId: { company: 'ZEV Policy Lab', product: 'Portal', language: lang.toUpperCase() },
		method: ICalCalendarMethod.PUBLISH,
		// ical-generator writes the calendar name unescaped: a comma, a
		// semicolon or a newline in a group's name would corrupt the file.
		// (The feed test pins the output, so an upgrade that starts
		// escaping it, and so escapes twice, fails there.)
		name: escape(cleanText(name) ?? '', false),
		ttl: refreshIntervalS ?? null,
		// Explicitly no calendar time zone: times are written in UTC.
		timezone: null,
	})
	for (const event of events) {
		const data: ICalEventData = {
			id: event.uid,
			sequence: event.sequence,
			start: event.start,
			end: event.end,
			stamp: now,
			lastModified: event.lastModified,
			summary: event.summary,
			description: event.description,
			location: event.location,
			url: event.url,
			status: event.status === 'CANCELLED' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
		}
		calendar.createEvent(data)
	}
	// RFC 5545 ends every content line with CRLF, the last one too;
	// ical-generator stops after END:VCALENDAR.
	return `${calendar.toString()}\r\n`
}

/** Trimmed text without the control characters iCalendar forbids; null when nothing is left. */
function cleanText(text: string | null | undefined): string | null {
	const cleaned = text?.replace(FORBIDDEN_CONTROLS, '').trim()
	return cleaned ? cleaned : null
}

/**
 * An http(s) URL in its normalised form, or null. ical-generator escapes
 * `,` and `;` in URL values as if they were text, which would change the
 * link, so they are percent-encoded here first (same meaning in a URL).
 */
function cleanUrl(value: string | null | undefined): string | null {
	if (!value) return null
	let url: URL
	try {
		url = new URL(value.trim())
	} catch {
		return null
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
	return url.href.replace(/,/g, '%2C').replace(/;/g, '%3B')
}
