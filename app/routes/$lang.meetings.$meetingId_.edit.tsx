/** Changing or cancelling a meeting, with the version check (app/meetings/meeting-editor.server.ts). */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { handleEditMeeting, loadEditMeetingPage } from '#app/meetings/meeting-editor.server.ts'
import { MeetingEditorPage } from '#app/meetings/meeting-editor-page.tsx'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['meetings', 'validation'] }

export const loader = (args: LoaderFunctionArgs) => loadEditMeetingPage(args)

export const action = (args: ActionFunctionArgs) => handleEditMeeting(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error })

export default function EditMeeting() {
	return <MeetingEditorPage page={useLoaderData<typeof loader>()} actionData={useActionData<typeof action>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
