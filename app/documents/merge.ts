/**
 * Three-way merge of text, for two authors who edited the same version of a
 * document (`base`) at the same time: changes that touch different places
 * are combined, and only edits to the same words are left for a person to
 * decide. Nothing is dropped silently: every conflict keeps all three texts.
 *
 * Lines first (diff3.ts, over jsdiff's Myers diffs). Where both sides
 * changed the same lines, the region is merged again word by word (tokens as
 * in diff.ts), so edits to different sentences of one paragraph still merge;
 * if the words conflict too, the whole region is one conflict, which is
 * easier to choose between than scattered word fragments. The work has a
 * time budget and edit bounds: past them, what is left is a conflict — slow
 * is never an excuse to guess.
 *
 * Whitespace: line endings are normalised to LF (the result uses LF). Where
 * one side changed only whitespace at line ends, the number of blank lines
 * or the final newline, and the other side changed the words there, the
 * words win.
 */
import { diff3Regions } from './diff3.ts'
import { commonEnds, diffText, normalizeNewlines, splitLines, tokenizeWords, type DiffPart } from './diff.ts'

export type MergeSource = 'both' | 'ours' | 'theirs' | 'base'
export type MergeChunk =
	| { kind: 'resolved'; text: string; source: MergeSource }
	| { kind: 'conflict'; base: string; ours: string; theirs: string }
export type MergeResult = { clean: boolean; chunks: MergeChunk[] }
export type ConflictChoice = 'ours' | 'theirs' | 'base' | { custom: string }

/** Lines inserted plus removed per side beyond which the line diff gives up (a conflict). */
const MAX_LINE_EDITS = 20_000
/** The same for words in one region both sides changed. */
const MAX_WORD_EDITS = 1_000
/** Safety net for a loaded machine: diffs still running after this give up (a conflict). */
const MERGE_BUDGET_MS = 3_000
/** Changed text in one region (per side) beyond which it is not retried word by word: a rewrite on both sides. */
const MAX_WORD_MERGE_CHARS = 50_000

/**
 * Merges `ours` and `theirs`, both edited from `base`. Resolved chunks say
 * whose text they are ('base' where neither side changed anything, 'both'
 * where both made the same change); conflicts carry all three texts.
 */
export function mergeText({
	base,
	ours,
	theirs,
	lang,
}: {
	base: string
	ours: string
	theirs: string
	lang: string
}): MergeResult {
	const deadline = Date.now() + MERGE_BUDGET_MS
	const chunks = mergeSequences({
		o: splitLines(normalizeNewlines(base)),
		a: splitLines(normalizeNewlines(ours)),
		b: splitLines(normalizeNewlines(theirs)),
		limits: { maxEdits: MAX_LINE_EDITS, deadline },
		onConflict: (region) => layoutOnly(region) ?? retryWords({ region, lang, deadline }),
	})
	return { clean: chunks.every((chunk) => chunk.kind === 'resolved'), chunks: tidy(chunks) }
}

type Region = { base: string; ours: string; theirs: string }

/** diff3 over three sequences, with the head and tail common to all three set aside first. */
function mergeSequences({
	o,
	a,
	b,
	limits,
	onConflict,
}: {
	o: string[]
	a: string[]
	b: string[]
	limits: { maxEdits: number; deadline: number }
	onConflict: (region: Region) => MergeChunk[]
}): MergeChunk[] {
	const join = (items: string[]) => items.join('')
	let head = 0
	while (head < o.length && o[head] === a[head] && o[head] === b[head]) head++
	let tail = 0
	const room = Math.min(o.length, a.length, b.length) - head
	while (tail < room && o[o.length - 1 - tail] === a[a.length - 1 - tail] && o[o.length - 1 - tail] === b[b.length - 1 - tail]) tail++

	const chunks: MergeChunk[] = [{ kind: 'resolved', text: join(o.slice(0, head)), source: 'base' }]
	const [aMiddle, oMiddle, bMiddle] = [a.slice(head, a.length - tail), o.slice(head, o.length - tail), b.slice(head, b.length - tail)]
	// Over budget, the whole middle is one region for the checks below: a conflict unless one side left it alone.
	const middle = diff3Regions(aMiddle, oMiddle, bMiddle, limits) ?? [{ stable: false, base: oMiddle, ours: aMiddle, theirs: bMiddle }]
	for (const region of middle) {
		if (region.stable) chunks.push({ kind: 'resolved', text: join(region.items), source: region.source })
		else {
			const texts = { base: join(region.base), ours: join(region.ours), theirs: join(region.theirs) }
			chunks.push(...resolveRegion(texts, onConflict))
		}
	}
	chunks.push({ kind: 'resolved', text: join(o.slice(o.length - tail)), source: 'base' })
	return chunks
}

/** A region both sides changed: the easy cases, then the caller's retry. */
function resolveRegion(region: Region, onConflict: (region: Region) => MergeChunk[]): MergeChunk[] {
	const { base, ours, theirs } = region
	if (ours === theirs) return [{ kind: 'resolved', text: ours, source: 'both' }]
	if (ours === base) return [{ kind: 'resolved', text: theirs, source: 'theirs' }]
	if (theirs === base) return [{ kind: 'resolved', text: ours, source: 'ours' }]
	return onConflict(region)
}

/**
 * Lines both sides changed where one side changed only layout whitespace:
 * the change of words wins; of two layout-only changes, ours stays.
 */
function layoutOnly({ base, ours, theirs }: Region): MergeChunk[] | null {
	if (sameWords(theirs, base)) return [{ kind: 'resolved', text: ours, source: 'ours' }]
	if (sameWords(ours, base)) return [{ kind: 'resolved', text: theirs, source: 'theirs' }]
	if (sameWords(ours, theirs)) return [{ kind: 'resolved', text: ours, source: 'both' }]
	return null
}

/** Equal but for spaces at line ends, the number of blank lines between paragraphs, and final newlines. */
function sameWords(x: string, y: string): boolean {
	const layout = (text: string) => text.replace(/[^\S\n]+$/gm, '').replace(/\n{3,}/g, '\n\n').replace(/\n+$/, '')
	return layout(x) === layout(y)
}

function retryWords({ region, lang, deadline }: { region: Region; lang: string; deadline: number }): MergeChunk[] {
	const conflict: MergeChunk[] = [{ kind: 'conflict', ...region }]
	// Text common to all three at the start and end (cut between words) needs no tokens.
	const { base, ours, theirs } = region
	const toOurs = commonEnds(base, ours)
	const toTheirs = commonEnds(base, theirs)
	const prefix = Math.min(toOurs.prefix, toTheirs.prefix)
	const suffix = Math.min(toOurs.suffix, toTheirs.suffix)
	const middle = (text: string) => text.slice(prefix, text.length - suffix)
	if (Math.max(middle(base).length, middle(ours).length, middle(theirs).length) > MAX_WORD_MERGE_CHARS) return conflict
	const o = tokenizeWords(middle(base), lang)
	const a = tokenizeWords(middle(ours), lang)
	const b = tokenizeWords(middle(theirs), lang)
	const chunks = mergeSequences({ o, a, b, limits: { maxEdits: MAX_WORD_EDITS, deadline }, onConflict: () => conflict })
	if (chunks.some((chunk) => chunk.kind === 'conflict')) return conflict
	return [
		{ kind: 'resolved', text: base.slice(0, prefix), source: 'base' },
		...chunks,
		{ kind: 'resolved', text: base.slice(base.length - suffix), source: 'base' },
	]
}

/** Drops empty resolved chunks and joins neighbours from the same source. */
function tidy(chunks: MergeChunk[]): MergeChunk[] {
	const out: MergeChunk[] = []
	for (const chunk of chunks) {
		if (chunk.kind === 'resolved' && !chunk.text) continue
		const last = out[out.length - 1]
		if (chunk.kind === 'resolved' && last?.kind === 'resolved' && last.source === chunk.source) last.text += chunk.text
		else out.push({ ...chunk })
	}
	return out
}

/** The merged text, or null while conflicts remain (use resolveConflicts). */
export function mergedText(result: MergeResult): string | null {
	if (!result.clean) return null
	return result.chunks.map((chunk) => (chunk.kind === 'resolved' ? chunk.text : '')).join('')
}

/**
 * The merged text with the author's choice for each conflict, in order of
 * the conflicts in `result.chunks`. Throws when the number of choices does
 * not match the number of conflicts: guessing would lose someone's text.
 */
export function resolveConflicts(result: MergeResult, choices: readonly ConflictChoice[]): string {
	const conflicts = result.chunks.filter((chunk) => chunk.kind === 'conflict').length
	if (choices.length !== conflicts) {
		throw new RangeError(`resolveConflicts: ${conflicts} conflicts, ${choices.length} choices`)
	}
	let next = 0
	return result.chunks
		.map((chunk) => {
			if (chunk.kind === 'resolved') return chunk.text
			const choice = choices[next++] as ConflictChoice
			return typeof choice === 'string' ? chunk[choice] : normalizeNewlines(choice.custom)
		})
		.join('')
}

/** The number of conflicts in a result, e.g. to size the choices array. */
export function conflictCount(result: MergeResult): number {
	return result.chunks.filter((chunk) => chunk.kind === 'conflict').length
}

/**
 * Whether the merge brought in anything from `theirs`, i.e. whether the
 * merged text (conflicts taken as ours) differs from `ours`.
 */
export function tookTheirs(result: MergeResult, ours: string): boolean {
	return oursWithTheirs(result) !== normalizeNewlines(ours)
}

/**
 * What the merge changed in the author's own text — the other author's edits
 * that were merged in, deletions included — as a diff from `ours` to the
 * merged text (conflicts taken as ours), for "we merged in X's change to …".
 */
export function changesFromTheirs({ result, ours, lang }: { result: MergeResult; ours: string; lang: string }): DiffPart[] {
	return diffText({ before: ours, after: oursWithTheirs(result), lang })
}

function oursWithTheirs(result: MergeResult): string {
	return resolveConflicts(result, Array(conflictCount(result)).fill('ours'))
}
