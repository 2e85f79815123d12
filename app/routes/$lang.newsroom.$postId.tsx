/**
 * Editing one post in both languages, and moving it through the workflow.
 * Researchers edit their own drafts; editors and admins any post. A save
 * carries the version the editor loaded: if someone saved in between, the
 * editor gets a conflict notice with their text intact.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requirePermission } from '#app/auth/auth.server.ts'
import { can } from '#app/auth/permissions.ts'
import { StatusNotice } from '#app/ui/forms.tsx'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { localizePath, requireLang } from '#app/i18n/lang.ts'
import { getEditablePost } from '#app/news/newsroom.queries.server.ts'
import { editorDefaults, handleEditorAction, loadEditorOptions, versionStates } from '#app/news/editor.server.ts'
import { NewsEditor } from '#app/news/editor.tsx'
import { EDITOR_INTENTS } from '#app/news/schema.ts'
import { StatusBadge } from '#app/news/status-badge.tsx'
import { formatDateTime } from '#app/i18n/format.ts'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['newsroom', 'validation'] }

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const lang = requireLang(params)
	const auth = { request, context }
	const { user } = await requirePermission(auth, 'news:write')
	const post = await getEditablePost(params.postId ?? '')
	if (!post) throw new Response('Not Found', { status: 404 })
	await requirePermission(auth, 'news:edit', { authorId: post.authorId, status: post.status })
	const [t, options] = await Promise.all([getFixedT(lang, ['newsroom', 'common']), loadEditorOptions(lang)])
	const title = post.versions[lang]?.title ?? post.versions.en?.title ?? post.versions.zh?.title ?? ''
	const publicVersion = post.versions[lang] ?? post.versions.en ?? post.versions.zh
	const live = post.status === 'published' || (post.status === 'scheduled' && post.publishedAt !== null && post.publishedAt <= context.now)
	return {
		lang,
		meta: { title: t('common:meta.title', { page: t('newsroom:edit.title', { title }) }), description: t('newsroom:edit.description') },
		id: post.id,
		title,
		defaultValue: editorDefaults(post, user.timeZone),
		post: {
			status: post.status,
			live,
			reviewRequested: post.reviewRequestedAt !== null,
			publishedAt: post.publishedAt ? formatDateTime(lang, post.publishedAt, { timeZone: user.timeZone }) : null,
			authorName: post.authorName,
			versions: versionStates(post),
		},
		publicPath: live && publicVersion ? localizePath(lang, `/news/${publicVersion.slug}`) : null,
		options,
		canPublish: can(user, 'news:publish'),
		timeZone: user.timeZone,
	}
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const lang = requireLang(params)
	return handleEditorAction({ request, lang, postId: params.postId ?? '', clientIp: context.clientIp, now: context.now })
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: data ? `/newsroom/${data.id}` : '/newsroom', noindex: true })

export default function EditPost() {
	const { lang, id, title, defaultValue, post, publicPath, options, canPublish, timeZone } = useLoaderData<typeof loader>()
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
					<Link to={localizePath(lang, `/newsroom/${id}/history`)} className="font-medium text-navy-700 underline">
						{t('edit.history')}
					</Link>
				</div>
			</div>
			{saved && (EDITOR_INTENTS as readonly string[]).includes(saved) && !actionData ? (
				<StatusNotice className="mt-4">{t(`saved.${saved as 'save'}`)}</StatusNotice>
			) : null}
			{saved === 'restore' && !actionData ? <StatusNotice className="mt-4">{t('saved.restore')}</StatusNotice> : null}
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
