/** A new news post: researchers, editors and admins start one here. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { handleEditorAction, loadNewPostPage } from '#app/news/editor.server.ts'
import { NewsEditor } from '#app/news/editor.tsx'
import { newsroomPathsWithoutLang } from '#app/news/links.ts'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['newsroom', 'validation'] }

export const loader = (args: LoaderFunctionArgs) => loadNewPostPage(args)

export const action = (args: ActionFunctionArgs) => handleEditorAction(args, null)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: newsroomPathsWithoutLang.newPost, noindex: true })

export default function NewPost() {
	const { defaultValue, options, canPublish, timeZone } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('newsroom')
	return (
		<div>
			<h1 className="text-2xl font-bold tracking-tight text-navy-900">{t('new.title')}</h1>
			<p className="mt-1 text-slate-600">{canPublish ? t('new.intro-editor') : t('new.intro-researcher')}</p>
			<div className="mt-6">
				<NewsEditor
					formId="news-post-new"
					defaultValue={defaultValue}
					post={null}
					options={options}
					canPublish={canPublish}
					timeZone={timeZone}
					actionData={actionData}
				/>
			</div>
		</div>
	)
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
