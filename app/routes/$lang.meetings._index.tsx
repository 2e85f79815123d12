/** `/{lang}/meetings`: upcoming, then past meetings of the groups the reader may see (app/meetings/meetings-list-page.server.ts). */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { loadMeetingsListPage } from '#app/meetings/meetings-list-page.server.ts'
import { MeetingsListPage } from '#app/meetings/meetings-list-view.tsx'
import { routeMeta } from '#app/seo/meta.ts'
import type { RouteHandle } from '#app/ui/hydration.ts'

export const handle: RouteHandle = { i18n: ['meetings'], hydrate: false }

export const loader = (args: LoaderFunctionArgs) => loadMeetingsListPage(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error })

export default function Meetings() {
	return <MeetingsListPage page={useLoaderData<typeof loader>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
