import { afterEach, describe, expect, it } from 'vitest'
import {
	commonEnds,
	diffStats,
	diffText,
	sideBySide,
	tokenizeWords,
	tokenizeWordsWithoutSegmenter,
	type DiffPart,
} from './diff.ts'

/** The two texts a diff describes: equal + deleted parts, and equal + inserted parts. */
function sides(parts: readonly DiffPart[]) {
	return {
		before: parts.filter((p) => p.kind !== 'insert').map((p) => p.text).join(''),
		after: parts.filter((p) => p.kind !== 'delete').map((p) => p.text).join(''),
	}
}

/** A small deterministic PRNG (mulberry32), so failures can be replayed. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}

const WORDS = ['ZEV', '政策', 'policy', '电动汽车', 'charging', '补贴', ' ', ' ', '\n', '。', ', ', '税收', 'the', 'Davis', '北京', '\n\n']

function randomText(next: () => number, length: number): string {
	return Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]).join('')
}

/** ~200 KB of bilingual Markdown-like paragraphs. */
function bigDocument(): string {
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
	return paragraphs.join('\n\n') + '\n'
}

describe('diffText', () => {
	it('returns nothing for two empty texts and one equal part for identical texts', () => {
		expect(diffText({ before: '', after: '', lang: 'en' })).toEqual([])
		expect(diffText({ before: '政策', after: '政策', lang: 'zh' })).toEqual([{ kind: 'equal', text: '政策' }])
	})

	it('shows text added to or removed from an empty document as one part', () => {
		expect(diffText({ before: '', after: 'New text\n', lang: 'en' })).toEqual([{ kind: 'insert', text: 'New text\n' }])
		expect(diffText({ before: '旧文本', after: '', lang: 'zh' })).toEqual([{ kind: 'delete', text: '旧文本' }])
	})

	it('marks only the edited Chinese word, not the paragraph', () => {
		expect(diffText({ before: '我们支持电动汽车补贴政策', after: '我们支持电动汽车税收政策', lang: 'zh' })).toEqual([
			{ kind: 'equal', text: '我们支持电动汽车' },
			{ kind: 'delete', text: '补贴' },
			{ kind: 'insert', text: '税收' },
			{ kind: 'equal', text: '政策' },
		])
	})

	it('marks only the edited Chinese word inside a long paragraph of several sentences', () => {
		const sentence = '加州和北京的研究人员共同研究零排放汽车的推广。'
		const before = `${sentence.repeat(20)}我们支持电动汽车补贴政策。${sentence.repeat(20)}`
		const after = before.replace('补贴', '税收')
		const parts = diffText({ before, after, lang: 'zh' })
		expect(parts.filter((p) => p.kind !== 'equal')).toEqual([
			{ kind: 'delete', text: '补贴' },
			{ kind: 'insert', text: '税收' },
		])
		expect(sides(parts)).toEqual({ before, after })
	})

	it('handles mixed scripts within one line', () => {
		const parts = diffText({ before: 'The ZEV 政策 covers 电动汽车.', after: 'The new ZEV 政策 covers 电动卡车.', lang: 'en' })
		const changes = parts.filter((p) => p.kind !== 'equal')
		expect(changes[0]).toEqual({ kind: 'insert', text: 'new ' })
		// ICU versions split 电动汽车 differently (电|动|汽车 in Node 20); either
		// way the change is within that word and never reaches the Latin text.
		expect(changes.slice(1).map((p) => p.kind)).toEqual(['delete', 'insert'])
		expect(['汽车', '电动汽车']).toContain(changes[1]?.text)
		expect(['卡车', '电动卡车']).toContain(changes[2]?.text)
		expect(sides(parts)).toEqual({ before: 'The ZEV 政策 covers 电动汽车.', after: 'The new ZEV 政策 covers 电动卡车.' })
	})

	it('reads a replaced run of English words as one replacement, and keeps words whole', () => {
		expect(diffText({ before: 'the cat sat on the mat', after: 'a dog sat on the mat', lang: 'en' })).toEqual([
			{ kind: 'delete', text: 'the cat' },
			{ kind: 'insert', text: 'a dog' },
			{ kind: 'equal', text: ' sat on the mat' },
		])
		expect(diffText({ before: 'an international plan', after: 'an internationally plan', lang: 'en' })).toEqual([
			{ kind: 'equal', text: 'an ' },
			{ kind: 'delete', text: 'international' },
			{ kind: 'insert', text: 'internationally' },
			{ kind: 'equal', text: ' plan' },
		])
	})

	it('only diffs the lines that changed', () => {
		const parts = diffText({ before: 'one\ntwo\nthree\n', after: 'one\nTWO\nthree\nfour\n', lang: 'en' })
		expect(parts).toEqual([
			{ kind: 'equal', text: 'one\n' },
			{ kind: 'delete', text: 'two' },
			{ kind: 'insert', text: 'TWO' },
			{ kind: 'equal', text: '\nthree\n' },
			{ kind: 'insert', text: 'four\n' },
		])
	})

	it('ignores CRLF versus LF line endings', () => {
		expect(diffText({ before: 'a\r\nb\r\n', after: 'a\nb\n', lang: 'en' })).toEqual([{ kind: 'equal', text: 'a\nb\n' }])
		expect(diffText({ before: 'a\r\nb\r\n', after: 'a\nc\n', lang: 'en' })).toEqual([
			{ kind: 'equal', text: 'a\n' },
			{ kind: 'delete', text: 'b' },
			{ kind: 'insert', text: 'c' },
			{ kind: 'equal', text: '\n' },
		])
	})

	it('always describes both texts exactly, with tidy parts (random bilingual edits)', () => {
		const next = random(42)
		for (let round = 0; round < 200; round++) {
			const before = randomText(next, Math.floor(next() * 40))
			const after = next() < 0.5 ? randomText(next, Math.floor(next() * 40)) : before.replace(/政策|the|\n/, randomText(next, 2))
			const parts = diffText({ before, after, lang: round % 2 ? 'zh' : 'en' })
			expect(sides(parts)).toEqual({ before, after })
			for (const [i, part] of parts.entries()) {
				expect(part.text).not.toBe('')
				expect(part.kind).not.toBe(parts[i + 1]?.kind)
				// Within a run of changes, the deletion comes first.
				if (part.kind === 'insert') expect(parts[i + 1]?.kind).not.toBe('delete')
			}
		}
	})

	it('diffs 200 KB of mixed text quickly and finds the one edited word', () => {
		const before = bigDocument()
		const at = before.indexOf('补贴', before.length / 2)
		const after = `${before.slice(0, at)}税收${before.slice(at + 2)}`
		const started = performance.now()
		const parts = diffText({ before, after, lang: 'zh' })
		expect(performance.now() - started).toBeLessThan(2_000)
		expect(parts.map((p) => p.kind)).toEqual(['equal', 'delete', 'insert', 'equal'])
		expect(parts[1]?.text).toBe('补贴')
		expect(parts[2]?.text).toBe('税收')
		expect(sides(parts)).toEqual({ before, after })
	})

	it('diffs one 200 KB paragraph without line breaks quickly', () => {
		const before = bigDocument().replace(/\n/g, ' ')
		const at = before.indexOf('Beijing', before.length / 3)
		const after = `${before.slice(0, at)}Shanghai${before.slice(at + 'Beijing'.length)}`
		const started = performance.now()
		const parts = diffText({ before, after, lang: 'en' })
		expect(performance.now() - started).toBeLessThan(2_000)
		expect(parts.filter((p) => p.kind !== 'equal')).toEqual([
			{ kind: 'delete', text: 'Beijing' },
			{ kind: 'insert', text: 'Shanghai' },
		])
	})

	it('degrades to whole paragraphs instead of hanging when 200 KB are rewritten everywhere', () => {
		const before = bigDocument()
		const after = before.replace(/[0-9]/g, (d) => String((Number(d) + 1) % 10)).replace(/ZEV|电动汽车/g, (w) => `${w}!`)
		const started = performance.now()
		const parts = diffText({ before, after, lang: 'zh' })
		expect(performance.now() - started).toBeLessThan(2_000)
		expect(sides(parts)).toEqual({ before, after })
	})
})

describe('tokenizeWords', () => {
	it('gives back the text when joined, also for long lines cut into pieces and for emoji', () => {
		const long = `${'电动汽车补贴政策🚗'.repeat(400)} ${'word '.repeat(400)}`
		for (const text of ['', 'ZEV 政策\n\nnext', long, '🚗'.repeat(1_500)]) {
			expect(tokenizeWords(text, 'zh').join('')).toBe(text)
			expect(tokenizeWordsWithoutSegmenter(text).join('')).toBe(text)
		}
	})

	it('without Intl.Segmenter, makes each CJK character a word and keeps Latin words whole', () => {
		expect(tokenizeWordsWithoutSegmenter("ZEV政策 isn't 3.5% ok\n电动")).toEqual([
			'ZEV', '政', '策', ' ', "isn't", ' ', '3.5', '%', ' ', 'ok', '\n', '电', '动',
		])
	})

	describe('when the browser has no Intl.Segmenter', () => {
		const original = Intl.Segmenter
		afterEach(() => {
			Object.defineProperty(Intl, 'Segmenter', { value: original, configurable: true, writable: true })
		})

		it('still marks only the edited Chinese word', () => {
			Object.defineProperty(Intl, 'Segmenter', { value: undefined, configurable: true, writable: true })
			// A language tag not used above, so no Segmenter is cached for it.
			const parts = diffText({ before: '我们支持电动汽车补贴政策', after: '我们支持电动汽车税收政策', lang: 'zh-x-test' })
			expect(parts).toEqual([
				{ kind: 'equal', text: '我们支持电动汽车' },
				{ kind: 'delete', text: '补贴' },
				{ kind: 'insert', text: '税收' },
				{ kind: 'equal', text: '政策' },
			])
		})
	})
})

describe('commonEnds', () => {
	it('pulls the common start and end back to a space or punctuation', () => {
		expect(commonEnds('an international plan', 'an internationally plan')).toEqual({ prefix: 3, suffix: 5 })
		expect(commonEnds('a cat.', 'a dog.')).toEqual({ prefix: 2, suffix: 1 })
		expect(commonEnds('same', 'same')).toEqual({ prefix: 4, suffix: 0 })
	})

	it('never cuts a surrogate pair', () => {
		const a = `${'🚗'.repeat(40)}A${'🚗'.repeat(40)}`
		const b = `${'🚗'.repeat(40)}B${'🚗'.repeat(40)}`
		const { prefix, suffix } = commonEnds(a, b)
		expect(prefix % 2).toBe(0)
		expect(suffix % 2).toBe(0)
		expect(prefix).toBeGreaterThan(0)
		expect(suffix).toBeGreaterThan(0)
	})
})

describe('diffStats', () => {
	it('counts inserted and deleted characters other than whitespace', () => {
		const parts = diffText({ before: '我们支持补贴 policy', after: '我们支持税收 new policy', lang: 'zh' })
		expect(diffStats(parts)).toEqual({ inserted: 5, deleted: 2, changed: true })
		expect(diffStats(diffText({ before: 'same', after: 'same', lang: 'en' }))).toEqual({ inserted: 0, deleted: 0, changed: false })
		expect(diffStats([{ kind: 'insert', text: '  \n' }])).toEqual({ inserted: 0, deleted: 0, changed: true })
		expect(diffStats([])).toEqual({ inserted: 0, deleted: 0, changed: false })
	})
})

describe('sideBySide', () => {
	it('pairs corresponding lines and leaves a gap for lines only one side has', () => {
		const parts = diffText({ before: 'X\nY b\nsame\n', after: 'Y c\nsame\nnew\n', lang: 'en' })
		expect(sideBySide(parts)).toEqual([
			{ left: [{ kind: 'delete', text: 'X' }], right: null, leftLine: 1, rightLine: null, changed: true },
			{
				left: [{ kind: 'equal', text: 'Y ' }, { kind: 'delete', text: 'b' }],
				right: [{ kind: 'equal', text: 'Y ' }, { kind: 'insert', text: 'c' }],
				leftLine: 2,
				rightLine: 1,
				changed: true,
			},
			{ left: [{ kind: 'equal', text: 'same' }], right: [{ kind: 'equal', text: 'same' }], leftLine: 3, rightLine: 2, changed: false },
			{ left: null, right: [{ kind: 'insert', text: 'new' }], leftLine: null, rightLine: 3, changed: true },
		])
	})

	it('pairs rewritten lines with each other, keeps blank lines, and handles a missing final newline', () => {
		const parts = diffText({ before: 'old one\nold two\n\nend', after: 'new 1\nnew 2\n\nend', lang: 'en' })
		const rows = sideBySide(parts)
		expect(rows.map((r) => [r.left?.map((p) => p.text).join(''), r.right?.map((p) => p.text).join('')])).toEqual([
			['old one', 'new 1'],
			['old two', 'new 2'],
			['', ''],
			['end', 'end'],
		])
		expect(rows.map((r) => r.changed)).toEqual([true, true, false, false])
	})

	it('gives no rows for an empty diff, and one side only for added or removed text', () => {
		expect(sideBySide([])).toEqual([])
		expect(sideBySide(diffText({ before: '', after: '政策\n', lang: 'zh' }))).toEqual([
			{ left: null, right: [{ kind: 'insert', text: '政策' }], leftLine: null, rightLine: 1, changed: true },
		])
	})
})
