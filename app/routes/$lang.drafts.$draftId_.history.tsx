/**
 * A draft's revisions: who saved, when, why and what changed; any revision
 * read as saved, compared or exported, and restored (as a new revision,
 * after a confirmation). For the group, the draft's reviewers and admins.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { loadHistoryPage, restoreRevision } from '#app/drafts/history-page.server.ts'
import { HistoryPage } from '#app/drafts/history-view.tsx'
import { draftPathsWithoutLang } from '#app/drafts/links.ts'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['drafts'] }

export const loader = (args: LoaderFunctionArgs) => loadHistoryPage(args)

export const action = (args: ActionFunctionArgs) => restoreRevision(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: data?.seoPath ?? draftPathsWithoutLang.list(), noindex: true })

export default function DraftHistory() {
	return <HistoryPage page={useLoaderData<typeof loader>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
