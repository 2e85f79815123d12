import { describe, expect, it } from 'vitest'
import { mergedSections, mergeSections, resolveSections, type Section, type SectionConflict } from './sections.ts'

const s = (id: string, heading: string, body: string, level = 2): Section => ({ id, heading, level, body })

const base: Section[] = [
	s('pre', '', 'Draft for the joint ZEV policy brief.', 0),
	s('bg', 'Background', 'California adopted the ZEV mandate.\n\nBeijing followed with NEV credits.'),
	s('zh', '政策建议', '我们支持电动汽车补贴政策。我们反对燃油车。'),
	s('end', 'Conclusion', 'Both regions learn from each other.'),
]

function merge(ours: Section[], theirs: Section[], lang = 'en') {
	return mergeSections({ base, ours, theirs, lang })
}

const ids = (sections: Section[] | null) => sections?.map((section) => section.id)

describe('mergeSections', () => {
	it('keeps sections added on either side, each after the section it follows there', () => {
		const ours = [...base.slice(0, 2), s('o1', 'Ours new', 'Added by ours.'), ...base.slice(2)]
		const theirs = [...base, s('t1', '他们的新节', '他们添加的。')]
		const result = merge(ours, theirs)
		expect(result.clean).toBe(true)
		expect(ids(mergedSections(result))).toEqual(['pre', 'bg', 'o1', 'zh', 'end', 't1'])
		expect(result.sections.find((o) => o.id === 't1')).toMatchObject({ kind: 'clean', changedBy: 'theirs', addedBy: 'theirs' })
	})

	it('removes a section removed on one side and unchanged on the other, and says who removed it', () => {
		const result = merge(base, base.filter((section) => section.id !== 'bg'))
		expect(ids(mergedSections(result))).toEqual(['pre', 'zh', 'end'])
		expect(result.removed).toEqual([{ section: base[1], by: 'theirs' }])
	})

	it('makes a section deleted by one author and edited by the other a conflict, never losing the edit', () => {
		const edited = s('bg', 'Background', 'California adopted the ZEV mandate in 1990.\n\nBeijing followed with NEV credits.')
		const result = merge(base.filter((section) => section.id !== 'bg'), [base[0] as Section, edited, ...base.slice(2)])
		expect(result.clean).toBe(false)
		expect(mergedSections(result)).toBeNull()
		const conflict = result.sections[1] as SectionConflict
		expect(conflict).toMatchObject({ kind: 'conflict', id: 'bg', reason: 'removed-by-ours', base: base[1], ours: null, theirs: edited })
		expect(ids(resolveSections(result, { bg: 'ours' }))).toEqual(['pre', 'zh', 'end'])
		expect(resolveSections(result, { bg: 'theirs' })[1]).toEqual(edited)
		expect(() => resolveSections(result, {})).toThrow(RangeError)
		expect(() => resolveSections(result, { bg: { heading: [], body: [] } })).toThrow(RangeError)
	})

	it('keeps a reordering made on one side together with the other side’s edits', () => {
		const reordered = [base[0], base[3], base[2], base[1]] as Section[]
		const theirs = base.map((section) => (section.id === 'bg' ? { ...section, body: `${section.body}\n\nA third paragraph.` } : section))
		const result = merge(reordered, theirs)
		const merged = mergedSections(result)
		expect(ids(merged)).toEqual(['pre', 'end', 'zh', 'bg'])
		expect(merged?.[3]?.body).toBe(`${base[1]?.body}\n\nA third paragraph.`)
		// The other way round: their order, our edit.
		expect(ids(mergedSections(merge(theirs, reordered)))).toEqual(['pre', 'end', 'zh', 'bg'])
	})

	it('applies a rename on one side and a body edit on the other', () => {
		const ours = base.map((section) => (section.id === 'zh' ? { ...section, heading: '政策建议（修订）', level: 3 } : section))
		const theirs = base.map((section) => (section.id === 'zh' ? { ...section, body: '我们支持电动汽车补贴政策。我们限制燃油车。' } : section))
		const result = merge(ours, theirs, 'zh')
		expect(result.sections[2]).toEqual({
			kind: 'clean',
			id: 'zh',
			section: { id: 'zh', heading: '政策建议（修订）', level: 3, body: '我们支持电动汽车补贴政策。我们限制燃油车。' },
			changedBy: 'both',
			addedBy: null,
		})
		expect(result.sections.map((o) => (o.kind === 'clean' ? o.changedBy : 'conflict'))).toEqual(['none', 'none', 'both', 'none'])
	})

	it('merges edits to different sentences of one section body, and the same edit on both sides', () => {
		const ours = base.map((section) => (section.id === 'zh' ? { ...section, body: '我们支持电动汽车税收政策。我们反对燃油车。' } : section))
		const theirs = base.map((section) => {
			if (section.id === 'zh') return { ...section, body: '我们支持电动汽车补贴政策。我们限制燃油车。' }
			if (section.id === 'end') return { ...section, heading: 'Conclusions' }
			return section
		})
		const oursToo = ours.map((section) => (section.id === 'end' ? { ...section, heading: 'Conclusions' } : section))
		const merged = mergedSections(merge(oursToo, theirs, 'zh'))
		expect(merged?.[2]?.body).toBe('我们支持电动汽车税收政策。我们限制燃油车。')
		expect(merged?.[3]?.heading).toBe('Conclusions')
	})

	it('leaves conflicting Chinese edits of one sentence for the author, chunk by chunk', () => {
		const ours = base.map((section) => (section.id === 'zh' ? { ...section, body: '我们支持电动汽车税收政策。我们反对燃油车。' } : section))
		const theirs = base.map((section) => (section.id === 'zh' ? { ...section, heading: '建议', body: '我们支持电动汽车免税政策。我们反对燃油车。' } : section))
		const result = merge(ours, theirs, 'zh')
		const conflict = result.sections[2] as SectionConflict
		expect(conflict.kind).toBe('conflict')
		expect(conflict.reason).toBe('both-edited')
		expect(conflict.heading?.clean).toBe(true)
		expect(conflict.body?.chunks.filter((chunk) => chunk.kind === 'conflict')).toHaveLength(1)
		const resolved = resolveSections(result, { zh: { heading: [], body: ['theirs'] } })
		expect(resolved[2]).toEqual({ id: 'zh', heading: '建议', level: 2, body: '我们支持电动汽车免税政策。我们反对燃油车。' })
		const custom = resolveSections(result, { zh: { custom: { heading: '建议', level: 2, body: '我们支持税收和免税政策。' } } })
		expect(custom[2]?.body).toBe('我们支持税收和免税政策。')
		expect(ids(resolveSections(result, { zh: { custom: null } }))).toEqual(['pre', 'bg', 'end'])
		expect(resolveSections(result, { zh: 'base' })[2]).toEqual(base[2])
	})

	it('handles empty documents and a section added with the same id on both sides', () => {
		expect(mergeSections({ base: [], ours: [], theirs: [], lang: 'en' })).toEqual({ clean: true, sections: [], removed: [] })
		const same = s('new', 'Added', 'Same text.')
		const result = mergeSections({ base: [], ours: [same], theirs: [same], lang: 'en' })
		expect(result.sections).toEqual([{ kind: 'clean', id: 'new', section: same, changedBy: 'both', addedBy: 'both' }])
	})
})
