/**
 * The contact form, shared by the browser (instant errors) and the server.
 * `website` is the honeypot: a field people never see or fill, that form-
 * filling robots do.
 */
import { z } from 'zod'
import { emailAddress } from '#app/forms/fields.ts'

/** What a typed line may not hold: control characters (NUL among them) but tab and line breaks. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

/**
 * Typed text, trimmed and bounded. (Not #app/forms/fields.ts's `text`: Conform
 * turns the empty string its pipe produces into "missing", so an optional
 * field left empty was refused.)
 */
function typed({ max, tooLong, required }: { max: number; tooLong: string; required?: string }) {
	const base = z
		.string({ required_error: required ?? 'validation:invalid' })
		.transform((value) => value.replace(/\r\n?/g, '\n').trim())
		.refine((value) => value.length <= max, tooLong)
		.refine((value) => !CONTROL_CHARACTERS.test(value), 'validation:text.control')
	return required ? base.refine((value) => value.length > 0, required) : base.optional().transform((value) => value ?? '')
}

export const CONTACT_NAME_MAX = 120
export const CONTACT_SUBJECT_MAX = 200
export const CONTACT_BODY_MAX = 5000
/** The field robots fill and people do not see. */
export const HONEYPOT_FIELD = 'website'

export const contactSchema = z.object({
	name: typed({ max: CONTACT_NAME_MAX, required: 'contact:errors.name-required', tooLong: 'contact:errors.name-too-long' }),
	email: emailAddress(),
	subject: typed({ max: CONTACT_SUBJECT_MAX, tooLong: 'contact:errors.subject-too-long' }),
	message: typed({ max: CONTACT_BODY_MAX, required: 'contact:errors.message-required', tooLong: 'contact:errors.message-too-long' }),
	[HONEYPOT_FIELD]: z.string().max(1000).optional().default(''),
})

export type ContactForm = z.output<typeof contactSchema>
