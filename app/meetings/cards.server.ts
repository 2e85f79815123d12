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
import { listUpcomingAndPastMeetings, type MeetingListItem } from './meetings.queries.server.ts'

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

/** Both lists at once, in one query: the next `upcoming` and the last `past` meetings. */
export async function listUpcomingAndPastMeetingCards({
	actor,
	lang,
	now,
	groupId = null,
	readerTimeZone,
	upcoming,
	past,
}: {
	actor: Actor
	lang: Lang
	now: Date
	groupId?: string | null
	readerTimeZone: string | null
	upcoming: number
	past: number
}): Promise<{ upcoming: MeetingCard[]; past: MeetingCard[] }> {
	const lists = await listUpcomingAndPastMeetings({ actor, lang, now, groupId, upcoming, past })
	const cards = (items: MeetingListItem[]) => Promise.all(items.map((item) => toMeetingCard(item, { lang, readerTimeZone })))
	const [upcomingCards, pastCards] = await Promise.all([cards(lists.upcoming), cards(lists.past)])
	return { upcoming: upcomingCards, past: pastCards }
}
