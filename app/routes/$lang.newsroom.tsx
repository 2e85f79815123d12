/**
 * The newsroom's frame: where researchers write news and editors publish it.
 * Each page checks its own permission too; this layout keeps out everyone
 * who may not write news at all (officials, the public) with a 404.
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requirePermission } from '#app/auth/auth.server.ts'
import { SectionFrame } from '#app/ui/section-frame.tsx'
import { requireLang } from '#app/i18n/lang.ts'

export const handle = { i18n: ['newsroom', 'media', 'validation'] }

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const lang = requireLang(params)
	await requirePermission({ request, context }, 'news:write')
	return { lang }
}

export default function NewsroomLayout() {
	const { lang } = useLoaderData<typeof loader>()
	const { t } = useTranslation('newsroom')
	const sections = [
		{ to: '/newsroom', label: t('nav.posts'), end: true },
		{ to: '/newsroom/new', label: t('nav.new'), end: true },
		{ to: '/newsroom/media', label: t('nav.media'), end: false },
	]
	return <SectionFrame lang={lang} title={t('title')} navLabel={t('nav.label')} sections={sections} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
