/**
 * Markdown to HTML for readers, on the server only. GitHub-flavoured Markdown
 * (tables, strikethrough, autolinks, task lists) through unified; raw HTML in
 * the source is never passed through (remark-rehype drops it) and the result
 * is sanitized with GitHub's allow-list (rehype-sanitize), so whatever an
 * author types, no script, handler, style or javascript: URL reaches a page.
 *
 * After sanitizing, our own plugin (trusted code) adds what readers need:
 * image dimensions for uploaded images (no layout shift), lazy loading,
 * `rel` on links that leave the site and a scroll wrapper around tables.
 */
import type { Element, ElementContent, Root } from 'hast'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

export interface ImageDimensions {
	width: number
	height: number
}

export interface RenderOptions {
	/** Known sizes by image URL path (uploaded media), so pages reserve their space. */
	imageSizes?: ReadonlyMap<string, ImageDimensions>
	/**
	 * Where the HTML will be read (a post's absolute URL). Set for HTML that
	 * leaves the site, such as feeds: links and images within the site become
	 * absolute, since a feed reader would resolve `/media/…` against itself.
	 */
	baseUrl?: string
}

export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
	return String(
		unified()
			.use(remarkParse)
			.use(remarkGfm)
			.use(remarkRehype)
			.use(rehypeSanitize)
			.use(rehypeReaderFriendly, options)
			.use(rehypeStringify)
			.processSync(markdown),
	)
}

function rehypeReaderFriendly({ imageSizes: sizes, baseUrl }: RenderOptions) {
	const absolute = (url: string) => (baseUrl && !isExternal(url) ? new URL(url, baseUrl).href : url)
	return (tree: Root) => {
		visit(tree, 'element', (node: Element, index, parent) => {
			if (node.tagName === 'img') {
				node.properties.loading = 'lazy'
				node.properties.decoding = 'async'
				const size = typeof node.properties.src === 'string' ? sizes?.get(node.properties.src) : undefined
				if (size) {
					node.properties.width = size.width
					node.properties.height = size.height
				}
				if (typeof node.properties.src === 'string') node.properties.src = absolute(node.properties.src)
			} else if (node.tagName === 'a' && typeof node.properties.href === 'string') {
				if (isExternal(node.properties.href)) node.properties.rel = ['noopener', 'noreferrer', 'external']
				else node.properties.href = absolute(node.properties.href)
			} else if (node.tagName === 'table' && parent && typeof index === 'number') {
				const wrapper: Element = {
					type: 'element',
					tagName: 'div',
					properties: { className: ['table-scroll'] },
					children: [node as ElementContent],
				}
				parent.children[index] = wrapper
				return 'skip'
			}
		})
	}
}

function isExternal(href: string): boolean {
	return /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')
}

/** Rough reading time: words for alphabetic text, characters for Chinese. */
const WORDS_PER_MINUTE = 230
const CJK_CHARACTERS_PER_MINUTE = 400

export function readingTimeMinutes(markdown: string): number {
	const cjk = markdown.match(/[\u3400-\u9fff\uf900-\ufaff]/g)?.length ?? 0
	const words = markdown.replace(/[\u3400-\u9fff\uf900-\ufaff]/g, ' ').match(/[A-Za-z0-9][\w'’-]*/g)?.length ?? 0
	return Math.max(1, Math.round(words / WORDS_PER_MINUTE + cjk / CJK_CHARACTERS_PER_MINUTE))
}

/** Markdown reduced to plain text (feeds' and previews' summaries). */
export function markdownToPlainText(markdown: string): string {
	const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown)
	const parts: string[] = []
	visit(tree, (node) => {
		if ((node.type === 'text' || node.type === 'inlineCode') && 'value' in node) parts.push(String(node.value))
		if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') parts.push(' ')
	})
	return parts.join('').replace(/\s+/g, ' ').trim()
}
