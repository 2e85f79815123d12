/**
 * A section's Markdown as readers see it: the site's one renderer
 * (app/content/markdown.server.ts: GitHub-flavoured Markdown, raw HTML
 * dropped, sanitized with an allow-list), so the editor's preview, the draft
 * page and the print page show exactly the same thing, and a script typed
 * into a draft never reaches a page.
 */
import { renderMarkdown } from '#app/content/markdown.server.ts'
import { sectionMarkdown, type SectionText } from './model.ts'

export function renderSection(text: SectionText | null): string {
	return text ? renderMarkdown(sectionMarkdown(text)) : ''
}
