/**
 * One public news article. A slug of either language finds the post: the
 * reader is sent (301) to their own language's version when it exists, and
 * otherwise reads the other language's, with a notice in the page's
 * language. What the public may not see (drafts, archived posts, posts
 * scheduled for later by the request's clock) is a 404 like any unknown slug.
 */
import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getUser } from '#app/auth/auth.server.ts'
import type { LanguagePaths } from '#app/ui/language-switcher.tsx'
import { ShareLinks } from '#app/ui/share-links.tsx'
import { DEFAULT_TIME_ZONE, HTML_LANG, LANGS, otherLang } from '#app/i18n/config.ts'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { getPublicArticle, listRelatedNews } from '#app/news/articles.queries.server.ts'
import { articlePath, listingPath } from '#app/news/links.ts'
import { TagLinks } from '#app/news/tag-links.tsx'
import { SLUG_PATTERN } from '#app/news/schema.ts'
import { formatDate } from '#app/i18n/format.ts'
import { getImageSizesForMarkdown } from '#app/media/images.server.ts'
import { readingTimeMinutes, renderMarkdown } from '#app/content/markdown.server.ts'
import { routeMeta, type PageMetaOptions } from '#app/seo/meta.ts'
import { getSiteOrigin } from '#app/http/site.server.ts'

export const handle = { i18n: ['news'] }

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const lang = requireLang(params)
	const slug = params.slug ?? ''
	if (slug.length > 120 || !SLUG_PATTERN.test(slug)) throw new Response('Not Found', { status: 404 })

	const lookup = await getPublicArticle({ lang, slug, now: context.now })
	// Unknown and not-public answer alike: a post's existence never leaks.
	if (lookup.kind === 'not-found') throw new Response('Not Found', { status: 404 })
	if (lookup.kind === 'redirect') {
		throw redirect(`${articlePath(lang, lookup.slug)}${new URL(request.url).search}`, 301)
	}
	const { article } = lookup
	const { content } = article

	const [t, user, related] = await Promise.all([
		getFixedT(lang, ['news', 'common']),
		getUser(request),
		listRelatedNews({ postId: article.id, lang, now: context.now }),
	])
	const timeZone = user?.timeZone ?? DEFAULT_TIME_ZONE[lang]
	const date = (value: Date) => formatDate(lang, value, { timeZone })
	const published = date(article.publishedAt)
	// "Updated" only when it says something: a later day than publication.
	const updated = article.updatedAt > article.publishedAt && date(article.updatedAt) !== published ? date(article.updatedAt) : null
	const description = content.seoDescription || content.summary
	// Each existing version's path, for hreflang and the language switcher.
	const versionPaths: Partial<Record<(typeof LANGS)[number], string>> = {}
	for (const l of LANGS) {
		const versionSlug = article.slugs[l]
		if (versionSlug) versionPaths[l] = `/news/${versionSlug}`
	}
	const other = otherLang(lang)
	const imageSizes = await getImageSizesForMarkdown([content.bodyMarkdown])

	return {
		lang,
		meta: { title: t('common:meta.title', { page: content.title }), description, socialTitle: content.title },
		seo: {
			path: `/news/${content.slug}`,
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
		} satisfies Omit<PageMetaOptions, 'noindex'>,
		// The switcher goes to the other language's version; without one, to
		// the same slug there, which shows this text with the notice.
		languagePaths: {
			[lang]: articlePath(lang, content.slug),
			[other]: articlePath(other, article.slugs[other] ?? content.slug),
		} satisfies LanguagePaths,
		shareUrl: `${getSiteOrigin(request)}${articlePath(lang, content.slug)}`,
		article: {
			contentLang: content.lang,
			title: content.title,
			summary: content.summary,
			// Rendered and sanitized here on the server (app/utils/markdown.server.ts).
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

export default function NewsArticle() {
	const { lang, article, related, shareUrl, allNewsHref } = useLoaderData<typeof loader>()
	const { t } = useTranslation(['news', 'common'])
	const foreign = article.contentLang !== lang
	// Inside the article (in the content's language), our own words say theirs.
	const pageLang = foreign ? HTML_LANG[lang] : undefined
	return (
		<div className="mx-auto max-w-3xl px-4 pb-4 pt-8 sm:px-6 sm:pt-12">
			<p>
				<Link to={allNewsHref} className="text-sm font-medium text-navy-700 hover:underline">
					<span aria-hidden="true">← </span>
					{t('news:article.all-news')}
				</Link>
			</p>

			{article.missingTranslation ? (
				<p role="note" className="mt-6 rounded-md border border-gold-400 bg-gold-300/30 px-4 py-3 text-slate-800" data-testid="missing-translation">
					{/* The second part starts with its language's own punctuation. */}
					<strong className="font-semibold">{t('news:article.missing-translation')}</strong>
					{t('news:article.shown-in-original')}
				</p>
			) : null}
			{article.outdatedTranslation && article.original ? (
				<p role="note" className="mt-6 rounded-md border border-gold-400 bg-gold-300/30 px-4 py-3 text-slate-800" data-testid="outdated-translation">
					{t('news:article.outdated-translation')}{' '}
					<a
						href={article.original.href}
						hrefLang={HTML_LANG[article.original.lang]}
						className="font-medium text-navy-700 underline underline-offset-2 hover:text-navy-900"
					>
						{t('news:article.read-original')}
					</a>
				</p>
			) : null}

			<article lang={HTML_LANG[article.contentLang]} className="mt-6 break-words">
				<header>
					{article.group ? (
						<p lang={pageLang} className="text-sm font-semibold uppercase tracking-wider">
							<Link to={article.group.href} className="text-leaf-600 hover:underline">
								{article.group.name}
							</Link>
						</p>
					) : null}
					<h1 className="mt-2 text-balance text-3xl font-bold tracking-tight text-navy-900 sm:text-4xl sm:leading-tight">
						{article.title}
					</h1>
					{article.summary ? <p className="mt-4 text-lg text-slate-700 sm:text-xl">{article.summary}</p> : null}
					<p lang={pageLang} className="mt-5 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-500" data-testid="article-meta">
						<span>
							{/* The sentence around the date is translated; the element keeps the machine-readable time. */}
							<time dateTime={article.publishedDateTime} data-testid="published">
								{t('news:article.published', { date: article.published })}
							</time>
						</span>
						{article.updated ? (
							<span>
								<time dateTime={article.updatedDateTime} data-testid="updated">
									{t('news:article.updated', { date: article.updated })}
								</time>
							</span>
						) : null}
						<span data-testid="reading-time">{t('news:article.reading-time', { count: article.readingMinutes })}</span>
						{article.authorName ? <span>{t('news:article.by', { name: article.authorName })}</span> : null}
					</p>
				</header>

				{article.cover ? (
					<figure className="mt-8">
						<img
							src={article.cover.url}
							alt={article.cover.alt}
							width={article.cover.width}
							height={article.cover.height}
							decoding="async"
							className="h-auto w-full rounded-lg bg-slate-100"
						/>
					</figure>
				) : null}

				{/*
				 * The one place raw HTML enters a page: the loader rendered the
				 * Markdown on the server and sanitized it with an allow-list
				 * (no script, handler, style or javascript: URL survives), so
				 * inserting it as HTML is safe.
				 */}
				<div className="prose mt-8" data-testid="article-body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />

				<footer lang={pageLang} className="mt-10 space-y-6 border-t border-slate-200 pt-6">
					{article.tags.length > 0 ? (
						<section aria-labelledby="tags-heading">
							<h2 id="tags-heading" className="text-sm font-semibold uppercase tracking-wider text-slate-500">
								{t('news:article.tags')}
							</h2>
							<TagLinks tags={article.tags} size="md" className="mt-2" data-testid="article-tags" />
						</section>
					) : null}
					<ShareLinks url={shareUrl} title={article.title} />
				</footer>
			</article>

			{related.length > 0 ? (
				<section aria-labelledby="related-heading" className="mt-12 border-t border-slate-200 pt-8" data-testid="related">
					<h2 id="related-heading" className="text-xl font-bold tracking-tight text-navy-900">
						{t('news:article.related')}
					</h2>
					<ul className="mt-4 grid gap-4 sm:grid-cols-3">
						{related.map((post) => (
							<li key={post.id} className="rounded-lg border border-slate-200 p-4">
								<time dateTime={post.dateTime} className="text-sm text-slate-500">
									{post.date}
								</time>
								<h3 className="mt-1 font-semibold leading-snug text-navy-900" lang={post.contentLang === lang ? undefined : HTML_LANG[post.contentLang]}>
									<Link to={post.href} className="hover:underline">
										{post.title}
									</Link>
								</h3>
							</li>
						))}
					</ul>
				</section>
			) : null}
		</div>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error })

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
