/**
 * A versioned document's history as a list, newest first: each revision's
 * number, what it did, who and when, what it changed, and a link to read it.
 * Shared by every versioned document type; the feature translates the words
 * (its own action and field names) and builds the links.
 */
import { Link } from '#app/ui/link.tsx'

export interface RevisionListItem {
	id: string
	/** "Revision 3 · Edited" */
	heading: string
	/** "Nov 23, 2026, 9:05 AM · by Ana" */
	byline: string
	/** "Changed: English: Title, Tags", or null when nothing is listed. */
	changes: string | null
	href: string
	current: boolean
}

export function RevisionList({
	items,
	selectedId,
	labels,
}: {
	items: RevisionListItem[]
	selectedId: string | null
	labels: { current: string; view: string }
}) {
	return (
		<ol className="divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="revision-list">
			{items.map((item) => (
				<li key={item.id} className={`p-4 ${selectedId === item.id ? 'bg-slate-50' : ''}`}>
					<p className="font-semibold text-navy-900">
						{item.heading}
						{item.current ? <span className="ml-2 rounded bg-leaf-50 px-2 py-0.5 text-xs text-leaf-800">{labels.current}</span> : null}
					</p>
					<p className="text-sm text-slate-600">{item.byline}</p>
					{item.changes ? <p className="mt-1 text-sm text-slate-700">{item.changes}</p> : null}
					<Link to={item.href} className="mt-2 inline-block text-sm font-medium text-navy-700 underline">
						{labels.view}
					</Link>
				</li>
			))}
		</ol>
	)
}
