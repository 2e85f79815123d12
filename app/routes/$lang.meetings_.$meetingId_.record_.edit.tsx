/**
 * Writing a meeting's minutes in both languages, with its decisions and
 * action items. A save carries the version the editor loaded: if someone
 * saved in between, the editor gets a conflict notice with their text intact.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { handleRecordEditor, loadRecordEditor } from '#app/meetings/record-editor.server.ts'
import { RecordEditor } from '#app/meetings/record-editor.tsx'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['records', 'validation'] }

export const loader = (args: LoaderFunctionArgs) => loadRecordEditor(args)

export const action = (args: ActionFunctionArgs) => handleRecordEditor(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error })

export default function EditMeetingRecord() {
	const page = useLoaderData<typeof loader>()
	// A new key per saved version: the form starts again from what was saved.
	return <RecordEditor key={String(page.version)} page={page} actionData={useActionData<typeof action>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
