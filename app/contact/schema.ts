/**
 * The contact form, shared by the browser (instant errors) and the server.
 * `website` is the honeypot: a field people never see or fill, that form-
 * filling robots do.
 */
import { z } from 'zod'
import { requiredText, text } from '#app/forms/fields.ts'

export const CONTACT_NAME_MAX = 120
export const CONTACT_EMAIL_MAX = 254
export const CONTACT_SUBJECT_MAX = 200
export const CONTACT_BODY_MAX = 5000
/** The field robots fill and people do not see. */
export const HONEYPOT_FIELD = 'website'

export const contactSchema = z.object({
	name: requiredText({ max: CONTACT_NAME_MAX, required: 'contact:errors.name-required', tooLong: 'contact:errors.name-too-long' }),
	email: z
		.string({ required_error: 'validation:email.required' })
		.trim()
		.toLowerCase()
		.max(CONTACT_EMAIL_MAX, 'validation:email.tooLong')
		.email('validation:email.invalid'),
	subject: text({ max: CONTACT_SUBJECT_MAX, tooLong: 'contact:errors.subject-too-long' }),
	message: requiredText({ max: CONTACT_BODY_MAX, required: 'contact:errors.message-required', tooLong: 'contact:errors.message-too-long' }),
	[HONEYPOT_FIELD]: z.string().max(1000).optional().default(''),
})

export type ContactForm = z.output<typeof contactSchema>
