/** Language in URLs: reading it, requiring it, and building localized paths. */
import { notFound } from '#app/http/errors.ts'
import { isLang, type Lang } from './config.ts'

export function getLangFromPath(pathname: string): Lang | null {
	const first = pathname.split('/')[1]
	return isLang(first) ? first : null
}

/** The language of a `$lang` route, or a 404 for anything else (`/fr/…`). */
export function requireLang(params: { lang?: string }): Lang {
	if (!isLang(params.lang)) notFound()
	return params.lang
}

/** `localizePath('zh', '/news')` → `/zh/news`; `'/'` → `/zh`. */
export function localizePath(lang: Lang, path = '/'): string {
	const rest = path === '/' || path === '' ? '' : path.startsWith('/') ? path : `/${path}`
	return `/${lang}${rest}`
}

/** The path without its language prefix: `/zh/news?x=1` → `/news`. */
export function stripLang(pathname: string): string {
	const lang = getLangFromPath(pathname)
	if (!lang) return pathname
	const rest = pathname.slice(lang.length + 1)
	return rest === '' ? '/' : rest
}

/**
 * The same page in another language, keeping path, parameters, query and
 * hash. A path without a known language prefix (a 404 for `/fr/…`) maps to
 * the other language's home page.
 */
export function switchLangHref(
	location: { pathname: string; search: string; hash: string },
	to: Lang,
): string {
	const known = getLangFromPath(location.pathname)
	const path = known ? localizePath(to, stripLang(location.pathname)) : localizePath(to)
	return `${path}${known ? location.search + location.hash : ''}`
}
