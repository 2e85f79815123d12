/**
 * The bilingual editor's form, read on the server. The form is one row per
 * section (its id in `section`, in order), each with the section's Markdown
 * in English and Chinese (`text.<key>.en` / `.zh`, heading line included),
 * so the languages stay aligned section by section; new rows have keys
 * `new-<n>`. Everything typed comes back in `EditorForm` exactly as sent, so
 * a refusal or a conflict re-renders the form with nothing lost.
 *
 * Then the rows become the draft's text (`toDraftInput`): a cleared language
 * removes that language of the section (both: the section); a row whose
 * Markdown holds more headings splits into new sections after it, the
 * languages' extra parts paired in order.
 */
import { z } from 'zod'
import { newSectionId } from '#app/documents/sections.ts'
import { boundedInt, isId, text } from '#app/forms/fields.ts'
import { LANGS, type Lang } from '#app/i18n/config.ts'
import type { DraftChoice } from './draft-merge.ts'
import {
	limitProblems,
	MAX_SAVE_REQUEST_BYTES,
	MAX_MESSAGE_CHARS,
	MAX_TITLE_CHARS,
	parseSectionMarkdown,
	type DraftInput,
	type DraftSectionText,
	type SectionText,
} from './model.ts'

export const SECTION_KEY = /^(?:[0-9a-z]{1,32}|new-\d{1,4})$/
/** A conflict's key: `title.en`, or a section id and a language. */
const CONFLICT_KEY = /^(?:title|[0-9a-z]{1,32})\.(?:en|zh)$/
const CHOICES = ['ours', 'theirs', 'base', 'custom'] as const
type ChoiceName = (typeof CHOICES)[number]

export interface EditorRow {
	key: string
	text: Record<Lang, string>
	translated: Record<Lang, boolean>
}

export interface EditorForm {
	/** The id of the revision the text started from. */
	baseRevision: string | null
	/** The draft's version the conflict choices were made against. */
	mergeVersion: number | null
	title: Record<Lang, string>
	message: string
	rows: EditorRow[]
	/** Conflict choices as sent (radio value and the author's own text). */
	choices: Record<string, { choice: ChoiceName | null; custom: string }>
}

/** A message for the author: a translation key in the `drafts` namespace, with its values. */
export interface FormMessage {
	key: string
	values?: Record<string, string | number>
}

export type EditorIntent = { kind: 'save' } | { kind: 'preview' } | { kind: 'move'; key: string; by: -1 | 1 } | { kind: 'add' }

const titleField = text({ max: MAX_TITLE_CHARS })
const messageField = text({ max: MAX_MESSAGE_CHARS })
// Markdown keeps its leading spaces. Its length is checked per language, all
// sections together (toDraftInput); the request's size bounds a single field.
const markdownField = text({ max: MAX_SAVE_REQUEST_BYTES, trim: false })
const versionField = boundedInt({ min: 1 })

const stringOf = (formData: FormData, name: string) => {
	const value = formData.get(name)
	return typeof value === 'string' ? value : ''
}

/**
 * The form as typed, and what is wrong with it. Field values that break a
 * bound (a control character, far too long) are kept as sent for the echo;
 * the errors say why nothing was saved.
 */
export function readEditorForm(formData: FormData): { form: EditorForm; intent: EditorIntent; errors: FormMessage[] } {
	const errors: FormMessage[] = []
	const check = (schema: z.ZodType<string, z.ZodTypeDef, unknown>, raw: string, field: 'title' | 'message' | 'section'): string => {
		const parsed = schema.safeParse(raw)
		if (parsed.success) return parsed.data
		const issue = parsed.error.issues[0]?.message ?? 'validation:invalid'
		errors.push({ key: issue.startsWith('validation:text.control') ? 'errors.control-characters' : `errors.field-too-long.${field}` })
		return raw.replace(/\r\n?/g, '\n')
	}
	const version = (name: string) => {
		const raw = formData.get(name)
		if (raw === null || raw === '') return null
		const parsed = versionField.safeParse(raw)
		return parsed.success ? parsed.data : -1
	}

	const title = {} as Record<Lang, string>
	for (const lang of LANGS) title[lang] = check(titleField, stringOf(formData, `title.${lang}`), 'title')
	const message = check(messageField, stringOf(formData, 'message'), 'message')

	const seen = new Set<string>()
	const rows: EditorRow[] = []
	for (const value of formData.getAll('section')) {
		if (typeof value !== 'string' || !SECTION_KEY.test(value) || seen.has(value)) continue
		seen.add(value)
		const row: EditorRow = { key: value, text: { en: '', zh: '' }, translated: { en: false, zh: false } }
		for (const lang of LANGS) {
			row.text[lang] = check(markdownField, stringOf(formData, `text.${value}.${lang}`), 'section')
			row.translated[lang] = formData.get(`translated.${value}.${lang}`) === 'on'
		}
		rows.push(row)
	}

	const choices: EditorForm['choices'] = {}
	for (const [name, value] of formData) {
		if (!name.startsWith('choice.') || typeof value !== 'string') continue
		const key = name.slice('choice.'.length)
		if (!CONFLICT_KEY.test(key)) continue
		choices[key] = {
			choice: (CHOICES as readonly string[]).includes(value) ? (value as ChoiceName) : null,
			custom: check(markdownField, stringOf(formData, `custom.${key}`), 'section'),
		}
	}

	const baseRevision = stringOf(formData, 'baseRevision')
	const form: EditorForm = {
		baseRevision: isId(baseRevision) ? baseRevision : null,
		mergeVersion: version('mergeVersion'),
		title,
		message,
		rows,
		choices,
	}
	return { form, intent: readIntent(stringOf(formData, 'intent')), errors: dedupe(errors) }
}

function readIntent(value: string): EditorIntent {
	if (value === 'preview') return { kind: 'preview' }
	if (value === 'add') return { kind: 'add' }
	const move = /^(up|down):(.+)$/.exec(value)
	if (move && SECTION_KEY.test(move[2]!)) return { kind: 'move', key: move[2]!, by: move[1] === 'up' ? -1 : 1 }
	return { kind: 'save' }
}

function dedupe(messages: FormMessage[]): FormMessage[] {
	const seen = new Set<string>()
	return messages.filter((message) => {
		const id = `${message.key}|${JSON.stringify(message.values ?? {})}`
		if (seen.has(id)) return false
		seen.add(id)
		return true
	})
}

/** The rows with one moved up or down (the editor's buttons, which work without JavaScript). */
export function moveRow(form: EditorForm, key: string, by: -1 | 1): EditorForm {
	const rows = [...form.rows]
	const from = rows.findIndex((row) => row.key === key)
	const to = from + by
	if (from < 0 || to < 0 || to >= rows.length) return form
	;[rows[from], rows[to]] = [rows[to]!, rows[from]!]
	return { ...form, rows }
}

/** The rows with an empty new section at the end. */
export function addRow(form: EditorForm): EditorForm {
	const used = new Set(form.rows.map((row) => row.key))
	let n = 1
	while (used.has(`new-${n}`)) n++
	return { ...form, rows: [...form.rows, { key: `new-${n}`, text: { en: '', zh: '' }, translated: { en: false, zh: false } }] }
}

/**
 * The draft text the rows make, or what is wrong with it. `knownIds` are the
 * draft's section ids (current and at the base version): a row key that is
 * none of them gets a new id, so a forged key cannot reach another section.
 */
export function toDraftInput(form: EditorForm, knownIds: ReadonlySet<string>): { input: DraftInput; errors: FormMessage[] } {
	const errors: FormMessage[] = []
	const sections: DraftSectionText[] = []
	const translated = new Set<string>()
	for (const row of form.rows) {
		const parts = { en: parseSectionMarkdown(row.text.en), zh: parseSectionMarkdown(row.text.zh) }
		const count = Math.max(parts.en.length, parts.zh.length)
		for (let i = 0; i < count; i++) {
			const id = i === 0 && knownIds.has(row.key) ? row.key : newSectionId()
			const section: DraftSectionText = { id, en: parts.en[i] ?? null, zh: parts.zh[i] ?? null }
			sections.push(section)
			if (i === 0) for (const lang of LANGS) if (row.translated[lang] && section[lang]) translated.add(`${id}.${lang}`)
		}
	}
	errors.push(...limitProblems({ title: form.title, sections }))
	return { input: { title: form.title, sections, translated }, errors }
}

/** The author's conflict choices as the merge takes them; a choice without its text is none. */
export function choicesOf(form: EditorForm): Record<string, DraftChoice> {
	const choices: Record<string, DraftChoice> = {}
	for (const [key, { choice, custom }] of Object.entries(form.choices)) {
		if (choice === 'custom') choices[key] = { custom }
		else if (choice) choices[key] = choice
	}
	return choices
}

/**
 * A new draft's form: the whole Markdown of each language, split into
 * sections by headings and paired in order. Counts that differ cannot be
 * paired safely: the author is asked to align them (or leave one language
 * empty, to translate later).
 */
export function pairLanguages(markdown: Record<Lang, string>): { sections: DraftSectionText[]; mismatch: Record<Lang, number> | null } {
	const parts = { en: parseSectionMarkdown(markdown.en), zh: parseSectionMarkdown(markdown.zh) }
	if (parts.en.length > 0 && parts.zh.length > 0 && parts.en.length !== parts.zh.length) {
		return { sections: [], mismatch: { en: parts.en.length, zh: parts.zh.length } }
	}
	const count = Math.max(parts.en.length, parts.zh.length)
	const sections = Array.from({ length: count }, (_, i): DraftSectionText => ({
		id: newSectionId(),
		en: (parts.en[i] as SectionText | undefined) ?? null,
		zh: (parts.zh[i] as SectionText | undefined) ?? null,
	}))
	return { sections, mismatch: null }
}
