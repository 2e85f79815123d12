/**
 * Shows a diff from diff.ts: inline (insertions and deletions in running
 * text) on narrow screens, two columns (old | new) from the `lg:` breakpoint.
 * Changes are marked by more than colour: insertions are underlined,
 * deletions struck through, and each carries a visually hidden label (from
 * the caller, translated) so screen readers announce them. Both layouts are
 * in the HTML and CSS picks one, so server and browser render the same.
 */
import type { DiffPart } from './diff.ts'
import { sideBySide } from './side-by-side.ts'

export type DiffViewLabels = {
	/** Announced before inserted text, e.g. "inserted" / "插入". */
	inserted: string
	/** Announced before deleted text, e.g. "deleted" / "删除". */
	deleted: string
	/** Column heading of the old text, e.g. "Before" / "修改前". */
	before: string
	/** Column heading of the new text, e.g. "After" / "修改后". */
	after: string
}

export type DiffViewLayout = 'responsive' | 'inline' | 'side-by-side'

const insClass = 'rounded-sm bg-leaf-50 text-leaf-600 underline decoration-2 underline-offset-2'
const delClass = 'rounded-sm bg-red-50 text-red-800 line-through decoration-2'

export function DiffView({
	parts,
	lang,
	labels,
	layout = 'responsive',
	className = '',
}: {
	parts: readonly DiffPart[]
	/** BCP 47 language of the text (not of the page): 'en', 'zh-CN'… */
	lang: string
	labels: DiffViewLabels
	layout?: DiffViewLayout
	className?: string
}) {
	return (
		<div lang={lang} className={className} data-diff-view="">
			{layout !== 'side-by-side' ? (
				<InlineDiff parts={parts} labels={labels} className={layout === 'responsive' ? 'lg:hidden' : ''} />
			) : null}
			{layout !== 'inline' ? (
				<SideBySideDiff parts={parts} labels={labels} className={layout === 'responsive' ? 'hidden lg:table' : ''} />
			) : null}
		</div>
	)
}

function InlineDiff({ parts, labels, className }: { parts: readonly DiffPart[]; labels: DiffViewLabels; className: string }) {
	return (
		<div className={`whitespace-pre-wrap break-words leading-relaxed ${className}`} data-layout="inline">
			{parts.map((part, i) => (
				<Part key={i} part={part} labels={labels} />
			))}
		</div>
	)
}

function SideBySideDiff({ parts, labels, className }: { parts: readonly DiffPart[]; labels: DiffViewLabels; className: string }) {
	const rows = sideBySide(parts)
	return (
		<table className={`w-full table-fixed border-collapse text-left ${className}`} data-layout="side-by-side">
			<thead>
				<tr>
					<th scope="col" className="w-1/2 border-b border-slate-300 px-3 py-2 text-sm font-semibold text-slate-600">
						{labels.before}
					</th>
					<th scope="col" className="w-1/2 border-b border-slate-300 px-3 py-2 text-sm font-semibold text-slate-600">
						{labels.after}
					</th>
				</tr>
			</thead>
			<tbody>
				{rows.map((row, i) => (
					<tr key={i} data-changed={row.changed ? '' : undefined} className="align-top">
						<Cell line={row.left} labels={labels} changed={row.changed} />
						<Cell line={row.right} labels={labels} changed={row.changed} />
					</tr>
				))}
			</tbody>
		</table>
	)
}

function Cell({ line, labels, changed }: { line: DiffPart[] | null; labels: DiffViewLabels; changed: boolean }) {
	if (!line) return <td className="border-b border-slate-100 bg-slate-50" />
	return (
		<td
			className={`whitespace-pre-wrap break-words border-b border-slate-100 px-3 py-1 leading-relaxed ${changed ? 'bg-gold-300/10' : ''}`}
		>
			{line.map((part, i) => (
				<Part key={i} part={part} labels={labels} />
			))}
		</td>
	)
}

function Part({ part, labels }: { part: DiffPart; labels: DiffViewLabels }) {
	if (part.kind === 'insert') {
		return (
			<ins className={insClass}>
				<span className="sr-only">{labels.inserted} </span>
				{part.text}
			</ins>
		)
	}
	if (part.kind === 'delete') {
		return (
			<del className={delClass}>
				<span className="sr-only">{labels.deleted} </span>
				{part.text}
			</del>
		)
	}
	return <>{part.text}</>
}
