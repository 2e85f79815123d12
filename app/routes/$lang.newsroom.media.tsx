/**
 * The newsroom's images: upload one and copy the Markdown that shows it in a
 * post. For writers (researchers, editors, admins); everyone else gets a 404.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { MediaPage } from '#app/media/media-page.tsx'
import { MEDIA_PAGE_PATH } from '#app/media/limits.ts'
import { handleUpload, loadMediaPage } from '#app/media/upload-page.server.ts'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['media', 'validation'] }

export const loader = (args: LoaderFunctionArgs) => loadMediaPage(args)

export const action = (args: ActionFunctionArgs) => handleUpload(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: MEDIA_PAGE_PATH, noindex: true })

export default function NewsroomMedia() {
	return <MediaPage page={useLoaderData<typeof loader>()} actionData={useActionData<typeof action>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
