/**
 * The editor's preview: each written version as the article component will
 * show it (title, summary, group, cover with its alt text, tags, body), the
 * Markdown rendered by the same sanitizing renderer readers get.
 */
import { readingTimeMinutes, renderMarkdown } from '#app/content/markdown.server.ts'
import { LANGS, type Lang } from '#app/i18n/config.ts'
import { getImageSizesForMarkdown } from '#app/media/public.server.ts'
import type { ArticleContentData } from './article-view.tsx'
import { listingPath } from './links.ts'
import { getCoverImage } from './newsroom.queries.server.ts'
import { isWritten, type NewsPostForm } from './schema.ts'

export type PreviewArticle = ArticleContentData & { readingMinutes: number }

export async function renderPreview({
	form,
	lang,
	groups,
	tags,
}: {
	form: Pick<NewsPostForm, Lang | 'coverMediaId' | 'workingGroup' | 'tags'>
	/** The page's language, for links. */
	lang: Lang
	groups: { value: string; label: string }[]
	tags: { slug: string; label: string }[]
}): Promise<Record<Lang, PreviewArticle | null>> {
	const [imageSizes, cover] = await Promise.all([
		getImageSizesForMarkdown(LANGS.map((l) => form[l].body)),
		form.coverMediaId ? getCoverImage(form.coverMediaId) : null,
	])
	const group = groups.find((g) => g.value === form.workingGroup)
	const tagLinks = tags.filter((tag) => form.tags.includes(tag.slug)).map((tag) => ({ ...tag, href: listingPath(lang, { tag: tag.slug }) }))
	return Object.fromEntries(
		LANGS.map((l) => {
			const version = form[l]
			if (!isWritten(version)) return [l, null]
			const article: PreviewArticle = {
				contentLang: l,
				title: version.title,
				summary: version.summary,
				group: group ? { name: group.label, href: listingPath(lang, { group: group.value }) } : null,
				cover: cover ? { ...cover, alt: version.coverAlt } : null,
				bodyHtml: renderMarkdown(version.body, { imageSizes }),
				tags: tagLinks,
				readingMinutes: readingTimeMinutes(version.body),
			}
			return [l, article]
		}),
	) as Record<Lang, PreviewArticle | null>
}
