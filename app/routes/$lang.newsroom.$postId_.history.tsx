/**
 * A post's revisions: who saved, when, what it did and what it changed
 * (word-level diffs). Any revision's text can be restored; restoring saves a
 * new revision (history is never rewritten), asks first on a public post,
 * and, like any save, refuses if someone saved since the page was loaded.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { HistoryPage } from '#app/news/history-page.tsx'
import { loadHistoryPage, restoreRevision } from '#app/news/history.server.ts'
import { newsroomPathsWithoutLang } from '#app/news/links.ts'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['newsroom'] }

export const loader = (args: LoaderFunctionArgs) => loadHistoryPage(args)

export const action = (args: ActionFunctionArgs) => restoreRevision(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: data ? newsroomPathsWithoutLang.history(data.id) : newsroomPathsWithoutLang.list, noindex: true })

export default function PostHistory() {
	return <HistoryPage page={useLoaderData<typeof loader>()} actionData={useActionData<typeof action>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
