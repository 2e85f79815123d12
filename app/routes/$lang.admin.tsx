/** The admin area's frame: its own navigation; each page checks its own permission. */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requirePermission } from '#app/auth/auth.server.ts'
import { SectionFrame } from '#app/ui/section-frame.tsx'
import { requireLang } from '#app/i18n/lang.ts'

export const handle = { i18n: ['admin'] }

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const lang = requireLang(params)
	await requirePermission({ request, context }, 'admin:users:read')
	return { lang }
}

export default function AdminLayout() {
	const { lang } = useLoaderData<typeof loader>()
	const { t } = useTranslation('admin')
	const sections = [
		{ to: '/admin/users', label: t('nav.users') },
		{ to: '/admin/outbox', label: t('nav.outbox') },
		{ to: '/admin/audit', label: t('nav.audit') },
	]
	return <SectionFrame lang={lang} title={t('title')} navLabel={t('nav.label')} sections={sections} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
