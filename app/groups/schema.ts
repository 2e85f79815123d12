/**
 * The working-group forms' schemas, shared by the browser (instant errors)
 * and the server (the authority). Messages are translation keys.
 */
import { z } from 'zod'
import { GROUP_ROLES, GROUP_VISIBILITIES } from '#app/auth/permissions.ts'
import { text, userId as userIdField } from '#app/forms/fields.ts'

export const GROUP_SLUG_MAX = 120
export const GROUP_SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/
/** Words the group pages' own addresses use (`/groups/new`). */
const RESERVED_SLUGS = new Set(['new'])
export const GROUP_NAME_MAX = 120
export const GROUP_SUMMARY_MAX = 400
/** A charter is a page or two; longer texts belong in a draft. */
export const GROUP_CHARTER_MAX = 20_000

const groupText = z.object({
	name: text({ max: GROUP_NAME_MAX, tooLong: 'groups:errors.name-too-long' }),
	summary: text({ max: GROUP_SUMMARY_MAX, tooLong: 'groups:errors.summary-too-long' }),
	description: text({ max: GROUP_CHARTER_MAX, trim: false, tooLong: 'groups:errors.charter-too-long' }),
})

/** A language counts once any of its fields has text; then it needs a name. */
function requireNames(group: { en: z.output<typeof groupText>; zh: z.output<typeof groupText> }, ctx: z.RefinementCtx) {
	let written = 0
	for (const lang of ['en', 'zh'] as const) {
		const t = group[lang]
		if (!t.name && !t.summary && !t.description.trim()) continue
		written += 1
		if (!t.name) ctx.addIssue({ code: 'custom', path: [lang, 'name'], message: 'groups:errors.name-required' })
	}
	if (written === 0) ctx.addIssue({ code: 'custom', path: ['en', 'name'], message: 'groups:errors.name-required' })
}

export const groupEditSchema = z
	.object({
		en: groupText.optional().default({}),
		zh: groupText.optional().default({}),
		/** Only admins may change it; the server ignores it from anyone else. */
		visibility: z.enum(GROUP_VISIBILITIES, { message: 'groups:errors.visibility-invalid' }).optional(),
	})
	.superRefine(requireNames)

export const groupCreateSchema = z
	.object({
		slug: z
			.string({ required_error: 'groups:errors.slug-required' })
			.trim()
			.min(1, 'groups:errors.slug-required')
			.max(GROUP_SLUG_MAX, 'groups:errors.slug-invalid')
			.regex(GROUP_SLUG_PATTERN, 'groups:errors.slug-invalid')
			.refine((slug) => !RESERVED_SLUGS.has(slug), 'groups:errors.slug-taken'),
		visibility: z.enum(GROUP_VISIBILITIES, { message: 'groups:errors.visibility-invalid' }),
		en: groupText.optional().default({}),
		zh: groupText.optional().default({}),
	})
	.superRefine(requireNames)

export type GroupEditForm = z.output<typeof groupEditSchema>
export type GroupCreateForm = z.output<typeof groupCreateSchema>

const userId = z.string({ required_error: 'groups:errors.user-required' }).min(1, 'groups:errors.user-required').pipe(userIdField('groups:errors.user-unknown'))
const role = z.enum(GROUP_ROLES, { message: 'groups:errors.role-invalid' })

/** The members page's forms, told apart by `intent`. */
export const membershipSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('add'), userId, role }),
	z.object({ intent: z.literal('change-role'), userId, role }),
	z.object({ intent: z.literal('remove'), userId }),
])
export type MembershipForm = z.output<typeof membershipSchema>

/** An admin archives or restores a group. */
export const archiveSchema = z.object({ intent: z.enum(['archive', 'restore']) })
