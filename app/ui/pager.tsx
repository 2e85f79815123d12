/**
 * The links between pages of a keyset-paged list (app/http/keyset.queries.server.ts):
 * back towards the newest on the left, on to older entries on the right.
 * Plain links: they work without JavaScript.
 */
import { Link } from './link.tsx'

const linkClass = 'rounded-md border border-navy-900 px-4 py-2 font-medium text-navy-900 hover:bg-navy-50'

export function Pager({
	label,
	newer,
	older,
}: {
	/** Names the navigation for assistive technology ("More news"). */
	label: string
	/** The previous page, or the first one; null on the first page. */
	newer: { href: string; text: string } | null
	older: { href: string; text: string } | null
}) {
	if (!newer && !older) return null
	return (
		<nav aria-label={label} className="mt-6 flex flex-wrap items-center justify-between gap-4 border-t border-slate-200 pt-6">
			{newer ? (
				<Link to={newer.href} rel="prev" className={linkClass}>
					<span aria-hidden="true">← </span>
					{newer.text}
				</Link>
			) : (
				<span />
			)}
			{older ? (
				<Link to={older.href} rel="next" className={linkClass}>
					{older.text}
					<span aria-hidden="true"> →</span>
				</Link>
			) : null}
		</nav>
	)
}
