import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, test } from 'vitest'
import { draftToDocx, type DraftDocxInput } from './docx.server.ts'

const LABELS = { english: 'English', chinese: '中文', untranslated: 'Not translated yet' }

const EN_MARKDOWN = `Charging **must** be *open* to all, see [the study](https://example.org/study) and \`API-7\`.

## Targets

- Public chargers
  - Fast chargers
- Home chargers

1. Consult
2. Decide
   1. Vote

> Quoted from the ~~old~~ 2025 plan.

| Region | Chargers |
| --- | ---: |
| Davis | 120 |
| Beijing | 5400 |

<script>alert(1)</script>
`

const ZH_MARKDOWN = `充电设施**必须**向所有人*开放*。

- 公共充电桩
- 家用充电桩

| 地区 | 充电桩 |
| --- | --- |
| 北京 | 5400 |
`

function input(overrides: Partial<DraftDocxInput> = {}): DraftDocxInput {
	return {
		title: { en: 'Charging Access Policy', zh: '充电设施开放政策' },
		meta: [
			{ label: 'Status', value: 'Draft' },
			{ label: 'Revision', value: '3' },
		],
		sections: [
			{ en: { heading: 'Scope', markdown: EN_MARKDOWN }, zh: { heading: '范围', markdown: ZH_MARKDOWN } },
			{ en: { heading: 'Funding', markdown: 'Funding text.' }, zh: null },
		],
		layout: 'side-by-side',
		lang: 'en',
		labels: LABELS,
		...overrides,
	}
}

/** Unzip the .docx (an OPC package) and read its parts as Word would find them. */
async function exportDraft(draft: DraftDocxInput) {
	const buffer = await draftToDocx(draft)
	expect(Buffer.isBuffer(buffer)).toBe(true)
	const files = unzipSync(new Uint8Array(buffer))
	const part = (name: string) => {
		const file = files[name]
		if (!file) throw new Error(`no ${name} in the package`)
		return strFromU8(file)
	}
	return { files, document: part('word/document.xml'), part }
}

const decode = (text: string) =>
	text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

interface WordParagraph {
	xml: string
	text: string
	style: string | null
}

/** Each <w:p>: its XML, the text of its runs and its paragraph style. */
function paragraphs(xml: string): WordParagraph[] {
	return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map((p) => ({
		xml: p,
		text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join(''),
		style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
	}))
}

function find(list: WordParagraph[], text: string): WordParagraph {
	const found = list.find((p) => p.text === text)
	if (!found) throw new Error(`no paragraph "${text}" in: ${list.map((p) => p.text).join(' | ')}`)
	return found
}

/** The outermost `<w:tag>…</w:tag>` elements of `xml`, with nested ones of the same tag inside them. */
function elements(xml: string, tag: string): string[] {
	const found: string[] = []
	let depth = 0
	let start = 0
	// `(?=[ >])` so that <w:tr> is not confused with <w:trPr>.
	for (const match of xml.matchAll(new RegExp(`<w:${tag}(?=[ >])|</w:${tag}>`, 'g'))) {
		if (!match[0].startsWith('</')) {
			if (depth === 0) start = match.index
			depth += 1
		} else {
			depth -= 1
			if (depth === 0) found.push(xml.slice(start, match.index + match[0].length))
		}
	}
	return found
}

/**
 * Every table row in the document, nested tables' too: the text of each
 * cell (its paragraphs, nested tables' included, one per line).
 */
function tableRows(xml: string): string[][] {
	return elements(xml, 'tbl').flatMap((table) => {
		const inner = table.slice(table.indexOf('>') + 1, table.lastIndexOf('</w:tbl>'))
		return elements(inner, 'tr').flatMap((row) => {
			const cells = elements(row, 'tc')
			const text = cells.map((cell) =>
				paragraphs(cell)
					.map((p) => p.text)
					.join('\n'),
			)
			return [text, ...cells.flatMap((cell) => tableRows(cell))]
		})
	})
}

describe('a draft as Word, side by side', () => {
	test('a valid package with the document, styles and numbering parts', async () => {
		const { files, part } = await exportDraft(input())
		expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml']))
		expect(part('docProps/core.xml')).toContain('Charging Access Policy / 充电设施开放政策')
	})

	test('both titles, the meta lines and each section as an English | 中文 table', async () => {
		const { document } = await exportDraft(input())
		const all = paragraphs(document)
		expect(find(all, 'Charging Access Policy').style).toBe('Title')
		expect(find(all, '充电设施开放政策').style).toBe('Subtitle')
		expect(find(all, 'Status\tDraft').xml).toContain('<w:b/>')
		// Section headings are Heading 1 in both languages, side by side in one row.
		expect(find(all, 'Scope').style).toBe('Heading1')
		expect(find(all, '范围').style).toBe('Heading1')
		const rows = tableRows(document)
		expect(rows).toContainEqual(['English', '中文'])
		const sectionRow = rows.find((row) => row[0]?.startsWith('Scope'))
		expect(sectionRow?.[1]).toMatch(/^范围\n充电设施必须向所有人开放。/)
		// The column-heading row repeats on each page.
		expect(document.match(/<w:tblHeader\/>/g)?.length).toBeGreaterThanOrEqual(2)
	})

	test('a missing translation says so in its column', async () => {
		const { document } = await exportDraft(input())
		expect(tableRows(document)).toContainEqual(['Funding\nFunding text.', 'Not translated yet'])
	})

	test('Markdown headings, emphasis, code and links', async () => {
		const { document, part } = await exportDraft(input())
		const all = paragraphs(document)
		expect(find(all, 'Targets').style).toBe('Heading3')
		const first = find(all, 'Charging must be open to all, see the study and API-7.')
		expect(first.xml).toMatch(/<w:b\/>[\s\S]*?<w:t[^>]*>must<\/w:t>/)
		expect(first.xml).toMatch(/<w:i\/>[\s\S]*?<w:t[^>]*>open<\/w:t>/)
		expect(first.xml).toMatch(/w:ascii="Consolas"[\s\S]*?<w:t[^>]*>API-7<\/w:t>/)
		const link = /<w:hyperlink [^>]*r:id="([^"]+)"[^>]*>[\s\S]*?the study[\s\S]*?<\/w:hyperlink>/.exec(first.xml)
		expect(link).not.toBeNull()
		expect(part('word/_rels/document.xml.rels')).toMatch(
			new RegExp(`Id="${link![1]}"[^>]*Target="https://example.org/study"|Target="https://example.org/study"[^>]*Id="${link![1]}"`),
		)
	})

	test('bulleted and numbered lists, nested', async () => {
		const { document, part } = await exportDraft(input())
		const all = paragraphs(document)
		const level = (p: WordParagraph) => /<w:ilvl w:val="(\d)"\/>/.exec(p.xml)?.[1]
		const numId = (p: WordParagraph) => /<w:numId w:val="(\d+)"\/>/.exec(p.xml)?.[1]
		expect(level(find(all, 'Public chargers'))).toBe('0')
		expect(level(find(all, 'Fast chargers'))).toBe('1')
		expect(level(find(all, 'Home chargers'))).toBe('0')
		expect(level(find(all, '公共充电桩'))).toBe('0')
		expect(level(find(all, 'Consult'))).toBe('0')
		expect(level(find(all, 'Vote'))).toBe('1')
		// Both numbered items are one list; the bullets another.
		expect(numId(find(all, 'Consult'))).toBe(numId(find(all, 'Decide')))
		expect(numId(find(all, 'Consult'))).not.toBe(numId(find(all, 'Public chargers')))
		const numbering = part('word/numbering.xml')
		expect(numbering).toContain('<w:numFmt w:val="decimal"/>')
		expect(numbering).toContain('<w:numFmt w:val="bullet"/>')
	})

	test('GFM tables, block quotes and strikethrough', async () => {
		const { document } = await exportDraft(input())
		const rows = tableRows(document)
		expect(rows).toContainEqual(['Region', 'Chargers'])
		expect(rows).toContainEqual(['Davis', '120'])
		expect(rows).toContainEqual(['北京', '5400'])
		const quote = find(paragraphs(document), 'Quoted from the old 2025 plan.')
		expect(quote.xml).toMatch(/<w:pBdr>[\s\S]*<w:left /)
		expect(quote.xml).toMatch(/<w:strike\/>[\s\S]*?<w:t[^>]*>old<\/w:t>/)
		// The header row of a Markdown table is bold.
		const header = find(paragraphs(document), 'Region')
		expect(header.xml).toContain('<w:b/>')
	})

	test('Chinese runs are tagged zh-CN and set in an East Asian font; English runs en-US', async () => {
		const { document, part } = await exportDraft(input())
		const runOf = (text: string) => {
			const run = new RegExp(`<w:r>(?:(?!<w:r>)[\\s\\S])*?<w:t[^>]*>${text}</w:t>`).exec(document)
			if (!run) throw new Error(`no run "${text}"`)
			return run[0]
		}
		expect(runOf('公共充电桩')).toContain('<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/>')
		expect(runOf('公共充电桩')).toContain('w:eastAsia="SimSun"')
		expect(runOf('Public chargers')).toContain('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>')
		// Document defaults: the language and the East Asian font.
		const styles = part('word/styles.xml')
		const defaults = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(styles)?.[0] ?? ''
		expect(defaults).toContain('w:eastAsia="SimSun"')
		expect(defaults).toContain('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>')
	})

	test('raw HTML is dropped and text is escaped', async () => {
		const { document } = await exportDraft(
			input({
				title: { en: 'Fees <&> "tolls"', zh: '收费' },
				sections: [{ en: { heading: 'A & B', markdown: '1 < 2 & [bad](javascript:alert(1))' }, zh: null }],
			}),
		)
		expect(document).not.toContain('<script>')
		expect(document).not.toContain('alert(1)</w:t>')
		expect(document).toContain('Fees &lt;&amp;&gt; &quot;tolls&quot;')
		expect(find(paragraphs(document), 'Fees <&> "tolls"').style).toBe('Title')
		// A javascript: link keeps its text but is no link.
		expect(find(paragraphs(document), '1 < 2 & bad').xml).not.toContain('<w:hyperlink')
	})

	test('relative links point at the portal when a base URL is given', async () => {
		const draft = input({ sections: [{ en: { heading: 'Links', markdown: 'See [the group](/en/groups/charging).' }, zh: null }] })
		const withBase = await exportDraft({ ...draft, baseUrl: 'https://lab.example.org' })
		expect(withBase.part('word/_rels/document.xml.rels')).toContain('Target="https://lab.example.org/en/groups/charging"')
		const withoutBase = await exportDraft(draft)
		expect(find(paragraphs(withoutBase.document), 'See the group.').xml).not.toContain('<w:hyperlink')
	})

	test('tables one after another stay separate tables', async () => {
		// Word merges tables with nothing between them: section tables, and Markdown tables in a row.
		const { document } = await exportDraft(
			input({ sections: [{ en: { heading: 'T', markdown: '| a |\n| - |\n| 1 |\n\n<!-- -->\n\n| b |\n| - |\n| 2 |' }, zh: null }, ...input().sections] }),
		)
		expect(document).not.toContain('</w:tbl><w:tbl>')
		expect(tableRows(document)).toEqual(expect.arrayContaining([['a'], ['1'], ['b'], ['2']]))
	})

	test('a numbered list that starts at 3 starts at 3', async () => {
		const { part } = await exportDraft(input({ sections: [{ en: { heading: 'Steps', markdown: '3. Three\n4. Four' }, zh: null }] }))
		expect(part('word/numbering.xml')).toContain('<w:start w:val="3"/>')
	})
})

describe('a draft as Word, sequential', () => {
	test('English first, then Chinese from a new page', async () => {
		const { document } = await exportDraft(input({ layout: 'sequential' }))
		const texts = paragraphs(document).map((p) => p.text)
		const english = texts.indexOf('Scope')
		const chinese = texts.indexOf('范围')
		expect(english).toBeGreaterThan(-1)
		expect(chinese).toBeGreaterThan(english)
		expect(texts.indexOf('Public chargers')).toBeLessThan(chinese)
		expect(texts.indexOf('公共充电桩')).toBeGreaterThan(chinese)
		const between = document.slice(document.indexOf('>Home chargers<'), document.indexOf('>范围<'))
		expect(between).toContain('<w:br w:type="page"/>')
		// The parts are labelled, and the missing Chinese section says so in its place.
		expect(texts).toContain('English')
		expect(texts).toContain('中文')
		// It keeps its English heading, so the reader knows which section is missing.
		expect(texts.slice(texts.indexOf('中文'))).toEqual(expect.arrayContaining(['Funding', 'Not translated yet']))
		expect(texts.lastIndexOf('Not translated yet')).toBe(texts.lastIndexOf('Funding') + 1)
		// No layout table: the only tables are the Markdown ones.
		expect(tableRows(document)).not.toContainEqual(['English', '中文'])
		expect(find(paragraphs(document), 'Targets').style).toBe('Heading3')
	})
})
