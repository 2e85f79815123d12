/**
 * <head> tags every page carries: translated title and description, a
 * canonical URL, hreflang alternates, Open Graph and Twitter card tags (with
 * article dates, tags and an image where a page has them). Routes build them
 * from strings their loader translated and the origin the root loader found.
 */
import type { MetaDescriptor } from '@remix-run/node'
import { isRouteErrorResponse } from '@remix-run/react'
import { DEFAULT_LANG, HTML_LANG, LANGS, type Lang } from '#app/i18n/config.ts'
import { localizePath } from '#app/i18n/lang.ts'
import { rootMatchData } from '#app/ui/root-data.ts'

const OG_LOCALE: Record<Lang, string> = { en: 'en_US', zh: 'zh_CN' }

export interface PageMeta {
	title: string
	description: string
	/** What shared cards (Open Graph, Twitter) call the page, when not `title`: an article's own title. */
	socialTitle?: string
}

/** Open Graph's article fields. */
export interface ArticleMeta {
	/** ISO 8601. */
	publishedTime: string
	modifiedTime: string
	tags: readonly string[]
}

/** The picture shared cards show. */
export interface ImageMeta {
	/** A path on this site (made absolute here) or an absolute URL. */
	url: string
	width: number
	height: number
	alt: string
}

export interface PageMetaOptions {
	/** The page's path without its language prefix, e.g. `/` or `/news?tag=trade`. */
	path: string
	/**
	 * The path in a language where it differs from `path`: a news post has a
	 * slug per language. Languages not listed use `path`.
	 */
	paths?: Partial<Record<Lang, string>>
	/** Languages the page exists in; hreflang lists only those, and only when there are two. */
	languages?: readonly Lang[]
	/**
	 * The language of the content shown, when the page shows another
	 * language's (a post not yet translated): canonical and og:url then name
	 * that language's page, where the content really lives.
	 */
	contentLang?: Lang
	/** Private pages (account, admin) stay out of search indexes. */
	noindex?: boolean
	type?: 'website' | 'article'
	article?: ArticleMeta
	image?: ImageMeta | null
}

export function pageMeta({
	origin,
	lang,
	meta,
	siteName,
	path,
	paths = {},
	languages = LANGS,
	contentLang = lang,
	noindex = false,
	type = 'website',
	article,
	image = null,
}: PageMetaOptions & {
	origin: string
	lang: Lang
	meta: PageMeta
	siteName: string
}): MetaDescriptor[] {
	const url = (l: Lang) => `${origin}${localizePath(l, paths[l] ?? path)}`
	const canonical = url(contentLang)
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
	const socialTitle = meta.socialTitle ?? meta.title
	return [
		{ title: meta.title },
		{ name: 'description', content: meta.description },
		{ tagName: 'link', rel: 'canonical', href: canonical },
		...(noindex ? [{ name: 'robots', content: 'noindex' }] : []),
		...alternates,
		{ property: 'og:type', content: type },
		{ property: 'og:site_name', content: siteName },
		{ property: 'og:title', content: socialTitle },
		{ property: 'og:description', content: meta.description },
		{ property: 'og:url', content: canonical },
		{ property: 'og:locale', content: OG_LOCALE[contentLang] },
		...languages
			.filter((l) => l !== contentLang)
			.map((l) => ({ property: 'og:locale:alternate', content: OG_LOCALE[l] })),
		...(article
			? [
					{ property: 'article:published_time', content: article.publishedTime },
					{ property: 'article:modified_time', content: article.modifiedTime },
					...article.tags.map((tag) => ({ property: 'article:tag', content: tag })),
				]
			: []),
		...(image
			? [
					{ property: 'og:image', content: image.url.startsWith('/') ? `${origin}${image.url}` : image.url },
					{ property: 'og:image:width', content: String(image.width) },
					{ property: 'og:image:height', content: String(image.height) },
					{ property: 'og:image:alt', content: image.alt },
				]
			: []),
		// Twitter reads og:image itself; these say which card and what it says.
		{ name: 'twitter:card', content: image ? 'summary_large_image' : 'summary' },
		{ name: 'twitter:title', content: socialTitle },
		{ name: 'twitter:description', content: meta.description },
	]
}

/**
 * The usual `meta` export, one line in every route: the loader translated
 * `meta` (and may give its own `seo` options, e.g. an article's per-language
 * paths), the root loader knows the origin. On an error it gives the error
 * page's translated title and keeps it out of search indexes.
 */
export function routeMeta({
	data,
	matches,
	error,
	...options
}: Partial<PageMetaOptions> & {
	data: { lang: Lang; meta: PageMeta; seo?: PageMetaOptions } | undefined
	matches: readonly { id: string; data: unknown }[]
	error?: unknown
}): MetaDescriptor[] {
	const root = rootMatchData(matches)
	if (error) return routeErrorMeta({ error, errorTitles: root?.errorTitles })
	if (!data || !root) return []
	const merged = { ...options, ...data.seo }
	return pageMeta({ ...merged, path: merged.path ?? '/', origin: root.origin, lang: data.lang, meta: data.meta, siteName: root.siteName })
}

/** Error pages: a translated title, and kept out of search indexes. */
export function errorMeta(title: string | undefined): MetaDescriptor[] {
	return [...(title ? [{ title }] : []), { name: 'robots', content: 'noindex' }]
}

/** The title for a route's error: "Page not found" for a 404, "Temporarily unavailable" for a 503, else a generic one. */
export function routeErrorMeta({
	error,
	errorTitles,
}: {
	error: unknown
	errorTitles: { notFound: string; server: string; unavailable: string; tooLarge?: string } | undefined
}): MetaDescriptor[] {
	const status = isRouteErrorResponse(error) ? error.status : 500
	const title =
		status === 404
			? errorTitles?.notFound
			: status === 503
				? errorTitles?.unavailable
				: status === 413
					? (errorTitles?.tooLarge ?? errorTitles?.server)
					: errorTitles?.server
	return errorMeta(title)
}
