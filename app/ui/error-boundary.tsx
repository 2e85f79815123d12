/**
 * The designed, translated error page every route's ErrorBoundary renders.
 * It shows a status and a way home, never a stack trace: in production Remix
 * already replaces server errors with a generic one, and in the browser we
 * show details only in development.
 */
import { Link, isRouteErrorResponse, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_LANG, type Lang } from '#app/i18n/config.ts'
import { localizePath } from '#app/i18n/lang.ts'
import { useRootData } from './root-data.ts'

/** Every route exports this as its own: `export { ErrorBoundary } from '#app/ui/error-boundary.tsx'`. */
export function ErrorBoundary() {
	const error = useRouteError()
	const { t } = useTranslation()
	const lang: Lang = useRootData()?.lang ?? DEFAULT_LANG
	const notFound = isRouteErrorResponse(error) && error.status === 404
	const status = isRouteErrorResponse(error) ? error.status : 500
	const copy = notFound
		? {
				heading: t('errors.notFound.heading'),
				body: t('errors.notFound.body'),
				home: t('errors.notFound.home'),
			}
		: {
				heading: t('errors.server.heading'),
				body: t('errors.server.body'),
				home: t('errors.server.home'),
			}

	return (
		<section className="mx-auto max-w-3xl px-4 py-16 sm:px-6 sm:py-24" data-testid="error-page" data-status={status}>
			<p className="text-sm font-semibold tracking-widest text-leaf-600">{t('errors.server.reference', { status })}</p>
			<h1 className="mt-2 text-3xl font-bold tracking-tight text-navy-900 sm:text-4xl">{copy.heading}</h1>
			<p className="mt-4 text-lg text-slate-700">{copy.body}</p>
			<Link
				to={localizePath(lang)}
				className="mt-8 inline-block rounded-md bg-navy-900 px-5 py-2.5 font-medium text-white hover:bg-navy-700"
			>
				{copy.home}
			</Link>
			{import.meta.env.DEV && error instanceof Error ? (
				<pre className="mt-8 overflow-auto rounded bg-slate-100 p-4 text-xs text-slate-800">{error.stack}</pre>
			) : null}
		</section>
	)
}
