/**
 * Translation status of a bilingual document, the same for every versioned
 * document type. Each language version counts its own `revision` (bumped when
 * its text changes) and records `translatedFromRevision`: the other version's
 * revision it was translated from or last confirmed against (null for an
 * original). A translation is outdated once the original's revision has moved
 * past it. Pure: the save transactions and the pages share it.
 */
import { LANGS, otherLang, type Lang } from '#app/i18n/config.ts'

export interface TranslationCounters {
	revision: number
	translatedFromRevision: number | null
}

/** A translation is outdated when its original has been revised since it was made. */
export function isOutdated(
	version: { translatedFromRevision: number | null } | undefined | null,
	original: { revision: number } | undefined | null,
): boolean {
	return Boolean(
		version && original && version.translatedFromRevision !== null && original.revision > version.translatedFromRevision,
	)
}

export type TranslationState = 'original' | 'current' | 'outdated' | 'missing'

/** What a language version is, relative to the other one. */
export function translationState(
	version: TranslationCounters | undefined | null,
	other: TranslationCounters | undefined | null,
): TranslationState {
	if (!version) return 'missing'
	if (version.translatedFromRevision === null || !other) return 'original'
	return isOutdated(version, other) ? 'outdated' : 'current'
}

/** One language version in a save: what was stored, and what the editor sends. */
export interface VersionChange {
	/** The stored counters, or null when this language had no version. */
	before: TranslationCounters | null
	/** Whether the save keeps (or adds) a version in this language. */
	written: boolean
	/** Whether the version's text differs from what was stored. */
	textChanged: boolean
	/** The editor confirmed it matches the other language's text as saved now. */
	upToDate: boolean
}

/** A language version's standing as a revision recorded it, to be carried by a restore. */
export interface CarriedTranslation {
	state: TranslationState
	/** What the revision recorded (the other version's revision it was translated from). */
	translatedFromRevision: number | null
}

/**
 * What a language version was relative to the other in a snapshot: restore
 * carries it, so bringing back a revision in which both languages matched
 * does not tell readers the translation is outdated.
 */
export function carriedTranslation(
	version: TranslationCounters | undefined | null,
	other: TranslationCounters | undefined | null,
): CarriedTranslation | null {
	if (!version) return null
	return { state: translationState(version, other), translatedFromRevision: version.translatedFromRevision }
}

/**
 * The counters each language version gets from a save (null: no version).
 * Revisions first, since each translation records the other's:
 *  - a version's revision grows by one when its text changed;
 *  - a version confirmed up to date records the other's new revision;
 *  - a version added to a document that already had the other language is
 *    that version's translation;
 *  - otherwise a version keeps what it recorded (an original stays one).
 *
 * `original`: the author says which version is the original; the other then
 * is its translation (from the original's revision now, unless it already
 * recorded one). `carry`: a restore keeps each version's standing as the
 * restored revision had it (current stays current, outdated stays outdated
 * with the revision it was translated from, an original stays one).
 */
export function nextTranslationCounters({
	changes,
	isNewDocument,
	original = null,
	carry = null,
}: {
	changes: Record<Lang, VersionChange>
	isNewDocument: boolean
	original?: Lang | null
	carry?: Partial<Record<Lang, CarriedTranslation | null>> | null
}): Record<Lang, TranslationCounters | null> {
	const revision = {} as Record<Lang, number | null>
	for (const lang of LANGS) {
		const { before, written, textChanged } = changes[lang]
		revision[lang] = !written ? null : before ? before.revision + (textChanged ? 1 : 0) : 1
	}
	const result = {} as Record<Lang, TranslationCounters | null>
	for (const lang of LANGS) {
		const own = revision[lang]
		if (own === null) {
			result[lang] = null
			continue
		}
		const { before, upToDate } = changes[lang]
		const other = otherLang(lang)
		const otherRevision = revision[other]
		const carried = carry?.[lang]
		let translatedFromRevision: number | null
		if (otherRevision === null) translatedFromRevision = null
		else if (carried) translatedFromRevision = carriedRevision(carried, otherRevision)
		else if (original === lang) translatedFromRevision = null
		else if (upToDate) translatedFromRevision = otherRevision
		else if (original === other) translatedFromRevision = before?.translatedFromRevision ?? otherRevision
		else if (!before && !isNewDocument && changes[other].before) translatedFromRevision = otherRevision
		else translatedFromRevision = before?.translatedFromRevision ?? null
		result[lang] = { revision: own, translatedFromRevision }
	}
	return result
}

/** The record that gives a carried standing against the other version's revision now. */
function carriedRevision(carried: CarriedTranslation, otherRevision: number): number | null {
	switch (carried.state) {
		case 'original':
		case 'missing':
			return null
		case 'current':
			return otherRevision
		case 'outdated': {
			// Revisions only grow, so the recorded one is still behind; if not, one behind says the same.
			const recorded = carried.translatedFromRevision
			return recorded !== null && recorded < otherRevision ? recorded : Math.max(1, otherRevision - 1)
		}
	}
}
