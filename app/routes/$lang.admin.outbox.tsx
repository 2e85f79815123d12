/**
 * The email outbox. Without SMTP_URL nothing leaves the machine, so admins
 * read invitations and reset links here; with a mail server, bodies (which
 * hold personal links) are not shown.
 */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requirePermission } from '#app/auth/auth.server.ts'
import { getOutboxPage } from '#app/email/outbox.server.ts'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['admin'] }

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const lang = requireLang(params)
	const { user } = await requirePermission({ request, context }, 'admin:outbox:read')
	const [t, page] = await Promise.all([getFixedT(lang, ['admin', 'common']), getOutboxPage({ lang, timeZone: user.timeZone })])
	return {
		lang,
		meta: { title: t('common:meta.title', { page: t('admin:outbox.title') }), description: t('admin:outbox.description') },
		...page,
	}
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: '/admin/outbox', noindex: true })

export default function Outbox() {
	const { messages, logMode } = useLoaderData<typeof loader>()
	const { t } = useTranslation('admin')
	return (
		<section aria-labelledby="outbox-heading">
			<h1 id="outbox-heading" className="text-2xl font-bold tracking-tight text-navy-900">{t('outbox.title')}</h1>
			<p className="mt-2 text-slate-600">{t('outbox.intro')}</p>
			<p className="mt-2 rounded-md bg-gold-300/30 px-3 py-2 text-sm text-slate-800">{logMode ? t('outbox.logMode') : t('outbox.smtpMode')}</p>
			{messages.length === 0 ? <p className="mt-6 text-slate-600">{t('outbox.empty')}</p> : null}
			<ol className="mt-6 space-y-4" data-testid="outbox">
				{messages.map((m) => (
					<li key={m.id} className="rounded-lg border border-slate-200 p-4" data-testid="outbox-message" data-to={m.to}>
						<p className="text-sm text-slate-500">
							{t('outbox.to')} <span className="font-medium text-slate-800">{m.to}</span>
							{m.sent ? <> · {t('outbox.sentAt', { date: m.sent })}</> : null}
							{m.transport ? <> · {m.transport === 'log' ? t('outbox.viaLog') : t('outbox.viaSmtp')}</> : null}
						</p>
						<h2 className="mt-1 font-semibold text-navy-900">{m.subject}</h2>
						{m.error ? <p className="mt-1 text-sm text-red-700">{t('outbox.failed', { error: m.error })}</p> : null}
						{m.body ? (
							<pre className="mt-3 whitespace-pre-wrap break-words rounded bg-slate-50 p-3 font-sans text-sm text-slate-800">{m.body}</pre>
						) : (
							<p className="mt-2 text-sm text-slate-500">{t('outbox.bodyHidden')}</p>
						)}
					</li>
				))}
			</ol>
		</section>
	)
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
