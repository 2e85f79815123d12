import { describe, expect, it } from 'vitest'
import { diff3Regions, type Diff3Region } from './diff3.ts'

const regions = <T>(a: T[], o: T[], b: T[]) => diff3Regions(a, o, b, { maxEdits: 1_000, deadline: Date.now() + 10_000 }) ?? []

/** One side's sequence rebuilt from the regions: where the other side changed alone, this side kept base. */
function rebuild(list: Array<Diff3Region<string>>, side: 'base' | 'ours' | 'theirs'): string[] {
	return list.flatMap((region) => {
		if (!region.stable) return region[side]
		return region.source === side ? region.items : region.base
	})
}

const chars = (text: string) => [...text]

describe('diff3Regions', () => {
	it('reports a change made on one side with the base it replaced, deletions included', () => {
		expect(regions(chars('abXd'), chars('abcd'), chars('abd'))).toEqual([
			{ stable: true, source: 'base', items: ['a', 'b'], base: ['a', 'b'] },
			{ stable: false, base: ['c'], ours: ['X'], theirs: [] },
			{ stable: true, source: 'base', items: ['d'], base: ['d'] },
		])
		expect(regions(chars('abcd'), chars('abcd'), chars('ad'))).toEqual([
			{ stable: true, source: 'base', items: ['a'], base: ['a'] },
			{ stable: true, source: 'theirs', items: [], base: ['b', 'c'] },
			{ stable: true, source: 'base', items: ['d'], base: ['d'] },
		])
	})

	it('applies changes that only touch: a deletion next to a replacement, two neighbouring replacements', () => {
		const found = regions(chars('abcXYf'), chars('abcdef'), chars('def'))
		expect(found.every((r) => r.stable)).toBe(true)
		expect(found.flatMap((r) => (r.stable ? r.items : []))).toEqual(chars('XYf'))
		const neighbours = regions(['电', '动', '汽车'], ['电', '动', '汽车'], ['电', '动', '卡车'])
		expect(neighbours.flatMap((r) => (r.stable ? r.items : []))).toEqual(['电', '动', '卡车'])
		const both = regions(['混', '动', '汽车'], ['电', '动', '汽车'], ['电', '动', '卡车'])
		expect(both.flatMap((r) => (r.stable ? r.items : []))).toEqual(['混', '动', '卡车'])
	})

	it('puts an insertion before a replacement that starts at the same place', () => {
		const found = regions(chars('aINbc'), chars('abc'), chars('aBc'))
		expect(found.every((r) => r.stable)).toBe(true)
		expect(found.flatMap((r) => (r.stable ? r.items : []))).toEqual(chars('aINBc'))
	})

	it('is a conflict when both sides insert at the same place, or one inserts into what the other replaced', () => {
		expect(regions(chars('aXb'), chars('ab'), chars('aYb'))).toContainEqual({ stable: false, base: [], ours: ['X'], theirs: ['Y'] })
		expect(regions(chars('aQe'), chars('abcde'), chars('abcIde'))).toContainEqual({
			stable: false,
			base: chars('bcd'),
			ours: ['Q'],
			theirs: chars('bcId'),
		})
	})

	it('gives up (null) past the edit bound or the deadline instead of working on', () => {
		const far = Date.now() + 10_000
		expect(diff3Regions(chars('abc'), chars('abd'), chars('xbd'), { maxEdits: 10, deadline: Date.now() - 1 })).toBeNull()
		expect(diff3Regions(chars('abcdef'), chars('abcdef'), chars('uvwxyz'), { maxEdits: 11, deadline: far })).toBeNull()
		expect(diff3Regions(chars('abcdef'), chars('abcdef'), chars('uvwxyz'), { maxEdits: 12, deadline: far })).not.toBeNull()
	})

	it('stays fast on long sequences of repeated tokens', () => {
		const words = Array.from({ length: 4_000 }, (_, i) => (i % 2 ? ' ' : i % 7 ? `w${i % 50}` : 'the'))
		const started = performance.now()
		const found = regions(['Start', ...words], words, [...words, 'End'])
		expect(performance.now() - started).toBeLessThan(1_000)
		expect(found.flatMap((r) => (r.stable ? r.items : []))).toEqual(['Start', ...words, 'End'])
	})

	it('describes all three sequences exactly (randomised)', () => {
		let seed = 11
		const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
		const edit = (items: string[]) =>
			items.flatMap((item) => {
				const roll = next()
				return roll < 0.1 ? [] : roll < 0.2 ? ['x'] : roll < 0.3 ? [item, 'y'] : [item]
			})
		for (let round = 0; round < 300; round++) {
			const base = Array.from({ length: Math.floor(next() * 12) }, () => 'abcab'[Math.floor(next() * 5)] as string)
			const ours = edit(base)
			const theirs = edit(base)
			const found = regions(ours, base, theirs)
			expect(rebuild(found, 'base')).toEqual(base)
			expect(rebuild(found, 'ours')).toEqual(ours)
			expect(rebuild(found, 'theirs')).toEqual(theirs)
		}
	})
})
