/**
 * Markdown documents as sections: split on ATX headings (`#` … `######`),
 * stored as rows with short random ids so that a section keeps its identity
 * through renames, reordering and edits — which is what lets two authors'
 * versions be merged section by section (section-merge.ts).
 *
 * joinSections(parseSections(md)) gives md back in canonical form. Canonical
 * form, i.e. exactly what is normalised (none of it changes how CommonMark
 * renders the document):
 * - line endings are LF (CRLF and lone CR become LF);
 * - the text ends with exactly one LF (an empty document stays empty);
 * - a heading line is `#` × level, one space, the heading text: indentation,
 *   extra spaces and a closing `#` sequence are dropped (`#` alone for an
 *   empty heading);
 * - blank lines (empty or only spaces) at the start and end of each section
 *   body are dropped; sections are separated by one blank line, as are a
 *   heading and its body.
 * For any input, parseSections(joinSections(parseSections(md))) equals
 * parseSections(md). Setext headings (`Title` over `===`) are not split on.
 */
export type ParsedSection = { heading: string; level: number; body: string }
export type Section = { id: string } & ParsedSection

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/
const SECTION_ID_LENGTH = 10
const SECTION_ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'
/** Body similarity (0–1) below which two sections are not taken for the same one. */
const MIN_BODY_SIMILARITY = 0.5

/**
 * The sections of a Markdown text. Text before the first heading is a
 * preamble section with heading '' and level 0 (absent when there is none).
 * Headings inside fenced code blocks are text, not headings.
 */
export function parseSections(markdown: string): ParsedSection[] {
	const lines = markdown.replace(/\r\n?/g, '\n').split('\n')
	const sections: ParsedSection[] = []
	let current: { heading: string; level: number; lines: string[] } = { heading: '', level: 0, lines: [] }
	let fence: { char: string; length: number } | null = null
	const finish = () => {
		const body = trimBlankLines(current.lines)
		if (current.level > 0 || body) sections.push({ heading: current.heading, level: current.level, body })
	}
	for (const line of lines) {
		if (fence) {
			const close = line.match(/^ {0,3}(`{3,}|~{3,})[ \t]*$/)
			if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.length) fence = null
			current.lines.push(line)
			continue
		}
		const open = line.match(FENCE_OPEN)
		// A backtick fence's info string may not contain backticks (CommonMark 4.5).
		if (open?.[1] && !(open[1][0] === '`' && open[2]?.includes('`'))) {
			fence = { char: open[1][0] as string, length: open[1].length }
			current.lines.push(line)
			continue
		}
		const heading = line.match(ATX_HEADING)
		if (heading?.[1]) {
			finish()
			// `### ###` is an empty heading: the lazy text group took the closing sequence.
			const text = (heading[2] ?? '').trim()
			current = { heading: /^#+$/.test(text) ? '' : text, level: heading[1].length, lines: [] }
		} else {
			current.lines.push(line)
		}
	}
	finish()
	return sections
}

function trimBlankLines(lines: string[]): string {
	let start = 0
	let end = lines.length
	while (start < end && !/\S/.test(lines[start] ?? '')) start++
	while (end > start && !/\S/.test(lines[end - 1] ?? '')) end--
	return lines.slice(start, end).join('\n')
}

/** The Markdown of sections, in canonical form (see the module comment). */
export function joinSections(sections: readonly ParsedSection[]): string {
	const blocks = sections.map((section) => {
		const body = trimBlankLines(section.body.replace(/\r\n?/g, '\n').split('\n'))
		if (section.level <= 0) return body
		// A heading is one line: newlines typed into a heading field become spaces.
		const text = section.heading.replace(/[\r\n]+/g, ' ').trim()
		const heading = '#'.repeat(Math.min(section.level, 6)) + (text ? ` ${text}` : '')
		return body ? `${heading}\n\n${body}` : heading
	})
	const text = blocks.filter(Boolean).join('\n\n')
	return text ? `${text}\n` : ''
}

/** A short random id for a new section (10 characters of [0-9a-z], ~51 bits). */
export function newSectionId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(SECTION_ID_LENGTH))
	// 256 is a multiple of 36 plus 4: the slight bias towards 0–3 does not matter for ids.
	return Array.from(bytes, (byte) => SECTION_ID_ALPHABET[byte % SECTION_ID_ALPHABET.length]).join('')
}

/**
 * A section whose body now contains headings, split into several: the first
 * part keeps the section's id, the new parts get new ids.
 */
export function splitSection(section: Section): Section[] {
	const parts = parseSections(joinSections([section]))
	if (parts.length === 0) return [{ ...section, body: '' }]
	return parts.map((part, i) => ({ id: i === 0 ? section.id : newSectionId(), ...part }))
}

/**
 * Gives edited sections the ids of the previous sections they continue, e.g.
 * after a whole document was pasted over the old one. A previous section is
 * matched at most once: first by the same heading (among several with that
 * heading, the most similar body), then by the most similar body (a renamed
 * section), then by the same position; the rest are new sections with new
 * ids, and previous sections left unmatched were removed.
 */
export function reconcileSections({
	previous,
	edited,
}: {
	previous: readonly Section[]
	edited: readonly ParsedSection[]
}): Section[] {
	const ids: Array<string | undefined> = edited.map(() => undefined)
	const free = new Set(previous.map((_, j) => j))
	const claim = (i: number, j: number) => {
		ids[i] = previous[j]?.id
		free.delete(j)
	}
	const bigramCache = new Map<string, Map<string, number>>()
	const similarity = (x: string, y: string) => dice(bigramsOf(x, bigramCache), bigramsOf(y, bigramCache))

	edited.forEach((section, i) => {
		let best: { j: number; score: number } | null = null
		for (const j of free) {
			const candidate = previous[j] as Section
			if (candidate.heading.trim() !== section.heading.trim() || (candidate.level === 0) !== (section.level === 0)) continue
			const score = similarity(candidate.body, section.body) - Math.abs(i - j) * 1e-6
			if (!best || score > best.score) best = { j, score }
		}
		if (best) claim(i, best.j)
	})

	const pairs: Array<{ i: number; j: number; score: number }> = []
	edited.forEach((section, i) => {
		if (ids[i]) return
		for (const j of free) {
			const score = similarity((previous[j] as Section).body, section.body)
			if (score >= MIN_BODY_SIMILARITY) pairs.push({ i, j, score })
		}
	})
	pairs.sort((x, y) => y.score - x.score || Math.abs(x.i - x.j) - Math.abs(y.i - y.j))
	for (const { i, j } of pairs) if (!ids[i] && free.has(j)) claim(i, j)

	edited.forEach((_, i) => {
		if (!ids[i] && free.has(i)) claim(i, i)
	})
	return edited.map((section, i) => ({ id: ids[i] ?? newSectionId(), ...section }))
}

/** Character bigrams of a text with its whitespace collapsed: works for Chinese and English alike. */
function bigramsOf(text: string, cache: Map<string, Map<string, number>>): Map<string, number> {
	let bigrams = cache.get(text)
	if (bigrams) return bigrams
	bigrams = new Map()
	const chars = Array.from(text.toLowerCase().replace(/\s+/g, ' ').trim())
	for (let k = 0; k + 1 < chars.length; k++) {
		const bigram = `${chars[k]}${chars[k + 1]}`
		bigrams.set(bigram, (bigrams.get(bigram) ?? 0) + 1)
	}
	cache.set(text, bigrams)
	return bigrams
}

/** Sørensen–Dice coefficient of two bigram multisets; 0 when either is empty. */
function dice(x: Map<string, number>, y: Map<string, number>): number {
	let sizeX = 0
	let sizeY = 0
	let shared = 0
	for (const count of x.values()) sizeX += count
	for (const count of y.values()) sizeY += count
	if (sizeX === 0 || sizeY === 0) return 0
	for (const [bigram, count] of x) shared += Math.min(count, y.get(bigram) ?? 0)
	return (2 * shared) / (sizeX + sizeY)
}

export {
	mergeSections,
	mergedSections,
	resolveSections,
	type SectionChoice,
	type SectionConflict,
	type SectionOutcome,
	type SectionsMergeResult,
} from './section-merge.ts'
