/**
 * Moving a draft through review, as one operation: the status change (and
 * the reviewers it names) and the emails to newly named reviewers, in their
 * own language, queued in the same transaction and sent after it commits.
 */
import { deliverEmail, queueEmail, type QueuedEmail } from '#app/email/outbox.server.ts'
import { draftReviewRequestEmail } from '#app/email/templates.server.ts'
import type { Lang } from '#app/i18n/config.ts'
import { transaction } from '#db/transaction.server.ts'
import type { DraftStatus } from './model.ts'
import { listReviewerCandidates } from './drafts.queries.server.ts'
import { draftPathsWithoutLang } from './links.ts'
import { changeDraftStatus, type StatusChangeResult } from './review.queries.server.ts'

export async function moveDraft({
	draft,
	actor,
	to,
	expectedVersion,
	reviewerIds,
	reviewerEmail = null,
	origin,
	now,
}: {
	draft: { id: string; title: Record<Lang, string> }
	actor: { id: string; name: string }
	to: DraftStatus
	expectedVersion: number
	/** Ticked on the page (the group's people), and one more by address (anyone else who may be named). */
	reviewerIds: readonly string[]
	reviewerEmail?: string | null
	origin: string
	now: Date
}): Promise<StatusChangeResult> {
	const candidates = to === 'in_review' ? await listReviewerCandidates(draft.id, { among: { ids: reviewerIds, email: reviewerEmail } }) : []
	// An address nobody who may review has: refused in the same words whether or not it has an account.
	const byEmail = reviewerEmail ? candidates.find((c) => c.email === reviewerEmail) : null
	if (to === 'in_review' && reviewerEmail && !byEmail) return { kind: 'refused', reason: 'unknown-reviewer-email' }
	const named = byEmail ? [...reviewerIds, byEmail.id] : reviewerIds
	const { result, queued } = await transaction(async (tx) => {
		const result = await changeDraftStatus(
			{ draftId: draft.id, expectedVersion, actorId: actor.id, to, reviewerIds: named, candidates: new Set(candidates.map((c) => c.id)), now },
			tx,
		)
		const queued: QueuedEmail[] = []
		if (result.kind === 'changed') {
			for (const id of result.newReviewers) {
				const person = candidates.find((c) => c.id === id)
				if (!person || person.id === actor.id) continue
				const message = await draftReviewRequestEmail({
					to: person.email,
					name: person.name,
					lang: person.lang,
					origin,
					path: draftPathsWithoutLang.draft(draft.id),
					title: draft.title[person.lang] || draft.title.en || draft.title.zh,
					requesterName: actor.name,
				})
				queued.push(await queueEmail({ kind: 'draft_review_request', ...message }, tx))
			}
		}
		return { result, queued }
	})
	for (const message of queued) await deliverEmail(message)
	return result
}
