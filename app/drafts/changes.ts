/**
 * A revision's changed fields in words: "Title (English)", "“Scope” (中文)",
 * "Section added: “Funding”". Field names are what the saves record
 * (save.queries.server.ts, review.queries.server.ts); sections are named by
 * their heading as the caller knows it, in the reader's language.
 */
import type { TFunction } from 'i18next'
import { isLang } from '#app/i18n/config.ts'

export function describeChange(t: TFunction<'drafts'>, field: string, headingOf: (sectionId: string) => string | null): string {
	const title = /^title\.(en|zh)$/.exec(field)
	if (title && isLang(title[1])) return t('changes.title', { language: t(`language.${title[1]}`) })
	if (field === 'sections.order') return t('changes.order')
	if (field === 'status') return t('changes.status')
	if (field === 'reviewers') return t('changes.reviewers')
	const section = /^section\.([0-9a-z]+)\.(en|zh|added|removed)(\.translated)?$/.exec(field)
	if (section) {
		const heading = headingOf(section[1]!) ?? t('changes.untitled')
		const part = section[2]!
		if (part === 'added') return t('changes.section-added', { heading })
		if (part === 'removed') return t('changes.section-removed', { heading })
		const language = t(`language.${part as 'en' | 'zh'}`)
		return section[3] ? t('changes.translated', { heading, language }) : t('changes.section', { heading, language })
	}
	return field
}

export function describeChanges(t: TFunction<'drafts'>, fields: readonly string[], headingOf: (sectionId: string) => string | null): string {
	return fields.map((field) => describeChange(t, field, headingOf)).join(t('list-separator'))
}
