/**
 * The document: <html lang> in the page's language, the site's header and
 * footer around every page (error pages included), the head links features
 * contribute (news feeds), and the CSP nonce on the scripts Remix renders.
 */
import { data, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation } from '@remix-run/react'
import { useEffect, type ReactNode } from 'react'
import { useChangeLanguage } from 'remix-i18next/react'
import { getSession } from './auth/auth.server.ts'
import { DEFAULT_LANG, HTML_LANG, type Lang } from './i18n/config.ts'
import { getFixedT, getRequestLang } from './i18n/i18next.server.ts'
import { getLangFromPath } from './i18n/lang.ts'
import { useNonce } from './http/nonce.tsx'
import { getSiteOrigin } from './http/site.server.ts'
import { routeMeta } from './seo/meta.ts'
import { getSiteHeadLinks } from './site/head-links.server.ts'
import tailwindHref from './styles/tailwind.css?url'
import { restoreEarlyTyping } from './ui/early-typing.ts'
import { usePageHydrates } from './ui/hydration.ts'
import { useRootData, type RootData } from './ui/root-data.ts'
import { SiteFooter } from './ui/site-footer.tsx'
import { SiteHeader } from './ui/site-header.tsx'

export const handle = { i18n: ['common'] }

/** What the root loader sends that no request changes, per language and origin: made once, not per request. */
const siteChrome = new Map<string, Promise<Pick<RootData, 'siteName' | 'headLinks' | 'errorTitles'>>>()

function getSiteChrome(lang: Lang, origin: string) {
	const key = `${lang} ${origin}`
	let chrome = siteChrome.get(key)
	if (!chrome) {
		chrome = (async () => {
			const [t, headLinks] = await Promise.all([getFixedT(lang, 'common'), getSiteHeadLinks({ lang, origin })])
			return {
				siteName: t('site.name'),
				headLinks,
				errorTitles: {
					notFound: t('meta.title', { page: t('errors.notFound.title') }),
					server: t('meta.title', { page: t('errors.server.title') }),
					unavailable: t('meta.title', { page: t('errors.unavailable.title') }),
					tooLarge: t('meta.title', { page: t('errors.tooLarge.title') }),
				},
			}
		})()
		// A failure is not kept: the next request tries again.
		chrome.catch(() => siteChrome.delete(key))
		siteChrome.set(key, chrome)
	}
	return chrome
}

export async function loader({ request, context }: LoaderFunctionArgs) {
	// The URL's language, or for paths without one (a 404 for `/fr`) the
	// visitor's preferred language.
	const lang = await getRequestLang(request)
	const origin = getSiteOrigin()
	const [chrome, current] = await Promise.all([getSiteChrome(lang, origin), getSession({ request, context })])
	const headers = new Headers({ Vary: 'Cookie' })
	// Pages for a signed-in member are theirs alone: no shared caching.
	if (current) headers.set('Cache-Control', 'private, no-store')
	// The session slid forward: renew the cookie's lifetime too.
	if (current?.setCookie) headers.append('Set-Cookie', current.setCookie)
	return data<RootData>({ lang, user: current ? { name: current.user.name, role: current.user.role } : null, origin, ...chrome }, { headers })
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

export const meta: MetaFunction = ({ matches, error }) => (error ? routeMeta({ data: undefined, matches, error }) : [])

export function Layout({ children }: { children: ReactNode }) {
	const data = useRootData()
	// When the root loader itself failed (the database is down), the URL still says the language.
	const lang = data?.lang ?? getLangFromPath(useLocation().pathname) ?? DEFAULT_LANG
	const nonce = useNonce()
	const hydrates = usePageHydrates()
	useChangeLanguage(lang)
	return (
		<html lang={HTML_LANG[lang]} data-lang={lang} dir="ltr" className="h-full">
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<meta name="theme-color" content="#022851" />
				<Meta />
				<Links />
				{data?.headLinks.map((link) => <link key={link.href} rel={link.rel} type={link.type} title={link.title} href={link.href} />)}
			</head>
			<body className="flex min-h-full flex-col bg-white text-slate-900 antialiased">
				<SiteHeader lang={lang} user={data?.user ?? null} />
				<main id="main" className="flex-1">
					{children}
				</main>
				<SiteFooter />
				{hydrates ? (
					<>
						<ScrollRestoration nonce={nonce} />
						<Scripts nonce={nonce} />
					</>
				) : null}
			</body>
		</html>
	)
}

export default function App() {
	// Once every effect of the first render has run (a parent's run after its children's): text typed
	// before hydration is put back, and the page is marked as one whose scripts have run.
	useEffect(() => {
		restoreEarlyTyping()
		document.documentElement.dataset.hydrated = 'true'
	}, [])
	return <Outlet />
}

export { ErrorBoundary } from './ui/error-boundary.tsx'
