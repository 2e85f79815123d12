/**
 * diff3 regions of three sequences (ours `a`, base `o`, theirs `b`), for
 * merge.ts. The two diffs against base come from node-diff3's diffIndices;
 * the regions are assembled here rather than by its diff3MergeRegions for
 * two reasons: that one reports no region for text removed by one side
 * (so nothing could say whose the change was), and it treats edits that
 * only touch as a conflict — one author deleting a paragraph while the other
 * fixes the first word of the next one, or 电动 → 混动 beside 汽车 → 卡车.
 * Here two changes conflict only when they overlap in base, or when both
 * insert at the same place (whose text would come first is a choice).
 */
import { diffIndices } from 'node-diff3'

type Side = 'ours' | 'theirs'
type Hunk = { side: Side; oStart: number; oEnd: number; start: number; end: number }

export type Diff3Region<T> =
	| { stable: true; source: 'base' | Side; items: T[]; base: T[] }
	| { stable: false; base: T[]; ours: T[]; theirs: T[] }

export function diff3Regions<T>(a: T[], o: T[], b: T[]): Array<Diff3Region<T>> {
	const hunks: Hunk[] = []
	for (const [side, buffer] of [['ours', a], ['theirs', b]] as const) {
		for (const hunk of diffIndices(o, buffer)) {
			const [oStart, oLength] = hunk.buffer1
			const [start, length] = hunk.buffer2
			hunks.push({ side, oStart, oEnd: oStart + oLength, start, end: start + length })
		}
	}
	// At one place in base, an insertion comes before a replacement that starts there.
	hunks.sort((x, y) => x.oStart - y.oStart || x.oEnd - y.oEnd || (x.side === 'ours' ? -1 : 1))

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
