/**
 * Rows for a two-column diff on wide screens: the old text's lines on the
 * left, the new text's on the right, lines that correspond side by side.
 * Re-exported by diff.ts; kept apart only to keep each module short.
 */
import type { DiffPart } from './diff.ts'

/**
 * One row of the two columns. A side is null where that text has no line
 * here (a line only added or only removed); left holds only equal and
 * deleted parts, right only equal and inserted ones, without the newline.
 * Line numbers count from 1 in the old (left) and new (right) text.
 */
export type SideBySideRow = {
	left: DiffPart[] | null
	right: DiffPart[] | null
	leftLine: number | null
	rightLine: number | null
	changed: boolean
}

type Line = DiffPart[]

/**
 * Splits diff parts into rows. Every newline that both texts keep is a
 * point where the columns line up again; between two such points, lines that
 * share unchanged text are paired, and lines made only of changes are paired
 * with each other or stand alone, in order.
 */
export function sideBySide(parts: readonly DiffPart[]): SideBySideRow[] {
	const rows: SideBySideRow[] = []
	const numbers = { left: 0, right: 0 }
	let leftLines: Line[] = []
	let rightLines: Line[] = []
	let left: Line = []
	let right: Line = []

	for (const part of parts) {
		const pieces = part.text.split('\n')
		pieces.forEach((piece, i) => {
			if (piece) {
				if (part.kind !== 'insert') append(left, { kind: part.kind, text: piece })
				if (part.kind !== 'delete') append(right, { kind: part.kind, text: piece })
			}
			if (i === pieces.length - 1) return
			// A newline: ends the current line of the side(s) this part belongs to.
			if (part.kind !== 'insert') {
				leftLines.push(left)
				left = []
			}
			if (part.kind !== 'delete') {
				rightLines.push(right)
				right = []
			}
			if (part.kind === 'equal') {
				rows.push(...alignLines(leftLines, rightLines, numbers))
				leftLines = []
				rightLines = []
			}
		})
	}
	if (left.length) leftLines.push(left)
	if (right.length) rightLines.push(right)
	rows.push(...alignLines(leftLines, rightLines, numbers))
	return rows
}

function append(line: Line, part: DiffPart) {
	const last = line[line.length - 1]
	if (last?.kind === part.kind) last.text += part.text
	else line.push(part)
}

function anchored(line: Line): boolean {
	return line.some((part) => part.kind === 'equal' && /\S/.test(part.text))
}

function alignLines(leftLines: Line[], rightLines: Line[], numbers: { left: number; right: number }): SideBySideRow[] {
	const rows: SideBySideRow[] = []
	const row = (left: Line | null, right: Line | null): SideBySideRow => ({
		left,
		right,
		leftLine: left ? ++numbers.left : null,
		rightLine: right ? ++numbers.right : null,
		changed: !left || !right || [...left, ...right].some((part) => part.kind !== 'equal'),
	})
	let i = 0
	let j = 0
	while (i < leftLines.length || j < rightLines.length) {
		const l = leftLines[i]
		const r = rightLines[j]
		if (l && r && anchored(l) === anchored(r)) {
			rows.push(row(l, r))
			i++
			j++
		} else if (l && (!r || !anchored(l))) {
			rows.push(row(l, null))
			i++
		} else if (r) {
			rows.push(row(null, r))
			j++
		}
	}
	return rows
}
