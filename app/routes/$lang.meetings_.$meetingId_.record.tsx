/**
 * A meeting's record (minutes): read, verify its sign-offs, and review it.
 * The group and its reviewers see the current version and the review; the
 * public sees a public group's published version. Prints as a bilingual
 * document with its sign-offs and hashes.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { handleRecordAction, loadRecordPage } from '#app/meetings/record-page.server.ts'
import printHref from '#app/meetings/record-print.css?url'
import { RecordPage } from '#app/meetings/record-view.tsx'
import { routeMeta } from '#app/seo/meta.ts'
import type { RouteHandle } from '#app/ui/hydration.ts'

/** Readers without an account get the record without React: printing and the hash check are inline enhancements. */
export const handle: RouteHandle = { i18n: ['records', 'validation'], hydrate: 'signed-in' }

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: printHref, media: 'print' }]

export const loader = (args: LoaderFunctionArgs) => loadRecordPage(args)

export const action = (args: ActionFunctionArgs) => handleRecordAction(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error })

export default function MeetingRecord() {
	return <RecordPage page={useLoaderData<typeof loader>()} actionData={useActionData<typeof action>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
