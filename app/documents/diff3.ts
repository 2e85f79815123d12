/**
 * diff3 regions of three sequences (ours `a`, base `o`, theirs `b`), for
 * merge.ts: where each side changed base, and where both changed the same
 * part (a conflict for the caller to settle).
 *
 * The two diffs against base are jsdiff's Myers diffs (bounded-diff.ts),
 * whose work is bounded by an edit limit and a deadline. node-diff3 was tried and
 * dropped: its LCS rescans its candidate list for every occurrence of a
 * repeated item (spaces, 的, "the"), which took seconds for 1,600 word
 * tokens and minutes for a 7 KB paragraph. Its region assembly also reports
 * nothing for text removed by one side, and treats changes that only touch
 * as a conflict — one author deleting a paragraph while the other fixes the
 * first word of the next one, or 电动 → 混动 beside 汽车 → 卡车. Here two
 * changes conflict only when they overlap in base, or when both insert at
 * the same place (whose text would come first is a choice).
 */
import { boundedDiff } from './bounded-diff.ts'

type Side = 'ours' | 'theirs'
type Hunk = { side: Side; oStart: number; oEnd: number; start: number; end: number }

export type Diff3Region<T> =
	| { stable: true; source: 'base' | Side; items: T[]; base: T[] }
	| { stable: false; base: T[]; ours: T[]; theirs: T[] }

/**
 * The regions in base order, or null when either side made more than
 * `maxEdits` changes (items inserted plus removed) or the diffs run past
 * `deadline` (a Date.now() time). Myers' work grows with length × edits, so
 * the edit bound is what keeps this fast, deterministically; the deadline is
 * a safety net for a loaded machine.
 */
export function diff3Regions<T>(
	a: T[],
	o: T[],
	b: T[],
	{ maxEdits, deadline }: { maxEdits: number; deadline: number },
): Array<Diff3Region<T>> | null {
	const ours = hunksOf({ o, buffer: a, side: 'ours', maxEdits, deadline })
	const theirs = hunksOf({ o, buffer: b, side: 'theirs', maxEdits, deadline })
	if (!ours || !theirs) return null
	// At one place in base, an insertion comes before a replacement that starts there.
	const hunks = [...ours, ...theirs].sort((x, y) => x.oStart - y.oStart || x.oEnd - y.oEnd || (x.side === 'ours' ? -1 : 1))

	const regions: Array<Diff3Region<T>> = []
	let done = 0
	const keepBase = (until: number) => {
		if (until > done) regions.push({ stable: true, source: 'base', items: o.slice(done, until), base: o.slice(done, until) })
	}
	for (let i = 0; i < hunks.length; ) {
		const group = [hunks[i++] as Hunk]
		let end = group[0]?.oEnd ?? 0
		for (let next = hunks[i]; next && clashes(next, group, end); next = hunks[i]) {
			group.push(next)
			end = Math.max(end, next.oEnd)
			i++
		}
		const start = group[0]?.oStart ?? 0
		keepBase(start)
		if (group.length === 1) {
			const hunk = group[0] as Hunk
			const buffer = hunk.side === 'ours' ? a : b
			regions.push({ stable: true, source: hunk.side, items: buffer.slice(hunk.start, hunk.end), base: o.slice(start, end) })
		} else {
			regions.push({
				stable: false,
				base: o.slice(start, end),
				ours: sideSpan({ group, side: 'ours', start, end, buffer: a, base: o }),
				theirs: sideSpan({ group, side: 'theirs', start, end, buffer: b, base: o }),
			})
		}
		done = Math.max(done, end)
	}
	keepBase(o.length)
	return regions
}

/** One side's changes to base as hunks: base [oStart, oEnd) became buffer [start, end). */
function hunksOf<T>({
	o,
	buffer,
	side,
	maxEdits,
	deadline,
}: {
	o: T[]
	buffer: T[]
	side: Side
	maxEdits: number
	deadline: number
}): Hunk[] | null {
	const changes = boundedDiff(o, buffer, { maxEdits, deadline })
	if (!changes) return null
	const hunks: Hunk[] = []
	let oPos = 0
	let pos = 0
	let open: Hunk | null = null
	for (const change of changes) {
		const count = change.value.length
		if (!change.added && !change.removed) {
			open = null
			oPos += count
			pos += count
			continue
		}
		if (!open) {
			open = { side, oStart: oPos, oEnd: oPos, start: pos, end: pos }
			hunks.push(open)
		}
		if (change.removed) open.oEnd = oPos += count
		else open.end = pos += count
	}
	return hunks
}

/** Whether `hunk` overlaps the group (which spans base up to `end`), or inserts where the group inserts too. */
function clashes(hunk: Hunk, group: Hunk[], end: number): boolean {
	if (hunk.oStart < end) return true
	const inserts = hunk.oStart === hunk.oEnd
	return inserts && hunk.oStart === end && group.some((other) => other.side !== hunk.side && other.oStart === other.oEnd && other.oEnd === end)
}

/**
 * What one side has where the group spans base [start, end): its hunks'
 * text, widened by the base text its hunks did not touch (equal on that
 * side, so its positions shift by the same amount).
 */
function sideSpan<T>({
	group,
	side,
	start,
	end,
	buffer,
	base,
}: {
	group: Hunk[]
	side: Side
	start: number
	end: number
	buffer: T[]
	base: T[]
}): T[] {
	const own = group.filter((hunk) => hunk.side === side)
	const first = own[0]
	const last = own[own.length - 1]
	// A side without hunks here left base as it was.
	if (!first || !last) return base.slice(start, end)
	return buffer.slice(first.start - (first.oStart - start), last.end + (end - last.oEnd))
}
