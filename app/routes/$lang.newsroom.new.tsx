/** A new news post: researchers, editors and admins start one here. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { handleEditorAction, loadNewPostPage } from '#app/news/editor.server.ts'
import { NewPostPage } from '#app/news/edit-page.tsx'
import { newsroomPathsWithoutLang } from '#app/news/links.ts'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['newsroom', 'news', 'media', 'validation'] }

export const loader = (args: LoaderFunctionArgs) => loadNewPostPage(args)

export const action = (args: ActionFunctionArgs) => handleEditorAction(args, null)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: newsroomPathsWithoutLang.newPost, noindex: true })

export default function NewPost() {
	return <NewPostPage page={useLoaderData<typeof loader>()} actionData={useActionData<typeof action>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
