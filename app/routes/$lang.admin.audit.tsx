/** The audit log, newest first, filtered by event, email and dates (GET form). */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requirePermission } from '#app/auth/auth.server.ts'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { localizePath, requireLang } from '#app/i18n/lang.ts'
import { getAuditLogPage } from '#app/audit/audit-log.server.ts'
import { routeMeta } from '#app/seo/meta.ts'
import { Link } from '#app/ui/link.tsx'

export const handle = { i18n: ['admin', 'auth', 'account'] }

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const lang = requireLang(params)
	const { user } = await requirePermission({ request, context }, 'admin:audit:read')
	const [t, page] = await Promise.all([
		getFixedT(lang, ['admin', 'common']),
		getAuditLogPage({ lang, timeZone: user.timeZone, searchParams: new URL(request.url).searchParams }),
	])
	return {
		lang,
		meta: { title: t('common:meta.title', { page: t('admin:audit.title') }), description: t('admin:audit.description') },
		...page,
	}
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: '/admin/audit', noindex: true })

const inputClass = 'mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5'

export default function AuditLog() {
	const { filters, rows, older, lang, events } = useLoaderData<typeof loader>()
	const { t } = useTranslation('admin')
	return (
		<section aria-labelledby="audit-heading">
			<h1 id="audit-heading" className="text-2xl font-bold tracking-tight text-navy-900">{t('audit.title')}</h1>
			<Form method="get" className="mt-4 grid gap-3 rounded-lg bg-navy-50 p-4 sm:grid-cols-5 sm:items-end" aria-label={t('audit.filters')}>
				<label className="text-sm font-medium text-slate-800">
					{t('audit.event')}
					<select name="event" defaultValue={filters.event ?? ''} className={inputClass}>
						<option value="">{t('audit.anyEvent')}</option>
						{events.map((event) => (
							<option key={event} value={event}>{t(`audit.events.${event}`)}</option>
						))}
					</select>
				</label>
				<label className="text-sm font-medium text-slate-800">
					{t('audit.emailFilter')}
					<input name="email" type="search" defaultValue={filters.email ?? ''} className={inputClass} />
				</label>
				<label className="text-sm font-medium text-slate-800">
					{t('audit.from')}
					<input name="from" type="date" defaultValue={filters.from ?? ''} className={inputClass} />
				</label>
				<label className="text-sm font-medium text-slate-800">
					{t('audit.to')}
					<input name="to" type="date" defaultValue={filters.to ?? ''} className={inputClass} />
				</label>
				<div className="flex gap-2">
					<button type="submit" className="rounded-md bg-navy-900 px-4 py-2 font-medium text-white hover:bg-navy-700">{t('audit.apply')}</button>
					<Link to={localizePath(lang, '/admin/audit')} className="rounded-md px-3 py-2 text-navy-700 underline underline-offset-2">{t('audit.reset')}</Link>
				</div>
			</Form>
			{rows.length === 0 ? <p className="mt-6 text-slate-600">{t('audit.empty')}</p> : (
				<div className="mt-6 overflow-x-auto rounded-lg border border-slate-200" role="region" aria-labelledby="audit-heading" tabIndex={0}>
					<table className="w-full min-w-[48rem] text-left text-sm">
						<thead className="bg-navy-50 text-navy-900">
							<tr>
								<th scope="col" className="px-3 py-2">{t('audit.when')}</th>
								<th scope="col" className="px-3 py-2">{t('audit.event')}</th>
								<th scope="col" className="px-3 py-2">{t('audit.who')}</th>
								<th scope="col" className="px-3 py-2">{t('audit.subject')}</th>
								<th scope="col" className="px-3 py-2">{t('audit.ip')}</th>
								<th scope="col" className="px-3 py-2">{t('audit.details')}</th>
							</tr>
						</thead>
						<tbody>
							{rows.map((row) => (
								<tr key={row.id} className="border-t border-slate-200 align-top" data-testid="audit-row" data-event={row.event}>
									<td className="whitespace-nowrap px-3 py-2 text-slate-600">{row.when}</td>
									<td className="px-3 py-2 font-medium text-slate-900">{t(`audit.events.${row.event}`)}</td>
									<td className="px-3 py-2 text-slate-700">{row.who}</td>
									<td className="px-3 py-2 text-slate-700">{row.subject}</td>
									<td className="px-3 py-2 text-slate-500">{row.ip}</td>
									<td className="px-3 py-2 text-slate-700" data-testid="audit-details">
										{row.details.length > 0 ? (
											<ul className="space-y-0.5">
												{row.details.map((detail, i) => (
													<li key={i} className="break-words">
														{detail.href ? (
															<Link to={detail.href} className="text-navy-700 underline underline-offset-2">
																{detail.text}
															</Link>
														) : (
															detail.text
														)}
													</li>
												))}
											</ul>
										) : null}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			{older ? <Link to={older} className="mt-4 inline-block text-navy-700 underline underline-offset-2">{t('audit.older')}</Link> : null}
		</section>
	)
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
