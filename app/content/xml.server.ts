/**
 * Just enough XML for feeds and the sitemap. Text and attribute values are
 * always escaped by `el`, so an author's `<script>` or `]]>` is text, never
 * markup; only `el`'s own output is trusted as markup. Characters XML 1.0
 * forbids (most control characters, lone surrogates) are dropped, because a
 * single one makes the whole document unreadable to a feed reader.
 */

/** Markup `el` built; a plain string child is always text. */
export class XmlMarkup {
	constructor(readonly markup: string) {}
	toString() {
		return this.markup
	}
}

export type XmlChild = XmlMarkup | string | null | undefined | false | readonly XmlChild[]

// Allowed by XML 1.0: tab, newline, carriage return, U+0020–U+D7FF,
// U+E000–U+FFFD and the supplementary planes (valid surrogate pairs).
const FORBIDDEN_IN_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu

export function escapeXml(text: string): string {
	return text
		.replace(FORBIDDEN_IN_XML, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		// Escaped everywhere so `]]>` can never appear in text.
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;')
}

/** `el('link', { href }, …children)`: an element; attributes set to undefined are left out. */
export function el(name: string, attributes: Record<string, string | undefined> | null, ...children: XmlChild[]): XmlMarkup {
	const attrs = Object.entries(attributes ?? {})
		.filter((entry): entry is [string, string] => entry[1] !== undefined)
		.map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
		.join('')
	const content = children.map(serialize).join('')
	return new XmlMarkup(content ? `<${name}${attrs}>${content}</${name}>` : `<${name}${attrs}/>`)
}

function serialize(child: XmlChild): string {
	if (child === null || child === undefined || child === false) return ''
	if (child instanceof XmlMarkup) return child.markup
	if (typeof child === 'string') return escapeXml(child)
	return child.map(serialize).join('')
}

/** A complete document with its declaration. */
export function xmlDocument(root: XmlMarkup): string {
	return `<?xml version="1.0" encoding="utf-8"?>\n${root.markup}\n`
}
