import { describe, expect, test } from 'vitest'
import { calendarDate, daysBetween, isOverdue, reviewProgress, sortActionItems, statusAfterEdit, stepAllowedFrom } from './record-workflow.ts'

describe('the record workflow', () => {
	test('an edit of an approved or published record reopens its review; drafts and records in review keep their status', () => {
		expect(statusAfterEdit('approved')).toEqual({ status: 'in_review', reopensReview: true })
		expect(statusAfterEdit('published')).toEqual({ status: 'in_review', reopensReview: true })
		expect(statusAfterEdit('in_review')).toEqual({ status: 'in_review', reopensReview: false })
		expect(statusAfterEdit('draft')).toEqual({ status: 'draft', reopensReview: false })
	})

	test('approved only when every named reviewer signed the current version', () => {
		const reviewerIds = ['a', 'b']
		expect(reviewProgress({ reviewerIds, signoffs: [{ signerId: 'a', version: 3 }], version: 3 })).toEqual({
			approved: ['a'],
			pending: ['b'],
			complete: false,
		})
		expect(
			reviewProgress({ reviewerIds, signoffs: [{ signerId: 'a', version: 3 }, { signerId: 'b', version: 3 }], version: 3 }).complete,
		).toBe(true)
		// A sign-off of an earlier version does not approve the current one.
		expect(
			reviewProgress({ reviewerIds, signoffs: [{ signerId: 'a', version: 2 }, { signerId: 'b', version: 3 }], version: 3 }),
		).toEqual({ approved: ['b'], pending: ['a'], complete: false })
		// Someone who signed but is no longer named does not count; nobody named is never approved.
		expect(reviewProgress({ reviewerIds: ['b'], signoffs: [{ signerId: 'a', version: 3 }], version: 3 }).complete).toBe(false)
		expect(reviewProgress({ reviewerIds: [], signoffs: [], version: 1 }).complete).toBe(false)
	})

	test('review steps start only from their statuses', () => {
		expect(stepAllowedFrom('request-review', 'draft')).toBe(true)
		expect(stepAllowedFrom('request-review', 'approved')).toBe(false)
		expect(stepAllowedFrom('approve', 'in_review')).toBe(true)
		expect(stepAllowedFrom('approve', 'draft')).toBe(false)
		expect(stepAllowedFrom('publish', 'approved')).toBe(true)
		expect(stepAllowedFrom('publish', 'in_review')).toBe(false)
		expect(stepAllowedFrom('request-changes', 'published')).toBe(false)
	})

	test('waiting time in whole days, never negative', () => {
		expect(daysBetween(new Date('2026-01-01T10:00:00Z'), new Date('2026-01-03T09:59:00Z'))).toBe(1)
		expect(daysBetween(new Date('2026-01-03T10:00:00Z'), new Date('2026-01-01T10:00:00Z'))).toBe(0)
	})

	test("overdue is decided on the reader's calendar day", () => {
		const instant = new Date('2026-03-02T03:00:00Z')
		// Still 1 March in Davis, already 2 March in Beijing.
		expect(calendarDate(instant, 'America/Los_Angeles')).toBe('2026-03-01')
		expect(calendarDate(instant, 'Asia/Shanghai')).toBe('2026-03-02')
		expect(isOverdue({ dueDate: '2026-03-01', today: '2026-03-01' })).toBe(false)
		expect(isOverdue({ dueDate: '2026-03-01', today: '2026-03-02' })).toBe(true)
	})

	test('action items: overdue first, then soonest due', () => {
		const items = [{ dueDate: '2026-05-01' }, { dueDate: '2026-01-10' }, { dueDate: '2026-04-01' }, { dueDate: '2026-02-01' }]
		expect(sortActionItems(items, '2026-03-01').map((item) => item.dueDate)).toEqual(['2026-01-10', '2026-02-01', '2026-04-01', '2026-05-01'])
	})
})
