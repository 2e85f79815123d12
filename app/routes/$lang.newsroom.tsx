/**
 * The newsroom's frame: where researchers write news and editors publish it.
 * Each page checks its own permission too; this layout keeps out everyone
 * who may not write news at all (officials, the public) with a 404.
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requirePermission } from '#app/auth/auth.server.ts'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { localizePath, requireLang } from '#app/i18n/lang.ts'

export const handle = { i18n: ['newsroom', 'media', 'validation'] }

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const lang = requireLang(params)
	await requirePermission({ request, ip: context.clientIp }, 'news:write')
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
	return (
		<div className="mx-auto max-w-7xl px-4 py-10 sm:px-6">
			<p className="text-sm font-semibold uppercase tracking-wider text-leaf-600">{t('title')}</p>
			<nav aria-label={t('nav.label')} className="mt-3 border-b border-slate-200">
				<ul className="flex gap-1 overflow-x-auto">
					{sections.map((section) => (
						<li key={section.to}>
							<NavLink
								to={localizePath(lang, section.to)}
								end={section.end}
								className="block whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-slate-600 hover:text-navy-900 aria-[current=page]:border-navy-900 aria-[current=page]:font-semibold aria-[current=page]:text-navy-900"
							>
								{section.label}
							</NavLink>
						</li>
					))}
				</ul>
			</nav>
			<div className="mt-8">
				<Outlet />
			</div>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
