import { describe, expect, it } from 'vitest'
import { diff3Regions, type Diff3Region } from './diff3.ts'

/** One side's sequence rebuilt from the regions: where the other side changed alone, this side kept base. */
function rebuild(regions: Array<Diff3Region<string>>, side: 'base' | 'ours' | 'theirs'): string[] {
	return regions.flatMap((region) => {
		if (!region.stable) return region[side]
		return region.source === side ? region.items : region.base
	})
}

const chars = (text: string) => [...text]

describe('diff3Regions', () => {
	it('reports a change made on one side with the base it replaced, deletions included', () => {
		expect(diff3Regions(chars('abXd'), chars('abcd'), chars('abd'))).toEqual([
			{ stable: true, source: 'base', items: ['a', 'b'], base: ['a', 'b'] },
			{ stable: false, base: ['c'], ours: ['X'], theirs: [] },
			{ stable: true, source: 'base', items: ['d'], base: ['d'] },
		])
		expect(diff3Regions(chars('abcd'), chars('abcd'), chars('ad'))).toEqual([
			{ stable: true, source: 'base', items: ['a'], base: ['a'] },
			{ stable: true, source: 'theirs', items: [], base: ['b', 'c'] },
			{ stable: true, source: 'base', items: ['d'], base: ['d'] },
		])
	})

	it('applies changes that only touch: a deletion next to a replacement, two neighbouring replacements', () => {
		const regions = diff3Regions(chars('abcXYf'), chars('abcdef'), chars('def'))
		expect(regions.every((r) => r.stable)).toBe(true)
		expect(regions.flatMap((r) => (r.stable ? r.items : []))).toEqual(chars('XYf'))
		const neighbours = diff3Regions(['电', '动', '汽车'], ['电', '动', '汽车'], ['电', '动', '卡车'])
		expect(neighbours.flatMap((r) => (r.stable ? r.items : []))).toEqual(['电', '动', '卡车'])
		const both = diff3Regions(['混', '动', '汽车'], ['电', '动', '汽车'], ['电', '动', '卡车'])
		expect(both.flatMap((r) => (r.stable ? r.items : []))).toEqual(['混', '动', '卡车'])
	})

	it('puts an insertion before a replacement that starts at the same place', () => {
		const regions = diff3Regions(chars('aINbc'), chars('abc'), chars('aBc'))
		expect(regions.every((r) => r.stable)).toBe(true)
		expect(regions.flatMap((r) => (r.stable ? r.items : []))).toEqual(chars('aINBc'))
	})

	it('is a conflict when both sides insert at the same place, or one inserts into what the other replaced', () => {
		expect(diff3Regions(chars('aXb'), chars('ab'), chars('aYb'))).toContainEqual({ stable: false, base: [], ours: ['X'], theirs: ['Y'] })
		expect(diff3Regions(chars('aQe'), chars('abcde'), chars('abcIde'))).toContainEqual({
			stable: false,
			base: chars('bcd'),
			ours: ['Q'],
			theirs: chars('bcId'),
		})
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
			const regions = diff3Regions(ours, base, theirs)
			expect(rebuild(regions, 'base')).toEqual(base)
			expect(rebuild(regions, 'ours')).toEqual(ours)
			expect(rebuild(regions, 'theirs')).toEqual(theirs)
		}
	})
})
