/** Addresses of meeting records and the pages around them (isomorphic). */
import type { Lang } from '#app/i18n/config.ts'
import { localizePath } from '#app/i18n/lang.ts'

/** Paths without the language prefix, for canonical URLs and hreflang. */
export const recordPathsWithoutLang = {
	record: (meetingId: string) => `/meetings/${meetingId}/record`,
	edit: (meetingId: string) => `/meetings/${meetingId}/record/edit`,
	history: (meetingId: string, revisionId?: string) =>
		`/meetings/${meetingId}/record/history${revisionId ? `?${new URLSearchParams({ revision: revisionId })}` : ''}`,
	meeting: (meetingId: string) => `/meetings/${meetingId}`,
	group: (slug: string) => `/groups/${slug}`,
	reviews: '/reviews',
	dashboard: '/dashboard',
	actionItems: '/action-items',
}

export const recordPaths = {
	record: (lang: Lang, meetingId: string, saved?: string) =>
		`${localizePath(lang, recordPathsWithoutLang.record(meetingId))}${saved ? `?${new URLSearchParams({ saved })}` : ''}`,
	edit: (lang: Lang, meetingId: string) => localizePath(lang, recordPathsWithoutLang.edit(meetingId)),
	history: (lang: Lang, meetingId: string, revisionId?: string) => localizePath(lang, recordPathsWithoutLang.history(meetingId, revisionId)),
	meeting: (lang: Lang, meetingId: string) => localizePath(lang, recordPathsWithoutLang.meeting(meetingId)),
	group: (lang: Lang, slug: string) => localizePath(lang, recordPathsWithoutLang.group(slug)),
	reviews: (lang: Lang) => localizePath(lang, recordPathsWithoutLang.reviews),
	dashboard: (lang: Lang) => localizePath(lang, recordPathsWithoutLang.dashboard),
	actionItems: (lang: Lang) => localizePath(lang, recordPathsWithoutLang.actionItems),
}
