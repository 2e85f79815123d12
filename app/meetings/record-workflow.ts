/**
 * Where a meeting record goes, as pure functions the save, the review steps
 * and the pages share:
 *
 *   draft ──(a lead names reviewers)──▶ in_review ──(every named reviewer
 *   approved the current version)──▶ approved ──(a lead publishes)──▶ published
 *     ▲                                   │
 *     └──────(a reviewer requests changes, with a comment)
 *
 * An edit of an approved or published record makes a new version and sends
 * it straight back to `in_review` with the same reviewers: they signed the
 * record once, so they are the ones to sign the correction, and nobody has
 * to remember to ask them again. Their earlier sign-offs stay attached to
 * the version they signed; a published version stays public until its
 * successor is published. An edit while in review keeps it in review:
 * approvals count only for the version they signed.
 */
import type { RecordStatus } from '#app/auth/permissions.ts'
import { dateTimeFormat } from '#app/i18n/format.ts'

export { RECORD_STATUSES, type RecordStatus } from '#app/auth/permissions.ts'

/** The status a record has after a save that changed its content. */
export function statusAfterEdit(status: RecordStatus): { status: RecordStatus; reopensReview: boolean } {
	if (status === 'approved' || status === 'published') return { status: 'in_review', reopensReview: true }
	return { status, reopensReview: false }
}

export interface ReviewProgress {
	/** Named reviewers who signed the current version. */
	approved: string[]
	/** Named reviewers still to sign it. */
	pending: string[]
	/** Every named reviewer signed the current version (and there is at least one). */
	complete: boolean
}

/** Who of the named reviewers has signed `version`; sign-offs of other versions do not count. */
export function reviewProgress({
	reviewerIds,
	signoffs,
	version,
}: {
	reviewerIds: readonly string[]
	signoffs: readonly { signerId: string; version: number }[]
	version: number
}): ReviewProgress {
	const signed = new Set(signoffs.filter((signoff) => signoff.version === version).map((signoff) => signoff.signerId))
	const approved = reviewerIds.filter((id) => signed.has(id))
	const pending = reviewerIds.filter((id) => !signed.has(id))
	return { approved, pending, complete: reviewerIds.length > 0 && pending.length === 0 }
}

export type ReviewStep = 'request-review' | 'comment' | 'request-changes' | 'approve' | 'publish'

/** Which statuses each review step starts from (the permission module says who). */
const STEP_FROM: Record<ReviewStep, readonly RecordStatus[]> = {
	// Sending again while in review changes the reviewers of the round.
	'request-review': ['draft', 'in_review'],
	comment: ['in_review'],
	'request-changes': ['in_review'],
	approve: ['in_review'],
	publish: ['approved'],
}

export function stepAllowedFrom(step: ReviewStep, status: RecordStatus): boolean {
	return STEP_FROM[step].includes(status)
}

const MS_PER_DAY = 86_400_000

/** Whole days between two instants (never negative): how long a review has waited. */
export function daysBetween(from: Date, to: Date): number {
	return Math.max(0, Math.floor((to.getTime() - from.getTime()) / MS_PER_DAY))
}

/** A calendar date (`YYYY-MM-DD`) in a time zone: an action item is overdue from the day after its due date there. */
export function calendarDate(instant: Date, timeZone: string): string {
	// en-CA writes dates as YYYY-MM-DD.
	return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant)
}

export function isOverdue({ dueDate, today }: { dueDate: string; today: string }): boolean {
	return dueDate < today
}

/** Open items, overdue first, then by due date (soonest first). */
export function sortActionItems<T extends { dueDate: string }>(items: readonly T[], today: string): T[] {
	return [...items].sort((a, b) => {
		const overdue = Number(isOverdue({ dueDate: b.dueDate, today })) - Number(isOverdue({ dueDate: a.dueDate, today }))
		return overdue !== 0 ? overdue : a.dueDate.localeCompare(b.dueDate)
	})
}
