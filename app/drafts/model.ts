/**
 * The shape of a policy draft's text, shared by the server (saves, merges,
 * exports) and the pages: a bilingual title and a list of sections with
 * stable ids, each with its English and Chinese Markdown (null while that
 * language has none). Limits live here too, so the form, the server and the
 * documentation agree on them. Pure and isomorphic.
 */
import { joinSections, parseSections, type ParsedSection } from '#app/documents/sections.ts'
import { LANGS, type Lang } from '#app/i18n/config.ts'
import type { DraftStatus } from '#app/auth/permissions.ts'

export { DRAFT_STATUSES, type DraftStatus } from '#app/auth/permissions.ts'

/**
 * Limits on what a save may hold (ADR 018). A language's Markdown, all
 * sections together: ~120 printed pages of English; a bigger body is refused
 * with a message and nothing typed is lost.
 */
export const MAX_LANG_CHARS = 200_000
/** Sections in a draft. */
export const MAX_SECTIONS = 200
export const MAX_TITLE_CHARS = 300
export const MAX_HEADING_CHARS = 500
export const MAX_MESSAGE_CHARS = 500
export const MAX_COMMENT_CHARS = 5_000
export const MAX_QUOTE_CHARS = 1_000
export const MAX_REVIEW_NOTE_CHARS = 2_000
/**
 * A whole save request, URL-encoded: two languages at MAX_LANG_CHARS of
 * Chinese (9 bytes per character once percent-encoded) and room for the
 * rest. Larger requests are refused before they are read.
 */
export const MAX_SAVE_REQUEST_BYTES = 8 * 1024 * 1024

/** One language's text of a section. */
export interface SectionText {
	heading: string
	/** 1–6 for `#`…`######`; 0 for text before the first heading. */
	level: number
	body: string
}

/** A section as the editor and the merge see it. */
export interface DraftSectionText {
	id: string
	en: SectionText | null
	zh: SectionText | null
}

export interface DraftText {
	title: Record<Lang, string>
	sections: DraftSectionText[]
}

/** What the editor sends, parsed (./editor-form.ts): the author's whole text. */
export interface DraftInput extends DraftText {
	/** `<section id>.<lang>`: the author confirms this language of the section matches the other as saved now. */
	translated: ReadonlySet<string>
}

/** The translation counters of one language of a section (translation-status.ts). */
export interface StoredSectionText extends SectionText {
	revision: number
	translatedFromRevision: number | null
}

export interface StoredSection {
	id: string
	en: StoredSectionText | null
	zh: StoredSectionText | null
}

/** What `policy_draft_snapshot(id)` returns: the whole draft, as each revision records it. */
export interface DraftSnapshot {
	groupId: string
	status: DraftStatus
	title: Record<Lang, string>
	basedOnVersion: number | null
	sections: StoredSection[]
}

/** A section's text in one language as Markdown (its heading line, then its body). */
export function sectionMarkdown(text: SectionText | null): string {
	return text ? joinSections([text]) : ''
}

/** A language's whole Markdown: its sections in order. */
export function languageMarkdown(sections: readonly { en: SectionText | null; zh: SectionText | null }[], lang: Lang): string {
	return joinSections(sections.flatMap((section) => (section[lang] ? [section[lang] as ParsedSection] : [])))
}

export function sameText(a: SectionText | null | undefined, b: SectionText | null | undefined): boolean {
	if (!a || !b) return !a && !b
	return a.heading === b.heading && a.level === b.level && a.body === b.body
}

/** Only the text of stored sections (what merges and diffs compare). */
export function textOf(sections: readonly StoredSection[]): DraftSectionText[] {
	const strip = (text: StoredSectionText | null): SectionText | null => (text ? { heading: text.heading, level: text.level, body: text.body } : null)
	return sections.map((section) => ({ id: section.id, en: strip(section.en), zh: strip(section.zh) }))
}

/** The heading a section goes by in `lang`: its own, the other language's, or null for an untitled one. */
export function sectionHeading(section: { en: SectionText | null; zh: SectionText | null }, lang: Lang): string | null {
	for (const l of [lang, ...LANGS.filter((other) => other !== lang)]) {
		const heading = section[l]?.heading.trim()
		if (heading) return heading
	}
	return null
}

/**
 * A section's Markdown as typed in one language, parsed: none (the language
 * was cleared), one section, or several when the author typed new headings
 * into it (the first part keeps the section, the rest become new sections).
 */
export function parseSectionMarkdown(markdown: string): SectionText[] {
	return parseSections(markdown).map(({ heading, level, body }) => ({ heading, level, body }))
}

/** Characters of a language's text, all sections together (what MAX_LANG_CHARS bounds). */
export function languageLength(sections: readonly { en: SectionText | null; zh: SectionText | null }[], lang: Lang): number {
	let length = 0
	for (const section of sections) {
		const text = section[lang]
		if (text) length += text.heading.length + text.body.length
	}
	return length
}

/** What is wrong with a draft's text against the limits above: translation keys (`drafts` namespace) with their values. */
export function limitProblems(text: DraftText): { key: string; values?: Record<string, string | number> }[] {
	const problems: { key: string; values?: Record<string, string | number> }[] = []
	if (!text.title.en && !text.title.zh) problems.push({ key: 'errors.title-required' })
	if (LANGS.some((lang) => text.title[lang].length > MAX_TITLE_CHARS)) problems.push({ key: 'errors.field-too-long.title' })
	if (text.sections.length > MAX_SECTIONS) problems.push({ key: 'errors.too-many-sections', values: { max: MAX_SECTIONS, count: text.sections.length } })
	for (const lang of LANGS) {
		const length = languageLength(text.sections, lang)
		if (length > MAX_LANG_CHARS) problems.push({ key: `errors.too-long.${lang}`, values: { max: MAX_LANG_CHARS, count: length } })
	}
	if (text.sections.some((section) => LANGS.some((lang) => (section[lang]?.heading.length ?? 0) > MAX_HEADING_CHARS))) {
		problems.push({ key: 'errors.heading-too-long', values: { max: MAX_HEADING_CHARS } })
	}
	return problems
}
