/**
 * Demo minutes for `npm start` (the seed's demo mode): a record written,
 * sent for review and, as the demo asks, signed by its reviewers and
 * published, all through the records' own data functions on the seed's
 * transaction, so demo records obey every rule real ones do: revisions,
 * translation counters, sign-offs whose hashes recompute from the signed
 * revision. Idempotent: a meeting that has a record keeps it.
 */
import type { Queryable } from '#db/sql.server.ts'
import { RECORD_HASH_FORMAT, recordContentHash } from './record-hash.ts'
import { saveRecord, type RecordInput } from './record-save.queries.server.ts'
import { getRecordByMeeting, getVersionSnapshot } from './records.queries.server.ts'
import { insertRecordEvent, insertSignoff, replaceReviewers, setRecordStatus } from './review.queries.server.ts'

export type DemoOutcome = 'draft' | 'in_review' | 'approved' | 'published'

/** When each step happened: written, sent for review, signed (in this order, none after the seed's run). */
export interface DemoTimes {
	writtenAt: Date
	requestedAt: Date
	signedAt: Date
}

export async function ensureDemoRecord(
	{
		meetingId,
		authorId,
		input,
		reviewerIds,
		outcome,
		times,
	}: { meetingId: string; authorId: string; input: RecordInput; reviewerIds: string[]; outcome: DemoOutcome; times: DemoTimes },
	db: Queryable,
): Promise<'created' | 'exists'> {
	if (await getRecordByMeeting({ meetingId }, db)) return 'exists'
	const saved = await saveRecord({ meetingId, expectedVersion: null, actor: { id: authorId }, input, now: times.writtenAt, db })
	if (saved.kind !== 'saved') throw new Error(`Demo record of meeting ${meetingId}: ${saved.kind}`)
	const { id: recordId, version } = saved
	if (outcome === 'draft') return 'created'
	await replaceReviewers(db, { recordId, reviewerIds, namedBy: authorId, now: times.requestedAt })
	await setRecordStatus(db, { recordId, status: 'in_review', now: times.requestedAt, requestedBy: authorId })
	await insertRecordEvent(db, { recordId, version, event: 'review_requested', actorId: authorId, now: times.requestedAt })
	if (outcome === 'in_review') return 'created'
	const snapshot = await getVersionSnapshot({ recordId, version }, db)
	const hash = await recordContentHash({ recordId, version, snapshot: snapshot! })
	for (const signerId of reviewerIds) {
		await insertSignoff(db, { recordId, version, signerId, contentHash: hash, hashFormat: RECORD_HASH_FORMAT, now: times.signedAt })
		await insertRecordEvent(db, { recordId, version, event: 'approved', actorId: signerId, now: times.signedAt })
	}
	await setRecordStatus(db, { recordId, status: 'approved', now: times.signedAt })
	await insertRecordEvent(db, { recordId, version, event: 'record_approved', actorId: reviewerIds.at(-1)!, now: times.signedAt })
	if (outcome === 'published') {
		await setRecordStatus(db, { recordId, status: 'published', now: times.signedAt })
		await insertRecordEvent(db, { recordId, version, event: 'published', actorId: authorId, now: times.signedAt })
	}
	return 'created'
}
