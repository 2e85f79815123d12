/** The public news listing (app/news/listing-page.server.ts reads filters and cursors). */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { loadListingPage } from '#app/news/listing-page.server.ts'
import { ListingPage } from '#app/news/listing-view.tsx'
import { routeMeta } from '#app/seo/meta.ts'
import type { RouteHandle } from '#app/ui/hydration.ts'

export const handle: RouteHandle = { i18n: ['news'], hydrate: false }

export const loader = (args: LoaderFunctionArgs) => loadListingPage(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error })

export default function NewsIndex() {
	return <ListingPage page={useLoaderData<typeof loader>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
