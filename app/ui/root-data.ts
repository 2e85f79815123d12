/**
 * What the root loader gives every page (its language, the signed-in member,
 * the site's origin and name, head links, error titles), read in one typed
 * way. Components use `useRootData()`; `meta` functions use `rootMatchData`.
 * The type lives here, not in root.tsx, so the error page and the SEO helpers
 * can read it without importing the root route.
 */
import { useRouteLoaderData } from '@remix-run/react'
import type { Role } from '#app/auth/permissions.ts'
import type { Lang } from '#app/i18n/config.ts'

/** A <link> in every page's <head> that a feature contributes (a news feed). */
export interface HeadLink {
	rel: 'alternate'
	type: string
	title: string
	href: string
}

export interface RootData {
	lang: Lang
	user: { name: string; role: Role } | null
	/** The public origin, for absolute links (canonical, og:url). */
	origin: string
	siteName: string
	headLinks: HeadLink[]
	errorTitles: { notFound: string; server: string; unavailable: string; tooLarge?: string }
}

export const ROOT_ROUTE_ID = 'root'

export function useRootData(): RootData | undefined {
	return useRouteLoaderData(ROOT_ROUTE_ID) as RootData | undefined
}

/** The root loader's data among a `meta` function's matches. */
export function rootMatchData(matches: readonly { id: string; data: unknown }[]): RootData | undefined {
	return matches.find((match) => match.id === ROOT_ROUTE_ID)?.data as RootData | undefined
}
