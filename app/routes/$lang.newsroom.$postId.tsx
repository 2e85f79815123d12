/**
 * Editing one post in both languages, moving it through the workflow, and
 * its review conversation. Researchers edit their own drafts; editors and
 * admins any post. A save carries the version the editor loaded: if someone
 * saved in between, the editor sees their changes field by field, with
 * everything typed intact.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { handleEditorAction, loadEditPostPage } from '#app/news/editor.server.ts'
import { EditPostPage } from '#app/news/edit-page.tsx'
import { newsroomPathsWithoutLang } from '#app/news/links.ts'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['newsroom', 'news', 'media', 'validation'] }

export const loader = (args: LoaderFunctionArgs) => loadEditPostPage(args)

export const action = (args: ActionFunctionArgs) => handleEditorAction(args, args.params.postId ?? '')

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: data ? newsroomPathsWithoutLang.post(data.id) : newsroomPathsWithoutLang.list, noindex: true })

export default function EditPost() {
	return <EditPostPage page={useLoaderData<typeof loader>()} actionData={useActionData<typeof action>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
