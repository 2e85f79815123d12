import { describe, expect, test } from 'vitest'
import { carriedTranslation, isOutdated, nextTranslationCounters, translationState, type VersionChange } from './translation-status.ts'

const none: VersionChange = { before: null, written: false, textChanged: false, upToDate: false }
const fresh = (fields: Partial<VersionChange> = {}): VersionChange => ({ before: null, written: true, textChanged: true, upToDate: false, ...fields })

describe('nextTranslationCounters', () => {
	test('a new document in one language is an original at revision 1', () => {
		expect(nextTranslationCounters({ changes: { en: fresh(), zh: none }, isNewDocument: true })).toEqual({
			en: { revision: 1, translatedFromRevision: null },
			zh: null,
		})
	})

	test('a version added later to an existing document is the translation of the other', () => {
		const en = { before: { revision: 3, translatedFromRevision: null }, written: true, textChanged: false, upToDate: false }
		expect(nextTranslationCounters({ changes: { en, zh: fresh() }, isNewDocument: false })).toEqual({
			en: { revision: 3, translatedFromRevision: null },
			zh: { revision: 1, translatedFromRevision: 3 },
		})
	})

	test('editing the original moves its revision; the translation keeps its record and so becomes outdated', () => {
		const en = { before: { revision: 3, translatedFromRevision: null }, written: true, textChanged: true, upToDate: false }
		const zh = { before: { revision: 1, translatedFromRevision: 3 }, written: true, textChanged: false, upToDate: false }
		const next = nextTranslationCounters({ changes: { en, zh }, isNewDocument: false })
		expect(next).toEqual({ en: { revision: 4, translatedFromRevision: null }, zh: { revision: 1, translatedFromRevision: 3 } })
		expect(isOutdated(next.zh, next.en)).toBe(true)
		expect(translationState(next.zh, next.en)).toBe('outdated')
		expect(translationState(next.en, next.zh)).toBe('original')
	})

	test('confirming a translation up to date records the original as saved now, even in the same save', () => {
		const en = { before: { revision: 4, translatedFromRevision: null }, written: true, textChanged: true, upToDate: false }
		const zh = { before: { revision: 1, translatedFromRevision: 3 }, written: true, textChanged: true, upToDate: true }
		expect(nextTranslationCounters({ changes: { en, zh }, isNewDocument: false })).toEqual({
			en: { revision: 5, translatedFromRevision: null },
			zh: { revision: 2, translatedFromRevision: 5 },
		})
	})

	test('both versions written in the first save are both originals', () => {
		expect(nextTranslationCounters({ changes: { en: fresh(), zh: fresh() }, isNewDocument: true })).toEqual({
			en: { revision: 1, translatedFromRevision: null },
			zh: { revision: 1, translatedFromRevision: null },
		})
	})

	test('a removed version has no counters, and the remaining one no longer translates anything', () => {
		const en = { before: { revision: 2, translatedFromRevision: 1 }, written: true, textChanged: false, upToDate: false }
		const zh = { before: { revision: 1, translatedFromRevision: null }, written: false, textChanged: false, upToDate: false }
		expect(nextTranslationCounters({ changes: { en, zh }, isNewDocument: false })).toEqual({
			en: { revision: 2, translatedFromRevision: null },
			zh: null,
		})
	})
})

describe('translationState', () => {
	test('missing, original, current and outdated', () => {
		expect(translationState(null, { revision: 1, translatedFromRevision: null })).toBe('missing')
		expect(translationState({ revision: 1, translatedFromRevision: null }, null)).toBe('original')
		expect(translationState({ revision: 2, translatedFromRevision: 4 }, { revision: 4, translatedFromRevision: null })).toBe('current')
		expect(translationState({ revision: 2, translatedFromRevision: 3 }, { revision: 4, translatedFromRevision: null })).toBe('outdated')
	})
})

describe('the original, as the author says', () => {
	test('a new document written in both languages, Chinese the original: English is its translation', () => {
		expect(nextTranslationCounters({ changes: { en: fresh(), zh: fresh() }, isNewDocument: true, original: 'zh' })).toEqual({
			en: { revision: 1, translatedFromRevision: 1 },
			zh: { revision: 1, translatedFromRevision: null },
		})
	})

	test('switching the original makes the former original a translation of the new one', () => {
		const en = { before: { revision: 3, translatedFromRevision: null }, written: true, textChanged: false, upToDate: false }
		const zh = { before: { revision: 2, translatedFromRevision: 3 }, written: true, textChanged: false, upToDate: false }
		const next = nextTranslationCounters({ changes: { en, zh }, isNewDocument: false, original: 'zh' })
		expect(next).toEqual({ en: { revision: 3, translatedFromRevision: 2 }, zh: { revision: 2, translatedFromRevision: null } })
		expect(translationState(next.en, next.zh)).toBe('current')
	})

	test('naming the original that already is one changes nothing', () => {
		const en = { before: { revision: 4, translatedFromRevision: null }, written: true, textChanged: true, upToDate: false }
		const zh = { before: { revision: 1, translatedFromRevision: 3 }, written: true, textChanged: false, upToDate: false }
		expect(nextTranslationCounters({ changes: { en, zh }, isNewDocument: false, original: 'en' })).toEqual(
			nextTranslationCounters({ changes: { en, zh }, isNewDocument: false }),
		)
	})
})

describe('restore carries the translation status of the revision it restores', () => {
	// Restoring rewrites both texts: both revisions move on.
	const en = { before: { revision: 5, translatedFromRevision: null }, written: true, textChanged: true, upToDate: false }
	const zh = { before: { revision: 4, translatedFromRevision: 4 }, written: true, textChanged: true, upToDate: false }

	test('a revision in which both matched: the translation is current after the restore', () => {
		const snapshot = { en: { revision: 2, translatedFromRevision: null }, zh: { revision: 2, translatedFromRevision: 2 } }
		const carry = { en: carriedTranslation(snapshot.en, snapshot.zh), zh: carriedTranslation(snapshot.zh, snapshot.en) }
		const next = nextTranslationCounters({ changes: { en, zh }, isNewDocument: false, carry })
		expect(next).toEqual({ en: { revision: 6, translatedFromRevision: null }, zh: { revision: 5, translatedFromRevision: 6 } })
		expect(translationState(next.zh, next.en)).toBe('current')
		// Without carrying, the same save would call the Chinese version outdated.
		expect(translationState(nextTranslationCounters({ changes: { en, zh }, isNewDocument: false }).zh, next.en)).toBe('outdated')
	})

	test('a revision whose translation was behind stays behind, naming the revision it came from', () => {
		const snapshot = { en: { revision: 3, translatedFromRevision: null }, zh: { revision: 1, translatedFromRevision: 2 } }
		const carry = { en: carriedTranslation(snapshot.en, snapshot.zh), zh: carriedTranslation(snapshot.zh, snapshot.en) }
		const next = nextTranslationCounters({ changes: { en, zh }, isNewDocument: false, carry })
		expect(next.zh).toEqual({ revision: 5, translatedFromRevision: 2 })
		expect(translationState(next.zh, next.en)).toBe('outdated')
	})

	test('an original stays an original', () => {
		expect(carriedTranslation({ revision: 2, translatedFromRevision: null }, { revision: 2, translatedFromRevision: 2 })).toEqual({
			state: 'original',
			translatedFromRevision: null,
		})
		expect(carriedTranslation(null, { revision: 1, translatedFromRevision: null })).toBeNull()
	})
})
