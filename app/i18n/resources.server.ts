/**
 * Every translation, bundled into the server: the one list of namespaces.
 * Adding a namespace means adding its two JSON files (locales/en, locales/zh)
 * and two lines here; everything else (the namespace list, typed keys in
 * app/types/i18next.d.ts, the browser's /resources/locales route) derives
 * from `resources`. The browser fetches the namespaces a page's routes name
 * in their `handle.i18n`.
 */
import enAccount from '#locales/en/account.json'
import enAdmin from '#locales/en/admin.json'
import enAuth from '#locales/en/auth.json'
import enCommon from '#locales/en/common.json'
import enDrafts from '#locales/en/drafts.json'
import enContact from '#locales/en/contact.json'
import enEmail from '#locales/en/email.json'
import enGroups from '#locales/en/groups.json'
import enHome from '#locales/en/home.json'
import enMedia from '#locales/en/media.json'
import enMeetings from '#locales/en/meetings.json'
import enNews from '#locales/en/news.json'
import enNewsroom from '#locales/en/newsroom.json'
import enSearch from '#locales/en/search.json'
import enRecords from '#locales/en/records.json'
import enValidation from '#locales/en/validation.json'
import zhAccount from '#locales/zh/account.json'
import zhAdmin from '#locales/zh/admin.json'
import zhAuth from '#locales/zh/auth.json'
import zhCommon from '#locales/zh/common.json'
import zhDrafts from '#locales/zh/drafts.json'
import zhContact from '#locales/zh/contact.json'
import zhEmail from '#locales/zh/email.json'
import zhGroups from '#locales/zh/groups.json'
import zhHome from '#locales/zh/home.json'
import zhMedia from '#locales/zh/media.json'
import zhMeetings from '#locales/zh/meetings.json'
import zhNews from '#locales/zh/news.json'
import zhNewsroom from '#locales/zh/newsroom.json'
import zhSearch from '#locales/zh/search.json'
import zhRecords from '#locales/zh/records.json'
import zhValidation from '#locales/zh/validation.json'
import type { Lang } from './config.ts'

export const resources = {
	en: {
		common: enCommon,
		home: enHome,
		validation: enValidation,
		auth: enAuth,
		account: enAccount,
		admin: enAdmin,
		email: enEmail,
		news: enNews,
		newsroom: enNewsroom,
		media: enMedia,
		groups: enGroups,
		meetings: enMeetings,
		search: enSearch,
		drafts: enDrafts,
		records: enRecords,
		contact: enContact,
	},
	zh: {
		common: zhCommon,
		home: zhHome,
		validation: zhValidation,
		auth: zhAuth,
		account: zhAccount,
		admin: zhAdmin,
		email: zhEmail,
		news: zhNews,
		newsroom: zhNewsroom,
		media: zhMedia,
		groups: zhGroups,
		meetings: zhMeetings,
		search: zhSearch,
		drafts: zhDrafts,
		records: zhRecords,
		contact: zhContact,
	},
} satisfies Record<Lang, unknown>

export type Namespace = keyof (typeof resources)['en']
export const NAMESPACES = Object.keys(resources.en) as Namespace[]

export function isNamespace(value: unknown): value is Namespace {
	return typeof value === 'string' && (NAMESPACES as readonly string[]).includes(value)
}
