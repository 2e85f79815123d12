/**
 * Three-way merge of a whole draft, for a save based on a version someone
 * else has saved over since: the author's text (`ours`), the draft as it is
 * now (`theirs`) and the version the author started from (`base`).
 *
 * Per language, sections are merged by id with the text engine's
 * mergeSections (app/documents/section-merge.ts: a rename on one side and an
 * edit on the other both apply, a removal against an edit is a conflict,
 * heading and body merge word by word, Chinese included); the titles with
 * mergeText. One order for the rows comes from merging the id lists alone,
 * so a reorder on one side is kept. What cannot merge is a conflict for the
 * author to settle, section by section and language by language; nothing is
 * chosen for them.
 */
import { mergeText, mergedText, resolveConflicts, conflictCount, type MergeResult } from '#app/documents/merge.ts'
import { mergeSections, newSectionId, resolveSections, type Section, type SectionChoice, type SectionsMergeResult } from '#app/documents/sections.ts'
import { LANGS, type Lang } from '#app/i18n/config.ts'
import { parseSectionMarkdown, sectionMarkdown, type DraftSectionText, type DraftText, type SectionText } from './model.ts'

export type ConflictReason = 'both-edited' | 'removed-by-ours' | 'removed-by-theirs'

/** One thing the author must decide: a title or a section, in one language. */
export interface DraftConflict {
	/** `title.en`, or `<section id>.zh`: the name of the choice in the form. */
	key: string
	lang: Lang
	sectionId: string | null
	reason: ConflictReason
	/** Markdown of the section (or the title) in each version; null where that version removed it. */
	base: string | null
	ours: string | null
	theirs: string | null
	/** A starting point for the author's own text: others' changes merged in, the author's where they clash. */
	suggestion: string
}

/** A change the other saves brought in that the author's text did not have. */
export interface MergedInChange {
	sectionId: string | null
	lang: Lang
	change: 'edited' | 'added' | 'removed'
}

export interface DraftMerge {
	clean: boolean
	conflicts: DraftConflict[]
	mergedIn: MergedInChange[]
	/** Internals for resolveDraftMerge. */
	titles: Record<Lang, MergeResult>
	languages: Record<Lang, SectionsMergeResult>
	order: string[]
}

/** How the author settles a conflict: a whole version, or their own Markdown (empty removes the section). */
export type DraftChoice = 'ours' | 'theirs' | 'base' | { custom: string }

/** A conflict was left without a choice: nothing may be written. */
export class MissingChoice extends Error {
	constructor(readonly keys: string[]) {
		super(`no choice for ${keys.join(', ')}`)
	}
}

const asSection = (id: string, text: SectionText): Section => ({ id, heading: text.heading, level: text.level, body: text.body })

function sectionsIn(draft: DraftText, lang: Lang): Section[] {
	return draft.sections.flatMap((section) => (section[lang] ? [asSection(section.id, section[lang] as SectionText)] : []))
}

export function mergeDrafts({ base, ours, theirs }: { base: DraftText; ours: DraftText; theirs: DraftText }): DraftMerge {
	const titles = {} as Record<Lang, MergeResult>
	const languages = {} as Record<Lang, SectionsMergeResult>
	const conflicts: DraftConflict[] = []
	const mergedIn: MergedInChange[] = []

	for (const lang of LANGS) {
		const title = mergeText({ base: base.title[lang], ours: ours.title[lang], theirs: theirs.title[lang], lang })
		titles[lang] = title
		if (!title.clean) {
			conflicts.push({
				key: `title.${lang}`,
				lang,
				sectionId: null,
				reason: 'both-edited',
				base: base.title[lang],
				ours: ours.title[lang],
				theirs: theirs.title[lang],
				suggestion: resolveConflicts(title, Array(conflictCount(title)).fill('ours')),
			})
		} else if (mergedText(title) !== ours.title[lang]) {
			mergedIn.push({ sectionId: null, lang, change: 'edited' })
		}

		const result = mergeSections({ base: sectionsIn(base, lang), ours: sectionsIn(ours, lang), theirs: sectionsIn(theirs, lang), lang })
		languages[lang] = result
		for (const outcome of result.sections) {
			if (outcome.kind === 'clean') {
				if (outcome.addedBy === 'theirs') mergedIn.push({ sectionId: outcome.id, lang, change: 'added' })
				else if (!outcome.addedBy && !sameAs(outcome.section, ours, lang)) mergedIn.push({ sectionId: outcome.id, lang, change: 'edited' })
				continue
			}
			conflicts.push({
				key: `${outcome.id}.${lang}`,
				lang,
				sectionId: outcome.id,
				reason: outcome.reason,
				base: outcome.base ? sectionMarkdown(outcome.base) : null,
				ours: outcome.ours ? sectionMarkdown(outcome.ours) : null,
				theirs: outcome.theirs ? sectionMarkdown(outcome.theirs) : null,
				suggestion: suggestionFor(outcome),
			})
		}
		for (const { section, by } of result.removed) {
			if (by === 'theirs') mergedIn.push({ sectionId: section.id, lang, change: 'removed' })
		}
	}

	const order = mergeOrder({ base, ours, theirs })
	return { clean: conflicts.length === 0, conflicts, mergedIn, titles, languages, order }
}

function sameAs(section: Section, draft: DraftText, lang: Lang): boolean {
	const mine = draft.sections.find((s) => s.id === section.id)?.[lang]
	return Boolean(mine && mine.heading === section.heading && mine.level === section.level && mine.body === section.body)
}

function suggestionFor(conflict: Extract<SectionsMergeResult['sections'][number], { kind: 'conflict' }>): string {
	if (conflict.reason !== 'both-edited' || !conflict.heading || !conflict.body) {
		return sectionMarkdown(conflict.ours ?? conflict.theirs)
	}
	const oursEverywhere = (result: MergeResult) => resolveConflicts(result, Array(conflictCount(result)).fill('ours'))
	return sectionMarkdown({ heading: oursEverywhere(conflict.heading), level: conflict.level, body: oursEverywhere(conflict.body) })
}

/**
 * One order for the rows: the section ids merged as if every section were
 * blank (mergeSections keeps one side's reordering and places additions
 * after what they follow); ids it dropped as removed come back only if a
 * language keeps them, after their predecessor in theirs or ours.
 */
function mergeOrder({ base, ours, theirs }: { base: DraftText; ours: DraftText; theirs: DraftText }): string[] {
	const blank = (draft: DraftText): Section[] => draft.sections.map((s) => ({ id: s.id, heading: '', level: 1, body: '' }))
	const merged = mergeSections({ base: blank(base), ours: blank(ours), theirs: blank(theirs), lang: 'en' })
	const order = merged.sections.map((outcome) => outcome.id)
	for (const list of [theirs.sections, ours.sections, base.sections]) {
		list.forEach((section, i) => {
			if (order.includes(section.id)) return
			let at = 0
			for (let k = i - 1; k >= 0; k--) {
				const position = order.indexOf(list[k]!.id)
				if (position >= 0) {
					at = position + 1
					break
				}
			}
			order.splice(at, 0, section.id)
		})
	}
	return order
}

/** The merged draft, when the merge was clean; null while conflicts remain. */
export function mergedDraft(merge: DraftMerge): DraftText | null {
	return merge.clean ? resolveDraftMerge(merge, {}) : null
}

/**
 * The merged draft with the author's choice for every conflict. Throws
 * MissingChoice when one has none. A custom section text may be empty (the
 * section is removed in that language) or hold new headings (new sections
 * follow it, in that language only).
 */
export function resolveDraftMerge(merge: DraftMerge, choices: Readonly<Record<string, DraftChoice>>): DraftText {
	const missing = merge.conflicts.filter((conflict) => choices[conflict.key] === undefined).map((conflict) => conflict.key)
	if (missing.length > 0) throw new MissingChoice(missing)

	const title = {} as Record<Lang, string>
	const byLang = {} as Record<Lang, Map<string, SectionText>>
	const extras = new Map<string, DraftSectionText[]>()
	for (const lang of LANGS) {
		const titleChoice = choices[`title.${lang}`]
		const titleMerge = merge.titles[lang]
		title[lang] =
			mergedText(titleMerge) ??
			(typeof titleChoice === 'object' ? titleChoice.custom.replace(/\s+/g, ' ').trim() : resolveConflicts(titleMerge, Array(conflictCount(titleMerge)).fill(titleChoice)))

		const sectionChoices: Record<string, SectionChoice> = {}
		for (const outcome of merge.languages[lang].sections) {
			if (outcome.kind !== 'conflict') continue
			const choice = choices[`${outcome.id}.${lang}`] as DraftChoice
			if (typeof choice === 'string') sectionChoices[outcome.id] = choice
			else {
				const [first, ...rest] = parseSectionMarkdown(choice.custom)
				sectionChoices[outcome.id] = { custom: first ?? null }
				if (rest.length > 0) {
					const after = extras.get(outcome.id) ?? []
					after.push(...rest.map((text) => ({ id: newSectionId(), en: lang === 'en' ? text : null, zh: lang === 'zh' ? text : null })))
					extras.set(outcome.id, after)
				}
			}
		}
		const resolved = resolveSections(merge.languages[lang], sectionChoices)
		byLang[lang] = new Map(resolved.map((section) => [section.id, { heading: section.heading, level: section.level, body: section.body }]))
	}

	const sections: DraftSectionText[] = []
	for (const id of merge.order) {
		const en = byLang.en.get(id) ?? null
		const zh = byLang.zh.get(id) ?? null
		if (en || zh) sections.push({ id, en, zh })
		sections.push(...(extras.get(id) ?? []))
	}
	return { title, sections }
}
