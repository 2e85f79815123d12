/**
 * Addresses of the meetings' pages, calendar files and attachments, in one
 * place so pages, feeds, emails and tests agree on them.
 */
import type { Lang } from '#app/i18n/config.ts'
import { localizePath } from '#app/i18n/lang.ts'

export const meetingPathsWithoutLang = {
	list: '/meetings',
	meeting: (id: string) => `/meetings/${id}`,
	edit: (id: string) => `/meetings/${id}/edit`,
	/** The meeting as an iCalendar file. */
	calendar: (id: string) => `/meetings/${id}/calendar.ics`,
	attachment: (id: string, attachmentId: string) => `/meetings/${id}/attachments/${attachmentId}`,
}

export const meetingPaths = {
	/** `/en/meetings`, or `/en/meetings?group=slug`. */
	list: (lang: Lang, { group = null }: { group?: string | null } = {}) =>
		`${localizePath(lang, meetingPathsWithoutLang.list)}${group ? `?${new URLSearchParams({ group })}` : ''}`,
	meeting: (lang: Lang, id: string) => localizePath(lang, meetingPathsWithoutLang.meeting(id)),
	edit: (lang: Lang, id: string) => localizePath(lang, meetingPathsWithoutLang.edit(id)),
	calendar: (lang: Lang, id: string) => localizePath(lang, meetingPathsWithoutLang.calendar(id)),
	attachment: (lang: Lang, id: string, attachmentId: string) => localizePath(lang, meetingPathsWithoutLang.attachment(id, attachmentId)),
}
