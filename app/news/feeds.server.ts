/**
 * The news feeds: RSS 2.0 (`/{lang}/news/feed.xml`) and Atom 1.0
 * (`/{lang}/news/atom.xml`), one language each, built from the same entries.
 *
 * Identities are stable per post and language (a `tag:` URI), not the
 * permalink: an editor may correct a slug, and a changed id would make every
 * reader show the post again as new. Links are absolute, from the site origin.
 *
 * Readable in a browser: each feed names an XSLT stylesheet served by the
 * portal (`<?xml-stylesheet?>`, feed-stylesheet.server.ts), which feed
 * readers ignore. Browsers apply it only to a document they take for XML, so
 * a browser's own navigation (Sec-Fetch-Dest: document) gets the same bytes
 * as `application/xml`; everyone else gets the feed's own type. The two are
 * cached apart (Vary: Sec-Fetch-Dest).
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { publicTextResponse } from '#app/http/responses.server.ts'
import { getSiteOrigin } from '#app/http/site.server.ts'
import { HTML_LANG, type Lang } from '#app/i18n/config.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { listFeedEntries, type FeedEntry } from '#app/news/feeds.queries.server.ts'
import { markdownToPlainText, renderMarkdown } from '#app/content/markdown.server.ts'
import { FEED_CONTENT_TYPE, feedStylesheetPath, newsFeedPath, listingPath, articlePath, type FeedFormat } from '#app/news/links.ts'
import { el, escapeXml, xmlDocument, type XmlMarkup } from '#app/content/xml.server.ts'

/** Entries per feed: a month or two of news; readers keep older ones themselves. */
export const FEED_ENTRY_LIMIT = 30
/**
 * Shared caches may keep a feed five minutes: a scheduled post is public the
 * moment its time comes, so it reaches readers within minutes.
 */
export const FEED_MAX_AGE_S = 5 * 60
/** The year in feed and entry ids (RFC 4151 `tag:` URIs): never change it. */
const TAG_URI_YEAR = '2026'
/** A summary-less post gets this much of its body as its summary. */
const SUMMARY_FALLBACK_CHARS = 280
/** Identifies the software, not the site (the RSS `generator` element). */
const GENERATOR = 'zev-policy-lab-portal'

/** What a feed says about itself, translated and with absolute URLs. */
export interface FeedChannel {
	lang: Lang
	origin: string
	title: string
	description: string
	/** Who publishes the feed (Atom requires an author for every entry). */
	publisher: string
	/** Used as the feed's `updated` when it has no entries. */
	now: Date
}

/** A post version's identity: `tag:example.org,2026:news/42/zh`. */
export function entryId(origin: string, postId: string, lang: Lang): string {
	return `${tagPrefix(origin)}news/${postId}/${lang}`
}

function feedId(origin: string, lang: Lang): string {
	return `${tagPrefix(origin)}news/${lang}`
}

function tagPrefix(origin: string): string {
	return `tag:${new URL(origin).hostname},${TAG_URI_YEAR}:`
}

function summaryText(entry: FeedEntry): string {
	const summary = markdownToPlainText(entry.summary)
	if (summary) return summary
	const body = markdownToPlainText(entry.bodyMarkdown)
	return body.length > SUMMARY_FALLBACK_CHARS ? `${body.slice(0, SUMMARY_FALLBACK_CHARS).trimEnd()}…` : body
}

/** The newest change among the entries: the feed changed then. */
function lastChange(channel: FeedChannel, entries: readonly FeedEntry[]): Date {
	const times = entries.map((e) => e.updatedAt.getTime())
	return times.length ? new Date(Math.max(...times)) : channel.now
}

/** The full post, sanitized, with links made absolute against its permalink. */
function contentHtml(entry: FeedEntry, permalink: string): string {
	return renderMarkdown(entry.bodyMarkdown, { baseUrl: permalink })
}

export function renderRss(channel: FeedChannel, entries: readonly FeedEntry[]): string {
	const { origin, lang } = channel
	const items: XmlMarkup[] = entries.map((entry) => {
		const permalink = `${origin}${articlePath(entry.lang, entry.slug)}`
		return el(
			'item',
			null,
			el('title', null, entry.title),
			el('link', null, permalink),
			el('guid', { isPermaLink: 'false' }, entryId(origin, entry.postId, entry.lang)),
			// toUTCString is RFC 822 with a four-digit year and "GMT", as RSS asks.
			el('pubDate', null, entry.publishedAt.toUTCString()),
			el('description', null, summaryText(entry)),
			el('content:encoded', null, contentHtml(entry, permalink)),
			entry.tags.map((tag) => el('category', null, tag)),
			entry.authorName ? el('dc:creator', null, entry.authorName) : null,
		)
	})
	return xmlDocument(
		el(
			'rss',
			{
				version: '2.0',
				'xmlns:atom': 'http://www.w3.org/2005/Atom',
				'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
				'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
			},
			el(
				'channel',
				null,
				el('title', null, channel.title),
				el('link', null, `${origin}${listingPath(lang)}`),
				el('description', null, channel.description),
				el('language', null, HTML_LANG[lang]),
				el('lastBuildDate', null, lastChange(channel, entries).toUTCString()),
				el('atom:link', { href: `${origin}${newsFeedPath(lang, 'rss')}`, rel: 'self', type: FEED_CONTENT_TYPE.rss }),
				el('generator', null, GENERATOR),
				items,
			),
		),
	)
}

export function renderAtom(channel: FeedChannel, entries: readonly FeedEntry[]): string {
	const { origin, lang } = channel
	const author = (name: string) => el('author', null, el('name', null, name))
	const items: XmlMarkup[] = entries.map((entry) => {
		const permalink = `${origin}${articlePath(entry.lang, entry.slug)}`
		return el(
			'entry',
			null,
			el('id', null, entryId(origin, entry.postId, entry.lang)),
			el('title', { type: 'text' }, entry.title),
			el('updated', null, entry.updatedAt.toISOString()),
			el('published', null, entry.publishedAt.toISOString()),
			el('link', { rel: 'alternate', type: 'text/html', href: permalink }),
			// The feed's author covers entries whose author is unknown.
			entry.authorName ? author(entry.authorName) : null,
			el('summary', { type: 'text' }, summaryText(entry)),
			el('content', { type: 'html' }, contentHtml(entry, permalink)),
			entry.tags.map((tag) => el('category', { term: tag })),
		)
	})
	return xmlDocument(
		el(
			'feed',
			{ xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': HTML_LANG[lang] },
			el('id', null, feedId(origin, lang)),
			el('title', { type: 'text' }, channel.title),
			el('subtitle', { type: 'text' }, channel.description),
			el('updated', null, lastChange(channel, entries).toISOString()),
			el('link', { rel: 'self', type: FEED_CONTENT_TYPE.atom, href: `${origin}${newsFeedPath(lang, 'atom')}` }),
			el('link', { rel: 'alternate', type: 'text/html', hreflang: HTML_LANG[lang], href: `${origin}${listingPath(lang)}` }),
			author(channel.publisher),
			el('generator', null, GENERATOR),
			items,
		),
	)
}

/** A feed for `lang` as the public sees it at `now`. */
export async function renderFeed({
	format,
	lang,
	origin,
	now,
}: {
	format: FeedFormat
	lang: Lang
	origin: string
	now: Date
}): Promise<string> {
	const [t, entries] = await Promise.all([
		getFixedT(lang, ['news', 'common']),
		listFeedEntries({ lang, now, limit: FEED_ENTRY_LIMIT }),
	])
	const channel: FeedChannel = {
		lang,
		origin,
		now,
		title: t('news:feed.title'),
		description: t('news:feed.description'),
		publisher: t('common:site.name'),
	}
	const xml = format === 'rss' ? renderRss(channel, entries) : renderAtom(channel, entries)
	return withStylesheet(xml, feedStylesheetPath(lang))
}

/** The processing instruction that makes a browser show the feed through the portal's XSLT; readers skip it. */
export function withStylesheet(xml: string, href: string): string {
	const declaration = '<?xml version="1.0" encoding="utf-8"?>\n'
	if (!xml.startsWith(declaration)) return xml
	return `${declaration}<?xml-stylesheet type="text/xsl" href="${escapeXml(href)}"?>\n${xml.slice(declaration.length)}`
}

/** A browser opening the feed itself (typing its address, following a link), not a reader or a script. */
export function isBrowserNavigation(request: Request): boolean {
	return request.headers.get('Sec-Fetch-Dest') === 'document'
}

/** A language's feed as a cached public response (`/{lang}/news/feed.xml`, `/{lang}/news/atom.xml`). */
export async function feedResponse({ request, params, context }: Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>, format: FeedFormat) {
	const lang = requireLang(params)
	const body = await renderFeed({ format, lang, origin: getSiteOrigin(), now: context.now })
	const contentType = isBrowserNavigation(request) ? 'application/xml' : FEED_CONTENT_TYPE[format]
	const response = publicTextResponse({ request, body, contentType, maxAgeS: FEED_MAX_AGE_S })
	response.headers.set('Vary', 'Sec-Fetch-Dest')
	return response
}
