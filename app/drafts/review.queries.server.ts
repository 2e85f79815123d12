/**
 * A draft's way to "final": members send it for review naming reviewers
 * (group members or invited officials), reviewers approve or request changes
 * on the version they read, and once every reviewer has approved the current
 * version a member marks it final; a final draft may be published. Any of
 * these can be undone by moving the draft back to drafting.
 *
 * Status changes are saves like any other (the version check, a revision);
 * decisions are rows of their own, never changed.
 */
import { sql } from '#db/client.server.ts'
import { inTransaction, type Queryable } from '#db/sql.server.ts'
import type { DraftStatus } from '#app/auth/permissions.ts'
import { appendRevision, claimVersion, VersionConflict } from '#app/documents/versioning.queries.server.ts'
import { DRAFT_TABLES } from './drafts.queries.server.ts'
import { syncDraftSearch } from './search.queries.server.ts'

export const REVIEW_DECISIONS = ['approve', 'request_changes'] as const
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number]

/** The moves between statuses; anything else is refused. */
export const STATUS_MOVES: Readonly<Record<DraftStatus, readonly DraftStatus[]>> = {
	drafting: ['in_review'],
	in_review: ['drafting', 'final'],
	final: ['published', 'drafting'],
	published: ['drafting'],
}

export interface ReviewerState {
	id: string
	name: string
	/** False once their account is deactivated (they can no longer be named again). */
	active: boolean
	/** Their latest decision, on whichever version. */
	latest: { decision: ReviewDecision; version: number; note: string; createdAt: Date } | null
}

export async function listReviewers(draftId: string, db: Queryable = sql): Promise<ReviewerState[]> {
	const rows = await db<
		{ id: string; name: string; active: boolean; decision: ReviewDecision | null; version: number | null; note: string | null; createdAt: Date | null }[]
	>`
		select u.id, u.name, u.deactivated_at is null as active, d.decision, d.version, d.note, d.created_at
		from policy_draft_reviewers r
		join users u on u.id = r.user_id
		left join lateral (
			select decision, version, note, created_at from policy_draft_reviews
			where draft_id = r.draft_id and reviewer_id = r.user_id
			order by created_at desc, id desc limit 1
		) d on true
		where r.draft_id = ${draftId}
		order by u.name, u.id
	`
	return rows.map((row) => ({
		id: row.id,
		name: row.name,
		active: row.active,
		latest: row.decision ? { decision: row.decision, version: row.version!, note: row.note ?? '', createdAt: row.createdAt! } : null,
	}))
}

export interface ReviewEntry {
	id: string
	reviewerName: string | null
	decision: ReviewDecision
	version: number
	note: string
	createdAt: Date
}

/** Every decision, oldest first. */
export async function listReviewDecisions(draftId: string): Promise<ReviewEntry[]> {
	return sql<ReviewEntry[]>`
		select r.id::text as id, u.name as reviewer_name, r.decision, r.version, r.note, r.created_at
		from policy_draft_reviews r left join users u on u.id = r.reviewer_id
		where r.draft_id = ${draftId}
		order by r.created_at, r.id
	`
}

export type StatusChangeResult =
	| { kind: 'changed'; version: number; status: DraftStatus; newReviewers: string[] }
	| { kind: 'moved' }
	| { kind: 'refused'; reason: 'transition' | 'needs-reviewers' | 'needs-approvals' | 'unknown-reviewer' | 'unknown-reviewer-email' }
	| { kind: 'not-found' }

/**
 * Moves the draft to `to` if it still is at `expectedVersion`. Sending for
 * review names the reviewers (they replace any named before); `candidates`
 * are the ids that may be named (checked by the caller's query).
 */
export async function changeDraftStatus(
	{
		draftId,
		expectedVersion,
		actorId,
		to,
		reviewerIds = [],
		candidates = new Set<string>(),
		now,
	}: {
		draftId: string
		expectedVersion: number
		actorId: string | null
		to: DraftStatus
		reviewerIds?: readonly string[]
		candidates?: ReadonlySet<string>
		now: Date
	},
	db: Queryable = sql,
): Promise<StatusChangeResult> {
	try {
		return await inTransaction(db, async (tx) => {
			const [current] = await tx<{ status: DraftStatus; version: number }[]>`
				select status, version from policy_drafts where id = ${draftId} for update
			`
			if (!current) return { kind: 'not-found' } as const
			if (current.version !== expectedVersion) return { kind: 'moved' } as const
			if (!STATUS_MOVES[current.status].includes(to)) return { kind: 'refused', reason: 'transition' } as const

			const changed = new Set<string>(['status'])
			let newReviewers: string[] = []
			if (to === 'in_review') {
				const wanted = [...new Set(reviewerIds)]
				if (wanted.length === 0) return { kind: 'refused', reason: 'needs-reviewers' } as const
				if (wanted.some((id) => !candidates.has(id))) return { kind: 'refused', reason: 'unknown-reviewer' } as const
				const before = await tx<{ userId: string }[]>`select user_id from policy_draft_reviewers where draft_id = ${draftId}`
				const had = new Set(before.map((row) => row.userId))
				newReviewers = wanted.filter((id) => !had.has(id))
				if (newReviewers.length > 0 || before.length !== wanted.length) changed.add('reviewers')
				await tx`delete from policy_draft_reviewers where draft_id = ${draftId} and user_id <> all(${wanted})`
				await tx`
					insert into policy_draft_reviewers (draft_id, user_id, named_by, named_at)
					select ${draftId}, id, ${actorId}, ${now} from unnest(${wanted}::text[]) as id
					on conflict do nothing
				`
			}
			if (to === 'final') {
				const reviewers = await listReviewers(draftId, tx)
				const approved = reviewers.length > 0 && reviewers.every((r) => r.latest?.decision === 'approve' && r.latest.version === current.version)
				if (!approved) return { kind: 'refused', reason: 'needs-approvals' } as const
			}

			const claimed = await claimVersion(tx, { tables: DRAFT_TABLES, id: draftId, expectedVersion })
			if (!claimed) return { kind: 'not-found' } as const
			await tx`
				update policy_drafts set
					status = ${to},
					based_on_version = ${expectedVersion},
					review_requested_at = ${to === 'in_review' ? now : to === 'drafting' ? null : tx`review_requested_at`},
					published_at = ${to === 'published' ? now : to === 'drafting' ? null : tx`published_at`},
					updated_at = ${now}
				where id = ${draftId}
			`
			await appendRevision(tx, {
				tables: DRAFT_TABLES,
				id: draftId,
				version: claimed.version,
				action: 'status',
				changedFields: changed,
				authorId: actorId,
				createdAt: now,
			})
			await syncDraftSearch(tx, draftId)
			return { kind: 'changed', version: claimed.version, status: to, newReviewers } as const
		})
	} catch (error) {
		if (error instanceof VersionConflict) return { kind: 'moved' }
		throw error
	}
}

/** A reviewer's decision on the version they read: refused ('moved') if the draft changed since. */
export async function recordReviewDecision(
	{
		draftId,
		reviewerId,
		version,
		decision,
		note,
		now,
	}: { draftId: string; reviewerId: string; version: number; decision: ReviewDecision; note: string; now: Date },
	db: Queryable = sql,
): Promise<'recorded' | 'moved' | 'not-reviewing'> {
	return inTransaction(db, async (tx) => {
		const [current] = await tx<{ status: DraftStatus; version: number }[]>`
			select status, version from policy_drafts where id = ${draftId} for share
		`
		if (!current || current.status !== 'in_review') return 'not-reviewing'
		if (current.version !== version) return 'moved'
		const [named] = await tx`select 1 from policy_draft_reviewers where draft_id = ${draftId} and user_id = ${reviewerId}`
		if (!named) return 'not-reviewing'
		await tx`
			insert into policy_draft_reviews (draft_id, reviewer_id, version, decision, note, created_at)
			values (${draftId}, ${reviewerId}, ${version}, ${decision}, ${note}, ${now})
		`
		return 'recorded'
	})
}
