/**
 * `/sitemap.xml` (sitemaps.org 0.9) with hreflang alternates: the home, news,
 * groups and meetings pages in both languages, every public news post
 * version, and the pages of public working groups and their meetings
 * (never a private group's: it exists only for its members). A post's
 * versions name each other only when both exist; a page in one language has
 * no alternate to offer.
 */
import { DEFAULT_LANG, HTML_LANG, LANGS, type Lang } from '#app/i18n/config.ts'
import { localizePath } from '#app/i18n/lang.ts'
import { getSiteOrigin } from '#app/http/site.server.ts'
import { publicTextResponse } from '#app/http/responses.server.ts'
import { articlePath } from '#app/news/public.ts'
import { listSitemapEntries, type SitemapPost } from '#app/news/public.server.ts'
import { el, xmlDocument, type XmlMarkup } from '#app/content/xml.server.ts'
import { listPublicGroupsForSitemap } from '#app/groups/public.server.ts'
import { groupPathsWithoutLang } from '#app/groups/public.ts'
import { listPublicMeetingsForSitemap } from '#app/meetings/public.server.ts'
import { meetingPathsWithoutLang } from '#app/meetings/public.ts'

/** Crawlers may cache it as briefly as feed readers: scheduled posts appear on time. */
export const SITEMAP_MAX_AGE_S = 5 * 60

/** Pages that exist in every language, by their path without the language. */
const STATIC_PATHS = ['/', '/news', '/groups', '/meetings'] as const

/** A page under the same path in every language (groups and meetings are bilingual pages). */
export interface SitemapPage {
	path: string
	updatedAt: Date
}

interface Page {
	lang: Lang
	path: string
	lastModified?: Date
}

function url(origin: string, page: Page, alternates: readonly Page[]): XmlMarkup {
	const links =
		alternates.length > 1
			? [
					...alternates.map((a) => alternateLink(origin, HTML_LANG[a.lang], a.path)),
					...alternates
						.filter((a) => a.lang === DEFAULT_LANG)
						.map((a) => alternateLink(origin, 'x-default', a.path)),
				]
			: []
	return el(
		'url',
		null,
		el('loc', null, `${origin}${page.path}`),
		page.lastModified ? el('lastmod', null, page.lastModified.toISOString()) : null,
		links,
	)
}

function alternateLink(origin: string, hreflang: string, path: string): XmlMarkup {
	return el('xhtml:link', { rel: 'alternate', hreflang, href: `${origin}${path}` })
}

export function renderSitemap({
	origin,
	posts,
	pages = [],
}: {
	origin: string
	posts: readonly SitemapPost[]
	/** Public groups' and meetings' pages, by their path without the language. */
	pages?: readonly SitemapPage[]
}): string {
	// The news page changes whenever a post in its language does.
	const newsLastModified = (lang: Lang) => {
		const times = posts.flatMap((p) => p.versions.filter((v) => v.lang === lang).map((v) => v.updatedAt.getTime()))
		return times.length ? new Date(Math.max(...times)) : undefined
	}
	const staticUrls = STATIC_PATHS.flatMap((path) => {
		const pages: Page[] = LANGS.map((lang) => ({
			lang,
			path: localizePath(lang, path),
			lastModified: path === '/news' ? newsLastModified(lang) : undefined,
		}))
		return pages.map((page) => url(origin, page, pages))
	})
	const postUrls = posts.flatMap((post) => {
		const pages: Page[] = post.versions.map((v) => ({ lang: v.lang, path: articlePath(v.lang, v.slug), lastModified: v.updatedAt }))
		return pages.map((page) => url(origin, page, pages))
	})
	const pageUrls = pages.flatMap((bilingual) => {
		const versions: Page[] = LANGS.map((lang) => ({ lang, path: localizePath(lang, bilingual.path), lastModified: bilingual.updatedAt }))
		return versions.map((page) => url(origin, page, versions))
	})
	return xmlDocument(
		el(
			'urlset',
			{ xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9', 'xmlns:xhtml': 'http://www.w3.org/1999/xhtml' },
			staticUrls,
			postUrls,
			pageUrls,
		),
	)
}

/** The `/sitemap.xml` response: what the public can read at `now`. */
export async function sitemapResponse({ request, now }: { request: Request; now: Date }): Promise<Response> {
	const [posts, groups, meetings] = await Promise.all([listSitemapEntries({ now }), listPublicGroupsForSitemap(), listPublicMeetingsForSitemap()])
	const pages = [
		...groups.map((g) => ({ path: groupPathsWithoutLang.group(g.slug), updatedAt: g.updatedAt })),
		...meetings.map((m) => ({ path: meetingPathsWithoutLang.meeting(m.id), updatedAt: m.updatedAt })),
	]
	const body = renderSitemap({ origin: getSiteOrigin(), posts, pages })
	return publicTextResponse({ request, body, contentType: 'application/xml', maxAgeS: SITEMAP_MAX_AGE_S })
}
