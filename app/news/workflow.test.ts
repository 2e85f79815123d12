import { describe, expect, test } from 'vitest'
import { nextState, PUBLISHING_STEPS, revisionAction, WORKFLOW_STEPS, type WorkflowState } from './workflow.ts'

const NOW = new Date('2026-11-23T18:00:00Z')
const EARLIER = new Date('2026-11-01T09:00:00Z')
const LATER = new Date('2026-12-01T09:00:00Z')

const draft: WorkflowState = { status: 'draft', publishedAt: null, reviewRequestedAt: null }
const inReview: WorkflowState = { ...draft, reviewRequestedAt: EARLIER }
const published: WorkflowState = { status: 'published', publishedAt: EARLIER, reviewRequestedAt: null }
const scheduled: WorkflowState = { status: 'scheduled', publishedAt: LATER, reviewRequestedAt: null }

function state(result: ReturnType<typeof nextState>): WorkflowState {
	if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.fieldErrors)}`)
	return result.state
}

describe('nextState', () => {
	test('save and restore leave the workflow as it was', () => {
		for (const step of ['save', 'restore'] as const) {
			for (const before of [draft, inReview, published, scheduled]) expect(state(nextState({ step, before, now: NOW }))).toEqual(before)
		}
	})

	test('submit asks for review now, whatever was asked before', () => {
		expect(state(nextState({ step: 'submit', before: draft, now: NOW }))).toEqual({ ...draft, reviewRequestedAt: NOW })
		expect(state(nextState({ step: 'submit', before: inReview, now: NOW })).reviewRequestedAt).toEqual(NOW)
	})

	test('a first publication is dated now and answers the review request', () => {
		expect(state(nextState({ step: 'publish', before: inReview, now: NOW }))).toEqual({ status: 'published', publishedAt: NOW, reviewRequestedAt: null })
	})

	test('publishing a published post keeps its date; publishing a scheduled one dates it now', () => {
		expect(state(nextState({ step: 'publish', before: published, now: NOW })).publishedAt).toEqual(EARLIER)
		expect(state(nextState({ step: 'publish', before: scheduled, now: NOW })).publishedAt).toEqual(NOW)
	})

	test('schedule needs a time after now', () => {
		expect(state(nextState({ step: 'schedule', before: inReview, publishAt: LATER, now: NOW }))).toEqual({
			status: 'scheduled',
			publishedAt: LATER,
			reviewRequestedAt: null,
		})
		for (const publishAt of [null, EARLIER, NOW]) {
			expect(nextState({ step: 'schedule', before: draft, publishAt, now: NOW })).toEqual({
				ok: false,
				fieldErrors: { publishAt: ['newsroom:errors.schedule-in-past'] },
			})
		}
	})

	test('unpublish makes a draft without a date; archive keeps the date it had', () => {
		expect(state(nextState({ step: 'unpublish', before: published, now: NOW }))).toEqual(draft)
		expect(state(nextState({ step: 'unpublish', before: scheduled, now: NOW }))).toEqual(draft)
		expect(state(nextState({ step: 'archive', before: published, now: NOW }))).toEqual({ status: 'archived', publishedAt: EARLIER, reviewRequestedAt: null })
		expect(state(nextState({ step: 'archive', before: inReview, now: NOW }))).toEqual({ status: 'archived', publishedAt: null, reviewRequestedAt: null })
	})
})

describe('steps', () => {
	test('exactly the steps that change what the public sees are publishing steps', () => {
		expect(WORKFLOW_STEPS.filter((step) => PUBLISHING_STEPS.has(step))).toEqual(['publish', 'schedule', 'unpublish', 'archive'])
	})

	test('a revision names its step; a new post is a creation and a plain save an update', () => {
		expect(revisionAction({ isNew: true, step: 'publish' })).toBe('create')
		expect(revisionAction({ isNew: false, step: 'save' })).toBe('update')
		expect(revisionAction({ isNew: false, step: 'archive' })).toBe('archive')
	})
})
