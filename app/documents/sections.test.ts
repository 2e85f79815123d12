import { describe, expect, it } from 'vitest'
import { joinSections, newSectionId, parseSections, reconcileSections, splitSection, type Section } from './sections.ts'

describe('parseSections', () => {
	it('splits on ATX headings, with the text before the first heading as a preamble', () => {
		const md = 'Intro text.\n\n# Title\n\nBody one.\n\n## Sub\nBody two.\n\n###### Deep\n'
		expect(parseSections(md)).toEqual([
			{ heading: '', level: 0, body: 'Intro text.' },
			{ heading: 'Title', level: 1, body: 'Body one.' },
			{ heading: 'Sub', level: 2, body: 'Body two.' },
			{ heading: 'Deep', level: 6, body: '' },
		])
	})

	it('gives nothing for an empty document and one preamble for a document without headings', () => {
		expect(parseSections('')).toEqual([])
		expect(parseSections('\n  \n')).toEqual([])
		expect(parseSections('只有正文。\n第二行。')).toEqual([{ heading: '', level: 0, body: '只有正文。\n第二行。' }])
	})

	it('follows CommonMark on what is a heading', () => {
		const md = [
			'   ### Indented three ###   ',
			'    # indented four is code',
			'#hashtag is text',
			'####### seven is text',
			'# Foo#',
			'#',
			'### ###',
			'# 电动汽车 政策',
		].join('\n')
		expect(parseSections(md)).toEqual([
			{ heading: 'Indented three', level: 3, body: '    # indented four is code\n#hashtag is text\n####### seven is text' },
			{ heading: 'Foo#', level: 1, body: '' },
			{ heading: '', level: 1, body: '' },
			{ heading: '', level: 3, body: '' },
			{ heading: '电动汽车 政策', level: 1, body: '' },
		])
	})

	it('does not split on headings inside fenced code blocks', () => {
		const md = '# Code\n\n```md\n# not a heading\n~~~\n# still code\n```\n\n~~~~\n# tilde code\n~~~~~\n\n# Next\n'
		expect(parseSections(md)).toEqual([
			{ heading: 'Code', level: 1, body: '```md\n# not a heading\n~~~\n# still code\n```\n\n~~~~\n# tilde code\n~~~~~' },
			{ heading: 'Next', level: 1, body: '' },
		])
		// A fence left open runs to the end of the document, as in CommonMark.
		expect(parseSections('# A\n```\n# B\n')).toEqual([{ heading: 'A', level: 1, body: '```\n# B' }])
		// An info string with a backtick does not open a backtick fence.
		expect(parseSections('# A\n``` a`b\n# B\n')).toHaveLength(2)
	})

	it('reads CRLF and CR line endings', () => {
		expect(parseSections('# 标题\r\n\r\n正文。\r\n## Sub\rText\r')).toEqual([
			{ heading: '标题', level: 1, body: '正文。' },
			{ heading: 'Sub', level: 2, body: 'Text' },
		])
	})
})

describe('joinSections', () => {
	it('round-trips Markdown in canonical form exactly', () => {
		const canonical = 'Preamble.\n\n# 标题\n\n第一段。\n\n第二段。\n\n## Empty\n\n### Code\n\n```\n# x\n```\n'
		expect(joinSections(parseSections(canonical))).toBe(canonical)
		expect(joinSections([])).toBe('')
	})

	it('normalises line endings, the final newline, heading lines and blank lines around bodies, and nothing else', () => {
		const messy = '\r\n\r\nPreamble.  \r\n   ## Title ##\r\nBody line 1  \r\n    indented code\r\n\r\n\r\n#\r\n# Last'
		const joined = joinSections(parseSections(messy))
		expect(joined).toBe('Preamble.  \n\n## Title\n\nBody line 1  \n    indented code\n\n#\n\n# Last\n')
		expect(joinSections(parseSections(joined))).toBe(joined)
		expect(parseSections(joined)).toEqual(parseSections(messy))
	})

	it('writes a heading typed with line breaks on one line, and a level-0 section as plain text', () => {
		expect(joinSections([{ heading: 'Two\nlines', level: 2, body: 'Text\r\n' }])).toBe('## Two lines\n\nText\n')
		expect(joinSections([{ heading: '', level: 0, body: '\nIntro\n' }, { heading: 'A', level: 1, body: '' }])).toBe('Intro\n\n# A\n')
	})
})

describe('newSectionId', () => {
	it('makes short random ids', () => {
		const ids = new Set(Array.from({ length: 1_000 }, newSectionId))
		expect(ids.size).toBe(1_000)
		for (const id of ids) expect(id).toMatch(/^[0-9a-z]{10}$/)
	})
})

describe('splitSection', () => {
	it('keeps the id on the first part and gives new parts new ids', () => {
		const section: Section = { id: 'keep000001', heading: '背景', level: 2, body: 'First part.\n\n### New sub\n\nMoved text.\n\n## New sibling\nMore.' }
		const parts = splitSection(section)
		expect(parts.map(({ id, ...rest }) => rest)).toEqual([
			{ heading: '背景', level: 2, body: 'First part.' },
			{ heading: 'New sub', level: 3, body: 'Moved text.' },
			{ heading: 'New sibling', level: 2, body: 'More.' },
		])
		expect(parts[0]?.id).toBe('keep000001')
		expect(new Set(parts.map((p) => p.id)).size).toBe(3)
	})

	it('leaves a section without headings in its body as it is', () => {
		const section: Section = { id: 'same000001', heading: 'A', level: 1, body: 'Text.' }
		expect(splitSection(section)).toEqual([section])
	})
})

describe('reconcileSections', () => {
	const previous: Section[] = [
		{ id: 'pre', heading: '', level: 0, body: 'Intro paragraph for the policy draft.' },
		{ id: 'bg', heading: 'Background', level: 2, body: 'California adopted the ZEV mandate to cut vehicle emissions.' },
		{ id: 'zh', heading: '政策建议', level: 2, body: '我们建议扩大电动汽车补贴政策，并建设更多充电站。' },
		{ id: 'end', heading: 'Conclusion', level: 2, body: 'Both regions learn from each other.' },
	]

	it('follows sections by heading when they were reordered and edited', () => {
		const edited = parseSections(
			'## Conclusion\n\nBoth regions learn a lot.\n\n## Background\n\nCalifornia adopted the ZEV mandate.\n\nIntro moved here?\n',
		)
		const ids = reconcileSections({ previous, edited }).map((s) => s.id)
		expect(ids).toEqual(['end', 'bg'])
	})

	it('follows a renamed section by its body, in Chinese too', () => {
		const edited = parseSections(
			'Intro paragraph for the policy draft.\n\n## History\n\nCalifornia adopted the ZEV mandate to cut vehicle emissions.\n\n' +
				'## 建议\n\n我们建议扩大电动汽车补贴政策，并建设更多充电站和换电站。\n\n## Conclusion\n\nBoth regions learn from each other.\n',
		)
		expect(reconcileSections({ previous, edited }).map((s) => s.id)).toEqual(['pre', 'bg', 'zh', 'end'])
	})

	it('falls back on position for sections renamed and rewritten in place', () => {
		const edited = parseSections(
			'Intro paragraph for the policy draft.\n\n## Other\n\nSomething else entirely.\n\n## Renamed\n\n全新的内容。\n\n## Conclusion\n\nBoth regions learn from each other.\n',
		)
		expect(reconcileSections({ previous, edited }).map((s) => s.id)).toEqual(['pre', 'bg', 'zh', 'end'])
	})

	it('gives an inserted section a new id and drops the ids of removed sections', () => {
		const inserted = parseSections('Intro paragraph for the policy draft.\n\n## Added first\n\nNew words.\n\n## Background\n\nSame.\n')
		const result = reconcileSections({ previous, edited: inserted })
		expect(result[0]?.id).toBe('pre')
		expect(result[1]?.id).toMatch(/^[0-9a-z]{10}$/)
		expect(result[2]?.id).toBe('bg')
		expect(result.map((s) => s.id)).not.toContain('zh')
		expect(result.map((s) => s.id)).not.toContain('end')
	})

	it('among sections with the same heading, picks the most similar body', () => {
		const twins: Section[] = [
			{ id: 'n1', heading: 'Notes', level: 2, body: 'Meeting in Davis about charging stations.' },
			{ id: 'n2', heading: 'Notes', level: 2, body: '北京会议：讨论补贴政策。' },
		]
		const edited = parseSections('## Notes\n\n北京会议：讨论补贴政策和税收。\n\n## Notes\n\nMeeting in Davis about charging stations and grids.\n')
		expect(reconcileSections({ previous: twins, edited }).map((s) => s.id)).toEqual(['n2', 'n1'])
	})
})
