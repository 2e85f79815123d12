/**
 * Parsing a posted form on the server, and the reply that brings it back.
 * Every action parses with `parseForm` instead of Conform's `parseWithZod`:
 *
 *  - It never throws on what a client sends: Conform's own fields
 *    (`__intent__`, `__state__`) malformed or repeated are dropped, and the
 *    form is parsed without them (a 400 with the form, never a 500).
 *  - Its `reply()` echoes only the fields the schema defines, each cut to
 *    its own maximum (a text field's `max`, an enum's longest option, a
 *    list's length): Conform's reply echoes everything submitted, so a
 *    refused sign-in with 200,000 extra fields answered a 6.5 MB page.
 *    What was typed within the limits comes back, so no form loses it.
 */
import type { Submission, SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { z } from 'zod'
import { textMax } from './fields.ts'

/** A scalar whose schema states no maximum (a number, a date, an id) is never longer than this. */
const DEFAULT_ECHO_CHARS = 200
/** A list whose schema states no maximum echoes at most this many items. */
const DEFAULT_ECHO_ITEMS = 100
/** Errors beyond this many fields are not news to anyone. */
const MAX_ERROR_FIELDS = 100
/** Conform's reserved fields: parsed as JSON, which a client may break. */
const CONFORM_FIELDS = ['__intent__', '__state__']

type Payload = Record<string, unknown>

export type FormSubmission<Schema extends z.ZodTypeAny> = Submission<z.input<Schema>, string[], z.output<Schema>>

/**
 * `parseWithZod` for actions: never throws on the client's input, and its
 * `reply()` echoes only the schema's fields, each within its maximum.
 */
export function parseForm<Schema extends z.ZodTypeAny>(
	formData: FormData,
	{ schema, disableAutoCoercion = false }: { schema: Schema; disableAutoCoercion?: boolean },
): FormSubmission<Schema> {
	let submission: FormSubmission<Schema>
	try {
		submission = parseWithZod(formData, { schema, disableAutoCoercion })
	} catch {
		const cleaned = new FormData()
		for (const [name, value] of formData) if (!CONFORM_FIELDS.includes(name)) cleaned.append(name, value)
		submission = parseWithZod(cleaned, { schema, disableAutoCoercion })
	}
	const reply = submission.reply.bind(submission)
	submission.reply = (options) => boundReply(reply(options), schema)
	return submission
}

/** A reply with only the schema's fields, each within its maximum. */
export function boundReply(result: SubmissionResult<string[]>, schema: z.ZodTypeAny): SubmissionResult<string[]> {
	const names = fieldNames(schema)
	const known = (name: string) => name === '' || names.some((field) => name === field || name.startsWith(`${field}.`) || name.startsWith(`${field}[`))
	const bounded: SubmissionResult<string[]> = { ...result }
	if (result.initialValue) bounded.initialValue = (boundValue(result.initialValue, schema) ?? {}) as SubmissionResult['initialValue']
	if (result.fields) bounded.fields = result.fields.filter(known).slice(0, names.length + DEFAULT_ECHO_ITEMS)
	if (result.error) {
		bounded.error = Object.fromEntries(Object.entries(result.error).filter(([name]) => known(name)).slice(0, MAX_ERROR_FIELDS))
	}
	if (result.state) {
		const validated = Object.entries(result.state.validated ?? {}).filter(([name]) => known(name))
		bounded.state = { validated: Object.fromEntries(validated.slice(0, names.length + DEFAULT_ECHO_ITEMS)) }
	}
	return bounded
}

/** The schema's field names, nested ones as Conform names them (`en.title`). */
export function fieldNames(schema: z.ZodTypeAny, prefix = ''): string[] {
	const shape = shapeOf(unwrap(schema))
	if (!shape) return []
	return Object.entries(shape).flatMap(([key, field]) => {
		const name = prefix ? `${prefix}.${key}` : key
		const nested = fieldNames(field, name)
		return nested.length > 0 ? nested : [name]
	})
}

/**
 * The fields of an object, or of every branch of a form that is one of
 * several (a union by `intent`: add, change or remove a member), merged: a
 * reply may speak of any field one of its branches has.
 */
function shapeOf(schema: z.ZodTypeAny): Record<string, z.ZodTypeAny> | null {
	if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodTypeAny>
	const branches: z.ZodTypeAny[] =
		schema instanceof z.ZodDiscriminatedUnion || schema instanceof z.ZodUnion
			? [...(schema.options as z.ZodTypeAny[])]
			: schema instanceof z.ZodIntersection
				? [schema._def.left, schema._def.right]
				: []
	const shapes = branches.map((branch) => shapeOf(unwrap(branch))).filter((shape) => shape !== null)
	if (shapes.length === 0) return null
	const merged: Record<string, z.ZodTypeAny> = {}
	for (const shape of shapes) for (const [key, field] of Object.entries(shape)) merged[key] ??= field
	return merged
}

/** A submitted value as the schema allows it back: unknown fields dropped, text cut, lists shortened. */
function boundValue(value: unknown, schema: z.ZodTypeAny): unknown {
	const inner = unwrap(schema)
	const shape = shapeOf(inner)
	if (shape) {
		if (!isPlainObject(value)) return undefined
		const out: Payload = {}
		for (const [key, field] of Object.entries(shape)) {
			if (!Object.hasOwn(value, key)) continue
			const bounded = boundValue(value[key], field)
			if (bounded !== undefined) out[key] = bounded
		}
		return out
	}
	if (inner instanceof z.ZodArray) {
		const element = inner.element as z.ZodTypeAny
		const items = Array.isArray(value) ? value : [value]
		const max = (inner._def.maxLength?.value as number | undefined) ?? DEFAULT_ECHO_ITEMS
		const bounded = items.slice(0, max).map((item) => boundValue(item, element)).filter((item) => item !== undefined)
		return Array.isArray(value) ? bounded : bounded[0]
	}
	if (typeof value !== 'string') return undefined
	const max = maxChars(schema)
	return max === null ? undefined : cut(value, max)
}

/** How long a scalar field's text may be, or null for a field never echoed (a file). */
function maxChars(schema: z.ZodTypeAny): number | null {
	let max: number | null = null
	let echoed = false
	for (const part of layers(schema)) {
		const declared = textMax(part)
		if (declared !== undefined) {
			echoed = true
			max = Math.min(max ?? declared, declared)
		} else if (part instanceof z.ZodString) {
			echoed = true
			const check = part._def.checks.find((c) => c.kind === 'max' || c.kind === 'length') as { value: number } | undefined
			if (check) max = Math.min(max ?? check.value, check.value)
		} else if (part instanceof z.ZodEnum) {
			echoed = true
			const longest = Math.max(...(part.options as string[]).map((option) => option.length))
			max = Math.min(max ?? longest, longest)
		} else if (part instanceof z.ZodLiteral) {
			echoed = true
			const length = String(part.value).length
			max = Math.min(max ?? length, length)
		} else if (part instanceof z.ZodNumber || part instanceof z.ZodBoolean || part instanceof z.ZodDate || part instanceof z.ZodBigInt) {
			echoed = true
		}
	}
	return echoed ? (max ?? DEFAULT_ECHO_CHARS) : null
}

/** Every schema a field is made of: its wrappers, refinements and both ends of its pipes. */
function layers(schema: z.ZodTypeAny): z.ZodTypeAny[] {
	const found: z.ZodTypeAny[] = [schema]
	if (schema instanceof z.ZodPipeline) return [...found, ...layers(schema._def.in), ...layers(schema._def.out)]
	const inner = innerOf(schema)
	return inner ? [...found, ...layers(inner)] : found
}

function innerOf(schema: z.ZodTypeAny): z.ZodTypeAny | null {
	if (schema instanceof z.ZodEffects) return schema._def.schema
	if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault || schema instanceof z.ZodCatch) {
		return schema._def.innerType
	}
	if (schema instanceof z.ZodBranded) return schema._def.type
	if (schema instanceof z.ZodPipeline) return schema._def.in
	return null
}

/** The object, form of several kinds, or list under a field's wrappers, or the field itself. */
function unwrap(schema: z.ZodTypeAny): z.ZodTypeAny {
	for (const part of layers(schema)) {
		if (
			part instanceof z.ZodObject ||
			part instanceof z.ZodArray ||
			part instanceof z.ZodDiscriminatedUnion ||
			part instanceof z.ZodUnion ||
			part instanceof z.ZodIntersection
		) {
			return part
		}
	}
	return schema
}

function isPlainObject(value: unknown): value is Payload {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The first `max` UTF-16 units, never ending in half a surrogate pair. */
function cut(value: string, max: number): string {
	if (value.length <= max) return value
	const end = /[\uD800-\uDBFF]/.test(value[max - 1] ?? '') ? max - 1 : max
	return value.slice(0, end)
}
