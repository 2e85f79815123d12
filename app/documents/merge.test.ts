import { describe, expect, it } from 'vitest'
import {
	changesFromTheirs,
	conflictCount,
	mergedText,
	mergeText,
	resolveConflicts,
	tookTheirs,
	type MergeResult,
} from './merge.ts'

function merge(base: string, ours: string, theirs: string, lang = 'en'): MergeResult {
	return mergeText({ base, ours, theirs, lang })
}

/** ~200 KB of bilingual paragraphs separated by blank lines. */
function bigDocument(): string[] {
	const paragraphs: string[] = []
	let length = 0
	for (let i = 0; length < 200_000; i++) {
		const paragraph =
			i % 2
				? `Paragraph ${i}: the ZEV 政策 supports charging networks across California and Beijing, item ${i}.`
				: `第${i}段：我们支持电动汽车补贴政策，并且推动充电网络建设，编号${i}。`
		paragraphs.push(paragraph)
		length += paragraph.length + 2
	}
	return paragraphs
}

describe('mergeText', () => {
	it('combines edits to different lines and says whose each part is', () => {
		const result = merge('Line one.\nLine two.\nLine three.\n', 'Line 1.\nLine two.\nLine three.\n', 'Line one.\nLine two.\nLine 3.\n')
		expect(result).toEqual({
			clean: true,
			chunks: [
				{ kind: 'resolved', text: 'Line 1.\n', source: 'ours' },
				{ kind: 'resolved', text: 'Line two.\n', source: 'base' },
				{ kind: 'resolved', text: 'Line 3.\n', source: 'theirs' },
			],
		})
		expect(mergedText(result)).toBe('Line 1.\nLine two.\nLine 3.\n')
	})

	it('merges edits to different sentences of one paragraph word by word', () => {
		const result = merge(
			'The first sentence. The second sentence.\n',
			'The 1st sentence. The second sentence.\n',
			'The first sentence. The 2nd sentence.\n',
		)
		expect(mergedText(result)).toBe('The 1st sentence. The 2nd sentence.\n')
		expect(result.chunks.filter((c) => c.kind === 'resolved' && c.source !== 'base')).toEqual([
			{ kind: 'resolved', text: '1st', source: 'ours' },
			{ kind: 'resolved', text: '2nd', source: 'theirs' },
		])
	})

	it('merges edits to different sentences of one Chinese paragraph', () => {
		const result = merge(
			'我们支持电动汽车补贴政策。我们反对燃油车。\n',
			'我们支持电动汽车税收政策。我们反对燃油车。\n',
			'我们支持电动汽车补贴政策。我们限制燃油车。\n',
			'zh',
		)
		expect(mergedText(result)).toBe('我们支持电动汽车税收政策。我们限制燃油车。\n')
	})

	it('leaves conflicting edits of the same Chinese words as one conflict with all three texts', () => {
		const base = '导言。\n\n我们支持电动汽车补贴政策。\n\n结语。\n'
		const ours = '导言。\n\n我们支持电动汽车税收政策。\n\n结语。\n'
		const theirs = '导言。\n\n我们支持电动汽车免税政策。\n\n结语。\n'
		const result = merge(base, ours, theirs, 'zh')
		expect(result.clean).toBe(false)
		expect(mergedText(result)).toBeNull()
		expect(result.chunks).toEqual([
			{ kind: 'resolved', text: '导言。\n\n', source: 'base' },
			{ kind: 'conflict', base: '我们支持电动汽车补贴政策。\n', ours: '我们支持电动汽车税收政策。\n', theirs: '我们支持电动汽车免税政策。\n' },
			{ kind: 'resolved', text: '\n结语。\n', source: 'base' },
		])
		expect(resolveConflicts(result, ['ours'])).toBe(ours)
		expect(resolveConflicts(result, ['theirs'])).toBe(theirs)
		expect(resolveConflicts(result, ['base'])).toBe(base)
		expect(resolveConflicts(result, [{ custom: '我们支持电动汽车补贴和免税政策。\r\n' }])).toBe(
			'导言。\n\n我们支持电动汽车补贴和免税政策。\n\n结语。\n',
		)
	})

	it('refuses a wrong number of conflict choices instead of guessing', () => {
		const result = merge('a\n', 'b\n', 'c\n')
		expect(conflictCount(result)).toBe(1)
		expect(() => resolveConflicts(result, [])).toThrow(RangeError)
		expect(() => resolveConflicts(result, ['ours', 'theirs'])).toThrow(RangeError)
	})

	it('merges edits to neighbouring Chinese words by different authors', () => {
		expect(mergedText(merge('我们支持电动汽车补贴政策', '我们支持混动汽车补贴政策', '我们支持电动卡车补贴政策', 'zh'))).toBe(
			'我们支持混动卡车补贴政策',
		)
	})

	it('takes the same edit made on both sides once, without a conflict', () => {
		const result = merge('我们支持补贴。\n其他。\n', '我们支持税收。\n其他。\n', '我们支持税收。\n其他。\n', 'zh')
		expect(result).toEqual({
			clean: true,
			chunks: [
				{ kind: 'resolved', text: '我们支持税收。\n', source: 'both' },
				{ kind: 'resolved', text: '其他。\n', source: 'base' },
			],
		})
	})

	it('handles empty texts', () => {
		expect(merge('', '', '')).toEqual({ clean: true, chunks: [] })
		expect(mergedText(merge('', '', ''))).toBe('')
		expect(mergedText(merge('', '', 'new'))).toBe('new')
		expect(mergedText(merge('', 'same', 'same'))).toBe('same')
		expect(mergedText(merge('old\n', '', 'old\n'))).toBe('')
		const bothAdded = merge('', 'mine', 'yours')
		expect(bothAdded.chunks).toEqual([{ kind: 'conflict', base: '', ours: 'mine', theirs: 'yours' }])
	})

	it('removes a paragraph one side deleted while keeping the other side’s edit elsewhere', () => {
		const base = 'Keep.\n\nDelete me.\n\nEdit me.\n'
		const result = merge(base, 'Keep.\n\nDelete me.\n\nEdited.\n', 'Keep.\n\nEdit me.\n')
		expect(mergedText(result)).toBe('Keep.\n\nEdited.\n')
	})

	it('never loses an edit to a paragraph the other side deleted', () => {
		const base = 'Keep.\n\nDisputed paragraph.\n\nEnd.\n'
		const ours = 'Keep.\n\nDisputed paragraph, improved.\n\nEnd.\n'
		const theirs = 'Keep.\n\nEnd.\n'
		const result = merge(base, ours, theirs)
		expect(result.clean).toBe(false)
		const conflicts = result.chunks.filter((c) => c.kind === 'conflict')
		expect(conflicts).toHaveLength(1)
		expect(conflicts[0]?.ours).toContain('Disputed paragraph, improved.')
		expect(conflicts[0]?.theirs.trim()).toBe('')
		expect(resolveConflicts(result, ['ours'])).toBe(ours)
		expect(resolveConflicts(result, ['theirs'])).toBe(theirs)
	})

	it('lets a change of words win over a change of spaces at line ends or of blank lines', () => {
		expect(mergedText(merge('para one\n\npara two\n', 'para one  \n\npara two\n', 'para ONE\n\npara two\n'))).toBe(
			'para ONE\n\npara two\n',
		)
		expect(mergedText(merge('a\nlast', 'a\nlast\n', 'a\nLAST'))).toBe('a\nLAST')
		// Blank lines added next to (not on) an edited line: both changes apply.
		expect(mergedText(merge('one\n\ntwo\n', 'one\n\n\n\ntwo\n', 'uno\n\ntwo\n'))).toBe('uno\n\n\n\ntwo\n')
		// Blank lines replacing a line's end where the other side edited the line's words: the words win.
		expect(mergedText(merge('one \ntwo\n', 'one\n\ntwo\n', 'uno \ntwo\n'))).toBe('uno \ntwo\n')
		// Two different changes of spaces alone: ours stays.
		expect(mergedText(merge('x\n', 'x  \n', 'x\t\n'))).toBe('x  \n')
	})

	it('merges CRLF texts with LF texts without marking every line changed', () => {
		const result = merge('a\r\nb\r\nc\r\nd\r\n', 'a\nB\nc\nd\n', 'a\r\nb\r\nc\r\nD\r\n')
		expect(mergedText(result)).toBe('a\nB\nc\nD\n')
		expect(mergedText(merge('a\r\nb\r\n', 'a\nb\n', 'a\r\nb changed\r\n'))).toBe('a\nb changed\n')
	})

	it('merges disjoint line edits in any combination (randomised)', () => {
		let seed = 7
		const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
		for (let round = 0; round < 50; round++) {
			const base = Array.from({ length: 12 }, (_, i) => `第${i}行 line ${i}`)
			const ours = base.map((line, i) => (i < 5 && next() < 0.5 ? `${line} 我们` : line))
			const theirs = base.map((line, i) => (i > 6 && next() < 0.5 ? `theirs ${line}` : line))
			if (next() < 0.3) theirs.splice(9, 1)
			const expected = theirs.map((line) => {
				const i = base.indexOf(line.replace(/^theirs /, ''))
				return i >= 0 && i < 5 ? (ours[i] as string) : line
			})
			const result = merge(`${base.join('\n')}\n`, `${ours.join('\n')}\n`, `${theirs.join('\n')}\n`, 'zh')
			expect(mergedText(result)).toBe(`${expected.join('\n')}\n`)
		}
	})

	it('merges 200 KB documents edited at both ends quickly, and finds a conflict among them quickly', () => {
		const paragraphs = bigDocument()
		const base = `${paragraphs.join('\n\n')}\n`
		const ours = `${['Ours first.', ...paragraphs.slice(1)].join('\n\n')}\n`
		const theirs = `${[...paragraphs.slice(0, -1), '他们的结尾。'].join('\n\n')}\n`
		let started = performance.now()
		const result = merge(base, ours, theirs, 'zh')
		expect(performance.now() - started).toBeLessThan(2_000)
		expect(mergedText(result)).toBe(`${['Ours first.', ...paragraphs.slice(1, -1), '他们的结尾。'].join('\n\n')}\n`)

		const middle = Math.floor(paragraphs.length / 2)
		const edit = (text: string) => `${[...paragraphs.slice(0, middle), text, ...paragraphs.slice(middle + 1)].join('\n\n')}\n`
		started = performance.now()
		const conflicted = merge(base, edit('我们的版本。'), edit('他们的版本。'), 'zh')
		expect(performance.now() - started).toBeLessThan(2_000)
		expect(conflicted.chunks.filter((c) => c.kind === 'conflict')).toEqual([
			{ kind: 'conflict', base: `${paragraphs[middle]}\n`, ours: '我们的版本。\n', theirs: '他们的版本。\n' },
		])
	})

	it('leaves a long paragraph rewritten on both sides as one conflict, quickly', () => {
		const paragraph = bigDocument().slice(0, 300).join(' ')
		const ours = paragraph.replace(/[a-z]+/g, (word) => word.toUpperCase())
		const theirs = paragraph.replace(/\d+/g, (digits) => `#${digits}`)
		const started = performance.now()
		const result = merge(`${paragraph}\n`, `${ours}\n`, `${theirs}\n`, 'zh')
		expect(performance.now() - started).toBeLessThan(2_000)
		expect(result.chunks).toEqual([{ kind: 'conflict', base: `${paragraph}\n`, ours: `${ours}\n`, theirs: `${theirs}\n` }])
	})

	it('merges edits to two sentences of one 200 KB paragraph quickly', () => {
		const paragraph = bigDocument().join(' ')
		const at = paragraph.indexOf('item 501.')
		const ours = `${paragraph.slice(0, at)}item 501 (ours).${paragraph.slice(at + 'item 501.'.length)}`
		const theirs = paragraph.replace('编号502。', '编号502（他们）。')
		const started = performance.now()
		const result = merge(paragraph, ours, theirs, 'zh')
		expect(performance.now() - started).toBeLessThan(2_000)
		expect(mergedText(result)).toBe(ours.replace('编号502。', '编号502（他们）。'))
	})
})

describe('what came from theirs', () => {
	it('reports their edits, deletions included, as a diff of our text', () => {
		const ours = 'Keep.\n\nDelete me.\n\nOurs edited.\n'
		const result = merge('Keep.\n\nDelete me.\n\nEdit me.\n', ours, 'Keep.\n\nEdit me.\n')
		expect(tookTheirs(result, ours)).toBe(true)
		expect(changesFromTheirs({ result, ours, lang: 'en' })).toEqual([
			{ kind: 'equal', text: 'Keep.\n\n' },
			{ kind: 'delete', text: 'Delete me.\n\n' },
			{ kind: 'equal', text: 'Ours edited.\n' },
		])
	})

	it('reports nothing when only we changed something', () => {
		const ours = 'a\nB\n'
		const result = merge('a\nb\n', ours, 'a\r\nb\r\n')
		expect(tookTheirs(result, ours)).toBe(false)
		expect(changesFromTheirs({ result, ours, lang: 'en' })).toEqual([{ kind: 'equal', text: 'a\nB\n' }])
	})
})
