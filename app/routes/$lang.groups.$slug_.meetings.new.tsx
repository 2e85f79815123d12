/** Scheduling a meeting in a group: its leads, members and admins (app/meetings/meeting-editor.server.ts). */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { handleNewMeeting, loadNewMeetingPage } from '#app/meetings/meeting-editor.server.ts'
import { MeetingEditorPage } from '#app/meetings/meeting-editor-page.tsx'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['meetings', 'validation'] }

export const loader = (args: LoaderFunctionArgs) => loadNewMeetingPage(args)

export const action = (args: ActionFunctionArgs) => handleNewMeeting(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error })

export default function NewMeeting() {
	return <MeetingEditorPage page={useLoaderData<typeof loader>()} actionData={useActionData<typeof action>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
