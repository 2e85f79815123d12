/**
 * Editing a policy draft in both languages. Only the group's members (and
 * admins) edit, while it is drafting or in review. A save carries the
 * revision it started from: saves made meanwhile are merged in, overlapping
 * ones shown side by side to settle, and nothing typed is ever lost. The
 * editor's JavaScript (autosave to the browser, the leave warning) is loaded
 * by this route only.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { handleEditorAction, loadEditorPage } from '#app/drafts/editor-page.server.ts'
import { DraftEditor } from '#app/drafts/editor.tsx'
import { draftPathsWithoutLang } from '#app/drafts/links.ts'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['drafts', 'validation'] }

export const loader = (args: LoaderFunctionArgs) => loadEditorPage(args)

export const action = (args: ActionFunctionArgs) => handleEditorAction(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: data ? draftPathsWithoutLang.edit(data.id) : draftPathsWithoutLang.list(), noindex: true })

export default function EditDraft() {
	const page = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	// A new key after each own save (the address names it): the form starts again from what was saved.
	const saved = useSearchParams()[0].get('saved')
	return (
		<div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
			<DraftEditor key={saved ?? 'start'} page={page} actionData={actionData} justSaved={saved !== null} />
		</div>
	)
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
