/**
 * A document's review conversation as a list, oldest first: who wrote, when,
 * whether it is a comment, a request for changes or an approval, and the
 * text. Shared by every reviewed document type; the feature translates the
 * words, formats the times (on the server) and supplies the reply form as
 * `children`. Decisions are marked by a word and a border, not by colour
 * alone.
 */
import type { ReactNode } from 'react'
import type { ReviewEntryKind } from './review-thread.ts'

export interface ConversationEntry {
	id: string
	kind: ReviewEntryKind
	body: string
	authorName: string
	/** Formatted by the loader in the reader's zone and language. */
	time: string
	dateTime: string
	/** "on revision 4": what the entry was about, or null. */
	context: string | null
}

const kindStyle: Record<ReviewEntryKind, string> = {
	comment: 'border-slate-200 bg-white',
	'changes-requested': 'border-amber-500 border-l-4 bg-amber-50',
	approved: 'border-leaf-600 border-l-4 bg-leaf-50',
}

export function ReviewConversation({
	headingId,
	heading,
	entries,
	labels,
	children,
}: {
	headingId: string
	heading: string
	entries: readonly ConversationEntry[]
	labels: { empty: string; kinds: Record<ReviewEntryKind, string> }
	/** The reply form, below the entries. */
	children?: ReactNode
}) {
	return (
		<section aria-labelledby={headingId} className="rounded-lg border border-slate-200 p-4 sm:p-6" data-testid="review-conversation">
			<h2 id={headingId} className="text-lg font-semibold text-navy-900">
				{heading}
			</h2>
			{entries.length === 0 ? (
				<p className="mt-2 text-sm text-slate-600">{labels.empty}</p>
			) : (
				<ol className="mt-4 space-y-3">
					{entries.map((entry) => (
						<li key={entry.id} className={`rounded-md border p-3 ${kindStyle[entry.kind]}`} data-testid="review-entry" data-kind={entry.kind}>
							<p className="flex flex-wrap items-baseline gap-x-2 text-sm text-slate-600">
								<span className="font-semibold text-slate-900">{entry.authorName}</span>
								{entry.kind !== 'comment' ? <span className="font-semibold text-slate-800">{labels.kinds[entry.kind]}</span> : null}
								<time dateTime={entry.dateTime}>{entry.time}</time>
								{entry.context ? <span>{entry.context}</span> : null}
							</p>
							{entry.body ? <p className="mt-1 whitespace-pre-wrap break-words text-slate-800">{entry.body}</p> : null}
						</li>
					))}
				</ol>
			)}
			{children ? <div className="mt-4 border-t border-slate-200 pt-4">{children}</div> : null}
		</section>
	)
}
