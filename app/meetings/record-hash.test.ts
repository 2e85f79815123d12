import { createHash } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { recordCanonicalForm, recordCanonicalText, recordContentHash, RECORD_HASH_FORMAT, shortHash, type RecordSnapshot } from './record-hash.ts'

const snapshot: RecordSnapshot = {
	meetingId: '7',
	versions: {
		en: { bodyMarkdown: '# Minutes\n\nAgreed.', revision: 2, translatedFromRevision: null },
		zh: { bodyMarkdown: '# 会议纪要\n\n同意。', revision: 1, translatedFromRevision: 2 },
	},
	decisions: [{ id: '3', en: 'Adopt the plan', zh: '通过计划' }],
	actionItems: [{ id: '9', en: 'Draft the letter', zh: '起草信函', ownerId: 'user-a', dueDate: '2026-12-01' }],
}

describe('the canonical form of a record', () => {
	test('is sorted JSON of exactly the documented fields', () => {
		expect(recordCanonicalText({ recordId: '12', version: 4, snapshot })).toBe(
			'{"actionItems":[{"due":"2026-12-01","en":"Draft the letter","owner":"user-a","zh":"起草信函"}],' +
				'"decisions":[{"en":"Adopt the plan","zh":"通过计划"}],' +
				`"format":"${RECORD_HASH_FORMAT}","meeting":"7",` +
				'"minutes":{"en":"# Minutes\\n\\nAgreed.","zh":"# 会议纪要\\n\\n同意。"},"record":"12","version":4}',
		)
	})

	test('the hash is the SHA-256 of that text (anyone can recompute it with any tool)', async () => {
		const text = recordCanonicalText({ recordId: '12', version: 4, snapshot })
		expect(await recordContentHash({ recordId: '12', version: 4, snapshot })).toBe(createHash('sha256').update(text, 'utf8').digest('hex'))
	})

	test('changes with any signed content, the record or the version', async () => {
		const base = await recordContentHash({ recordId: '12', version: 4, snapshot })
		const variants: RecordSnapshot[] = [
			{ ...snapshot, versions: { ...snapshot.versions, zh: { ...snapshot.versions.zh!, bodyMarkdown: '# 会议纪要\n\n同意!' } } },
			{ ...snapshot, versions: { en: snapshot.versions.en } },
			{ ...snapshot, decisions: [] },
			{ ...snapshot, decisions: [{ id: '3', en: 'Adopt the plan.', zh: '通过计划' }] },
			{ ...snapshot, actionItems: [{ ...snapshot.actionItems[0]!, ownerId: 'user-b' }] },
			{ ...snapshot, actionItems: [{ ...snapshot.actionItems[0]!, dueDate: '2026-12-02' }] },
			{ ...snapshot, meetingId: '8' },
		]
		const hashes = await Promise.all(variants.map((variant) => recordContentHash({ recordId: '12', version: 4, snapshot: variant })))
		for (const hash of hashes) expect(hash).not.toBe(base)
		expect(await recordContentHash({ recordId: '13', version: 4, snapshot })).not.toBe(base)
		expect(await recordContentHash({ recordId: '12', version: 5, snapshot })).not.toBe(base)
	})

	test('ignores row ids and translation counters, and keeps the order of rows', async () => {
		const base = await recordContentHash({ recordId: '12', version: 4, snapshot })
		const renumbered: RecordSnapshot = {
			...snapshot,
			versions: { en: { ...snapshot.versions.en!, revision: 9 }, zh: { ...snapshot.versions.zh!, translatedFromRevision: 1 } },
			decisions: [{ ...snapshot.decisions[0]!, id: '99' }],
			actionItems: [{ ...snapshot.actionItems[0]!, id: '100' }],
		}
		expect(await recordContentHash({ recordId: '12', version: 4, snapshot: renumbered })).toBe(base)
		const two: RecordSnapshot = { ...snapshot, decisions: [{ id: '1', en: 'A', zh: '甲' }, { id: '2', en: 'B', zh: '乙' }] }
		const swapped: RecordSnapshot = { ...two, decisions: [two.decisions[1]!, two.decisions[0]!] }
		expect(await recordContentHash({ recordId: '12', version: 4, snapshot: two })).not.toBe(
			await recordContentHash({ recordId: '12', version: 4, snapshot: swapped }),
		)
	})

	test('a missing language is null, not an empty text', () => {
		expect(recordCanonicalForm({ recordId: '1', version: 1, snapshot: { ...snapshot, versions: {} } }).minutes).toEqual({ en: null, zh: null })
	})

	test('short form for reading aloud', () => {
		expect(shortHash('0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef')).toBe('0123 4567 89ab cdef')
	})
})
