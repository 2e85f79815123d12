/**
 * Word-level diff of prose in any script, for history views and "what
 * changed" notices on bilingual documents. Chinese has no spaces, so words
 * come from Intl.Segmenter (dictionary-based for CJK) rather than from
 * whitespace; without a Segmenter each CJK character is a word.
 *
 * Large documents stay fast: lines are diffed first (Myers, from the `diff`
 * package), and words only inside blocks of changed lines. Every diff runs
 * under a time budget and an edit bound; past them a block degrades to
 * "this paragraph was replaced" instead of hanging the page or the server.
 *
 * Line endings are normalised (CRLF and CR become LF) before diffing, so a
 * file saved on another platform does not show as entirely changed.
 */
import { boundedDiff } from './bounded-diff.ts'

export type DiffKind = 'equal' | 'insert' | 'delete'
export type DiffPart = { kind: DiffKind; text: string }

/**
 * Safety net for a loaded machine, shared by all passes of one diffText
 * call: past it, blocks show as replaced whole. The edit bounds below are
 * what keeps the work small (Myers' work grows with length × edits).
 */
const DIFF_BUDGET_MS = 1_000
/** Line-level edits beyond which the line diff falls back to prefix / suffix / rest. */
const MAX_LINE_EDITS = 5_000
/** Word-level edits in one block beyond which the block shows as replaced whole. */
const MAX_WORD_EDITS = 1_000
/** Changed text (per side, after the common ends) beyond which a block shows as replaced without word diff. */
const MAX_WORD_DIFF_CHARS = 50_000
/** V8's Intl.Segmenter slows down superlinearly on long strings: feed it pieces. */
const MAX_SEGMENT_CHARS = 1_000
/** How far back a cut looks for a space or punctuation before cutting anyway. */
const BOUNDARY_LOOKBACK_CHARS = 64

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}'
const WORD_CHAR = `(?![${CJK}])[\\p{L}\\p{M}\\p{N}_]`
// A newline, a run of other spaces, one CJK character, a word (with inner
// apostrophes and points: "isn't", "3.5"), or any other single character.
const FALLBACK_TOKEN = new RegExp(
	`\\n|[^\\S\\n]+|[${CJK}]|(?:${WORD_CHAR})+(?:['’.](?:${WORD_CHAR})+)*|[^]`,
	'gu',
)
const BOUNDARY_CHAR = /[\s\p{P}]/u

const segmenters = new Map<string, Intl.Segmenter | null>()

function segmenterFor(lang: string): Intl.Segmenter | null {
	let segmenter = segmenters.get(lang)
	if (segmenter === undefined) {
		try {
			segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(lang, { granularity: 'word' }) : null
		} catch {
			// An unknown language tag: the fallback still gives usable words.
			segmenter = null
		}
		segmenters.set(lang, segmenter)
	}
	return segmenter
}

/**
 * Words, runs of spaces, punctuation and newlines of `text`; joined they give
 * `text` back. Shared with merge.ts so both modules agree on what a word is.
 */
export function tokenizeWords(text: string, lang: string): string[] {
	const segmenter = segmenterFor(lang)
	if (!segmenter) return tokenizeWordsWithoutSegmenter(text)
	const tokens: string[] = []
	for (const piece of segmentablePieces(text)) {
		for (const { segment } of segmenter.segment(piece)) tokens.push(segment)
	}
	return tokens
}

/** Where Intl.Segmenter is missing (older browsers): one token per CJK character, words for other scripts. */
export function tokenizeWordsWithoutSegmenter(text: string): string[] {
	return text.match(FALLBACK_TOKEN) ?? []
}

/** Lines (newline apart), long lines cut after a space or punctuation near MAX_SEGMENT_CHARS. */
function segmentablePieces(text: string): string[] {
	const pieces: string[] = []
	for (const line of text.split(/(\n)/)) {
		let rest = line
		while (rest.length > MAX_SEGMENT_CHARS) {
			const cut = cutBefore(rest, MAX_SEGMENT_CHARS)
			pieces.push(rest.slice(0, cut))
			rest = rest.slice(cut)
		}
		if (rest) pieces.push(rest)
	}
	return pieces
}

/** A cut position ≤ `limit`, after a space or punctuation mark if one is near, never inside a surrogate pair. */
function cutBefore(text: string, limit: number): number {
	for (let i = limit; i > 0 && i > limit - BOUNDARY_LOOKBACK_CHARS; i--) {
		if (BOUNDARY_CHAR.test(text[i - 1] ?? '')) return i
	}
	return avoidSurrogateSplit(text, limit)
}

function avoidSurrogateSplit(text: string, i: number): number {
	const code = text.charCodeAt(i - 1)
	return code >= 0xd800 && code <= 0xdbff ? i - 1 : i
}

export function normalizeNewlines(text: string): string {
	return text.replace(/\r\n?/g, '\n')
}

/** Lines with their '\n' kept, so joining them restores the text. */
export function splitLines(text: string): string[] {
	return text.match(/[^\n]*\n|[^\n]+$/g) ?? []
}

/**
 * The changes from `before` to `after`: equal and deleted parts joined give
 * `before`, equal and inserted parts give `after` (after newline
 * normalisation). Adjacent parts of one kind are merged, and within a run of
 * changes the deletion comes before the insertion.
 */
export function diffText({ before, after, lang }: { before: string; after: string; lang: string }): DiffPart[] {
	const a = normalizeNewlines(before)
	const b = normalizeNewlines(after)
	if (a === b) return a ? [{ kind: 'equal', text: a }] : []
	const deadline = Date.now() + DIFF_BUDGET_MS
	const parts: DiffPart[] = []
	let removed = ''
	let added = ''
	const flush = () => {
		if (removed && added) parts.push(...(diffWords(removed, added, lang, deadline) ?? replaced(removed, added)))
		else parts.push(...replaced(removed, added))
		removed = added = ''
	}
	for (const block of diffLines(splitLines(a), splitLines(b), deadline)) {
		if (block.kind === 'insert') added += block.text
		else if (block.kind === 'delete') removed += block.text
		else {
			flush()
			parts.push(block)
		}
	}
	flush()
	return tidy(parts)
}

function replaced(removed: string, added: string): DiffPart[] {
	const parts: DiffPart[] = []
	if (removed) parts.push({ kind: 'delete', text: removed })
	if (added) parts.push({ kind: 'insert', text: added })
	return parts
}

function diffLines(a: string[], b: string[], deadline: number): DiffPart[] {
	const changes = boundedDiff(a, b, { maxEdits: MAX_LINE_EDITS, deadline })
	if (changes) {
		return changes.map((c) => ({ kind: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value.join('') }))
	}
	// Too different to diff in time: keep the common head and tail, replace the middle.
	let head = 0
	while (head < a.length && head < b.length && a[head] === b[head]) head++
	let tail = 0
	while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
	const parts: DiffPart[] = [{ kind: 'equal', text: a.slice(0, head).join('') }]
	parts.push(...replaced(a.slice(head, a.length - tail).join(''), b.slice(head, b.length - tail).join('')))
	parts.push({ kind: 'equal', text: a.slice(a.length - tail).join('') })
	return parts
}

/** Word diff of one changed block, or null when it would exceed the edit bound or the time left. */
function diffWords(a: string, b: string, lang: string, deadline: number): DiffPart[] | null {
	const { prefix, suffix } = commonEnds(a, b)
	const aMiddle = a.slice(prefix, a.length - suffix)
	const bMiddle = b.slice(prefix, b.length - suffix)
	if (Date.now() >= deadline || Math.max(aMiddle.length, bMiddle.length) > MAX_WORD_DIFF_CHARS) return null
	const changes = boundedDiff(tokenizeWords(aMiddle, lang), tokenizeWords(bMiddle, lang), { maxEdits: MAX_WORD_EDITS, deadline })
	if (!changes) return null
	return [
		{ kind: 'equal', text: a.slice(0, prefix) },
		...changes.map((c): DiffPart => ({ kind: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value.join('') })),
		{ kind: 'equal', text: a.slice(a.length - suffix) },
	]
}

/**
 * Lengths of the common start and end of two texts, pulled back to a space
 * or punctuation mark so that no word is cut in half: "international" →
 * "internationally" is one replaced word, not an inserted "ly". Only the
 * changed middle is then tokenised, so one edit in a huge paragraph is cheap.
 * Without such a mark nearby (Chinese without punctuation), the cut moves
 * half the look-back distance, which keeps the edited word whole.
 */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
	const max = Math.min(a.length, b.length)
	let prefix = 0
	while (prefix < max && a[prefix] === b[prefix]) prefix++
	if (prefix < max || a.length !== b.length) prefix = prefixCut(a, prefix)
	let suffix = 0
	while (suffix < max - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++
	if (suffix < max - prefix || a.length !== b.length) suffix = a.length - suffixCut(a, a.length - suffix)
	return { prefix, suffix }
}

/** The common head `text.slice(0, end)` shortened to end just after a boundary character. */
function prefixCut(text: string, end: number): number {
	for (let i = end; i > 0 && i > end - BOUNDARY_LOOKBACK_CHARS; i--) {
		if (BOUNDARY_CHAR.test(text[i - 1] ?? '')) return i
	}
	return end > BOUNDARY_LOOKBACK_CHARS / 2 ? avoidSurrogateSplit(text, end - BOUNDARY_LOOKBACK_CHARS / 2) : 0
}

/** The common tail `text.slice(start)` shortened to start at a boundary character. */
function suffixCut(text: string, start: number): number {
	for (let i = start; i < text.length && i < start + BOUNDARY_LOOKBACK_CHARS; i++) {
		if (BOUNDARY_CHAR.test(text[i] ?? '')) return i
	}
	const cut = start + BOUNDARY_LOOKBACK_CHARS / 2
	return cut < text.length ? avoidSurrogateSplit(text, cut) : text.length
}

/**
 * Drops empty parts, folds spaces that separate two changes into both sides
 * ("the cat" → "a dog" reads as one replacement, not two), orders each run
 * of changes as one deletion then one insertion, and merges neighbours.
 */
function tidy(parts: DiffPart[]): DiffPart[] {
	const nonEmpty = parts.filter((part) => part.text)
	const out: DiffPart[] = []
	let removed = ''
	let added = ''
	const flush = () => {
		if (removed) out.push({ kind: 'delete', text: removed })
		if (added) out.push({ kind: 'insert', text: added })
		removed = added = ''
	}
	nonEmpty.forEach((part, i) => {
		const betweenChanges = (removed || added) && nonEmpty[i + 1] && nonEmpty[i + 1]?.kind !== 'equal'
		if (part.kind === 'delete') removed += part.text
		else if (part.kind === 'insert') added += part.text
		else if (betweenChanges && /^[^\S\n]+$/.test(part.text)) {
			removed += part.text
			added += part.text
		} else {
			flush()
			const last = out[out.length - 1]
			if (last?.kind === 'equal') last.text += part.text
			else out.push({ kind: 'equal', text: part.text })
		}
	})
	flush()
	return out
}

/**
 * How much changed, in characters other than whitespace (a Chinese word of
 * two characters counts 2, "policy" counts 6). `changed` is also true for a
 * change of whitespace alone.
 */
export function diffStats(parts: readonly DiffPart[]): { inserted: number; deleted: number; changed: boolean } {
	let inserted = 0
	let deleted = 0
	let changed = false
	for (const part of parts) {
		if (part.kind === 'equal') continue
		changed = true
		const count = Array.from(part.text.replace(/\s/gu, '')).length
		if (part.kind === 'insert') inserted += count
		else deleted += count
	}
	return { inserted, deleted, changed }
}

export { sideBySide, type SideBySideRow } from './side-by-side.ts'
