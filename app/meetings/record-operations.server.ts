/**
 * The one door to changing meeting records: saving the content and every
 * review step. Each operation is one transaction that locks the record,
 * checks the actor's permission again on what it locked (the page checked
 * already; a door that trusts no caller), writes, and queues its emails in
 * each recipient's language; the emails are delivered after the commit, so
 * a rolled-back step sends nothing.
 *
 * Sign-off: a reviewer approves the version they were shown, by the hash
 * they were shown. The server recomputes the hash of that version's
 * revision snapshot; only when it matches (nobody saved in between) is the
 * sign-off stored, with signer, time, version and hash. When every named
 * reviewer has signed the current version, the record is approved.
 */
import { transaction } from '#db/transaction.server.ts'
import type { Queryable } from '#db/sql.server.ts'
import { can, type Actor, type GroupTarget, type Permission, type ResourceArgs, type ReviewedTarget } from '#app/auth/permissions.ts'
import { deliverEmail, queueEmail, type EmailKind, type QueuedEmail } from '#app/email/outbox.server.ts'
import {
	actionItemAssignedEmail,
	recordApprovedEmail,
	recordChangesRequestedEmail,
	recordPublishedEmail,
	recordReviewRequestedEmail,
} from '#app/email/templates.server.ts'
import type { EmailMessage } from '#app/email/outbox.server.ts'
import type { Lang } from '#app/i18n/config.ts'
import { RECORD_HASH_FORMAT, recordContentHash } from './record-hash.ts'
import { saveRecord, type RecordInput, type RecordSaveResult } from './record-save.queries.server.ts'
import { reviewProgress, stepAllowedFrom, type RecordStatus, type ReviewStep } from './record-workflow.ts'
import { MAX_REVIEWERS } from './record-schema.ts'
import { getPeople, getPersonByEmail, getVersionSnapshot, isNamedReviewer, listReviewers, lockRecordByMeeting, type PersonRow, type RecordRow } from './records.queries.server.ts'
import {
	agendaItemBelongs,
	insertRecordEvent,
	insertSignoff,
	listGroupAudience,
	listReviewAudience,
	listReviewerIds,
	listSignersOfVersion,
	replaceReviewers,
	setRecordStatus,
} from './review.queries.server.ts'

/** The meeting and group a record belongs to, as the page found them for the actor. */
export interface RecordScope {
	meetingId: string
	groupId: string
	group: GroupTarget
	meetingTitles: Partial<Record<Lang, string>>
	groupNames: Partial<Record<Lang, string>>
	/** The site's origin, for links in emails. */
	origin: string
}

type Member = NonNullable<Actor> & { name: string }

export type StepResult =
	| { kind: 'done'; status: RecordStatus }
	/** The record moved on since the page was loaded (a save, or another step): nothing was written. */
	| { kind: 'conflict' }
	| { kind: 'invalid'; fieldErrors: Record<string, string[]> }
	/** Not this actor's to do (anymore): answered like a page that does not exist. */
	| { kind: 'not-allowed' }

interface Recipient {
	id: string
	name: string
	email: string
	lang: Lang
}

async function queueAll(
	tx: Queryable,
	recipients: readonly Recipient[],
	{ kind, except, write }: { kind: EmailKind; except: string; write: (recipient: Recipient) => Promise<EmailMessage> },
): Promise<QueuedEmail[]> {
	const queued: QueuedEmail[] = []
	for (const recipient of recipients) {
		if (recipient.id === except) continue
		queued.push(await queueEmail({ kind, ...(await write(recipient)) }, tx))
	}
	return queued
}

function mailBase(scope: RecordScope, recipient: Recipient, actor: Member) {
	return {
		to: recipient.email,
		name: recipient.name,
		lang: recipient.lang,
		origin: scope.origin,
		meetingId: scope.meetingId,
		meetingTitles: scope.meetingTitles,
		groupNames: scope.groupNames,
		actorName: actor.name,
	}
}

async function deliverAll(queued: readonly QueuedEmail[]) {
	for (const message of queued) await deliverEmail(message)
}

/** Saves the content (creating the record on its first save) and tells new owners and, after an edit of approved minutes, the reviewers. */
export async function saveRecordContent({
	scope,
	actor,
	expectedVersion,
	input,
	now,
}: {
	scope: RecordScope
	actor: Member
	expectedVersion: number | null
	input: RecordInput
	now: Date
}): Promise<RecordSaveResult> {
	const outcome = await transaction(async (tx) => {
		const record = await lockRecordOfMeeting(tx, scope)
		if (record && !(await allowed(tx, actor, 'record:edit', scope, record))) return { result: { kind: 'not-found' } as const, queued: [] }
		if (!record && !can(actor, 'record:edit', { group: scope.group, status: 'draft', isReviewer: false })) {
			return { result: { kind: 'not-found' } as const, queued: [] }
		}
		const result = await saveRecord({ meetingId: scope.meetingId, expectedVersion, actor, input, now, db: tx })
		if (result.kind !== 'saved') return { result, queued: [] }
		const queued: QueuedEmail[] = []
		if (result.assigned.length > 0) {
			const owners = await getPeople({ ids: result.assigned.map((item) => item.ownerId), groupId: scope.groupId }, tx)
			for (const item of result.assigned) {
				const owner = owners.find((person) => person.id === item.ownerId)
				if (!owner) continue
				queued.push(
					...(await queueAll(tx, [owner], {
						kind: 'action_item_assigned',
						except: actor.id,
						write: (recipient) =>
							actionItemAssignedEmail({ ...mailBase(scope, recipient, actor), item: { en: item.en, zh: item.zh }, dueDate: item.dueDate }),
					})),
				)
			}
		}
		if (result.reopenedReview) {
			const reviewers = await listReviewers({ recordId: result.id }, tx)
			queued.push(
				...(await queueAll(
					tx,
					reviewers.map((r) => ({ id: r.userId, name: r.name, email: r.email, lang: r.lang })),
					{ kind: 'record_review_requested', except: actor.id, write: (recipient) => recordReviewRequestedEmail(mailBase(scope, recipient, actor)) },
				)),
			)
		}
		return { result, queued }
	})
	await deliverAll(outcome.queued)
	return outcome.result
}

function lockRecordOfMeeting(tx: Queryable, scope: RecordScope): Promise<RecordRow | null> {
	return lockRecordByMeeting({ meetingId: scope.meetingId }, tx)
}

async function targetFor(tx: Queryable, actor: Member, scope: RecordScope, record: RecordRow): Promise<ReviewedTarget<RecordStatus>> {
	return { group: scope.group, status: record.status, isReviewer: await isNamedReviewer({ recordId: record.id, userId: actor.id }, tx) }
}

async function allowed(tx: Queryable, actor: Member, permission: Extract<Permission, `record:${string}`>, scope: RecordScope, record: RecordRow) {
	const target = await targetFor(tx, actor, scope, record)
	return can(actor, permission, ...([target] as ResourceArgs<typeof permission>))
}

/** Runs one review step on the locked record, after the common checks: permission, status, version. */
async function reviewStep(
	{ scope, actor, expectedVersion, step, permission }: { scope: RecordScope; actor: Member; expectedVersion: number; step: ReviewStep; permission: Extract<Permission, `record:${string}`> },
	work: (tx: Queryable, record: RecordRow) => Promise<{ result: StepResult; queued: QueuedEmail[] }>,
): Promise<StepResult> {
	const outcome = await transaction(async (tx) => {
		const record = await lockRecordOfMeeting(tx, scope)
		if (!record) return { result: { kind: 'not-allowed' } as const, queued: [] }
		// Status first: a reviewer whose round just ended is told the record moved on, not refused.
		if (record.version !== expectedVersion || !stepAllowedFrom(step, record.status)) {
			const readable = await allowed(tx, actor, 'record:read', scope, record)
			return { result: readable ? ({ kind: 'conflict' } as const) : ({ kind: 'not-allowed' } as const), queued: [] }
		}
		if (!(await allowed(tx, actor, permission, scope, record))) return { result: { kind: 'not-allowed' } as const, queued: [] }
		return work(tx, record)
	})
	await deliverAll(outcome.queued)
	return outcome.result
}

/**
 * A lead sends the record for review, naming its reviewers: ticked by id,
 * and one more by email address (someone outside the group). Each must be an
 * active member of the portal who may read the group as themselves (for a
 * private group: one of its members or observers). An address no such
 * person has is refused in the same words whether or not it has an account.
 */
export function requestReview({
	scope,
	actor,
	expectedVersion,
	reviewerIds,
	reviewerEmail = null,
	now,
}: {
	scope: RecordScope
	actor: Member
	expectedVersion: number
	reviewerIds: readonly string[]
	reviewerEmail?: string | null
	now: Date
}): Promise<StepResult> {
	return reviewStep({ scope, actor, expectedVersion, step: 'request-review', permission: 'record:manage-review' }, async (tx, record) => {
		const mayReview = (person: PersonRow | null | undefined): person is PersonRow =>
			Boolean(person?.active && can(person, 'group:read', { visibility: scope.group.visibility, membership: person.membership }))
		const byEmail = reviewerEmail ? await getPersonByEmail({ email: reviewerEmail, groupId: scope.groupId }, tx) : null
		const invalid = (fieldErrors: Record<string, string[]>) => ({ result: { kind: 'invalid', fieldErrors } satisfies StepResult, queued: [] })
		if (reviewerEmail && !mayReview(byEmail)) return invalid({ reviewerEmail: ['records:errors.reviewer-email-unknown'] })
		const ids = [...new Set([...reviewerIds, ...(byEmail ? [byEmail.id] : [])])]
		if (ids.length > MAX_REVIEWERS) return invalid({ reviewers: ['records:errors.too-many-reviewers'] })
		const people = await getPeople({ ids, groupId: scope.groupId }, tx)
		if (!ids.every((id) => mayReview(people.find((p) => p.id === id)))) return invalid({ reviewers: ['records:errors.reviewer-cannot-read'] })
		await replaceReviewers(tx, { recordId: record.id, reviewerIds: ids, namedBy: actor.id, now })
		await setRecordStatus(tx, { recordId: record.id, status: 'in_review', now, requestedBy: actor.id })
		await insertRecordEvent(tx, { recordId: record.id, version: record.version, event: 'review_requested', actorId: actor.id, now })
		const queued = await queueAll(tx, people, {
			kind: 'record_review_requested',
			except: actor.id,
			write: (recipient) => recordReviewRequestedEmail(mailBase(scope, recipient, actor)),
		})
		return { result: { kind: 'done', status: 'in_review' }, queued }
	})
}

/** A reviewer's comment on an agenda item (or the whole record), or a request for changes that sends the record back to draft. */
export function commentOnRecord({
	scope,
	actor,
	expectedVersion,
	agendaItemId,
	body,
	requestChanges,
	now,
}: {
	scope: RecordScope
	actor: Member
	expectedVersion: number
	agendaItemId: string | null
	body: string
	requestChanges: boolean
	now: Date
}): Promise<StepResult> {
	const step = requestChanges ? 'request-changes' : 'comment'
	return reviewStep({ scope, actor, expectedVersion, step, permission: 'record:review' }, async (tx, record) => {
		if (agendaItemId && !(await agendaItemBelongs(tx, { recordId: record.id, agendaItemId }))) {
			return { result: { kind: 'invalid', fieldErrors: { agendaItemId: ['records:errors.agenda-item-unknown'] } }, queued: [] }
		}
		await insertRecordEvent(tx, {
			recordId: record.id,
			version: record.version,
			event: requestChanges ? 'changes_requested' : 'comment',
			actorId: actor.id,
			agendaItemId,
			body,
			now,
		})
		if (!requestChanges) return { result: { kind: 'done', status: record.status }, queued: [] }
		const audience = await listReviewAudience(tx, { recordId: record.id, groupId: scope.groupId })
		await setRecordStatus(tx, { recordId: record.id, status: 'draft', now })
		const queued = await queueAll(tx, audience, {
			kind: 'record_changes_requested',
			except: actor.id,
			write: (recipient) => recordChangesRequestedEmail({ ...mailBase(scope, recipient, actor), comment: body }),
		})
		return { result: { kind: 'done', status: 'draft' }, queued }
	})
}

/** A named reviewer signs the version they were shown, by its hash; the record is approved once every reviewer has. */
export function approveRecord({
	scope,
	actor,
	expectedVersion,
	shownHash,
	now,
}: {
	scope: RecordScope
	actor: Member
	expectedVersion: number
	shownHash: string
	now: Date
}): Promise<StepResult> {
	return reviewStep({ scope, actor, expectedVersion, step: 'approve', permission: 'record:review' }, async (tx, record) => {
		const snapshot = await getVersionSnapshot({ recordId: record.id, version: record.version }, tx)
		const hash = snapshot ? await recordContentHash({ recordId: record.id, version: record.version, snapshot }) : null
		// What the reviewer saw is not what is stored: they sign nothing.
		if (!hash || hash !== shownHash) return { result: { kind: 'conflict' }, queued: [] }
		await insertSignoff(tx, { recordId: record.id, version: record.version, signerId: actor.id, contentHash: hash, hashFormat: RECORD_HASH_FORMAT, now })
		await insertRecordEvent(tx, { recordId: record.id, version: record.version, event: 'approved', actorId: actor.id, now })
		const progress = reviewProgress({
			reviewerIds: await listReviewerIds(tx, { recordId: record.id }),
			signoffs: await listSignersOfVersion(tx, { recordId: record.id, version: record.version }),
			version: record.version,
		})
		if (!progress.complete) return { result: { kind: 'done', status: 'in_review' }, queued: [] }
		await setRecordStatus(tx, { recordId: record.id, status: 'approved', now })
		await insertRecordEvent(tx, { recordId: record.id, version: record.version, event: 'record_approved', actorId: actor.id, now })
		const audience = await listReviewAudience(tx, { recordId: record.id, groupId: scope.groupId })
		const queued = await queueAll(tx, audience, {
			kind: 'record_approved',
			except: actor.id,
			write: (recipient) => recordApprovedEmail(mailBase(scope, recipient, actor)),
		})
		return { result: { kind: 'done', status: 'approved' }, queued }
	})
}

/** A lead publishes approved minutes: public for a public group, and news to the whole group. */
export function publishRecord({
	scope,
	actor,
	expectedVersion,
	now,
}: {
	scope: RecordScope
	actor: Member
	expectedVersion: number
	now: Date
}): Promise<StepResult> {
	return reviewStep({ scope, actor, expectedVersion, step: 'publish', permission: 'record:manage-review' }, async (tx, record) => {
		await setRecordStatus(tx, { recordId: record.id, status: 'published', now })
		await insertRecordEvent(tx, { recordId: record.id, version: record.version, event: 'published', actorId: actor.id, now })
		const audience = await listGroupAudience(tx, { groupId: scope.groupId })
		const queued = await queueAll(tx, audience, {
			kind: 'record_published',
			except: actor.id,
			write: (recipient) => recordPublishedEmail(mailBase(scope, recipient, actor)),
		})
		return { result: { kind: 'done', status: 'published' }, queued }
	})
}
