/**
 * A long, fixed list of options (the 418 time zones a member or a meeting
 * may choose) as one piece of HTML instead of an element each: React drew
 * each <option> on every render, which cost the account page a sixth of its
 * CPU for bytes that never change (docs/decisions/024). The list's HTML is
 * made once per list; the option chosen is marked per render, as React marks
 * it (`selected=""`), so the page shows it without JavaScript too.
 */
import { escapeHtml } from '#app/content/html.ts'

/** From this many options a select takes them as HTML. */
export const LONG_OPTION_LIST = 100
/** Lists kept: a few exist (time zones), so this is never reached in practice. */
const LISTS_MAX = 20

export interface SelectOption {
	value: string
	label: string
}

const lists = new Map<string, string>()

function listHtml(options: readonly SelectOption[]): string {
	const key = options.map((option) => `${option.value}\u0000${option.label}`).join('\u0001')
	let html = lists.get(key)
	if (html === undefined) {
		html = options.map((option) => `<option value="${escapeHtml(option.value)}">${escapeHtml(option.label)}</option>`).join('')
		if (lists.size >= LISTS_MAX) lists.clear()
		lists.set(key, html)
	}
	return html
}

/** The options as HTML, the one whose value is `selected` marked (the first such, as a browser would pick it). */
export function optionsHtml(options: readonly SelectOption[], selected: string | undefined): string {
	const html = listHtml(options)
	if (selected === undefined) return html
	const start = `<option value="${escapeHtml(selected)}">`
	const at = html.startsWith(start) ? 0 : html.indexOf(`</option>${start}`)
	if (at < 0) return html
	const insertAt = (at === 0 ? 0 : at + '</option>'.length) + start.length - 1
	return `${html.slice(0, insertAt)} selected=""${html.slice(insertAt)}`
}
