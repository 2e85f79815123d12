/**
 * <head> tags every page carries: translated title and description, a
 * canonical URL, hreflang alternates and Open Graph basics. Routes build them
 * from strings their loader translated and the origin the root loader found.
 */
import type { MetaDescriptor } from '@remix-run/node'
import { isRouteErrorResponse } from '@remix-run/react'
import { DEFAULT_LANG, HTML_LANG, LANGS, type Lang } from '#app/i18n/config.ts'
import { localizePath } from '#app/i18n/lang.ts'

const OG_LOCALE: Record<Lang, string> = { en: 'en_US', zh: 'zh_CN' }

export interface PageMeta {
	title: string
	description: string
}

export function pageMeta({
	origin,
	lang,
	path,
	meta,
	siteName,
	languages = LANGS,
	noindex = false,
}: {
	origin: string
	lang: Lang
	/** The page's path without its language prefix, e.g. `/` or `/news`. */
	path: string
	meta: PageMeta
	siteName: string
	/** Languages the page exists in; hreflang lists only those. */
	languages?: readonly Lang[]
	/** Private pages (account, admin) stay out of search indexes. */
	noindex?: boolean
}): MetaDescriptor[] {
	const url = (l: Lang) => `${origin}${localizePath(l, path)}`
	const alternates: MetaDescriptor[] =
		languages.length > 1
			? [
					...languages.map((l) => ({ tagName: 'link', rel: 'alternate', hrefLang: HTML_LANG[l], href: url(l) })),
					{
						tagName: 'link',
						rel: 'alternate',
						hrefLang: 'x-default',
						href: url(languages.includes(DEFAULT_LANG) ? DEFAULT_LANG : lang),
					},
				]
			: []
	return [
		{ title: meta.title },
		{ name: 'description', content: meta.description },
		{ tagName: 'link', rel: 'canonical', href: url(lang) },
		...(noindex ? [{ name: 'robots', content: 'noindex' }] : []),
		...alternates,
		{ property: 'og:type', content: 'website' },
		{ property: 'og:site_name', content: siteName },
		{ property: 'og:title', content: meta.title },
		{ property: 'og:description', content: meta.description },
		{ property: 'og:url', content: url(lang) },
		{ property: 'og:locale', content: OG_LOCALE[lang] },
		...languages
			.filter((l) => l !== lang)
			.map((l) => ({ property: 'og:locale:alternate', content: OG_LOCALE[l] })),
	]
}

/**
 * The usual `meta` export: the loader translated `meta`, the root loader
 * knows the origin. `path` is the page's path without its language.
 */
export function routeMeta({
	data,
	matches,
	path,
	noindex,
}: {
	data: { lang: Lang; meta: PageMeta } | undefined
	matches: readonly { id: string; data: unknown }[]
	path: string
	noindex?: boolean
}): MetaDescriptor[] {
	const root = matches.find((m) => m.id === 'root')?.data as { origin: string; siteName: string } | undefined
	if (!data || !root) return []
	return pageMeta({ origin: root.origin, lang: data.lang, path, meta: data.meta, siteName: root.siteName, noindex })
}

/** Error pages: a translated title, and kept out of search indexes. */
export function errorMeta(title: string | undefined): MetaDescriptor[] {
	return [...(title ? [{ title }] : []), { name: 'robots', content: 'noindex' }]
}

/** The title for a route's error: "Page not found" for a 404, else a generic one. */
export function routeErrorMeta({
	error,
	errorTitles,
}: {
	error: unknown
	errorTitles: { notFound: string; server: string } | undefined
}): MetaDescriptor[] {
	const notFound = isRouteErrorResponse(error) && error.status === 404
	return errorMeta(notFound ? errorTitles?.notFound : errorTitles?.server)
}
