/**
 * Zod fields every form schema builds on, shared by the browser (instant
 * errors) and the server (the only check that counts). Each bounds its
 * value so that nothing unbounded reaches SQL: text without NUL (PostgreSQL
 * cannot store it) and within its column's length, integers within their
 * column's range, ids PostgreSQL's bigint can hold, dates within a sane
 * window. Messages are translation keys (`validation:…`), shown by the form
 * components in the page's language.
 */
import { z } from 'zod'

/** PostgreSQL's `integer`. */
export const INT_MAX = 2_147_483_647
/** Ids are `bigint` identities; 18 digits always fit. */
const ID_PATTERN = /^\d{1,18}$/
/** users.id: 20 base64url characters (app/auth/tokens.server.ts), within room to spare. */
const USER_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
/** Dates people may enter or link to: anything else is a typo or a probe. */
export const EARLIEST_DATE = new Date('1990-01-01T00:00:00Z')
export const LATEST_DATE = new Date('2100-01-01T00:00:00Z')

/** Text without NUL; other control characters but tab and line breaks are refused too. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

/** The maximum each `text` field was made with, for replies that echo it (./submission.ts). */
const textMaxima = new WeakMap<z.ZodTypeAny, number>()

/** The maximum length `text` gave this schema, if it is one of its fields. */
export function textMax(schema: z.ZodTypeAny): number | undefined {
	return textMaxima.get(schema)
}

/**
 * Typed text: at most `max` characters, no control characters, trimmed
 * (unless `trim: false`, for Markdown bodies whose leading spaces mean something;
 * their Windows line endings become plain ones). Absent is empty.
 *
 * One transform rather than a pipe into a second string schema: Conform
 * turns an empty string into "absent" before every string schema, so a pipe's
 * second schema would call the empty text of an untouched field "required".
 */
export function text({ max, trim = true, tooLong = 'validation:text.tooLong' }: { max: number; trim?: boolean; tooLong?: string }) {
	const schema = z
		.string()
		.optional()
		.transform((value, ctx) => {
			const normalized = (value ?? '').replace(/\r\n?/g, '\n')
			const trimmed = trim ? normalized.trim() : normalized.trimEnd()
			// Not fatal: the parse fails all the same, and the form's own
			// refinements (a record's "minutes required") still report.
			if (trimmed.length > max) ctx.addIssue({ code: z.ZodIssueCode.custom, message: tooLong })
			else if (CONTROL_CHARACTERS.test(trimmed)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'validation:text.control' })
			return trimmed
		})
	textMaxima.set(schema, max)
	return schema
}

/** `text` that must not be empty. */
export function requiredText(options: { max: number; required: string; tooLong?: string; trim?: boolean }) {
	return text(options).refine((value) => value.length > 0, options.required)
}

/** A whole number from a form or a query, within `min`…`max` (default: PostgreSQL integer). */
export function boundedInt({ min = 0, max = INT_MAX }: { min?: number; max?: number } = {}) {
	return z.coerce
		.number({ invalid_type_error: 'validation:number.invalid' })
		.int('validation:number.invalid')
		.min(min, 'validation:number.range')
		.max(max, 'validation:number.range')
}

/** A row's id as a string (never a number: 18 digits lose precision in JavaScript). */
export const idField = z.string().regex(ID_PATTERN, 'validation:invalid')

/**
 * An account's id (users.id: lucia's random text, `[A-Za-z0-9_-]`), with a
 * message of the form's own ("unknown user"). Every account a form names (a
 * member to add, attendees and their attendance keys, reviewers) is checked
 * by this before SQL: a bare `z.string()` let NUL through, which PostgreSQL
 * refuses with an error and the portal answered with a 500 (found by the fuzz
 * test, e2e/fuzz.spec.ts).
 */
export function userId(message = 'validation:invalid') {
	return z.string().regex(USER_ID_PATTERN, message)
}

export function isUserId(value: unknown): value is string {
	return typeof value === 'string' && USER_ID_PATTERN.test(value)
}

export function isId(value: unknown): value is string {
	return typeof value === 'string' && ID_PATTERN.test(value)
}

/** An instant within EARLIEST_DATE…LATEST_DATE. */
export function isSaneDate(date: Date): boolean {
	return !Number.isNaN(date.getTime()) && date >= EARLIEST_DATE && date < LATEST_DATE
}

/** The longest address SMTP delivers (RFC 5321's path limit). */
export const EMAIL_MAX = 254

/** An email address, trimmed and lower-cased: how accounts are found by it. */
export function emailAddress() {
	return z
		.string({ required_error: 'validation:email.required' })
		.trim()
		.toLowerCase()
		.max(EMAIL_MAX, 'validation:email.tooLong')
		.email('validation:email.invalid')
}

/** An email address or nothing (the empty string), for a field that may be left empty. */
export function optionalEmailAddress() {
	return text({ max: EMAIL_MAX, tooLong: 'validation:email.tooLong' })
		.refine((value) => value === '' || emailAddress().safeParse(value).success, 'validation:email.invalid')
		.transform((value) => value.toLowerCase())
}
