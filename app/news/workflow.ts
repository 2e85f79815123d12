/**
 * A news post's workflow, as one pure state machine: draft → (review
 * requested) → scheduled or published → unpublished back to draft, or
 * archived. Which steps a member may take is app/auth/permissions.ts's call
 * (publishing steps are editors'); what each step does to the post is here.
 * Whether a post is public at a given moment is decided in SQL, by
 * `publicPostCondition` (articles.queries.server.ts): a scheduled post needs
 * no job to appear.
 */
import { NEWS_STATUSES, type NewsStatus } from '#app/auth/permissions.ts'

export { NEWS_STATUSES, type NewsStatus }

/** What an editor asks of a save (the editor's buttons), plus restoring a revision. */
export const WORKFLOW_STEPS = ['save', 'submit', 'publish', 'schedule', 'unpublish', 'archive', 'restore'] as const
export type WorkflowStep = (typeof WORKFLOW_STEPS)[number]

/** Steps that change what the public sees: editors and admins only (`news:publish`). */
export const PUBLISHING_STEPS: ReadonlySet<WorkflowStep> = new Set(['publish', 'schedule', 'unpublish', 'archive'])

export interface WorkflowState {
	status: NewsStatus
	publishedAt: Date | null
	/** A researcher's "please review", cleared when an editor decides. */
	reviewRequestedAt: Date | null
}

export type StepResult = { ok: true; state: WorkflowState } | { ok: false; fieldErrors: Record<string, string[]> }

export function nextState({
	step,
	before,
	publishAt = null,
	now,
}: {
	step: WorkflowStep
	before: WorkflowState
	/** For `schedule`: when the post goes public. */
	publishAt?: Date | null
	now: Date
}): StepResult {
	switch (step) {
		case 'save':
		case 'restore':
			return { ok: true, state: before }
		case 'submit':
			return { ok: true, state: { ...before, reviewRequestedAt: now } }
		case 'publish':
			// Re-publishing keeps the original date; a first publication is dated now.
			return {
				ok: true,
				state: {
					status: 'published',
					publishedAt: before.status === 'published' && before.publishedAt ? before.publishedAt : now,
					reviewRequestedAt: null,
				},
			}
		case 'schedule':
			if (!publishAt || publishAt <= now) return { ok: false, fieldErrors: { publishAt: ['newsroom:errors.schedule-in-past'] } }
			return { ok: true, state: { status: 'scheduled', publishedAt: publishAt, reviewRequestedAt: null } }
		case 'unpublish':
			return { ok: true, state: { status: 'draft', publishedAt: null, reviewRequestedAt: null } }
		case 'archive':
			return { ok: true, state: { status: 'archived', publishedAt: before.publishedAt, reviewRequestedAt: null } }
	}
}

/** The revision's action for a save: `create` for a new post, else the step (a plain save is an `update`). */
export function revisionAction({ isNew, step }: { isNew: boolean; step: WorkflowStep }): string {
	if (isNew) return 'create'
	return step === 'save' ? 'update' : step
}
