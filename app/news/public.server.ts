/**
 * What the rest of the portal may use of the news (the home page's teasers,
 * the site's head links and sitemap, working-group pages). Other features
 * import the news only through this module and `public.ts`.
 */
import type { Lang } from '#app/i18n/config.ts'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import type { HeadLink } from '#app/ui/root-data.ts'
import { FEED_CONTENT_TYPE, newsFeedPath, type FeedFormat } from './links.ts'

export { listLatestNews, listPublicNews, type NewsListItem, type NewsTeaser } from './articles.queries.server.ts'
export { publicDateFormatter } from './dates.ts'
export { listSitemapEntries, type SitemapPost } from './feeds.queries.server.ts'
export { publicClockWindow, type ClockWindow } from './publication-window.queries.server.ts'
export { newsSearchSource } from './search.queries.server.ts'

const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom']

/** The page language's RSS and Atom feeds, offered to browsers and feed readers. */
export async function newsHeadLinks({ lang, origin }: { lang: Lang; origin: string }): Promise<HeadLink[]> {
	const t = await getFixedT(lang, 'news')
	const titles: Record<FeedFormat, string> = { rss: t('feed.rss-link'), atom: t('feed.atom-link') }
	return FEED_FORMATS.map((format) => ({
		rel: 'alternate',
		type: FEED_CONTENT_TYPE[format],
		title: titles[format],
		href: `${origin}${newsFeedPath(lang, format)}`,
	}))
}
