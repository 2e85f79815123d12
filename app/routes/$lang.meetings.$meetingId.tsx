/**
 * A meeting's page (app/meetings/meeting-page.server.ts): a 404 for anyone
 * who may not see its group. Its forms record attendance and add or remove
 * attachments, for the group's writers.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { handleMeetingPageAction, loadMeetingPage } from '#app/meetings/meeting-page.server.ts'
import { MeetingPage } from '#app/meetings/meeting-view.tsx'
import { routeMeta } from '#app/seo/meta.ts'
import type { RouteHandle } from '#app/ui/hydration.ts'

export const handle: RouteHandle = { i18n: ['meetings', 'groups'], hydrate: 'signed-in' }

export const loader = (args: LoaderFunctionArgs) => loadMeetingPage(args)

export const action = (args: ActionFunctionArgs) => handleMeetingPageAction(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error })

export default function Meeting() {
	const [searchParams] = useSearchParams()
	return <MeetingPage page={useLoaderData<typeof loader>()} actionData={useActionData<typeof action>()} notice={searchParams.get('notice')} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
