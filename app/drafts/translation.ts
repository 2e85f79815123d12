/**
 * Translation status per section, with the shared rule of
 * app/documents/translation-status.ts: each language of a section counts its
 * own revisions and records which revision of the other it was translated
 * from. A section is outdated when either language's original moved on
 * since, missing when a language has no text, current otherwise; a draft's
 * summary counts its sections. Pure: pages, lists and exports share it.
 */
import { translationState, type TranslationState } from '#app/documents/translation-status.ts'
import { LANGS, otherLang, type Lang } from '#app/i18n/config.ts'
import type { StoredSection } from './model.ts'

export type SectionStatus = 'current' | 'outdated' | 'missing'

export interface TranslationSummary {
	sections: number
	current: number
	outdated: number
	missing: number
}

/** Each language's state relative to the other. */
export function sectionStates(section: StoredSection): Record<Lang, TranslationState> {
	const states = {} as Record<Lang, TranslationState>
	for (const lang of LANGS) states[lang] = translationState(section[lang], section[otherLang(lang)])
	return states
}

export function sectionStatus(section: StoredSection): SectionStatus {
	const states = sectionStates(section)
	if (LANGS.some((lang) => states[lang] === 'missing')) return 'missing'
	if (LANGS.some((lang) => states[lang] === 'outdated')) return 'outdated'
	return 'current'
}

export function summarize(sections: readonly StoredSection[]): TranslationSummary {
	const summary: TranslationSummary = { sections: sections.length, current: 0, outdated: 0, missing: 0 }
	for (const section of sections) summary[sectionStatus(section)] += 1
	return summary
}

/** The overall word for a summary: what the list's filter calls it. */
export function summaryStatus(summary: Pick<TranslationSummary, 'outdated' | 'missing'>): 'complete' | 'outdated' | 'missing' {
	if (summary.outdated > 0) return 'outdated'
	if (summary.missing > 0) return 'missing'
	return 'complete'
}
