/**
 * The names of a conflict's choices in the editor's form, shared by the page
 * (radio buttons) and the server (which applies them, conflict.server.ts).
 */
import { LANGS } from '#app/i18n/config.ts'

const TEXT_FIELDS = ['title', 'slug', 'summary', 'body', 'seoDescription', 'coverAlt'] as const
export type ConflictTextField = (typeof TEXT_FIELDS)[number]

/** A post's fields as the conflict view compares them: `en.body`, `tags`… */
export const CONFLICT_FIELDS = [
	...LANGS.flatMap((lang) => TEXT_FIELDS.map((field) => `${lang}.${field}` as const)),
	'workingGroup',
	'cover',
	'tags',
] as const
export type ConflictField = (typeof CONFLICT_FIELDS)[number]

export const CONFLICT_CHOICES = ['mine', 'theirs', 'merged'] as const
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number]

/** The form field carrying the choice for `field`: `choice-en.body`. */
export function choiceName(field: ConflictField): string {
	return `choice-${field}`
}
