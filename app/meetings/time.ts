/**
 * Meeting times on the clocks of the lab's two cities. Working groups meet
 * across Davis (America/Los_Angeles, which has daylight saving time) and
 * Beijing (Asia/Shanghai, which has none), 15 or 16 hours apart, so a
 * meeting is usually on different calendar days in the two cities:
 * "Mon 17:00 Davis = Tue 08:00 Beijing".
 *
 * Isomorphic, but meant to be called by loaders: the server formats and
 * sends strings, so the browser's ICU (which may differ in a space or a
 * dash) cannot make hydration disagree with the server's HTML. Zone rules
 * come from Intl through @date-fns/tz, as in `#app/i18n/time-zone.ts`.
 */
import { TZDate } from '@date-fns/tz'
import { DEFAULT_TIME_ZONE, HTML_LANG, type Lang } from '#app/i18n/config.ts'
import { dateTimeFormat } from '#app/i18n/format.ts'

export const LAB_CITIES = [
	{ key: 'davis', timeZone: 'America/Los_Angeles' },
	{ key: 'beijing', timeZone: 'Asia/Shanghai' },
] as const
export type LabCityKey = (typeof LAB_CITIES)[number]['key']

/** Local times outside [07:00, 22:00] are asking someone to join from bed. */
export const WORKING_HOURS_START_MIN = 7 * 60
export const WORKING_HOURS_END_MIN = 22 * 60

const MS_PER_MINUTE = 60_000
const MINUTES_PER_DAY = 24 * 60

/** One meeting as seen in one time zone, formatted for the page's language. */
export interface ZonedMeetingTime {
	timeZone: string
	/** Start's weekday, short: "Tue" / "周二". */
	weekday: string
	/** Start's date: "Mar 10, 2026" / "2026年3月10日". */
	date: string
	/** "17:00" (24-hour in both languages: with two cities 15 hours apart, AM/PM is the first thing misread). */
	startTime: string
	endTime: string
	/** "17:00–18:00"; when the meeting ends on a later day, show `endDayOffset` too ("+1"). */
	timeRange: string
	/** End's weekday and date, for meetings that end on another day than they start. */
	endWeekday: string
	endDate: string
	/** Calendar days from the start's local day to the end's: 0, or 1 for a meeting past midnight. */
	endDayOffset: number
	/** The zone's short name at the start: "PDT", "PST", "GMT+8" (Intl has no "CST" for China in English). */
	zoneName: string
	/** The zone's offset from UTC at the start: "GMT-7", "GMT+8". */
	utcOffset: string
	/** Minutes east of UTC at the start: -420 for PDT, 480 for Beijing. */
	offsetMinutes: number
	/** The start's calendar day in this zone, `YYYY-MM-DD`, for comparing and for `<time dateTime>`. */
	day: string
	/** The end's calendar day in this zone, `YYYY-MM-DD`. */
	endDay: string
}

export interface CityMeetingTime extends ZonedMeetingTime {
	key: LabCityKey
	/** True when this city's start day is not the other city's ("Tue … = Wed …"): the page then shows the weekday. */
	dayDiffersFromOtherCity: boolean
}

export interface MeetingTimes {
	/** The meeting on the reader's clock. */
	reader: ZonedMeetingTime
	/**
	 * The lab city whose clock the reader's matches at both start and end
	 * (same offsets), so the page can skip a duplicate line; null otherwise.
	 */
	readerMatchesCity: LabCityKey | null
	/** Davis, then Beijing, in the order of `LAB_CITIES`. */
	cities: CityMeetingTime[]
}

/** Whether Intl knows the zone: reader zones come from browsers and cookies, so anything can arrive. */
export function isValidTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone })
		return true
	} catch {
		return false
	}
}

/**
 * The meeting on the reader's clock and on each lab city's clock.
 * An unknown `readerTimeZone` falls back to the language's default zone
 * rather than failing the page. Throws a RangeError if `end` is before `start`.
 */
export function meetingTimes({
	start,
	end,
	lang,
	readerTimeZone,
}: {
	start: Date
	end: Date
	lang: Lang
	readerTimeZone?: string | null
}): MeetingTimes {
	assertInterval(start, end)
	const readerZone = readerTimeZone && isValidTimeZone(readerTimeZone) ? readerTimeZone : DEFAULT_TIME_ZONE[lang]
	const reader = zonedMeetingTime({ start, end, lang, timeZone: readerZone })
	const zoned = LAB_CITIES.map((city) => ({ key: city.key, ...zonedMeetingTime({ start, end, lang, timeZone: city.timeZone }) }))
	const cities = zoned.map((city) => ({
		...city,
		dayDiffersFromOtherCity: zoned.some((other) => other.key !== city.key && other.day !== city.day),
	}))
	const readerMatchesCity =
		LAB_CITIES.find(
			(city) =>
				offsetMinutesAt(start, city.timeZone) === offsetMinutesAt(start, readerZone) &&
				offsetMinutesAt(end, city.timeZone) === offsetMinutesAt(end, readerZone),
		)?.key ?? null
	return { reader, readerMatchesCity, cities }
}

/**
 * The lab cities where some part of the meeting falls outside 07:00–22:00
 * local time, for a warning on the scheduling form (not a refusal: a group
 * may choose a late call). Throws a RangeError if `end` is before `start`.
 */
export function outsideWorkingHours({ start, end }: { start: Date; end: Date }): LabCityKey[] {
	assertInterval(start, end)
	return LAB_CITIES.filter((city) => {
		const from = new TZDate(start.getTime(), city.timeZone)
		const to = new TZDate(end.getTime(), city.timeZone)
		const days = dayNumber(to) - dayNumber(from)
		// Wall-clock minutes of the end, counted from the start's midnight: a
		// meeting that runs past midnight ends beyond 24:00 and so beyond 22:00.
		const fromMin = from.getHours() * 60 + from.getMinutes()
		const toMin = days * MINUTES_PER_DAY + to.getHours() * 60 + to.getMinutes()
		return fromMin < WORKING_HOURS_START_MIN || toMin > WORKING_HOURS_END_MIN
	}).map((city) => city.key)
}

function zonedMeetingTime({
	start,
	end,
	lang,
	timeZone,
}: {
	start: Date
	end: Date
	lang: Lang
	timeZone: string
}): ZonedMeetingTime {
	const locale = HTML_LANG[lang]
	const weekday = dateTimeFormat(locale, { weekday: 'short', timeZone })
	const date = dateTimeFormat(locale, { dateStyle: 'medium', timeZone })
	const time = dateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone })
	const startTime = time.format(start)
	const endTime = time.format(end)
	const zonedStart = new TZDate(start.getTime(), timeZone)
	const zonedEnd = new TZDate(end.getTime(), timeZone)
	return {
		timeZone,
		weekday: weekday.format(start),
		date: date.format(start),
		startTime,
		endTime,
		// An en dash with no spaces reads as a range in both languages.
		timeRange: `${startTime}–${endTime}`,
		endWeekday: weekday.format(end),
		endDate: date.format(end),
		endDayOffset: dayNumber(zonedEnd) - dayNumber(zonedStart),
		zoneName: zoneNamePart({ locale, timeZone, date: start, style: 'short' }),
		utcOffset: zoneNamePart({ locale, timeZone, date: start, style: 'shortOffset' }),
		offsetMinutes: offsetMinutesAt(start, timeZone),
		day: isoDay(zonedStart),
		endDay: isoDay(zonedEnd),
	}
}

function zoneNamePart({
	locale,
	timeZone,
	date,
	style,
}: {
	locale: string
	timeZone: string
	date: Date
	style: 'short' | 'shortOffset'
}): string {
	const parts = dateTimeFormat(locale, { timeZoneName: style, timeZone }).formatToParts(date)
	return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone
}

/** Minutes east of UTC (TZDate follows Date: its offset is minutes west). */
function offsetMinutesAt(date: Date, timeZone: string): number {
	return -new TZDate(date.getTime(), timeZone).getTimezoneOffset()
}

/** The local calendar day as a day count, so two days subtract across month ends. */
function dayNumber(zoned: TZDate): number {
	return Date.UTC(zoned.getFullYear(), zoned.getMonth(), zoned.getDate()) / (MINUTES_PER_DAY * MS_PER_MINUTE)
}

function isoDay(zoned: TZDate): string {
	const pad = (n: number) => String(n).padStart(2, '0')
	return `${zoned.getFullYear()}-${pad(zoned.getMonth() + 1)}-${pad(zoned.getDate())}`
}

function assertInterval(start: Date, end: Date) {
	if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) throw new RangeError('Invalid meeting time')
	if (end.getTime() < start.getTime()) throw new RangeError('A meeting cannot end before it starts')
}
