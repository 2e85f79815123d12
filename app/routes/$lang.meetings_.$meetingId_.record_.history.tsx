/** A meeting record's versions, and what each changed (for the group and its reviewers). */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { loadRecordHistory } from '#app/meetings/record-history.server.ts'
import { RecordHistory } from '#app/meetings/record-history-view.tsx'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['records'] }

export const loader = (args: LoaderFunctionArgs) => loadRecordHistory(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error })

export default function MeetingRecordHistory() {
	return <RecordHistory page={useLoaderData<typeof loader>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
