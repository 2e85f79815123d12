/**
 * jsdiff's Myers diff of two sequences, with its work bounded: it gives up
 * (null) past `maxEdits` items inserted plus removed, or past `deadline`.
 * Myers' work grows with the edits it explores, so a pair that is mostly
 * different would spend the whole bound before giving up; a count of the
 * items one side has more of than the other (a lower bound on the edits)
 * rules such pairs out in linear time first. Shared by diff.ts and diff3.ts.
 */
import { diffArrays, type ArrayChange } from 'diff'

export function boundedDiff<T>(
	before: T[],
	after: T[],
	{ maxEdits, deadline }: { maxEdits: number; deadline: number },
): ArrayChange<T>[] | null {
	if (editsAtLeast(before, after) > maxEdits) return null
	const timeout = deadline - Date.now()
	if (timeout <= 0) return null
	return diffArrays(before, after, { maxEditLength: maxEdits, timeout }) ?? null
}

/** Items of either sequence without a counterpart in the other: every diff inserts or removes at least these. */
export function editsAtLeast<T>(before: T[], after: T[]): number {
	const balance = new Map<T, number>()
	for (const item of before) balance.set(item, (balance.get(item) ?? 0) + 1)
	for (const item of after) balance.set(item, (balance.get(item) ?? 0) - 1)
	let edits = 0
	for (const count of balance.values()) edits += Math.abs(count)
	return edits
}
