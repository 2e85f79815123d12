/**
 * A public article's page data. A slug of either language finds the post:
 * the reader is sent (301) to their own language's version when it exists,
 * and otherwise reads the other language's, with a notice in the page's
 * language. What the public may not see (drafts, archived posts, posts
 * scheduled for later by the request's clock) is a 404 like any unknown slug.
 */
import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { getUser } from '#app/auth/auth.server.ts'
import { readingTimeMinutes, renderMarkdown } from '#app/content/markdown.server.ts'
import { notFound } from '#app/http/errors.ts'
import { getSiteOrigin } from '#app/http/site.server.ts'
import { LANGS, otherLang, type Lang } from '#app/i18n/config.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { getImageSizesForMarkdown } from '#app/media/public.server.ts'
import type { PageMetaOptions } from '#app/seo/meta.ts'
import type { LanguagePaths } from '#app/ui/language-switcher.tsx'
import { getPublicArticle, listRelatedNews } from './articles.queries.server.ts'
import { publicDateFormatter } from './dates.ts'
import { articlePath, articlePathWithoutLang, listingPath } from './links.ts'
import { SLUG_MAX, SLUG_PATTERN } from './schema.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

export async function loadArticlePage({ request, params, context }: Args) {
	const lang = requireLang(params)
	const slug = params.slug ?? ''
	if (slug.length > SLUG_MAX || !SLUG_PATTERN.test(slug)) notFound()

	const lookup = await getPublicArticle({ lang, slug, now: context.now, actor: await getUser({ request, context }) })
	// Unknown and not-public answer alike: a post's existence never leaks.
	if (lookup.kind === 'not-found') notFound()
	if (lookup.kind === 'redirect') {
		throw redirect(`${articlePath(lang, lookup.slug)}${new URL(request.url).search}`, 301)
	}
	const { article } = lookup
	const { content } = article

	const [t, user, related] = await Promise.all([
		getFixedT(lang, 'news'),
		getUser({ request, context }),
		listRelatedNews({ postId: article.id, lang, now: context.now }),
	])
	// The same dates on /en and /zh for anonymous readers; the reader's own clock when signed in.
	const date = publicDateFormatter({ t, lang, timeZone: user?.timeZone ?? null })
	const published = date(article.publishedAt)
	// "Updated" only when it says something: a later day than publication.
	const updated = article.updatedAt > article.publishedAt && date(article.updatedAt) !== published ? date(article.updatedAt) : null
	const description = content.seoDescription || content.summary
	// Each existing version's path, for hreflang and the language switcher.
	const versionPaths: Partial<Record<Lang, string>> = {}
	for (const l of LANGS) {
		const versionSlug = article.slugs[l]
		if (versionSlug) versionPaths[l] = articlePathWithoutLang(versionSlug)
	}
	const other = otherLang(lang)
	const imageSizes = await getImageSizesForMarkdown([content.bodyMarkdown])

	return {
		lang,
		meta: { ...(await pageMeta(lang, { page: content.title, description })), socialTitle: content.title },
		seo: {
			path: articlePathWithoutLang(content.slug),
			paths: versionPaths,
			// Only the versions that exist: no hreflang at all for a post in one language.
			languages: LANGS.filter((l) => article.slugs[l]),
			// A page showing the other language's text names that version as canonical.
			contentLang: content.lang,
			type: 'article',
			article: {
				publishedTime: article.publishedAt.toISOString(),
				modifiedTime: article.updatedAt.toISOString(),
				tags: article.tags.map((tag) => tag.label),
			},
			image: article.cover,
		} satisfies PageMetaOptions,
		// The switcher goes to the other language's version; without one, to
		// the same slug there, which shows this text with the notice.
		languagePaths: {
			[lang]: articlePath(lang, content.slug),
			[other]: articlePath(other, article.slugs[other] ?? content.slug),
		} satisfies LanguagePaths,
		shareUrl: `${getSiteOrigin()}${articlePath(lang, content.slug)}`,
		article: {
			contentLang: content.lang,
			title: content.title,
			summary: content.summary,
			// Rendered and sanitized here on the server (app/content/markdown.server.ts).
			bodyHtml: renderMarkdown(content.bodyMarkdown, { imageSizes }),
			readingMinutes: readingTimeMinutes(content.bodyMarkdown),
			published,
			publishedDateTime: article.publishedAt.toISOString(),
			updated,
			updatedDateTime: article.updatedAt.toISOString(),
			authorName: article.authorName,
			group: article.group ? { name: article.group.name, href: listingPath(lang, { group: article.group.slug }) } : null,
			tags: article.tags.map((tag) => ({ ...tag, href: listingPath(lang, { tag: tag.slug }) })),
			cover: article.cover,
			missingTranslation: article.missingTranslation,
			outdatedTranslation: article.outdatedTranslation,
			original: article.other
				? { href: articlePath(article.other.lang, article.other.slug), lang: article.other.lang, title: article.other.title }
				: null,
		},
		related: related.map((post) => ({
			id: post.id,
			href: articlePath(lang, post.slug),
			title: post.title,
			contentLang: post.contentLang,
			date: date(post.publishedAt),
			dateTime: post.publishedAt.toISOString(),
		})),
		allNewsHref: listingPath(lang),
	}
}
