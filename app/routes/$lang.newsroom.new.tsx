/** A new news post: researchers, editors and admins start one here. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requirePermission } from '#app/auth/auth.server.ts'
import { can } from '#app/auth/permissions.ts'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { editorDefaults, handleEditorAction, loadEditorOptions } from '#app/news/editor.server.ts'
import { NewsEditor } from '#app/news/editor.tsx'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['newsroom', 'validation'] }

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const lang = requireLang(params)
	const { user } = await requirePermission({ request, context }, 'news:write')
	const [t, options] = await Promise.all([getFixedT(lang, ['newsroom', 'common']), loadEditorOptions(lang)])
	return {
		lang,
		meta: { title: t('common:meta.title', { page: t('newsroom:new.title') }), description: t('newsroom:new.description') },
		defaultValue: editorDefaults(null, user.timeZone),
		options,
		canPublish: can(user, 'news:publish'),
		timeZone: user.timeZone,
	}
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const lang = requireLang(params)
	return handleEditorAction({ request, lang, postId: null, clientIp: context.clientIp, now: context.now })
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: '/newsroom/new', noindex: true })

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
