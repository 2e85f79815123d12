/**
 * A bilingual policy draft as a Word document, for officials who review and
 * comment in Word. Each section's English and Chinese Markdown is parsed
 * with the same parser as the site (unified + remark-parse + remark-gfm)
 * and turned into Word's own structures with the `docx` library: headings
 * with Word's heading styles (so the navigation pane works), real bulleted
 * and numbered lists, tables, links, block quotes and code.
 *
 * Two layouts: side by side (one two-column table per section, English |
 * 中文, for comparing the versions) or sequential (the English text, then the
 * Chinese text from a new page, for reading each as a whole).
 *
 * Every run carries its language (en-US or zh-CN) and the document gives
 * East Asian text a Chinese font, so Word spell-checks each part in its own
 * language and never shows Chinese in a Latin fallback font. Raw HTML in the
 * Markdown is dropped, as on the site's pages.
 */
import {
	AlignmentType,
	BorderStyle,
	Document,
	ExternalHyperlink,
	HeadingLevel,
	LevelFormat,
	Packer,
	PageBreak,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableLayoutType,
	TableRow,
	TextRun,
	WidthType,
	type ILevelsOptions,
	type IParagraphOptions,
	type IRunOptions,
	type NumberingDefinition,
	type ParagraphChild,
} from 'docx'
import type { AlignType, Definition, List, ListItem, Nodes, PhrasingContent, Root, RootContent, TableContent } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { Lang } from '#app/i18n/config.ts'

export type DraftLayout = 'side-by-side' | 'sequential'

export interface DraftSectionText {
	heading: string
	markdown: string
}

export interface DraftDocxInput {
	title: { en: string; zh: string }
	/** Lines under the title (status, group, revision, date), already translated and formatted by the caller. */
	meta: ReadonlyArray<{ label: string; value: string }>
	/** A side is null while that language has no text for the section yet. */
	sections: ReadonlyArray<{ en: DraftSectionText | null; zh: DraftSectionText | null }>
	layout: DraftLayout
	/** The language of `meta` and `labels` (the page's language). */
	lang: Lang
	/** Translated by the caller: the column headings and the stand-in for a missing translation. */
	labels: { english: string; chinese: string; untranslated: string }
	/** Where relative links in the Markdown point (the portal's origin); without it they stay plain text. */
	baseUrl?: string
}

const FONT_LATIN = 'Calibri'
/** SimSun (宋体) is on every Chinese Windows and is what official documents are set in. */
const FONT_EAST_ASIA = 'SimSun'
const FONT_CODE = 'Consolas'
const WORD_LANG: Record<Lang, string> = { en: 'en-US', zh: 'zh-CN' }
/** Word measures indents in twentieths of a point: 360 twips = ¼ inch. */
const LIST_INDENT_TWIP = 360
const QUOTE_INDENT_TWIP = 480
const BODY_SIZE_HALF_PT = 22
const CODE_SHADING = 'F2F2F2'
const QUOTE_BORDER_COLOR = 'A6A6A6'
const MUTED_COLOR = '767676'
const ORDERED_LIST = 'draft-ordered'
const LIST_LEVELS = 9

type Block = Paragraph | Table

/** What all sections of one document share. */
interface DocumentState {
	/** Each ordered list gets its own numbering instance, so each counts from its own start. */
	counters: { listInstance: number }
	baseUrl: string | undefined
}

/** Where a block sits: it decides its runs' language, its indent and its list level. */
interface Context {
	lang: Lang
	definitions: ReadonlyMap<string, Definition>
	baseUrl: string | undefined
	quoteDepth: number
	/** The list the block is in, if any. */
	list: { level: number; ordered: boolean; reference: string | NumberingDefinition; instance: number } | null
	counters: DocumentState['counters']
}

/** Inline formatting inherited from enclosing strong/emphasis/delete/link nodes. */
interface Marks {
	bold?: boolean
	italics?: boolean
	strike?: boolean
	link?: boolean
}

/** The draft as a .docx file. */
export async function draftToDocx(input: DraftDocxInput): Promise<Buffer> {
	const state: DocumentState = { counters: { listInstance: 0 }, baseUrl: input.baseUrl }
	const body: Block[] = [...titleBlock(input)]

	if (input.layout === 'side-by-side') {
		for (const section of input.sections) body.push(sideBySideSection({ section, input, state }))
	} else {
		for (const lang of ['en', 'zh'] as const) {
			if (lang === 'zh') body.push(new Paragraph({ children: [new PageBreak()] }))
			// Which language this part is, in the caller's words ("English" / "中文").
			const label = lang === 'en' ? input.labels.english : input.labels.chinese
			body.push(new Paragraph({ children: [textRun({ text: label, lang, marks: { bold: true }, color: MUTED_COLOR })] }))
			for (const section of input.sections) {
				const text = section[lang]
				if (text) body.push(...sectionBlocks({ text, lang, state }))
				else body.push(...untranslatedSection({ section, lang, input }))
			}
		}
	}

	const document = new Document({
		title: [input.title.en, input.title.zh].filter(Boolean).join(' / '),
		styles: {
			default: {
				document: {
					run: {
						font: { ascii: FONT_LATIN, hAnsi: FONT_LATIN, cs: FONT_LATIN, eastAsia: FONT_EAST_ASIA },
						size: BODY_SIZE_HALF_PT,
						// The document's language; each run says its own as well.
						language: { value: WORD_LANG[input.lang], eastAsia: WORD_LANG.zh },
					},
				},
			},
		},
		numbering: { config: [orderedListDefinition({ reference: ORDERED_LIST, level: 0, start: 1 })] },
		sections: [{ children: separateTables(body) }],
	})
	return Packer.toBuffer(document)
}

/** Both titles (Chinese as the subtitle) and the meta lines. */
function titleBlock(input: DraftDocxInput): Block[] {
	const blocks: Block[] = []
	if (input.title.en) blocks.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [textRun({ text: input.title.en, lang: 'en' })] }))
	if (input.title.zh) blocks.push(new Paragraph({ style: 'Subtitle', children: [textRun({ text: input.title.zh, lang: 'zh' })] }))
	for (const line of input.meta) {
		blocks.push(
			new Paragraph({
				children: [
					textRun({ text: line.label, lang: input.lang, marks: { bold: true } }),
					// A tab, not "label: value": the colon differs between the languages.
					new TextRun({ text: '\t' }),
					textRun({ text: line.value, lang: input.lang }),
				],
			}),
		)
	}
	return blocks
}

function sideBySideSection({
	section,
	input,
	state,
}: {
	section: DraftDocxInput['sections'][number]
	input: DraftDocxInput
	state: DocumentState
}): Table {
	const half = { size: 50, type: WidthType.PERCENTAGE } as const
	const cell = (lang: Lang) => {
		const text = section[lang]
		const children = text ? sectionBlocks({ text, lang, state }) : [untranslated(input)]
		return new TableCell({ width: half, children })
	}
	const headerCell = (text: string, lang: Lang) =>
		new TableCell({
			width: half,
			shading: { type: ShadingType.CLEAR, fill: CODE_SHADING, color: 'auto' },
			children: [new Paragraph({ children: [textRun({ text, lang, marks: { bold: true } })] })],
		})
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		layout: TableLayoutType.FIXED,
		rows: [
			// Repeated at the top of each page the section runs onto.
			new TableRow({ tableHeader: true, children: [headerCell(input.labels.english, 'en'), headerCell(input.labels.chinese, 'zh')] }),
			new TableRow({ children: [cell('en'), cell('zh')] }),
		],
	})
}

/** A section in one language: its heading (Heading 1) and its Markdown. */
function sectionBlocks({ text, lang, state }: { text: DraftSectionText; lang: Lang; state: DocumentState }): Block[] {
	const tree = parseMarkdown(text.markdown)
	const context: Context = {
		lang,
		definitions: collectDefinitions(tree),
		baseUrl: state.baseUrl,
		quoteDepth: 0,
		list: null,
		counters: state.counters,
	}
	const heading = text.heading.trim()
	return separateTables([
		...(heading ? [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [textRun({ text: heading, lang })] })] : []),
		...blocksOf(tree.children, context),
	])
}

/**
 * A section missing in the sequential layout's `lang` part: the other
 * language's heading (in its language, greyed) and the stand-in, so the
 * reader sees which section is not translated yet.
 */
function untranslatedSection({
	section,
	lang,
	input,
}: {
	section: DraftDocxInput['sections'][number]
	lang: Lang
	input: DraftDocxInput
}): Paragraph[] {
	const otherLang: Lang = lang === 'en' ? 'zh' : 'en'
	const heading = section[otherLang]?.heading.trim()
	return [
		...(heading
			? [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [textRun({ text: heading, lang: otherLang, color: MUTED_COLOR })] })]
			: []),
		untranslated(input),
	]
}

/** Word joins two tables with nothing between them into one: an empty paragraph keeps them apart. */
function separateTables(blocks: Block[]): Block[] {
	return blocks.flatMap((item, i) => (item instanceof Table && blocks[i + 1] instanceof Table ? [item, new Paragraph({})] : [item]))
}

function untranslated(input: DraftDocxInput): Paragraph {
	return new Paragraph({
		children: [textRun({ text: input.labels.untranslated, lang: input.lang, marks: { italics: true }, color: MUTED_COLOR })],
	})
}

/* Markdown blocks */

function parseMarkdown(markdown: string): Root {
	return unified().use(remarkParse).use(remarkGfm).parse(markdown)
}

function collectDefinitions(tree: Root): Map<string, Definition> {
	const definitions = new Map<string, Definition>()
	const visit = (node: Nodes) => {
		if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node)
		if ('children' in node) for (const child of node.children) visit(child)
	}
	visit(tree)
	return definitions
}

function blocksOf(nodes: readonly RootContent[], context: Context): Block[] {
	return nodes.flatMap((node) => block(node, context))
}

function block(node: RootContent, context: Context): Block[] {
	switch (node.type) {
		case 'paragraph':
			return [paragraph(context, { children: inlines(node.children, context, {}) })]
		case 'heading':
			// Markdown's # is below the section's own Heading 1.
			return [
				paragraph(context, {
					heading: HEADING_LEVELS[Math.min(node.depth, HEADING_LEVELS.length - 1)],
					children: inlines(node.children, context, {}),
				}),
			]
		case 'list':
			return listBlocks(node, context)
		case 'blockquote':
			return blocksOf(node.children, { ...context, quoteDepth: context.quoteDepth + 1 })
		case 'code':
			return [codeBlock(node.value, context)]
		case 'table':
			return [table(node.children, node.align ?? [], context)]
		case 'thematicBreak':
			return [
				paragraph(context, {
					border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: QUOTE_BORDER_COLOR, space: 1 } },
				}),
			]
		case 'footnoteDefinition': {
			// A note stays where it was written, marked with its label.
			const label = textRun({ text: `[${node.label ?? node.identifier}] `, lang: context.lang, superScript: true })
			const [first, ...rest] = node.children
			return first?.type === 'paragraph'
				? [paragraph(context, { children: [label, ...inlines(first.children, context, {})] }), ...blocksOf(rest, context)]
				: [paragraph(context, { children: [label] }), ...blocksOf(node.children, context)]
		}
		// Raw HTML is dropped (as on the site); definitions are used by references.
		case 'html':
		case 'definition':
		case 'yaml':
			return []
		default:
			// The types say inline nodes could sit here too; remark never puts them there.
			return []
	}
}

const HEADING_LEVELS = [
	HeadingLevel.HEADING_1,
	HeadingLevel.HEADING_2,
	HeadingLevel.HEADING_3,
	HeadingLevel.HEADING_4,
	HeadingLevel.HEADING_5,
	HeadingLevel.HEADING_6,
] as const

/**
 * A paragraph where the context puts it: in a block quote, indented with a
 * bar on the left; in a list item but not its first paragraph, indented to
 * the item's text.
 */
function paragraph(context: Context, options: IParagraphOptions): Paragraph {
	const quoteIndent = context.quoteDepth * QUOTE_INDENT_TWIP
	const listIndent = context.list && !options.bullet && !options.numbering ? (context.list.level + 1) * LIST_INDENT_TWIP * 2 : 0
	const indent = quoteIndent + listIndent
	return new Paragraph({
		...options,
		...(indent > 0 && !options.bullet && !options.numbering ? { indent: { left: indent } } : {}),
		...(context.quoteDepth > 0
			? { border: { left: { style: BorderStyle.SINGLE, size: 12, color: QUOTE_BORDER_COLOR, space: 8 } } }
			: {}),
	})
}

/**
 * Bulleted and numbered lists, nested: each item's first paragraph carries
 * the bullet or number at the list's level; the item's other blocks follow,
 * indented, and its own lists go one level deeper. GFM task items start
 * with a ballot box.
 */
function listBlocks(list: List, context: Context): Block[] {
	const level = Math.min(context.list ? context.list.level + 1 : 0, LIST_LEVELS - 1)
	const start = list.start ?? 1
	context.counters.listInstance += 1
	const listContext: Context = {
		...context,
		list: {
			level,
			ordered: Boolean(list.ordered),
			// A list that starts elsewhere than 1 gets a definition of its own.
			reference: start === 1 ? ORDERED_LIST : orderedListDefinition({ reference: `${ORDERED_LIST}-${level}-${start}`, level, start }),
			instance: context.counters.listInstance,
		},
	}
	return list.children.flatMap((item) => listItemBlocks(item, listContext))
}

function listItemBlocks(item: ListItem, context: Context): Block[] {
	const list = context.list!
	const marker: Pick<IParagraphOptions, 'bullet' | 'numbering'> = list.ordered
		? { numbering: { reference: list.reference, level: list.level, instance: list.instance } }
		: { bullet: { level: list.level } }
	const checkbox = typeof item.checked === 'boolean' ? [textRun({ text: item.checked ? '☑ ' : '☐ ', lang: context.lang })] : []
	const [first, ...rest] = item.children
	const blocks: Block[] = []
	if (first?.type === 'paragraph') {
		blocks.push(paragraph(context, { ...marker, children: [...checkbox, ...inlines(first.children, context, {})] }))
	} else {
		// An item that starts with another block (a code block, a sub-list): an empty marked line first.
		blocks.push(paragraph(context, { ...marker, children: checkbox }))
		if (first) blocks.push(...block(first, context))
	}
	for (const child of rest) blocks.push(...block(child, context))
	return blocks
}

/** Decimal, then lower letters, then lower roman, repeating: 1. a. i. 1. … */
function orderedListDefinition({ reference, level, start }: { reference: string; level: number; start: number }): NumberingDefinition {
	const formats = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN] as const
	const levels: ILevelsOptions[] = Array.from({ length: LIST_LEVELS }, (_, i) => ({
		level: i,
		format: formats[i % formats.length],
		text: `%${i + 1}.`,
		alignment: AlignmentType.START,
		start: i === level ? start : 1,
		style: { paragraph: { indent: { left: (i + 1) * LIST_INDENT_TWIP * 2, hanging: LIST_INDENT_TWIP } } },
	}))
	return { reference, levels }
}

/** Code as it was typed: monospaced, shaded, one line break per line. */
function codeBlock(code: string, context: Context): Paragraph {
	const lines = code.split('\n')
	return paragraph(context, {
		shading: { type: ShadingType.CLEAR, fill: CODE_SHADING, color: 'auto' },
		children: lines.map((line, i) => textRun({ text: line, lang: context.lang, code: true, breakBefore: i > 0 })),
	})
}

const CELL_ALIGNMENT = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const

/** A GFM table; the first row is the header (bold, repeated on each page). */
function table(rows: TableContent[], align: readonly AlignType[], context: Context): Table {
	const columns = Math.max(1, ...rows.map((row) => row.children.length))
	const alignment = (column: number) => {
		const side = align[column]
		return side ? CELL_ALIGNMENT[side] : undefined
	}
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		rows: rows.map(
			(row, rowIndex) =>
				new TableRow({
					tableHeader: rowIndex === 0,
					// Short rows are padded: Word draws a ragged table otherwise.
					children: Array.from({ length: columns }, (_, column) => {
						const cell = row.children[column]
						const runs = cell ? inlines(cell.children, { ...context, quoteDepth: 0, list: null }, { bold: rowIndex === 0 }) : []
						return new TableCell({
							width: { size: Math.floor(100 / columns), type: WidthType.PERCENTAGE },
							children: [new Paragraph({ alignment: alignment(column), children: runs })],
						})
					}),
				}),
		),
	})
}

/* Markdown inlines */

function inlines(nodes: readonly PhrasingContent[], context: Context, marks: Marks): ParagraphChild[] {
	return nodes.flatMap((node) => inline(node, context, marks))
}

function inline(node: PhrasingContent, context: Context, marks: Marks): ParagraphChild[] {
	const { lang } = context
	switch (node.type) {
		case 'text':
			return [textRun({ text: node.value, lang, marks })]
		case 'strong':
			return inlines(node.children, context, { ...marks, bold: true })
		case 'emphasis':
			return inlines(node.children, context, { ...marks, italics: true })
		case 'delete':
			return inlines(node.children, context, { ...marks, strike: true })
		case 'inlineCode':
			return [textRun({ text: node.value, lang, marks, code: true })]
		case 'break':
			return [new TextRun({ break: 1 })]
		case 'link':
			return hyperlink({ url: node.url, children: node.children, context, marks })
		case 'linkReference': {
			const definition = context.definitions.get(node.identifier)
			return definition
				? hyperlink({ url: definition.url, children: node.children, context, marks })
				: inlines(node.children, context, marks)
		}
		case 'image':
			// Images are not embedded; their description keeps the sentence whole.
			return node.alt ? [textRun({ text: node.alt, lang, marks: { ...marks, italics: true } })] : []
		case 'imageReference':
			return node.alt ? [textRun({ text: node.alt, lang, marks: { ...marks, italics: true } })] : []
		case 'footnoteReference':
			return [textRun({ text: `[${node.label ?? node.identifier}]`, lang, marks, superScript: true })]
		case 'html':
			return []
		default:
			return []
	}
}

/** A link Word can follow: http(s) and mailto only; relative links resolved against `baseUrl`. */
function hyperlink({
	url,
	children,
	context,
	marks,
}: {
	url: string
	children: PhrasingContent[]
	context: Context
	marks: Marks
}): ParagraphChild[] {
	const href = safeLink(url, context.baseUrl)
	const content = inlines(children, context, { ...marks, link: Boolean(href) })
	return href ? [new ExternalHyperlink({ link: href, children: content })] : content
}

function safeLink(url: string, baseUrl: string | undefined): string | null {
	let parsed: URL
	try {
		parsed = baseUrl ? new URL(url, baseUrl) : new URL(url)
	} catch {
		return null
	}
	return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : null
}

/** A run in one language: its language tag, and code in a monospaced font (the Chinese font kept for CJK). */
function textRun({
	text,
	lang,
	marks = {},
	code = false,
	superScript = false,
	breakBefore = false,
	color,
}: {
	text: string
	lang: Lang
	marks?: Marks
	code?: boolean
	superScript?: boolean
	breakBefore?: boolean
	color?: string
}): TextRun {
	const options: IRunOptions = {
		text,
		language: { value: WORD_LANG[lang], eastAsia: WORD_LANG.zh },
		font: code
			? { ascii: FONT_CODE, hAnsi: FONT_CODE, cs: FONT_CODE, eastAsia: FONT_EAST_ASIA }
			: { ascii: FONT_LATIN, hAnsi: FONT_LATIN, cs: FONT_LATIN, eastAsia: FONT_EAST_ASIA },
		...(marks.bold ? { bold: true } : {}),
		...(marks.italics ? { italics: true } : {}),
		...(marks.strike ? { strike: true } : {}),
		...(marks.link ? { style: 'Hyperlink' } : {}),
		...(code ? { shading: { type: ShadingType.CLEAR, fill: CODE_SHADING, color: 'auto' } } : {}),
		...(superScript ? { superScript: true } : {}),
		...(breakBefore ? { break: 1 } : {}),
		...(color ? { color } : {}),
	}
	return new TextRun(options)
}
