/** The editor's preview: each version's Markdown rendered by the same sanitizing renderer readers get. */
import { renderMarkdown } from '#app/content/markdown.server.ts'
import { LANGS, type Lang } from '#app/i18n/config.ts'
import { getImageSizesForMarkdown } from '#app/media/public.server.ts'
import type { NewsPostForm } from './schema.ts'

export async function renderPreview(form: Pick<NewsPostForm, Lang>): Promise<Record<Lang, string>> {
	const imageSizes = await getImageSizesForMarkdown(LANGS.map((lang) => form[lang].body))
	return Object.fromEntries(LANGS.map((lang) => [lang, renderMarkdown(form[lang].body, { imageSizes })])) as Record<Lang, string>
}
