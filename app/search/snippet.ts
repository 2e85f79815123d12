/**
 * Highlighted titles and snippets for search results, in both scripts.
 *
 * PostgreSQL's ts_headline cannot do this for us: it re-parses the text
 * with the english parser, which never produces the bigrams Chinese is
 * matched by. So the highlighting is done here, on the stored text, from
 * the query's CJK runs and the stemmed English lexemes PostgreSQL matched
 * (a Snowball stem is almost always a prefix of the words it came from:
 * `subsidi` marks `subsidies` and `subsidy`). Everything that is not a
 * `<mark>` is HTML-escaped.
 */
import { bigrams, cleanText, type ParsedQuery } from './analyzer.ts'
import { escapeHtml } from '#app/content/html.ts'

/** Characters of body text a snippet shows, about two lines of a result list. */
export const SNIPPET_CHARS = 180
/** Characters kept before the first match, so a snippet does not start mid-sentence right at the word. */
const SNIPPET_LEAD_CHARS = 40

export interface Highlighter {
	/** Finds match ranges in a text, in order and not overlapping. */
	ranges(text: string): Array<[start: number, end: number]>
}

/**
 * A highlighter for a query: its CJK runs (and, when the search was relaxed,
 * their bigrams) as substrings, and words starting with an English lexeme.
 */
export function createHighlighter({
	query,
	latinLexemes,
	relaxed,
}: {
	query: ParsedQuery
	latinLexemes: string[]
	relaxed: boolean
}): Highlighter {
	const alternatives: string[] = []
	for (const term of query.terms) {
		if (term.type !== 'cjk') continue
		alternatives.push(escapeRegExp(term.text))
		if (relaxed) alternatives.push(...bigrams(term.text).map(escapeRegExp))
	}
	for (const lexeme of latinLexemes) {
		if (lexeme) alternatives.push(`(?<![\\p{L}\\p{N}])${escapeRegExp(lexeme)}[\\p{L}\\p{N}]*`)
	}
	if (alternatives.length === 0) return { ranges: () => [] }
	// Longest first, so a whole run wins over one of its bigrams.
	alternatives.sort((a, b) => b.length - a.length)
	const pattern = new RegExp(alternatives.join('|'), 'giu')
	return {
		ranges(text) {
			const found: Array<[number, number]> = []
			for (const match of text.matchAll(pattern)) {
				if (match[0].length === 0) continue
				found.push([match.index, match.index + match[0].length])
			}
			return found
		},
	}
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The whole text, escaped, with every match in a `<mark>`. */
export function highlightHtml(text: string, highlighter: Highlighter): string {
	const clean = cleanText(text)
	return markRanges(clean, highlighter.ranges(clean), 0, clean.length)
}

/**
 * About `maxChars` characters of the text around its densest cluster of
 * matches (the start of the text when nothing matches), escaped, matches
 * marked, with … where the text was cut.
 */
export function snippetHtml({
	text,
	highlighter,
	maxChars = SNIPPET_CHARS,
}: {
	text: string
	highlighter: Highlighter
	maxChars?: number
}): string {
	const clean = cleanText(text).replace(/\s+/g, ' ').trim()
	const ranges = highlighter.ranges(clean)
	let start = 0
	if (ranges.length > 0) {
		// The match that has the most others within one snippet's length after it.
		let best = 0
		let bestCount = 0
		for (let i = 0, j = 0; i < ranges.length; i++) {
			while (j < ranges.length && ranges[j]![1] <= ranges[i]![0] + maxChars - SNIPPET_LEAD_CHARS) j++
			if (j - i > bestCount) {
				bestCount = j - i
				best = i
			}
		}
		start = Math.max(0, ranges[best]![0] - SNIPPET_LEAD_CHARS)
		// Start at a word boundary in Latin text (CJK text has none to look for).
		const space = clean.lastIndexOf(' ', ranges[best]![0])
		if (space >= start && space - start < SNIPPET_LEAD_CHARS) start = space + 1
	}
	let end = Math.min(clean.length, start + maxChars)
	if (end < clean.length) {
		const space = clean.lastIndexOf(' ', end)
		if (space > start + maxChars / 2) end = space
	}
	start = avoidSplitSurrogate(clean, start)
	end = avoidSplitSurrogate(clean, end)
	const inside = ranges.filter(([from, to]) => from >= start && to <= end)
	return (start > 0 ? '…' : '') + markRanges(clean, inside, start, end) + (end < clean.length ? '…' : '')
}

function avoidSplitSurrogate(text: string, index: number): number {
	const code = text.charCodeAt(index)
	return index > 0 && index < text.length && code >= 0xdc00 && code <= 0xdfff ? index - 1 : index
}

function markRanges(text: string, ranges: Array<[number, number]>, start: number, end: number): string {
	let html = ''
	let at = start
	for (const [from, to] of ranges) {
		if (from < at) continue
		html += escapeHtml(text.slice(at, from)) + '<mark>' + escapeHtml(text.slice(from, to)) + '</mark>'
		at = to
	}
	return html + escapeHtml(text.slice(at, end))
}
