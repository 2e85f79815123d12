/**
 * The frame of a members' area (admin, newsroom): its name, a row of tabs
 * that scrolls sideways on a phone, and the page below.
 */
import { Outlet, useLocation } from '@remix-run/react'
import { localizePath } from '#app/i18n/lang.ts'
import type { Lang } from '#app/i18n/config.ts'
import { isCurrentPath } from './current-path.ts'
import { Link } from './link.tsx'

export function SectionFrame({
	lang,
	title,
	navLabel,
	sections,
	width = 'max-w-6xl',
}: {
	lang: Lang
	title: string
	navLabel: string
	/** Paths without the language; `end` when only the exact path is current. */
	sections: { to: string; label: string; end?: boolean }[]
	width?: 'max-w-6xl' | 'max-w-7xl'
}) {
	const { pathname } = useLocation()
	return (
		<div className={`mx-auto ${width} px-4 py-10 sm:px-6`}>
			<p className="text-sm font-semibold uppercase tracking-wider text-leaf-600">{title}</p>
			<nav aria-label={navLabel} className="mt-3 border-b border-slate-200">
				<ul className="flex gap-1 overflow-x-auto">
					{sections.map((section) => (
						<li key={section.to}>
							<Link
								to={localizePath(lang, section.to)}
								aria-current={isCurrentPath(pathname, localizePath(lang, section.to), { end: section.end }) ? 'page' : undefined}
								className="block whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-slate-600 hover:text-navy-900 aria-[current=page]:border-navy-900 aria-[current=page]:font-semibold aria-[current=page]:text-navy-900"
							>
								{section.label}
							</Link>
						</li>
					))}
				</ul>
			</nav>
			<div className="mt-8">
				<Outlet />
			</div>
		</div>
	)
}
