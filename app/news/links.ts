/**
 * Addresses of the public news pages and feeds, without the origin, in one
 * place so the listing, the article, the home page's teasers, the feeds, the
 * sitemap and the tests agree on them.
 */
import type { Lang } from '#app/i18n/config.ts'
import { localizePath } from '#app/i18n/lang.ts'

/** `/news/some-slug`: an article's path without its language. */
export function articlePathWithoutLang(slug: string): string {
	return `/news/${slug}`
}

/** `/zh/news/some-slug`: the slug of the version the reader is shown. */
export function articlePath(lang: Lang, slug: string): string {
	return localizePath(lang, articlePathWithoutLang(slug))
}

/** What a listing page shows: filters and, at most one, a cursor (both as in the URL). */
export interface ListingQuery {
	tag?: string | null
	group?: string | null
	before?: string | null
	after?: string | null
}

/**
 * `?tag=…&group=…&before=…`, parameters in a fixed order and empty ones left
 * out, so one listing page has one address (canonical links rely on it).
 */
export function listingSearch({ tag, group, before, after }: ListingQuery): string {
	const params = new URLSearchParams()
	if (tag) params.set('tag', tag)
	if (group) params.set('group', group)
	if (before) params.set('before', before)
	else if (after) params.set('after', after)
	const search = params.toString()
	return search ? `?${search}` : ''
}

/** The listing's path without its language, e.g. `/news?tag=trade`. */
export function listingPathWithoutLang(query: ListingQuery = {}): string {
	return `/news${listingSearch(query)}`
}

export function listingPath(lang: Lang, query: ListingQuery = {}): string {
	return localizePath(lang, listingPathWithoutLang(query))
}

export type FeedFormat = 'rss' | 'atom'

export const FEED_CONTENT_TYPE: Record<FeedFormat, string> = {
	rss: 'application/rss+xml',
	atom: 'application/atom+xml',
}

/** A language's feed: `/zh/news/feed.xml` (RSS 2.0), `/zh/news/atom.xml` (Atom 1.0). */
export function newsFeedPath(lang: Lang, format: FeedFormat): string {
	return localizePath(lang, format === 'rss' ? '/news/feed.xml' : '/news/atom.xml')
}

/** The XSLT stylesheet that shows a language's feeds as a page in a browser: `/zh/news/feed.xsl`. */
export function feedStylesheetPath(lang: Lang): string {
	return localizePath(lang, '/news/feed.xsl')
}

/** The newsroom's pages, where members write news: `/zh/newsroom`, `/zh/newsroom/12/history?revision=40`… */
export const newsroomPaths = {
	list: (lang: Lang, status?: string | null) => localizePath(lang, status ? `/newsroom?status=${status}` : '/newsroom'),
	newPost: (lang: Lang) => localizePath(lang, '/newsroom/new'),
	media: (lang: Lang) => localizePath(lang, '/newsroom/media'),
	post: (lang: Lang, id: string, saved?: string) => `${localizePath(lang, `/newsroom/${id}`)}${saved ? `?saved=${saved}` : ''}`,
	history: (lang: Lang, id: string, revisionId?: string) =>
		`${localizePath(lang, `/newsroom/${id}/history`)}${revisionId ? `?revision=${revisionId}` : ''}`,
}

/** The same paths without their language (for canonical links and the section frame). */
export const newsroomPathsWithoutLang = {
	list: '/newsroom',
	newPost: '/newsroom/new',
	media: '/newsroom/media',
	post: (id: string) => `/newsroom/${id}`,
	history: (id: string) => `/newsroom/${id}/history`,
}
