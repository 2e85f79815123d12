/**
 * Publication dates that do not depend on the page's language. A signed-in
 * reader sees dates on their own clock (their profile's time zone). An
 * anonymous reader of `/en` and of `/zh` sees the same facts: the date in
 * Davis and in Beijing, the lab's two cities, named when the two differ
 * ("November 19 in Davis, November 20 in Beijing") and once when they agree.
 * Formatted on the server (see app/i18n/format.ts).
 */
import type { TFunction } from 'i18next'
import type { Lang } from '#app/i18n/config.ts'
import { formatDate } from '#app/i18n/format.ts'

/** The lab's two cities, whose calendars anonymous readers are shown. */
export const REFERENCE_ZONES = { davis: 'America/Los_Angeles', beijing: 'Asia/Shanghai' } as const

export type NewsT = TFunction<'news'>

/** `timeZone`: the signed-in reader's; null for an anonymous reader. */
export function publicDate({ t, lang, date, timeZone }: { t: NewsT; lang: Lang; date: Date; timeZone: string | null }): string {
	if (timeZone) return formatDate(lang, date, { timeZone })
	const davis = formatDate(lang, date, { timeZone: REFERENCE_ZONES.davis })
	const beijing = formatDate(lang, date, { timeZone: REFERENCE_ZONES.beijing })
	return davis === beijing ? davis : t('date.two-cities', { davis, beijing })
}

/** A date formatter for one page: `(date) => text`, for a reader who is or is not signed in. */
export function publicDateFormatter({ t, lang, timeZone }: { t: NewsT; lang: Lang; timeZone: string | null }) {
	return (date: Date) => publicDate({ t, lang, date, timeZone })
}
