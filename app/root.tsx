/**
 * The document: <html lang> in the page's language, the site's header and
 * footer around every page (error pages included), and the CSP nonce on the
 * scripts Remix renders.
 */
import { data, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useChangeLanguage } from 'remix-i18next/react'
import { getSession } from './auth/auth.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { SiteFooter } from '#app/ui/site-footer.tsx'
import { SiteHeader } from '#app/ui/site-header.tsx'
import { DEFAULT_LANG, HTML_LANG } from './i18n/config.ts'
import { getFixedT, getRequestLang } from './i18n/i18next.server.ts'
import tailwindHref from './styles/tailwind.css?url'
import { FEED_CONTENT_TYPE, newsFeedPath, type FeedFormat } from '#app/news/links.ts'
import { routeErrorMeta } from '#app/seo/meta.ts'
import { useNonce } from '#app/http/nonce.tsx'
import { getSiteOrigin } from '#app/http/site.server.ts'

export const handle = { i18n: ['common'] }

const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom']

export async function loader({ request }: LoaderFunctionArgs) {
	// The URL's language, or for paths without one (a 404 for `/fr`) the
	// visitor's preferred language.
	const lang = await getRequestLang(request)
	const [t, tNews, current] = await Promise.all([getFixedT(lang, 'common'), getFixedT(lang, 'news'), getSession(request)])
	const headers = new Headers({ Vary: 'Cookie' })
	// Pages for a signed-in member are theirs alone: no shared caching.
	if (current) headers.set('Cache-Control', 'private, no-store')
	// The session slid forward: renew the cookie's lifetime too.
	if (current?.setCookie) headers.append('Set-Cookie', current.setCookie)
	return data({
		lang,
		user: current ? { name: current.user.name, role: current.user.role } : null,
		origin: getSiteOrigin(request),
		siteName: t('site.name'),
		// Every page offers its language's news feeds to browsers and readers.
		feedTitles: { rss: tNews('feed.rss-link'), atom: tNews('feed.atom-link') },
		errorTitles: {
			notFound: t('meta.title', { page: t('errors.notFound.title') }),
			server: t('meta.title', { page: t('errors.server.title') }),
		},
	}, { headers })
}

export const headers: HeadersFunction = ({ loaderHeaders }) => {
	const result = new Headers({ Vary: 'Cookie' })
	const cacheControl = loaderHeaders.get('Cache-Control')
	if (cacheControl) result.set('Cache-Control', cacheControl)
	return result
}

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: tailwindHref },
	{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
	error ? routeErrorMeta({ error, errorTitles: data?.errorTitles }) : []

export function Layout({ children }: { children: ReactNode }) {
	const data = useRouteLoaderData<typeof loader>('root')
	const lang = data?.lang ?? DEFAULT_LANG
	const nonce = useNonce()
	useChangeLanguage(lang)
	return (
		<html lang={HTML_LANG[lang]} data-lang={lang} dir="ltr" className="h-full">
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<meta name="theme-color" content="#022851" />
				<Meta />
				<Links />
				{data
					? FEED_FORMATS.map((format) => (
							<link
								key={format}
								rel="alternate"
								type={FEED_CONTENT_TYPE[format]}
								title={data.feedTitles[format]}
								href={`${data.origin}${newsFeedPath(lang, format)}`}
							/>
						))
					: null}
			</head>
			<body className="flex min-h-full flex-col bg-white text-slate-900 antialiased">
				<SiteHeader lang={lang} user={data?.user ?? null} />
				<main id="main" className="flex-1">
					{children}
				</main>
				<SiteFooter />
				<ScrollRestoration nonce={nonce} />
				<Scripts nonce={nonce} />
			</body>
		</html>
	)
}

export default function App() {
	return <Outlet />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
