/** `/{lang}/groups`: a card for each working group the reader may see (app/groups/group-page.server.ts). */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { loadGroupsListPage } from '#app/groups/group-page.server.ts'
import { GroupsListPage } from '#app/groups/groups-list-view.tsx'
import { routeMeta } from '#app/seo/meta.ts'
import type { RouteHandle } from '#app/ui/hydration.ts'

export const handle: RouteHandle = { i18n: ['groups'], hydrate: false }

export const loader = (args: LoaderFunctionArgs) => loadGroupsListPage(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error })

export default function Groups() {
	return <GroupsListPage page={useLoaderData<typeof loader>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
