/** Search across news, groups, meeting records and drafts (app/search/search-page.server.ts). */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { loadSearchPage } from '#app/search/search-page.server.ts'
import { SearchPage } from '#app/search/search-view.tsx'
import { routeMeta } from '#app/seo/meta.ts'
import type { RouteHandle } from '#app/ui/hydration.ts'

export const handle: RouteHandle = { i18n: ['search'], hydrate: false }

export const loader = (args: LoaderFunctionArgs) => loadSearchPage(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error })

export default function Search() {
	return <SearchPage page={useLoaderData<typeof loader>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
