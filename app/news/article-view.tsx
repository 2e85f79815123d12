/**
 * A public news article as readers see it: notices for a missing or outdated
 * translation, the article in its own language (lang attribute) with cover,
 * body, tags and share links, then related posts.
 */
import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { HTML_LANG, type Lang } from '#app/i18n/config.ts'
import type { PageData } from '#app/ui/page-data.ts'
import { ShareLinks } from '#app/ui/share-links.tsx'
import type { loadArticlePage } from './article-page.server.ts'
import { TagLinks } from './tag-links.tsx'
import { Link } from '#app/ui/link.tsx'

export function ArticlePage({ page: { lang, article, related, shareUrl, allNewsHref } }: { page: PageData<typeof loadArticlePage> }) {
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

			<ArticleContent
				article={article}
				pageLang={pageLang}
				meta={
					<>
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
					</>
				}
				footer={<ShareLinks url={shareUrl} title={article.title} />}
			/>

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
								{post.contentLang === lang ? null : (
									<p className="mt-2 inline-block rounded bg-gold-300/30 px-2 py-0.5 text-sm text-slate-800" data-testid="related-language">
										{t(`news:article.only-in-${post.contentLang}`)}
									</p>
								)}
							</li>
						))}
					</ul>
				</section>
			) : null}
		</div>
	)
}

/** What the article component shows: the same for readers and for the newsroom's preview. */
export interface ArticleContentData {
	contentLang: Lang
	title: string
	summary: string
	group: { name: string; href: string } | null
	cover: { url: string; width: number; height: number; alt: string } | null
	/** Rendered and sanitized on the server (app/content/markdown.server.ts). */
	bodyHtml: string
	tags: { slug: string; label: string; href: string }[]
}

/**
 * The article itself, in its own language: group, title, summary, a line of
 * facts (`meta`), cover, body and tags. The public page and the editor's
 * preview both render it, so a preview looks exactly like the article.
 */
export function ArticleContent({
	article,
	pageLang,
	meta,
	footer,
	titleLevel = 1,
}: {
	article: ArticleContentData
	/** The page's language, for our own words inside an article in the other language. */
	pageLang?: string
	meta: ReactNode
	footer?: ReactNode
	/** 2 inside another page (the preview), where the page has its own h1. */
	titleLevel?: 1 | 2
}) {
	const { t } = useTranslation(['news', 'common'])
	const Title = titleLevel === 1 ? 'h1' : 'h2'
	const TagsHeading = titleLevel === 1 ? 'h2' : 'h3'
	const tagsHeadingId = useId()
	return (
		<article lang={HTML_LANG[article.contentLang]} className="mt-6 break-words">
			<header>
				{article.group ? (
					<p lang={pageLang} className="text-sm font-semibold uppercase tracking-wider">
						<Link to={article.group.href} className="text-leaf-600 hover:underline">
							{article.group.name}
						</Link>
					</p>
				) : null}
				<Title className="mt-2 text-balance text-3xl font-bold tracking-tight text-navy-900 sm:text-4xl sm:leading-tight">{article.title}</Title>
				{article.summary ? <p className="mt-4 text-lg text-slate-700 sm:text-xl">{article.summary}</p> : null}
				<p lang={pageLang} className="mt-5 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-500" data-testid="article-meta">
					{meta}
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
					<section aria-labelledby={tagsHeadingId}>
						<TagsHeading id={tagsHeadingId} className="text-sm font-semibold uppercase tracking-wider text-slate-500">
							{t('news:article.tags')}
						</TagsHeading>
						<TagLinks tags={article.tags} size="md" className="mt-2" data-testid="article-tags" />
					</section>
				) : null}
				{footer}
			</footer>
		</article>
	)
}
