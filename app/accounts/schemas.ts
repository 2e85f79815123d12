/**
 * The account forms' schemas, shared by the browser (Conform validates as
 * you type) and the server (the only check that counts). Messages are
 * translation keys, shown in the page's language by <FieldErrors>.
 * The common-password check runs on the server only (the list is large).
 */
import { z } from 'zod'
import { emailAddress, requiredText, text, userId } from '#app/forms/fields.ts'
import { LANGS } from '#app/i18n/config.ts'
import { ROLES } from '#app/auth/permissions.ts'

export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 128
const NAME_MAX_LENGTH = 120
/** Where sign-in sends the member afterwards: a path of ours (checked again by safeRedirect). */
const REDIRECT_MAX_LENGTH = 2_000
/** IANA names are short ("America/Argentina/ComodRivadavia" is among the longest). */
const TIME_ZONE_MAX_LENGTH = 64
/** What someone types to sign in: any length, so old passwords still work (within reason). */
const CURRENT_PASSWORD_MAX_LENGTH = 1024

export const emailSchema = emailAddress()

/** Passwords are hashed, never stored: any character is fine, within a length. */
const currentPasswordSchema = z
	.string({ required_error: 'validation:password.required' })
	.max(CURRENT_PASSWORD_MAX_LENGTH, 'validation:password.tooLong')

export const newPasswordSchema = z
	.string({ required_error: 'validation:password.required' })
	.min(PASSWORD_MIN_LENGTH, 'validation:password.tooShort')
	.max(PASSWORD_MAX_LENGTH, 'validation:password.tooLong')

const nameSchema = requiredText({ max: NAME_MAX_LENGTH, required: 'validation:name.required', tooLong: 'validation:name.tooLong' })

function withConfirmation<T extends z.ZodRawShape>(shape: T) {
	return z
		.object({ ...shape, password: newPasswordSchema, confirmPassword: z.string({ required_error: 'validation:password.confirmRequired' }) })
		.refine((value) => value.password === value.confirmPassword, {
			path: ['confirmPassword'],
			message: 'validation:password.mismatch',
		})
}

export const loginSchema = z.object({
	email: emailSchema,
	password: currentPasswordSchema,
	redirectTo: text({ max: REDIRECT_MAX_LENGTH }),
})

export const forgotPasswordSchema = z.object({ email: emailSchema })

export const resetPasswordSchema = withConfirmation({})

export const acceptInvitationSchema = withConfirmation({ name: nameSchema })

export const profileSchema = z.object({
	intent: z.literal('profile'),
	name: nameSchema,
	lang: z.enum(LANGS, { errorMap: () => ({ message: 'validation:lang.invalid' }) }),
	timeZone: z
		.string({ required_error: 'validation:timeZone.invalid' })
		.max(TIME_ZONE_MAX_LENGTH, 'validation:timeZone.invalid')
		.refine((zone) => isTimeZone(zone), 'validation:timeZone.invalid'),
})

export const changePasswordSchema = z
	.object({
		intent: z.literal('password'),
		currentPassword: currentPasswordSchema,
		password: newPasswordSchema,
		confirmPassword: z.string({ required_error: 'validation:password.confirmRequired' }),
	})
	.refine((value) => value.password === value.confirmPassword, {
		path: ['confirmPassword'],
		message: 'validation:password.mismatch',
	})

export const inviteSchema = z.object({
	intent: z.literal('invite'),
	email: emailSchema,
	name: text({ max: NAME_MAX_LENGTH, tooLong: 'validation:name.tooLong' }),
	role: z.enum(ROLES, { errorMap: () => ({ message: 'validation:role.invalid' }) }),
	lang: z.enum(LANGS, { errorMap: () => ({ message: 'validation:lang.invalid' }) }),
})

export const changeRoleSchema = z.object({
	intent: z.literal('change-role'),
	userId: userId(),
	role: z.enum(ROLES, { errorMap: () => ({ message: 'validation:role.invalid' }) }),
})

export const setActiveSchema = z.object({
	intent: z.enum(['deactivate', 'reactivate']),
	userId: userId(),
})

export function isTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone })
		return zone.length > 0
	} catch {
		return false
	}
}

/** An admin's action on a pending invitation (revoke, send again, get a new link). */
export const invitationActionSchema = z.object({
	intent: z.enum(['revoke-invitation', 'resend-invitation', 'invitation-link']),
	invitationId: z.string().regex(/^\d{1,18}$/),
})
