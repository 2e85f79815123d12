/**
 * The writes of a record's review, each joining the caller's transaction
 * (the review operations in ./review-operations.server.ts hold the record's
 * row lock while they decide and write): naming reviewers, the review trail,
 * sign-offs, status changes. Sign-offs and the trail are append-only (the
 * database refuses updates).
 */
import type { Queryable } from '#db/sql.server.ts'
import type { RecordStatus } from './record-workflow.ts'
import type { RecordEventKind } from './records.queries.server.ts'
import { syncRecordSearch } from './search.queries.server.ts'

/** The reviewers of the round: exactly `reviewerIds` (a reviewer named again keeps when they were first named). */
export async function replaceReviewers(
	tx: Queryable,
	{ recordId, reviewerIds, namedBy, now }: { recordId: string; reviewerIds: readonly string[]; namedBy: string; now: Date },
): Promise<void> {
	await tx`delete from meeting_record_reviewers where record_id = ${recordId} and not (user_id = any(${reviewerIds as string[]}))`
	for (const userId of reviewerIds) {
		await tx`
			insert into meeting_record_reviewers (record_id, user_id, named_by, named_at)
			values (${recordId}, ${userId}, ${namedBy}, ${now})
			on conflict do nothing
		`
	}
}

export async function insertRecordEvent(
	tx: Queryable,
	{
		recordId,
		version,
		event,
		actorId,
		agendaItemId = null,
		body = '',
		now,
	}: { recordId: string; version: number; event: RecordEventKind; actorId: string; agendaItemId?: string | null; body?: string; now: Date },
): Promise<void> {
	await tx`
		insert into meeting_record_events (record_id, record_version, event, actor_id, agenda_item_id, body, created_at)
		values (${recordId}, ${version}, ${event}, ${actorId}, ${agendaItemId}, ${body}, ${now})
	`
}

/** Whether the agenda item is one of the record's meeting's. */
export async function agendaItemBelongs(tx: Queryable, { recordId, agendaItemId }: { recordId: string; agendaItemId: string }): Promise<boolean> {
	const [row] = await tx`
		select 1 from agenda_items a join meeting_records r on r.meeting_id = a.meeting_id
		where r.id = ${recordId} and a.id = ${agendaItemId}
	`
	return Boolean(row)
}

export async function insertSignoff(
	tx: Queryable,
	{
		recordId,
		version,
		signerId,
		contentHash,
		hashFormat,
		now,
	}: { recordId: string; version: number; signerId: string; contentHash: string; hashFormat: string; now: Date },
): Promise<'signed' | 'already-signed'> {
	const rows = await tx`
		insert into meeting_record_signoffs (record_id, record_version, signer_id, signed_at, content_hash, hash_format)
		values (${recordId}, ${version}, ${signerId}, ${now}, ${contentHash}, ${hashFormat})
		on conflict (record_id, record_version, signer_id) do nothing
		returning id
	`
	return rows.length > 0 ? 'signed' : 'already-signed'
}

export async function listSignersOfVersion(tx: Queryable, { recordId, version }: { recordId: string; version: number }) {
	return tx<{ signerId: string; version: number }[]>`
		select signer_id, record_version as version from meeting_record_signoffs where record_id = ${recordId} and record_version = ${version}
	`
}

export async function listReviewerIds(tx: Queryable, { recordId }: { recordId: string }): Promise<string[]> {
	const rows = await tx<{ userId: string }[]>`select user_id from meeting_record_reviewers where record_id = ${recordId} order by user_id`
	return rows.map((row) => row.userId)
}

/** Moves the record to `status`; review steps never change the content, so the version stays. */
export async function setRecordStatus(
	tx: Queryable,
	{
		recordId,
		status,
		now,
		requestedBy,
	}: { recordId: string; status: RecordStatus; now: Date; requestedBy?: string },
): Promise<void> {
	if (status === 'in_review') {
		await tx`
			update meeting_records set status = 'in_review', review_requested_at = ${now}, review_requested_by = ${requestedBy ?? null},
				approved_at = null, updated_at = ${now}
			where id = ${recordId}
		`
	} else if (status === 'approved') {
		await tx`update meeting_records set status = 'approved', approved_at = ${now}, updated_at = ${now} where id = ${recordId}`
	} else if (status === 'published') {
		await tx`
			update meeting_records set status = 'published', published_version = version, published_at = ${now}, updated_at = ${now}
			where id = ${recordId}
		`
	} else {
		await tx`update meeting_records set status = 'draft', review_requested_at = null, approved_at = null, updated_at = ${now} where id = ${recordId}`
	}
	// Publication changes who may find the minutes; the other steps change nothing searchable (a no-op re-index).
	await syncRecordSearch(tx, recordId)
}

/** Who hears of the review's outcome: the group's leads and whoever asked for the review, active ones only. */
export async function listReviewAudience(tx: Queryable, { recordId, groupId }: { recordId: string; groupId: string }) {
	return tx<{ id: string; name: string; email: string; lang: 'en' | 'zh' }[]>`
		select distinct u.id, u.name, u.email, u.lang
		from users u
		where u.deactivated_at is null and (
			u.id in (select user_id from group_memberships where group_id = ${groupId} and role = 'lead')
			or u.id = (select review_requested_by from meeting_records where id = ${recordId})
		)
	`
}

/** Everyone in the group (published minutes are news to all of them), active ones only. */
export async function listGroupAudience(tx: Queryable, { groupId }: { groupId: string }) {
	return tx<{ id: string; name: string; email: string; lang: 'en' | 'zh' }[]>`
		select u.id, u.name, u.email, u.lang
		from group_memberships m join users u on u.id = m.user_id
		where m.group_id = ${groupId} and u.deactivated_at is null
	`
}
