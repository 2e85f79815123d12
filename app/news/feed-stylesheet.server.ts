/**
 * The XSLT stylesheet that shows a news feed as a page when a browser opens
 * it (`/{lang}/news/feed.xsl`, named by the feeds' `<?xml-stylesheet?>`):
 * what a feed is and how to follow it, the feed's address to copy, then the
 * posts with their dates and summaries, linking to the articles. One
 * stylesheet reads RSS 2.0 and Atom 1.0. Its words come from the locale
 * files; its styles are the site's own stylesheet, linked (the feed's CSP
 * allows styles and XSLT from the portal only, and no inline style).
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { escapeXml } from '#app/content/xml.server.ts'
import { publicTextResponse } from '#app/http/responses.server.ts'
import { HTML_LANG, type Lang } from '#app/i18n/config.ts'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import tailwindHref from '#app/styles/tailwind.css?url'
import { listingPath } from './links.ts'

/** A day: the stylesheet changes only with a deploy (and then its CSS link with it). */
const STYLESHEET_MAX_AGE_S = 24 * 60 * 60

export async function renderFeedStylesheet(lang: Lang): Promise<string> {
	const t = await getFixedT(lang, ['news', 'common'])
	const text = (value: string) => escapeXml(value)
	return `<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
	<xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat" indent="yes"/>
	<xsl:variable name="title" select="/rss/channel/title | /atom:feed/atom:title"/>
	<xsl:variable name="self" select="/rss/channel/atom:link[@rel='self']/@href | /atom:feed/atom:link[@rel='self']/@href"/>
	<xsl:template match="/">
		<html lang="${HTML_LANG[lang]}">
			<head>
				<meta charset="utf-8"/>
				<meta name="viewport" content="width=device-width, initial-scale=1"/>
				<meta name="robots" content="noindex"/>
				<title><xsl:value-of select="$title"/></title>
				<link rel="stylesheet" href="${text(tailwindHref)}"/>
			</head>
			<body class="bg-white text-slate-900 antialiased">
				<header class="bg-navy-900 text-white">
					<div class="mx-auto max-w-3xl px-4 py-4 sm:px-6">
						<a href="${text(listingPath(lang))}" class="font-semibold text-white underline-offset-2 hover:underline">${text(t('common:site.name'))}</a>
					</div>
				</header>
				<main class="mx-auto max-w-3xl px-4 py-8 sm:px-6" data-testid="feed-page">
					<p class="text-sm font-semibold uppercase tracking-wider text-leaf-600">${text(t('news:feed.page.eyebrow'))}</p>
					<h1 class="mt-2 text-balance text-3xl font-bold tracking-tight text-navy-900"><xsl:value-of select="$title"/></h1>
					<div class="mt-4 rounded-md border border-gold-400 bg-gold-300/30 px-4 py-3 text-slate-800" role="note">
						<p>${text(t('news:feed.page.explain'))}</p>
						<p class="mt-2 break-all font-mono text-sm" data-testid="feed-address"><xsl:value-of select="$self"/></p>
						<p class="mt-2"><a href="${text(listingPath(lang))}" class="font-medium text-navy-700 underline underline-offset-2">${text(t('news:feed.page.website'))}</a></p>
					</div>
					<h2 class="mt-10 text-xl font-bold tracking-tight text-navy-900">${text(t('news:feed.page.latest'))}</h2>
					<ol class="mt-4 divide-y divide-slate-200">
						<xsl:for-each select="/rss/channel/item">
							<li class="py-5" data-testid="feed-entry">
								<h3 class="text-lg font-semibold leading-snug text-navy-900"><a href="{link}" class="hover:underline"><xsl:value-of select="title"/></a></h3>
								<p class="mt-1 text-sm text-slate-500"><xsl:value-of select="pubDate"/></p>
								<p class="mt-2 text-slate-700"><xsl:value-of select="description"/></p>
							</li>
						</xsl:for-each>
						<xsl:for-each select="/atom:feed/atom:entry">
							<li class="py-5" data-testid="feed-entry">
								<h3 class="text-lg font-semibold leading-snug text-navy-900"><a href="{atom:link[@rel='alternate']/@href}" class="hover:underline"><xsl:value-of select="atom:title"/></a></h3>
								<p class="mt-1 text-sm text-slate-500"><xsl:value-of select="substring(atom:published, 1, 10)"/></p>
								<p class="mt-2 text-slate-700"><xsl:value-of select="atom:summary"/></p>
							</li>
						</xsl:for-each>
					</ol>
				</main>
			</body>
		</html>
	</xsl:template>
</xsl:stylesheet>
`
}

export async function feedStylesheetResponse({ request, params }: Pick<LoaderFunctionArgs, 'request' | 'params'>) {
	const lang = requireLang(params)
	const body = await renderFeedStylesheet(lang)
	// An XML type: browsers load XSLT only as XML, and nosniff holds them to the type.
	return publicTextResponse({ request, body, contentType: 'application/xslt+xml', maxAgeS: STYLESHEET_MAX_AGE_S })
}
