/** Starting a policy draft in one of the member's groups. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { draftPathsWithoutLang } from '#app/drafts/links.ts'
import { handleNewDraftAction, loadNewDraftPage } from '#app/drafts/new-page.server.ts'
import { NewDraftPage } from '#app/drafts/new-draft-view.tsx'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['drafts', 'validation'] }

export const loader = (args: LoaderFunctionArgs) => loadNewDraftPage(args)

export const action = (args: ActionFunctionArgs) => handleNewDraftAction(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: draftPathsWithoutLang.new(), noindex: true })

export default function NewDraft() {
	return <NewDraftPage page={useLoaderData<typeof loader>()} actionData={useActionData<typeof action>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
