/**
 * Whether a navigation link points at the page shown, as React Router's
 * NavLink decides it (letter case aside; `end`: only the exact path). The
 * site's navigation asks this once per link from one location instead of
 * rendering NavLinks: each resolves its path again and again, and the header
 * has two dozen of them (docs/performance.md, "where signed-in CPU goes").
 */
export function isCurrentPath(pathname: string, to: string, { end = false }: { end?: boolean } = {}): boolean {
	const here = pathname.toLowerCase()
	const target = to.toLowerCase()
	if (here === target) return true
	if (end) return false
	const base = target !== '/' && target.endsWith('/') ? target.slice(0, -1) : target
	return here.startsWith(base) && here.charAt(base.length) === '/'
}
