import { diffArrays } from 'diff'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { boundedDiff, editsAtLeast } from './bounded-diff.ts'

// jsdiff as it is, with its diffArrays counted.
vi.mock('diff', async (importOriginal) => {
	const actual = await importOriginal<typeof import('diff')>()
	return { ...actual, diffArrays: vi.fn(actual.diffArrays) }
})

const far = () => Date.now() + 10_000

describe('boundedDiff', () => {
	beforeEach(() => {
		vi.mocked(diffArrays).mockClear()
	})

	it('diffs within the bound', () => {
		const changes = boundedDiff(['a', 'b', 'c'], ['a', 'x', 'c'], { maxEdits: 2, deadline: far() })
		expect(changes?.map(({ added, removed, value }) => ({ added, removed, value }))).toEqual([
			{ added: false, removed: false, value: ['a'] },
			{ added: false, removed: true, value: ['b'] },
			{ added: true, removed: false, value: ['x'] },
			{ added: false, removed: false, value: ['c'] },
		])
	})

	it('gives up past the edit bound or the deadline', () => {
		expect(boundedDiff(['a', 'b', 'c'], ['a', 'c', 'b'], { maxEdits: 1, deadline: far() })).toBeNull()
		expect(diffArrays).toHaveBeenCalledTimes(1)
		expect(boundedDiff(['a'], ['b'], { maxEdits: 10, deadline: Date.now() - 1 })).toBeNull()
	})

	it('gives up on mostly different sequences without running the diff at all', () => {
		const words = Array.from({ length: 50_000 }, (_, i) => `w${i}`)
		expect(boundedDiff(words, words.map((w) => w.toUpperCase()), { maxEdits: 1_000, deadline: far() })).toBeNull()
		expect(diffArrays).not.toHaveBeenCalled()
	})
})

describe('editsAtLeast', () => {
	it('counts the items either side has more of, a lower bound on any diff', () => {
		expect(editsAtLeast([], [])).toBe(0)
		expect(editsAtLeast(['a', 'b'], ['b', 'a'])).toBe(0)
		expect(editsAtLeast(['a', 'a', 'b'], ['a', 'c'])).toBe(3)
	})
})
