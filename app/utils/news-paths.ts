/** Public news URLs, without the origin. Feeds and the sitemap build their links here. */
import type { Lang } from '#app/i18n/config.ts'
import { localizePath } from '#app/i18n/lang.ts'

/** `/zh/news` */
export function newsIndexPath(lang: Lang): string {
	return localizePath(lang, '/news')
}

/** `/zh/news/{slug}`, where the slug is that language version's own. */
export function newsPostPath(lang: Lang, slug: string): string {
	return localizePath(lang, `/news/${slug}`)
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
