/**
 * Numbers and dates in the page's language, through Intl. Loaders format on
 * the server and send strings, so the browser's ICU (which may differ in a
 * space or a dash) cannot make hydration disagree with the server's HTML.
 */
import { DEFAULT_TIME_ZONE, HTML_LANG, type Lang } from '#app/i18n/config.ts'

/**
 * Making an Intl formatter costs far more than formatting with one (ICU loads
 * locale data, ~0.1 ms and tens of KB outside the JS heap each): every
 * formatter of the portal is made here, once per locale and options, for the
 * process. The options come from code and the zones are the lab's cities and
 * its readers' (validated against Intl's list): a few dozen in practice;
 * past this many the memory starts over.
 */
const FORMATTERS_MAX = 2_000
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()

function remembered<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
	let formatter = formatters.get(key) as F | undefined
	if (!formatter) {
		formatter = make()
		if (formatters.size >= FORMATTERS_MAX) formatters.clear()
		formatters.set(key, formatter)
	}
	return formatter
}

/** The date formatter for a locale (`HTML_LANG`'s) and options. Throws a RangeError for an unknown zone, like Intl. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	return remembered(`date|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options))
}

/** The number formatter for a locale and options. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
	return remembered(`number|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options))
}

/**
 * The strings made, per formatter and instant. Lists show the same items'
 * dates request after request (the newsroom's 30 rows, two dates each), and
 * formatting was the dearest call of such a render; remembered, it is a Map
 * lookup. Past this many, the memory starts over.
 */
const FORMATTED_DATES_MAX = 20_000
const formattedDates = new Map<string, string>()

function formatDateWith(lang: Lang, date: Date, options: Intl.DateTimeFormatOptions & { timeZone: string }): string {
	const key = `${lang}|${options.dateStyle ?? ''}|${options.timeStyle ?? ''}|${options.timeZone}`
	const id = `${key}|${date.getTime()}`
	let text = formattedDates.get(id)
	if (text === undefined) {
		text = dateTimeFormat(HTML_LANG[lang], options).format(date)
		if (formattedDates.size >= FORMATTED_DATES_MAX) formattedDates.clear()
		formattedDates.set(id, text)
	}
	return text
}

export function formatDate(
	lang: Lang,
	date: Date,
	{ timeZone = DEFAULT_TIME_ZONE[lang] }: { timeZone?: string } = {},
): string {
	return formatDateWith(lang, date, { dateStyle: 'long', timeZone })
}

/** 1 500 000 → "1.5 million" / "150万". */
export function formatCompact(lang: Lang, value: number): string {
	return compact(lang).format(value)
}

/** 4 000 000–5 000 000 → "4–5 million" / "400万 - 500万". */
export function formatCompactRange(lang: Lang, start: number, end: number): string {
	return compact(lang).formatRange(start, end)
}

/** 0.4 → "40%". */
export function formatPercent(lang: Lang, ratio: number): string {
	return numberFormat(HTML_LANG[lang], { style: 'percent' }).format(ratio)
}

function compact(lang: Lang) {
	return numberFormat(HTML_LANG[lang], { notation: 'compact', compactDisplay: 'long' })
}

/** A date and time, e.g. "Nov 23, 2026, 9:05 AM" / "2026年11月23日 09:05". */
export function formatDateTime(
	lang: Lang,
	date: Date,
	{ timeZone = DEFAULT_TIME_ZONE[lang] }: { timeZone?: string } = {},
): string {
	return formatDateWith(lang, date, { dateStyle: 'medium', timeStyle: 'short', timeZone })
}

/** 12000 → "12,000" / "12,000". */
export function formatNumber(lang: Lang, value: number): string {
	return numberFormat(HTML_LANG[lang]).format(value)
}

const BYTES_PER_KIB = 1024
const BYTES_PER_MIB = 1024 * 1024

/**
 * A file size the way file managers show it (powers of 1024, labelled kB
 * and MB): 5 242 880 → "5 MB", 2 500 → "2.4 kB", 512 → "512 B".
 */
export function formatBytes(lang: Lang, bytes: number): string {
	// "512 byte" reads oddly in English and the narrow "512B" cramped: say "B" ourselves.
	if (bytes < BYTES_PER_KIB) return `${formatNumber(lang, bytes)} B`
	const unitFormat = (unit: 'kilobyte' | 'megabyte') =>
		numberFormat(HTML_LANG[lang], { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 })
	// Decide by the rounded value, so 1 048 575 bytes is "1 MB", not "1,024 kB".
	const kib = Math.round((bytes / BYTES_PER_KIB) * 10) / 10
	return kib < BYTES_PER_KIB ? unitFormat('kilobyte').format(kib) : unitFormat('megabyte').format(bytes / BYTES_PER_MIB)
}
