/** The policy drafts a reader may see, filtered by group, status and translation status. */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { loadDraftListPage } from '#app/drafts/list-page.server.ts'
import { DraftListPage } from '#app/drafts/list-view.tsx'
import { routeMeta } from '#app/seo/meta.ts'
import type { RouteHandle } from '#app/ui/hydration.ts'

export const handle: RouteHandle = { i18n: ['drafts'], hydrate: false }

export const loader = (args: LoaderFunctionArgs) => loadDraftListPage(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error })

export default function Drafts() {
	return <DraftListPage page={useLoaderData<typeof loader>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
