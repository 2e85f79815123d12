/**
 * Two versions of a draft compared, section by section and language by
 * language: sections matched by their stable id (a renamed or moved section
 * is compared with itself), each language's Markdown diffed word by word
 * with the text engine's CJK-aware diff (documents/diff.ts). Pure.
 */
import { diffStats, diffText, type DiffPart } from '#app/documents/diff.ts'
import { LANGS, type Lang } from '#app/i18n/config.ts'
import { sectionMarkdown, type SectionText } from './model.ts'

export type SectionChange = 'unchanged' | 'changed' | 'added' | 'removed'

export interface LanguageDiff {
	change: SectionChange
	parts: DiffPart[]
	/** Characters other than spaces (a Chinese word of two characters counts 2). */
	inserted: number
	deleted: number
}

type Comparable = { id: string; en: SectionText | null; zh: SectionText | null }

export interface SectionComparison {
	id: string
	before: Comparable | undefined
	after: Comparable | undefined
	diffs: Record<Lang, LanguageDiff | null>
}

export function languageDiff(was: SectionText | null, is: SectionText | null, lang: Lang): LanguageDiff | null {
	if (!was && !is) return null
	const parts = diffText({ before: sectionMarkdown(was), after: sectionMarkdown(is), lang })
	const stats = diffStats(parts)
	const change: SectionChange = !was ? 'added' : !is ? 'removed' : stats.changed ? 'changed' : 'unchanged'
	return { change, parts, inserted: stats.inserted, deleted: stats.deleted }
}

/** Sections of both versions in the newer one's order, removed ones after what preceded them. */
export function compareSections(from: readonly Comparable[], to: readonly Comparable[]): SectionComparison[] {
	const order = to.map((s) => s.id)
	from.forEach((section, i) => {
		if (order.includes(section.id)) return
		const before = from[i - 1]
		const at = before ? order.indexOf(before.id) + 1 : 0
		order.splice(at, 0, section.id)
	})
	const a = new Map(from.map((s) => [s.id, s]))
	const b = new Map(to.map((s) => [s.id, s]))
	return order.map((id) => {
		const before = a.get(id)
		const after = b.get(id)
		const diffs = Object.fromEntries(LANGS.map((l) => [l, languageDiff(before?.[l] ?? null, after?.[l] ?? null, l)])) as Record<Lang, LanguageDiff | null>
		return { id, before, after, diffs }
	})
}
