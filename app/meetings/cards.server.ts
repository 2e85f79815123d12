/**
 * Meetings as lists show them (the meetings page, a group's page): title,
 * group, the time on the reader's clock and side by side in the two cities,
 * formatted on the server in the page's language.
 */
import type { Actor } from '#app/auth/permissions.ts'
import { groupPath } from '#app/groups/public.ts'
import type { Lang } from '#app/i18n/config.ts'
import { meetingPaths } from './links.ts'
import { describeMeetingTimes } from './meeting-times.server.ts'
import { listMeetingsForActor, type MeetingListItem, type MeetingWhen } from './meetings.queries.server.ts'

export interface MeetingCard {
	id: string
	href: string
	title: string
	titleLang: Lang
	groupName: string
	groupHref: string
	groupPrivate: boolean
	cancelled: boolean
	startIso: string
	/** On the reader's clock. */
	when: string
	/** "Tue 17:00 Davis = Wed 08:00 Beijing". */
	sideBySide: string
	place: string
	online: boolean
}

export async function toMeetingCard(item: MeetingListItem, { lang, readerTimeZone }: { lang: Lang; readerTimeZone: string | null }): Promise<MeetingCard> {
	const times = await describeMeetingTimes({ start: item.startsAt, end: item.endsAt, lang, readerTimeZone })
	return {
		id: item.id,
		href: meetingPaths.meeting(lang, item.id),
		title: item.title,
		titleLang: item.titleLang,
		groupName: item.groupName,
		groupHref: groupPath(lang, item.groupSlug),
		groupPrivate: item.groupVisibility === 'private',
		cancelled: item.cancelledAt !== null,
		startIso: times.startIso,
		when: times.reader,
		sideBySide: times.sideBySide,
		place: item.place,
		online: item.onlineUrl !== '',
	}
}

/** One list of meeting cards: upcoming (soonest first) or past (latest first), of one group or all the reader may see. */
export async function listMeetingCards({
	actor,
	lang,
	now,
	when,
	groupId = null,
	readerTimeZone,
	limit,
}: {
	actor: Actor
	lang: Lang
	now: Date
	when: MeetingWhen
	groupId?: string | null
	readerTimeZone: string | null
	limit?: number
}): Promise<MeetingCard[]> {
	const items = await listMeetingsForActor({ actor, lang, now, when, groupId, limit })
	return Promise.all(items.map((item) => toMeetingCard(item, { lang, readerTimeZone })))
}
