/**
 * Addresses of the working groups' pages, in one place so pages, the
 * sitemap, emails and tests agree on them.
 */
import type { Lang } from '#app/i18n/config.ts'
import { localizePath } from '#app/i18n/lang.ts'

export const groupPathsWithoutLang = {
	list: '/groups',
	create: '/groups/new',
	group: (slug: string) => `/groups/${slug}`,
	edit: (slug: string) => `/groups/${slug}/edit`,
	members: (slug: string) => `/groups/${slug}/members`,
	/** The group's calendar feed; a private group's carries the subscriber's secret (`?token=`). */
	calendar: (slug: string) => `/groups/${slug}/calendar.ics`,
	newMeeting: (slug: string) => `/groups/${slug}/meetings/new`,
}

export const groupPaths = {
	list: (lang: Lang) => localizePath(lang, groupPathsWithoutLang.list),
	create: (lang: Lang) => localizePath(lang, groupPathsWithoutLang.create),
	group: (lang: Lang, slug: string) => localizePath(lang, groupPathsWithoutLang.group(slug)),
	edit: (lang: Lang, slug: string) => localizePath(lang, groupPathsWithoutLang.edit(slug)),
	members: (lang: Lang, slug: string) => localizePath(lang, groupPathsWithoutLang.members(slug)),
	calendar: (lang: Lang, slug: string) => localizePath(lang, groupPathsWithoutLang.calendar(slug)),
	newMeeting: (lang: Lang, slug: string) => localizePath(lang, groupPathsWithoutLang.newMeeting(slug)),
}

/** `/zh/groups/tariff-coordination`. */
export function groupPath(lang: Lang, slug: string): string {
	return groupPaths.group(lang, slug)
}
