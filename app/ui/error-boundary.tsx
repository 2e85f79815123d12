/**
 * The designed, translated error page every route's ErrorBoundary renders.
 * It shows a status and a way home, never a stack trace: in production Remix
 * already replaces server errors with a generic one, and in the browser we
 * show details only in development. A 503 (the database is unavailable, see
 * server.ts) asks the visitor to try the same page again in a minute; a 413
 * (a form body larger than the server accepts, app/http/request-body.server.ts)
 * offers the same page again, to shorten what was sent.
 */
import { isRouteErrorResponse, useLocation, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_LANG, type Lang } from '#app/i18n/config.ts'
import { getLangFromPath, localizePath } from '#app/i18n/lang.ts'
import { useRootData } from './root-data.ts'
import { Link } from './link.tsx'

/** Every route exports this as its own: `export { ErrorBoundary } from '#app/ui/error-boundary.tsx'`. */
export function ErrorBoundary() {
	const error = useRouteError()
	const { t } = useTranslation()
	const location = useLocation()
	// When the root loader itself failed (a signed-in visitor during an outage), the URL still says the language.
	const lang: Lang = useRootData()?.lang ?? getLangFromPath(location.pathname) ?? DEFAULT_LANG
	const notFound = isRouteErrorResponse(error) && error.status === 404
	const unavailable = isRouteErrorResponse(error) && error.status === 503
	const tooLarge = isRouteErrorResponse(error) && error.status === 413
	const status = isRouteErrorResponse(error) ? error.status : 500
	const copy = notFound
		? {
				heading: t('errors.notFound.heading'),
				body: t('errors.notFound.body'),
				home: t('errors.notFound.home'),
				to: localizePath(lang),
			}
		: tooLarge
			? {
					heading: t('errors.tooLarge.heading'),
					body: t('errors.tooLarge.body'),
					home: t('errors.tooLarge.back'),
					to: `${location.pathname}${location.search}`,
				}
			: unavailable
			? {
					heading: t('errors.unavailable.heading'),
					body: t('errors.unavailable.body'),
					home: t('errors.unavailable.retry'),
					// The home page needs the database too: offer this page again.
					to: `${location.pathname}${location.search}`,
				}
			: {
					heading: t('errors.server.heading'),
					body: t('errors.server.body'),
					home: t('errors.server.home'),
					to: localizePath(lang),
				}

	return (
		<section className="mx-auto max-w-3xl px-4 py-16 sm:px-6 sm:py-24" data-testid="error-page" data-status={status}>
			<p className="text-sm font-semibold tracking-widest text-leaf-600">{t('errors.server.reference', { status })}</p>
			<h1 className="mt-2 text-3xl font-bold tracking-tight text-navy-900 sm:text-4xl">{copy.heading}</h1>
			<p className="mt-4 text-lg text-slate-700">{copy.body}</p>
			<Link
				to={copy.to}
				reloadDocument={unavailable}
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
