/**
 * Editing one post in both languages, and moving it through the workflow.
 * Researchers edit their own drafts; editors and admins any post. A save
 * carries the version the editor loaded: if someone saved in between, the
 * editor gets a conflict notice with their text intact.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { handleEditorAction, loadEditPostPage } from '#app/news/editor.server.ts'
import { NewsEditor } from '#app/news/editor.tsx'
import { newsroomPathsWithoutLang } from '#app/news/links.ts'
import { StatusBadge } from '#app/news/status-badge.tsx'
import { WORKFLOW_STEPS } from '#app/news/workflow.ts'
import { routeMeta } from '#app/seo/meta.ts'
import { StatusNotice } from '#app/ui/forms.tsx'

export const handle = { i18n: ['newsroom', 'validation'] }

export const loader = (args: LoaderFunctionArgs) => loadEditPostPage(args)

export const action = (args: ActionFunctionArgs) => handleEditorAction(args, args.params.postId ?? '')

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: data ? newsroomPathsWithoutLang.post(data.id) : newsroomPathsWithoutLang.list, noindex: true })

export default function EditPost() {
	const { id, title, defaultValue, post, publicPath, historyPath, options, canPublish, timeZone } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [searchParams] = useSearchParams()
	const { t } = useTranslation('newsroom')
	const saved = searchParams.get('saved')
	return (
		<div>
			<div className="flex flex-wrap items-start justify-between gap-4">
				<div className="min-w-0">
					<h1 className="text-balance text-2xl font-bold tracking-tight text-navy-900">{title}</h1>
					<p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
						<StatusBadge status={post.status} live={post.live} inReview={post.reviewRequested} publishedAt={post.publishedAt} />
						{post.authorName ? <span>{t('list.by', { name: post.authorName })}</span> : null}
					</p>
				</div>
				<div className="flex flex-wrap gap-3 text-sm">
					{publicPath ? (
						<Link to={publicPath} className="font-medium text-navy-700 underline">
							{t('edit.view-public')}
						</Link>
					) : null}
					<Link to={historyPath} className="font-medium text-navy-700 underline">
						{t('edit.history')}
					</Link>
				</div>
			</div>
			{saved && (WORKFLOW_STEPS as readonly string[]).includes(saved) && !actionData ? (
				<StatusNotice className="mt-4">{t(`saved.${saved as 'save'}`)}</StatusNotice>
			) : null}
			<div className="mt-6">
				{/* A new key per saved version: the form starts again from what was saved. */}
				<NewsEditor
					key={String(defaultValue.version)}
					formId={`news-post-${id}`}
					defaultValue={defaultValue}
					post={post}
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
