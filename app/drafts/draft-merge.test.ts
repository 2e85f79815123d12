/**
 * Merging a whole draft (both languages, sections by id) the way a save
 * based on an older version is merged: non-overlapping edits combine in
 * English and in Chinese, overlapping ones are conflicts that keep all three
 * texts, and tricky shapes (empty, very large, mixed scripts, renamed and
 * reordered sections, a section removed by one and edited by the other) do
 * what an author would expect, never losing text.
 */
import { describe, expect, test } from 'vitest'
import { mergeDrafts, mergedDraft, MissingChoice, resolveDraftMerge } from './draft-merge.ts'
import type { DraftSectionText, DraftText, SectionText } from './model.ts'

const s = (heading: string, body: string, level = 2): SectionText => ({ heading, level, body })
const section = (id: string, en: SectionText | null, zh: SectionText | null): DraftSectionText => ({ id, en, zh })
const draft = (sections: DraftSectionText[], title = { en: 'Tariff Coordination Mechanism', zh: '关税协调机制' }): DraftText => ({ title, sections })

const BASE = draft([
	section('scope', s('Scope', 'The mechanism covers electric vehicles and their core components.'), s('范围', '该机制涵盖电动汽车及其核心零部件。')),
	section('tariffs', s('Tariffs', 'Both sides lower tariffs on batteries.\n\nChips follow in a second phase.'), s('关税', '双方降低动力电池关税。\n\n芯片在第二阶段跟进。')),
	section('dialogue', s('Dialogue', 'A dialogue group meets at the G20 and APEC.'), s('对话', '对话小组在二十国集团和亚太经合组织会议期间会面。')),
])

function edit(base: DraftText, id: string, lang: 'en' | 'zh', change: (text: SectionText) => SectionText | null): DraftText {
	return {
		...base,
		sections: base.sections.map((sec) => (sec.id === id ? { ...sec, [lang]: sec[lang] ? change(sec[lang]!) : null } : sec)),
	}
}

const body = (text: DraftText, id: string, lang: 'en' | 'zh') => text.sections.find((sec) => sec.id === id)?.[lang]?.body

describe('merging a draft saved over meanwhile', () => {
	test('edits to different sections in English merge, and the author is told what came in', () => {
		const ours = edit(BASE, 'scope', 'en', (t) => ({ ...t, body: 'The mechanism covers electric vehicles, trucks and their core components.' }))
		const theirs = edit(BASE, 'dialogue', 'en', (t) => ({ ...t, body: 'A dialogue group meets yearly at the G20 and APEC.' }))
		const merge = mergeDrafts({ base: BASE, ours, theirs })
		expect(merge.clean).toBe(true)
		const merged = mergedDraft(merge)!
		expect(body(merged, 'scope', 'en')).toContain('trucks')
		expect(body(merged, 'dialogue', 'en')).toContain('yearly')
		expect(merge.mergedIn).toEqual([{ sectionId: 'dialogue', lang: 'en', change: 'edited' }])
	})

	test('edits to different words of one Chinese paragraph merge word by word', () => {
		const ours = edit(BASE, 'scope', 'zh', (t) => ({ ...t, body: '该机制涵盖纯电动汽车及其核心零部件。' }))
		const theirs = edit(BASE, 'scope', 'zh', (t) => ({ ...t, body: '该机制涵盖电动汽车及其关键零部件。' }))
		const merge = mergeDrafts({ base: BASE, ours, theirs })
		expect(merge.clean).toBe(true)
		expect(body(mergedDraft(merge)!, 'scope', 'zh')).toBe('该机制涵盖纯电动汽车及其关键零部件。')
		expect(merge.mergedIn).toEqual([{ sectionId: 'scope', lang: 'zh', change: 'edited' }])
	})

	test('an English edit and a Chinese edit of the same section both apply', () => {
		const ours = edit(BASE, 'tariffs', 'en', (t) => ({ ...t, body: t.body.replace('batteries', 'power batteries') }))
		const theirs = edit(BASE, 'tariffs', 'zh', (t) => ({ ...t, body: t.body.replace('芯片', '芯片和电控系统') }))
		const merged = mergedDraft(mergeDrafts({ base: BASE, ours, theirs }))!
		expect(body(merged, 'tariffs', 'en')).toContain('power batteries')
		expect(body(merged, 'tariffs', 'zh')).toContain('芯片和电控系统')
	})

	test('overlapping edits are a conflict with all three texts, and nothing is chosen for the author', () => {
		const ours = edit(BASE, 'dialogue', 'zh', (t) => ({ ...t, body: '对话小组每年在二十国集团会议期间会面。' }))
		const theirs = edit(BASE, 'dialogue', 'zh', (t) => ({ ...t, body: '对话小组每季度在亚太经合组织会议期间会面。' }))
		const merge = mergeDrafts({ base: BASE, ours, theirs })
		expect(merge.clean).toBe(false)
		expect(mergedDraft(merge)).toBeNull()
		expect(merge.conflicts).toHaveLength(1)
		const [conflict] = merge.conflicts
		expect(conflict).toMatchObject({ key: 'dialogue.zh', lang: 'zh', sectionId: 'dialogue', reason: 'both-edited' })
		expect(conflict!.ours).toContain('每年')
		expect(conflict!.theirs).toContain('每季度')
		expect(conflict!.base).toContain('对话小组在二十国集团')
		expect(() => resolveDraftMerge(merge, {})).toThrow(MissingChoice)

		expect(body(resolveDraftMerge(merge, { 'dialogue.zh': 'theirs' }), 'dialogue', 'zh')).toContain('每季度')
		expect(body(resolveDraftMerge(merge, { 'dialogue.zh': 'ours' }), 'dialogue', 'zh')).toContain('每年')
		const custom = resolveDraftMerge(merge, { 'dialogue.zh': { custom: '## 对话\n\n对话小组每年和每季度会面。' } })
		expect(body(custom, 'dialogue', 'zh')).toBe('对话小组每年和每季度会面。')
		// The untouched parts are there whatever is chosen.
		expect(body(custom, 'scope', 'en')).toBe(body(BASE, 'scope', 'en'))
	})

	test('a section removed by one author and edited by the other is a conflict, never a silent loss', () => {
		const removed = { ...BASE, sections: BASE.sections.filter((sec) => sec.id !== 'tariffs') }
		const edited = edit(BASE, 'tariffs', 'en', (t) => ({ ...t, body: `${t.body}\n\nVehicles follow in a third phase.` }))

		const oursRemoved = mergeDrafts({ base: BASE, ours: removed, theirs: edited })
		expect(oursRemoved.conflicts.map((c) => [c.key, c.reason])).toEqual([['tariffs.en', 'removed-by-ours']])
		expect(oursRemoved.conflicts[0]!.ours).toBeNull()
		expect(oursRemoved.conflicts[0]!.theirs).toContain('third phase')
		// The Chinese, untouched by the editor, goes with the removal.
		const keepTheirs = resolveDraftMerge(oursRemoved, { 'tariffs.en': 'theirs' })
		expect(keepTheirs.sections.map((sec) => sec.id)).toEqual(['scope', 'tariffs', 'dialogue'])
		expect(body(keepTheirs, 'tariffs', 'en')).toContain('third phase')
		expect(keepTheirs.sections.find((sec) => sec.id === 'tariffs')!.zh).toBeNull()
		const keepRemoval = resolveDraftMerge(oursRemoved, { 'tariffs.en': 'ours' })
		expect(keepRemoval.sections.map((sec) => sec.id)).toEqual(['scope', 'dialogue'])

		const theirsRemoved = mergeDrafts({ base: BASE, ours: edited, theirs: removed })
		expect(theirsRemoved.conflicts.map((c) => [c.key, c.reason])).toEqual([['tariffs.en', 'removed-by-theirs']])
		expect(resolveDraftMerge(theirsRemoved, { 'tariffs.en': 'ours' }).sections.map((sec) => sec.id)).toEqual(['scope', 'tariffs', 'dialogue'])
	})

	test('a section renamed by one author and edited by the other keeps both changes', () => {
		const ours = edit(BASE, 'dialogue', 'en', (t) => ({ ...t, heading: 'China-US EV Policy Dialogue Group' }))
		const theirs = edit(BASE, 'dialogue', 'en', (t) => ({ ...t, body: 'A dialogue group meets twice a year at the G20 and APEC.' }))
		const merged = mergedDraft(mergeDrafts({ base: BASE, ours, theirs }))!
		expect(merged.sections.find((sec) => sec.id === 'dialogue')!.en).toEqual(
			s('China-US EV Policy Dialogue Group', 'A dialogue group meets twice a year at the G20 and APEC.'),
		)
	})

	test('sections reordered by one author and edited by the other: the new order and the edit', () => {
		const [scope, tariffs, dialogue] = BASE.sections
		const ours = { ...BASE, sections: [dialogue!, scope!, tariffs!] }
		const theirs = edit(BASE, 'scope', 'zh', (t) => ({ ...t, body: t.body.replace('核心', '关键') }))
		const merged = mergedDraft(mergeDrafts({ base: BASE, ours, theirs }))!
		expect(merged.sections.map((sec) => sec.id)).toEqual(['dialogue', 'scope', 'tariffs'])
		expect(body(merged, 'scope', 'zh')).toContain('关键')
	})

	test('sections added by both authors are both kept, each after what it followed', () => {
		const ours = { ...BASE, sections: [...BASE.sections.slice(0, 1), section('rnd', s('Joint R&D', 'A joint R&D centre.'), null), ...BASE.sections.slice(1)] }
		const theirs = { ...BASE, sections: [...BASE.sections, section('data', null, s('数据平台', '电动汽车大数据共享平台。'))] }
		const merge = mergeDrafts({ base: BASE, ours, theirs })
		expect(merge.clean).toBe(true)
		expect(mergedDraft(merge)!.sections.map((sec) => sec.id)).toEqual(['scope', 'rnd', 'tariffs', 'dialogue', 'data'])
		expect(merge.mergedIn).toEqual([{ sectionId: 'data', lang: 'zh', change: 'added' }])
	})

	test('an empty draft: both authors write into it, and a translation cleared by one and edited by the other', () => {
		const empty = draft([], { en: 'Untitled', zh: '' })
		const ours = draft([section('a', s('Scope', 'Ours.'), null)], { en: 'Untitled', zh: '' })
		const theirs = draft([section('b', null, s('范围', '他们的。'))], { en: 'Untitled', zh: '' })
		expect(mergedDraft(mergeDrafts({ base: empty, ours, theirs }))!.sections.map((sec) => sec.id).sort()).toEqual(['a', 'b'])
		expect(mergedDraft(mergeDrafts({ base: empty, ours: empty, theirs: empty }))).toEqual(empty)

		const cleared = edit(BASE, 'scope', 'zh', () => null)
		const changed = edit(BASE, 'scope', 'zh', (t) => ({ ...t, body: '该机制涵盖电动汽车、卡车及其核心零部件。' }))
		const merge = mergeDrafts({ base: BASE, ours: cleared, theirs: changed })
		expect(merge.conflicts.map((c) => c.key)).toEqual(['scope.zh'])
		expect(merge.conflicts[0]!.theirs).toContain('卡车')
	})

	test('mixed scripts: an English word and a Chinese word in one paragraph, edited by different authors', () => {
		const base = draft([section('m', s('Mixed', 'The 关税协调机制 covers EV batteries and 芯片.'), null)])
		const ours = edit(base, 'm', 'en', (t) => ({ ...t, body: 'The 关税协调机制 covers EV power batteries and 芯片.' }))
		const theirs = edit(base, 'm', 'en', (t) => ({ ...t, body: 'The 关税协调机制 covers EV batteries and 汽车芯片.' }))
		expect(body(mergedDraft(mergeDrafts({ base, ours, theirs }))!, 'm', 'en')).toBe('The 关税协调机制 covers EV power batteries and 汽车芯片.')
	})

	test('titles merge like text, and conflicting titles are a choice too', () => {
		const ours = { ...BASE, title: { en: 'China-US EV Tariff Coordination Mechanism', zh: BASE.title.zh } }
		const theirs = { ...BASE, title: { en: BASE.title.en, zh: '中美电动汽车关税协调机制' } }
		expect(mergedDraft(mergeDrafts({ base: BASE, ours, theirs }))!.title).toEqual({ en: 'China-US EV Tariff Coordination Mechanism', zh: '中美电动汽车关税协调机制' })

		const clash = mergeDrafts({ base: BASE, ours: { ...BASE, title: { ...BASE.title, zh: '关税协调新机制' } }, theirs: { ...BASE, title: { ...BASE.title, zh: '关税协调总机制' } } })
		expect(clash.conflicts.map((c) => c.key)).toEqual(['title.zh'])
		expect(resolveDraftMerge(clash, { 'title.zh': { custom: '  关税\n协调机制 ' } }).title.zh).toBe('关税 协调机制')
	})

	test('a custom resolution with new headings splits into new sections, in that language only', () => {
		const ours = edit(BASE, 'dialogue', 'en', (t) => ({ ...t, body: 'Ours.' }))
		const theirs = edit(BASE, 'dialogue', 'en', (t) => ({ ...t, body: 'Theirs.' }))
		const merge = mergeDrafts({ base: BASE, ours, theirs })
		const resolved = resolveDraftMerge(merge, { 'dialogue.en': { custom: '## Dialogue\n\nOurs.\n\n## Follow-up\n\nTheirs.' } })
		expect(resolved.sections).toHaveLength(4)
		expect(resolved.sections[3]).toMatchObject({ en: s('Follow-up', 'Theirs.'), zh: null })
	})

	test('very large drafts merge quickly: 400 sections of 20 paragraphs, one edit each far apart', () => {
		const paragraph = (i: number, j: number) => `Paragraph ${j} of section ${i} on tariffs, standards and 充电接口标准 ${i * 100 + j}.`
		const big = draft(
			Array.from({ length: 400 }, (_, i) =>
				section(`s${i}`, s(`Section ${i}`, Array.from({ length: 20 }, (_, j) => paragraph(i, j)).join('\n\n')), s(`第 ${i} 节`, '中文正文。'.repeat(50))),
			),
		)
		const ours = edit(big, 's3', 'en', (t) => ({ ...t, body: t.body.replace('Paragraph 5 of section 3', 'Paragraph five of section 3') }))
		const theirs = edit(big, 's397', 'zh', (t) => ({ ...t, body: `${t.body}新增一句。` }))
		const started = performance.now()
		const merge = mergeDrafts({ base: big, ours, theirs })
		expect(merge.clean).toBe(true)
		const merged = mergedDraft(merge)!
		expect(body(merged, 's3', 'en')).toContain('Paragraph five of section 3')
		expect(body(merged, 's397', 'zh')).toMatch(/新增一句。$/)
		expect(performance.now() - started).toBeLessThan(15_000)
	})
})
