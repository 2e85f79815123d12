/**
 * Meetings as calendars: one meeting's `.ics` file (downloaded in a browser,
 * so the session decides what may be seen), and a group's feed that
 * calendar apps subscribe to. Apps send no cookies, so a private group's
 * feed carries its member's secret (`?token=`): the feed is served while
 * that secret is current and its owner may read the group, and answers 404
 * otherwise, exactly like an unknown group. A public group's feed needs no
 * secret.
 *
 * Every event keeps its UID for life and carries the meeting's version as
 * SEQUENCE; a cancelled meeting stays in the feed as STATUS:CANCELLED, so
 * subscribed calendars take it out.
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { getUser } from '#app/auth/auth.server.ts'
import type { Actor } from '#app/auth/permissions.ts'
import { hashToken } from '#app/auth/tokens.server.ts'
import { getGroupAccess, groupName } from '#app/groups/public.server.ts'
import { notFound } from '#app/http/errors.ts'
import { getSiteOrigin } from '#app/http/site.server.ts'
import { etagOf, matchesEtag } from '#app/http/responses.server.ts'
import { otherLang, type Lang } from '#app/i18n/config.ts'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { findCalendarTokenOwner } from './calendar-tokens.queries.server.ts'
import { CALENDAR_CONTENT_TYPE, calendarFile, FEED_REFRESH_INTERVAL_S, meetingEvent, meetingUid, type MeetingEvent } from './ical.server.ts'
import { meetingPaths } from './links.ts'
import { getMeetingForActor, listMeetingsForActor, readMeeting, type Meeting } from './meetings.queries.server.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

/** A feed holds the group's meetings of the last year or so and everything ahead. */
const FEED_MEETINGS_MAX = 200
/** Secrets are 43 base64url characters (app/auth/tokens.server.ts); anything else is no secret. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/

/** The agenda as plain lines for the event's description, in `lang` with the other language as fallback. */
function agendaText(meeting: Meeting, lang: Lang): string {
	return meeting.agenda
		.map((item, index) => {
			const title = (lang === 'zh' ? item.titleZh || item.titleEn : item.titleEn || item.titleZh).trim()
			return `${index + 1}. ${title}`
		})
		.join('\n')
}

function toEvent({ meeting, lang, origin, host }: { meeting: Meeting; lang: Lang; origin: string; host: string }): MeetingEvent {
	return meetingEvent({
		uid: meetingUid({ meetingId: meeting.id, host }),
		sequence: meeting.version,
		start: meeting.startsAt,
		end: meeting.endsAt,
		title: meeting.titles[lang] ?? meeting.titles[otherLang(lang)] ?? '',
		agenda: agendaText(meeting, lang),
		place: meeting.place,
		onlineUrl: meeting.onlineUrl,
		pageUrl: `${origin}${meetingPaths.meeting(lang, meeting.id)}`,
		cancelled: meeting.cancelledAt !== null,
		updatedAt: meeting.updatedAt,
	})
}

/** UIDs name the portal's host (without a port, which a UID may not carry). */
function uidHost(origin: string): string {
	return new URL(origin).hostname
}

/**
 * The calendar response. Never kept by shared caches: a private group's
 * feed is personal, and a meeting's changes should reach the next refresh.
 * The ETag lets apps that poll get a 304 while nothing changed; DTSTAMP is
 * the last change rather than the request's time, so the bytes (and so
 * the ETag) stay the same until something does.
 */
function calendarResponse({ request, body, fileName }: { request: Request; body: string; fileName: string }): Response {
	const etag = etagOf(body)
	const headers = {
		'Cache-Control': 'private, no-cache',
		ETag: etag,
		'Content-Disposition': `inline; filename="${fileName}"`,
	}
	if (matchesEtag(request.headers.get('If-None-Match'), etag)) return new Response(null, { status: 304, headers })
	return new Response(body, { headers: { ...headers, 'Content-Type': CALENDAR_CONTENT_TYPE } })
}

/** `/{lang}/meetings/{id}/calendar.ics`: one meeting, for whoever may read it in this browser. */
export async function meetingCalendarResponse({ request, params, context }: Args): Promise<Response> {
	const lang = requireLang(params)
	const user = await getUser({ request, context })
	const found = await getMeetingForActor({ meetingId: params.meetingId ?? '', actor: user })
	if (!found) notFound()
	const origin = getSiteOrigin()
	const { meeting } = found
	const body = calendarFile({
		name: meeting.titles[lang] ?? meeting.titles[otherLang(lang)] ?? '',
		events: [toEvent({ meeting, lang, origin, host: uidHost(origin) })],
		now: meeting.updatedAt,
		lang,
	})
	return calendarResponse({ request, body, fileName: `meeting-${meeting.id}.ics` })
}

/** Who asks for a feed: the owner of a current secret, else the browser's session, else the public. */
async function feedReader({ request, context }: Args): Promise<Actor> {
	const token = new URL(request.url).searchParams.get('token')
	if (token !== null) {
		// A wrong or revoked secret is nobody, never the session: the URL alone decides.
		return TOKEN_PATTERN.test(token) ? await findCalendarTokenOwner(hashToken(token)) : null
	}
	return getUser({ request, context })
}

/** `/{lang}/groups/{slug}/calendar.ics`: the group's meetings as a subscribable feed. */
export async function groupCalendarResponse({ request, params, context }: Args): Promise<Response> {
	const lang = requireLang(params)
	const actor = await feedReader({ request, params, context })
	const group = await getGroupAccess({ slug: params.slug ?? '', actor })
	if (!group) notFound()
	const origin = getSiteOrigin()
	const host = uidHost(origin)
	const [t, items] = await Promise.all([
		getFixedT(lang, 'meetings'),
		listMeetingsForActor({ actor, lang, now: context.now, groupId: group.id, limit: FEED_MEETINGS_MAX }),
	])
	const meetings = (await Promise.all(items.map((item) => readMeeting(item.id)))).filter((m): m is Meeting => m !== null)
	const events = meetings.map((meeting) => toEvent({ meeting, lang, origin, host }))
	const lastChange = meetings.reduce((latest, m) => (m.updatedAt > latest ? m.updatedAt : latest), new Date(0))
	const body = calendarFile({
		name: t('calendar.feed-name', { group: groupName(group, lang) }),
		events,
		now: lastChange,
		lang,
		refreshIntervalS: FEED_REFRESH_INTERVAL_S,
	})
	return calendarResponse({ request, body, fileName: `${group.slug}.ics` })
}
