/**
 * The forms of meeting records, shared by the browser (instant errors) and
 * the server (the authority): the minutes editor (both languages' Markdown,
 * decisions, action items) and the review forms. Every field is bounded
 * (app/forms/fields.ts); messages are translation keys. A decision or action
 * item row left entirely empty is no row: the editor always offers a few
 * empty ones to fill in, and emptying a row removes it.
 */
import { z } from 'zod'
import { boundedInt, idField, isSaneDate, optionalEmailAddress, requiredText, text, userId } from '#app/forms/fields.ts'
import { LANGS } from '#app/i18n/config.ts'

/** Matches the columns' checks in db/migrations/0008_meeting_records.sql. */
export const MINUTES_MAX = 100_000
export const DECISION_MAX = 2_000
export const ACTION_ITEM_MAX = 1_000
export const COMMENT_MAX = 4_000
/** More than any meeting decides; bounds the work a hostile form can cause. */
export const MAX_ROWS = 60
export const MAX_REVIEWERS = 20
/** Empty rows the editor offers under the filled ones. */
export const EMPTY_ROWS = 2

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/

/*
 * These schemas are parsed with Conform's automatic coercion off
 * (PARSE_OPTIONS): it would turn the empty string that `text()` produces
 * back into "missing". Checkboxes, optional numbers and repeated fields are
 * read here instead.
 */
export const PARSE_OPTIONS = { disableAutoCoercion: true } as const

/** A checkbox: present ("on") or not. */
const checkbox = z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean())

/** A version number from a hidden field; empty for a record not started yet. */
const optionalVersion = z.preprocess((value) => (value === '' ? undefined : value), boundedInt({ min: 1 }).optional())

/** Checkboxes sharing a name: none, one (a string) or several (an array). */
function checkedValues<T extends z.ZodTypeAny>(item: T) {
	return z.preprocess((value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]), z.array(item))
}

/** A calendar date from <input type=date>, within the sane window. */
export function isDueDate(value: string): boolean {
	if (!DATE_PATTERN.test(value)) return false
	const date = new Date(`${value}T00:00:00Z`)
	// 2026-02-31 parses as 3 March: refuse what is not the same date back.
	return isSaneDate(date) && date.toISOString().slice(0, 10) === value
}

const optionalId = z
	.string()
	.optional()
	.transform((value) => value ?? '')
	.pipe(z.union([z.literal(''), idField]))

const decisionRow = z.object({
	id: optionalId,
	en: text({ max: DECISION_MAX, tooLong: 'records:errors.decision-too-long' }),
	zh: text({ max: DECISION_MAX, tooLong: 'records:errors.decision-too-long' }),
})

const actionItemRow = z
	.object({
		id: optionalId,
		en: text({ max: ACTION_ITEM_MAX, tooLong: 'records:errors.action-item-too-long' }),
		zh: text({ max: ACTION_ITEM_MAX, tooLong: 'records:errors.action-item-too-long' }),
		ownerId: text({ max: 100 }),
		dueDate: text({ max: 10 }),
	})
	.superRefine((item, ctx) => {
		if (isEmptyActionItem(item)) return
		if (!item.en && !item.zh) ctx.addIssue({ code: 'custom', path: ['en'], message: 'records:errors.action-item-text-required' })
		if (!item.ownerId) ctx.addIssue({ code: 'custom', path: ['ownerId'], message: 'records:errors.owner-required' })
		if (!item.dueDate) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'records:errors.due-required' })
		else if (!isDueDate(item.dueDate)) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'records:errors.due-invalid' })
	})

export type DecisionInput = z.output<typeof decisionRow>
export type ActionItemInput = z.output<typeof actionItemRow>

export function isEmptyActionItem(item: Pick<ActionItemInput, 'en' | 'zh' | 'ownerId' | 'dueDate'>): boolean {
	return !item.en && !item.zh && !item.ownerId && !item.dueDate
}

const minutesVersion = z.object({
	body: text({ max: MINUTES_MAX, trim: false, tooLong: 'records:errors.minutes-too-long' }),
	/** "This language matches the other one now": records the other's revision. */
	upToDate: checkbox,
})

export const recordEditorSchema = z
	.object({
		/** The record's version when the editor loaded it (absent for a record not yet started). */
		version: optionalVersion,
		/** Set by the conflict notice's "keep mine" button: the version the editor has now seen. */
		overwrite: optionalVersion,
		en: minutesVersion.optional().default({ upToDate: false }),
		zh: minutesVersion.optional().default({ upToDate: false }),
		decisions: z.array(decisionRow).max(MAX_ROWS, 'records:errors.too-many-rows').optional().default([]),
		actionItems: z.array(actionItemRow).max(MAX_ROWS, 'records:errors.too-many-rows').optional().default([]),
	})
	.superRefine((form, ctx) => {
		if (!LANGS.some((lang) => form[lang].body.trim())) {
			ctx.addIssue({ code: 'custom', path: [], message: 'records:errors.minutes-required' })
		}
	})

export type RecordEditorForm = z.output<typeof recordEditorSchema>
/** The editor's fields as the browser holds them (Conform's view of the form). */
export interface RecordEditorFormInput {
	version?: string
	overwrite?: string
	en: { body: string; upToDate: boolean }
	zh: { body: string; upToDate: boolean }
	decisions: { id: string; en: string; zh: string }[]
	actionItems: { id: string; en: string; zh: string; ownerId: string; dueDate: string }[]
}

/** What is saved: rows left empty dropped. */
export function filledRows(form: RecordEditorForm) {
	return {
		decisions: form.decisions.filter((decision) => decision.en || decision.zh),
		actionItems: form.actionItems.filter((item) => !isEmptyActionItem(item)),
	}
}

export const REVIEW_INTENTS = ['request-review', 'comment', 'request-changes', 'approve', 'publish'] as const

export const reviewSchema = z.discriminatedUnion('intent', [
	z.object({
		intent: z.literal('request-review'),
		version: boundedInt({ min: 1 }),
		// Ticked among the group's people and the reviewers named before…
		reviewers: checkedValues(userId()).refine((ids) => ids.length <= MAX_REVIEWERS, 'records:errors.too-many-reviewers'),
		// …and one more by address, from outside the group (at least one of the two: below).
		reviewerEmail: optionalEmailAddress(),
	}),
	z.object({
		intent: z.literal('comment'),
		version: boundedInt({ min: 1 }),
		agendaItemId: optionalId,
		body: requiredText({ max: COMMENT_MAX, required: 'records:errors.comment-required', tooLong: 'records:errors.comment-too-long' }),
	}),
	z.object({
		intent: z.literal('request-changes'),
		version: boundedInt({ min: 1 }),
		agendaItemId: optionalId,
		body: requiredText({ max: COMMENT_MAX, required: 'records:errors.changes-comment-required', tooLong: 'records:errors.comment-too-long' }),
	}),
	z.object({
		intent: z.literal('approve'),
		version: boundedInt({ min: 1 }),
		/** The hash the reviewer was shown: they sign exactly that content, or nothing. */
		hash: z.string().regex(/^[0-9a-f]{64}$/, 'validation:invalid'),
	}),
	z.object({ intent: z.literal('publish'), version: boundedInt({ min: 1 }) }),
]).superRefine((form, ctx) => {
	// Across two fields, so here: a union's options cannot refine themselves.
	if (form.intent === 'request-review' && form.reviewers.length === 0 && !form.reviewerEmail) {
		ctx.addIssue({ code: 'custom', path: ['reviewers'], message: 'records:errors.reviewers-required' })
	}
})

export type ReviewForm = z.output<typeof reviewSchema>

export const actionItemStatusSchema = z.object({
	itemId: idField,
	status: z.enum(['open', 'done']),
})
