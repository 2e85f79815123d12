/**
 * Meeting records for e2e tests, written through the app's own data
 * functions (the save with its version check and revisions, the review
 * writes, sign-offs by the recomputed hash), so a test's record is in
 * exactly the state the pages would leave it in. The review operations
 * themselves (with their emails) are what the specs test through the pages;
 * they are not imported here because the email templates load translation
 * files that Playwright's loader cannot import.
 */
import { sql } from '#db/client.server.ts'
import { RECORD_HASH_FORMAT, recordContentHash } from '#app/meetings/record-hash.ts'
import { saveRecord, type RecordInput } from '#app/meetings/record-save.queries.server.ts'
import { getVersionSnapshot } from '#app/meetings/records.queries.server.ts'
import { insertRecordEvent, insertSignoff, listReviewerIds, listSignersOfVersion, replaceReviewers, setRecordStatus } from '#app/meetings/review.queries.server.ts'
import { reviewProgress } from '#app/meetings/record-workflow.ts'

// The app's database pool reads this on first use; the e2e server uses the same database.
process.env.DATABASE_URL ??= process.env.E2E_DATABASE_URL

export function minutesInput({
	en,
	zh = '',
	decisions = [],
	actionItems = [],
}: {
	en: string
	zh?: string
	decisions?: RecordInput['decisions']
	actionItems?: RecordInput['actionItems']
}): RecordInput {
	return { versions: { en: { body: en, upToDate: false }, zh: { body: zh, upToDate: zh !== '' } }, decisions, actionItems }
}

/** Saves the record's content (a new record when `expectedVersion` is null). */
export async function saveMinutes({ meetingId, authorId, expectedVersion = null, input }: { meetingId: string; authorId: string; expectedVersion?: number | null; input: RecordInput }) {
	const result = await saveRecord({ meetingId, expectedVersion, actor: { id: authorId }, input, now: new Date() })
	if (result.kind !== 'saved') throw new Error(`saveMinutes: ${result.kind}`)
	return result
}

/** Names the reviewers and puts the record in review, as a lead's request does. */
export async function sendForReview({ recordId, version, leadId, reviewerIds }: { recordId: string; version: number; leadId: string; reviewerIds: string[] }) {
	const now = new Date()
	await sql.begin(async (tx) => {
		await replaceReviewers(tx, { recordId, reviewerIds, namedBy: leadId, now })
		await setRecordStatus(tx, { recordId, status: 'in_review', now, requestedBy: leadId })
		await insertRecordEvent(tx, { recordId, version, event: 'review_requested', actorId: leadId, now })
	})
}

/** A reviewer's sign-off of `version` with the hash recomputed from its revision; approves the record when it was the last. */
export async function signOff({ recordId, version, signerId }: { recordId: string; version: number; signerId: string }): Promise<string> {
	const snapshot = await getVersionSnapshot({ recordId, version })
	if (!snapshot) throw new Error('signOff: no such version')
	const hash = await recordContentHash({ recordId, version, snapshot })
	const now = new Date()
	await sql.begin(async (tx) => {
		await insertSignoff(tx, { recordId, version, signerId, contentHash: hash, hashFormat: RECORD_HASH_FORMAT, now })
		await insertRecordEvent(tx, { recordId, version, event: 'approved', actorId: signerId, now })
		const progress = reviewProgress({
			reviewerIds: await listReviewerIds(tx, { recordId }),
			signoffs: await listSignersOfVersion(tx, { recordId, version }),
			version,
		})
		if (progress.complete) await setRecordStatus(tx, { recordId, status: 'approved', now })
	})
	return hash
}
