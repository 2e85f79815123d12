import { describe, expect, test } from 'vitest'
import { isOutdated, nextTranslationCounters, translationState, type VersionChange } from './translation-status.ts'

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
