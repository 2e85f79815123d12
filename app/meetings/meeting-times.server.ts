/**
 * A meeting's time as pages and emails say it: on the reader's clock, and
 * side by side on the lab's two cities' clocks, with the weekday where the
 * cities' days differ ("Tue 17:00 Davis = Wed 08:00 Beijing"). Formatted on
 * the server (./time.ts explains why), in the page's or recipient's language.
 */
import type { Lang } from '#app/i18n/config.ts'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { meetingTimes, outsideWorkingHours, type LabCityKey, type ZonedMeetingTime } from './time.ts'

export interface MeetingTimesText {
	/** ISO instants, for `<time dateTime>`. */
	startIso: string
	endIso: string
	/** "Tue, Mar 10, 2026, 17:00–18:00 (PDT)" on the reader's clock. */
	reader: string
	readerTimeZone: string
	/** The reader's clock is one of the cities' (then the page need not repeat it). */
	readerMatchesCity: LabCityKey | null
	/** Davis, then Beijing: "Tue, Mar 10, 2026, 17:00–18:00 (PDT)". */
	cities: { key: LabCityKey; label: string; text: string; day: string }[]
	/** "Tue 17:00 Davis = Wed 08:00 Beijing". */
	sideBySide: string
	/** Cities where part of the meeting falls outside 07:00–22:00 (for writers' warnings). */
	outsideHours: { key: LabCityKey; label: string }[]
}

/** `Tue, Mar 10, 2026, 17:00–18:00 (PDT)`, with `+1` when it ends on the next day. */
function zonedText(time: ZonedMeetingTime, nextDay: (days: number) => string): string {
	const range = time.endDayOffset > 0 ? `${time.timeRange} ${nextDay(time.endDayOffset)}` : time.timeRange
	return `${time.weekday}, ${time.date}, ${range} (${time.zoneName})`
}

/**
 * The texts made, per meeting time, language and reader's zone. A list of
 * meetings shows the same meetings render after render, and each costs
 * dozens of zone conversions (80 cards took ~50 ms of a render); the texts
 * depend on nothing else (zone rules and translations are fixed for the
 * process). Frozen, since every caller shares them. Past this many, the
 * memory starts over.
 */
const DESCRIBED_MAX = 10_000
const described = new Map<string, MeetingTimesText>()

export async function describeMeetingTimes(args: { start: Date; end: Date; lang: Lang; readerTimeZone: string | null }): Promise<MeetingTimesText> {
	const key = `${args.start.getTime()}|${args.end.getTime()}|${args.lang}|${args.readerTimeZone ?? ''}`
	let text = described.get(key)
	if (!text) {
		text = freezeText(await describe(args))
		if (described.size >= DESCRIBED_MAX) described.clear()
		described.set(key, text)
	}
	return text
}

function freezeText(text: MeetingTimesText): MeetingTimesText {
	for (const city of text.cities) Object.freeze(city)
	for (const city of text.outsideHours) Object.freeze(city)
	Object.freeze(text.cities)
	Object.freeze(text.outsideHours)
	return Object.freeze(text)
}

async function describe({
	start,
	end,
	lang,
	readerTimeZone,
}: {
	start: Date
	end: Date
	lang: Lang
	readerTimeZone: string | null
}): Promise<MeetingTimesText> {
	const t = await getFixedT(lang, 'meetings')
	const times = meetingTimes({ start, end, lang, readerTimeZone })
	const nextDay = (days: number) => t('time.next-day', { days })
	const label = (key: LabCityKey) => t(`time.city.${key}`)
	const short = Object.fromEntries(
		times.cities.map((city) => [city.key, city.dayDiffersFromOtherCity ? `${city.weekday} ${city.startTime}` : city.startTime]),
	) as Record<LabCityKey, string>
	return {
		startIso: start.toISOString(),
		endIso: end.toISOString(),
		reader: zonedText(times.reader, nextDay),
		readerTimeZone: times.reader.timeZone,
		readerMatchesCity: times.readerMatchesCity,
		cities: times.cities.map((city) => ({ key: city.key, label: label(city.key), text: zonedText(city, nextDay), day: city.day })),
		sideBySide: t('time.side-by-side', { davis: short.davis, beijing: short.beijing }),
		outsideHours: outsideWorkingHours({ start, end }).map((key) => ({ key, label: label(key) })),
	}
}
