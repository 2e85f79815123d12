/**
 * Reading pages need no JavaScript: everything on them is a link or a plain
 * form (the language switch, filters, paging, signing out), so they ship
 * none (docs/decisions/015-response-cache.md: the budget is 20 KB). A route
 * says so in its handle: `export const handle = { i18n: ['news'], hydrate: false }`.
 * Pages with editors and forms that check as you type keep it.
 */
import { useMatches } from '@remix-run/react'
import { useRootData } from './root-data.ts'

export interface RouteHandle {
	/** Translation namespaces the route's components use (remix-i18next). */
	i18n?: string | string[]
	/**
	 * false: the page works without JavaScript and ships none. 'signed-in':
	 * its scripts serve members' forms only (a meeting's attendance, a
	 * draft's comments), so readers without an account get none.
	 */
	hydrate?: boolean | 'signed-in'
}

/** Whether the page being rendered loads its scripts: not when any of its routes opted out. */
export function usePageHydrates(): boolean {
	const signedIn = Boolean(useRootData()?.user)
	return !useMatches().some((match) => {
		const hydrate = (match.handle as RouteHandle | undefined)?.hydrate
		return hydrate === false || (hydrate === 'signed-in' && !signedIn)
	})
}
