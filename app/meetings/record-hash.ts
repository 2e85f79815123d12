/**
 * What a reviewer signs when they approve meeting minutes: the SHA-256 of
 * one canonical serialisation of the record's content at one version, so
 * that anyone can later recompute it (on the server or in the browser, with
 * the same code) and see whether what is shown is what was signed.
 *
 * The canonical form, `zevlab.meeting-record/1`, is the canonical JSON of
 * app/documents/content-hash.ts (sorted keys, no whitespace, exact strings:
 * no Unicode normalisation) of this object:
 *
 *   {
 *     "format": "zevlab.meeting-record/1",
 *     "record": "<record id>",            the record, as a decimal string
 *     "meeting": "<meeting id>",          the meeting it records
 *     "version": <integer>,               the record version signed
 *     "minutes": { "en": <Markdown or null>, "zh": <Markdown or null> },
 *     "decisions": [ { "en": "…", "zh": "…" }, … ],        in order
 *     "actionItems": [ { "en": "…", "zh": "…", "owner": "<user id>", "due": "YYYY-MM-DD" }, … ]
 *   }
 *
 * In: both languages' minutes exactly as saved (null: not written in that
 * language), every decision and action item in the order the record shows
 * them, each action item's owner (by user id, which never changes, unlike
 * a name) and due date. Out: row ids (internal), translation counters,
 * the workflow status, and action items' done/open status, which follows
 * the work after the meeting and is not what the meeting decided.
 * Including the id and version binds a signature to one record's one
 * version: the same text in another record, or saved again as a later
 * version, has another hash and needs its own approval.
 */
import { LANGS, type Lang } from '#app/i18n/config.ts'
import { canonicalJson, contentHash } from '#app/documents/content-hash.ts'

export const RECORD_HASH_FORMAT = 'zevlab.meeting-record/1'

/** A record's content as meeting_record_snapshot(id) returns it (db/migrations/0008). */
export interface RecordSnapshot {
	meetingId: string
	versions: Partial<Record<Lang, { bodyMarkdown: string; revision: number; translatedFromRevision: number | null }>>
	decisions: { id: string; en: string; zh: string }[]
	actionItems: { id: string; en: string; zh: string; ownerId: string; dueDate: string }[]
}

export interface RecordCanonicalForm {
	format: typeof RECORD_HASH_FORMAT
	record: string
	meeting: string
	version: number
	minutes: Record<Lang, string | null>
	decisions: { en: string; zh: string }[]
	actionItems: { en: string; zh: string; owner: string; due: string }[]
}

/** The object whose canonical JSON is hashed: only what the format above names. */
export function recordCanonicalForm({
	recordId,
	version,
	snapshot,
}: {
	recordId: string
	version: number
	snapshot: RecordSnapshot
}): RecordCanonicalForm {
	const minutes = {} as Record<Lang, string | null>
	for (const lang of LANGS) minutes[lang] = snapshot.versions[lang]?.bodyMarkdown ?? null
	return {
		format: RECORD_HASH_FORMAT,
		record: recordId,
		meeting: snapshot.meetingId,
		version,
		minutes,
		decisions: snapshot.decisions.map((decision) => ({ en: decision.en, zh: decision.zh })),
		actionItems: snapshot.actionItems.map((item) => ({ en: item.en, zh: item.zh, owner: item.ownerId, due: item.dueDate })),
	}
}

/** The exact text that is hashed, for the page to show and anyone to check by hand. */
export function recordCanonicalText(input: { recordId: string; version: number; snapshot: RecordSnapshot }): string {
	return canonicalJson(recordCanonicalForm(input))
}

/** Lowercase hex SHA-256 of the canonical form. */
export function recordContentHash(input: { recordId: string; version: number; snapshot: RecordSnapshot }): Promise<string> {
	return contentHash(recordCanonicalForm(input))
}

/** A hash as people read it: four groups of four, enough to compare by eye. */
export function shortHash(hash: string): string {
	return (hash.slice(0, 16).match(/.{4}/g) ?? []).join(' ')
}
