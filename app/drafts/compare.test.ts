/**
 * Comparing two versions of a draft, at the level the compare page and the
 * translator's view use: one edited Chinese word is one changed word (never
 * the whole paragraph), sections are matched by id through renames and
 * moves, and empty, very large and mixed-script texts behave.
 */
import { describe, expect, test } from 'vitest'
import { compareSections, languageDiff } from './compare.ts'
import type { SectionText } from './model.ts'

const s = (heading: string, body: string): SectionText => ({ heading, level: 2, body })
const changed = (parts: { kind: string; text: string }[]) => parts.filter((p) => p.kind !== 'equal').map((p) => `${p.kind === 'insert' ? '+' : '-'}${p.text}`)

describe('comparing draft sections', () => {
	test('one Chinese word changed in a long paragraph is one changed word', () => {
		const before = s('关税', '中美双方可以通过谈判降低电动汽车及其核心零部件的关税，特别是在动力电池、芯片和电控系统等关键领域，以减少电动汽车零部件流通的障碍。')
		const after = s('关税', before.body.replace('核心零部件', '关键零部件'))
		const diff = languageDiff(before, after, 'zh')!
		expect(diff.change).toBe('changed')
		expect(changed(diff.parts)).toEqual(['-核心', '+关键'])
		expect(diff.inserted).toBe(2)
		expect(diff.deleted).toBe(2)
		// Everything else is unchanged text.
		expect(diff.parts.filter((p) => p.kind === 'equal').map((p) => p.text).join('')).toContain('以减少电动汽车零部件流通的障碍')
	})

	test('a renamed and moved section is compared with itself, added and removed ones are named so', () => {
		const from = [
			{ id: 'a', en: s('Scope', 'Covers vehicles.'), zh: s('范围', '涵盖车辆。') },
			{ id: 'b', en: s('Tariffs', 'Lower tariffs.'), zh: null },
			{ id: 'c', en: s('Old', 'Removed later.'), zh: s('旧', '后来删除。') },
		]
		const to = [
			{ id: 'b', en: s('Tariff coordination', 'Lower tariffs.'), zh: s('关税协调', '降低关税。') },
			{ id: 'a', en: s('Scope', 'Covers vehicles.'), zh: s('范围', '涵盖车辆。') },
			{ id: 'd', en: null, zh: s('新', '新增一节。') },
		]
		const result = compareSections(from, to)
		// The removed section stays after the one it followed.
		expect(result.map((r) => r.id)).toEqual(['b', 'c', 'a', 'd'])
		const byId = Object.fromEntries(result.map((r) => [r.id, r]))
		expect(byId.b!.diffs.en!.change).toBe('changed')
		expect(changed(byId.b!.diffs.en!.parts)).toEqual(['-Tariffs', '+Tariff coordination'])
		expect(byId.b!.diffs.zh!.change).toBe('added')
		expect(byId.a!.diffs.en!.change).toBe('unchanged')
		expect(byId.c!.diffs.zh!.change).toBe('removed')
		expect(byId.d!.diffs.en).toBeNull()
		expect(byId.d!.diffs.zh!.change).toBe('added')
	})

	test('empty texts, mixed scripts and a very large section', () => {
		expect(languageDiff(null, null, 'en')).toBeNull()
		expect(languageDiff(s('', ''), s('', ''), 'en')!.change).toBe('unchanged')

		const mixed = languageDiff(s('Mixed', 'The 关税协调机制 covers EV batteries.'), s('Mixed', 'The 关税协调机制 covers EV power batteries.'), 'en')!
		expect(changed(mixed.parts)).toEqual(['+power '])

		const paragraphs = Array.from({ length: 3000 }, (_, i) => `第${i}段：电动汽车关税协调机制的第${i}项措施。`)
		const before = s('大', paragraphs.join('\n\n'))
		const after = s('大', paragraphs.map((p, i) => (i === 1500 ? p.replace('关税', '税率') : p)).join('\n\n'))
		const started = performance.now()
		const big = languageDiff(before, after, 'zh')!
		expect(changed(big.parts)).toEqual(['-关税', '+税率'])
		expect(performance.now() - started).toBeLessThan(5_000)
	})
})
