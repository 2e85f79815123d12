/**
 * The portal's languages and i18next settings shared by server and browser.
 * URLs carry the language code (`/en/…`, `/zh/…`); `<html lang>` carries the
 * BCP 47 tag of the variant we write (Simplified Chinese as used in China).
 */
export const LANGS = ['en', 'zh'] as const
export type Lang = (typeof LANGS)[number]
export const DEFAULT_LANG: Lang = 'en'

export const HTML_LANG: Record<Lang, string> = { en: 'en', zh: 'zh-CN' }

export const DEFAULT_NAMESPACE = 'common'

export function isLang(value: unknown): value is Lang {
	return typeof value === 'string' && (LANGS as readonly string[]).includes(value)
}

export function otherLang(lang: Lang): Lang {
	return lang === 'en' ? 'zh' : 'en'
}

export const i18nConfig = {
	supportedLngs: [...LANGS],
	fallbackLng: DEFAULT_LANG,
	defaultNS: DEFAULT_NAMESPACE,
	// Both languages ship every key (a unit test checks), so a fallback
	// would only hide a bug; but a visitor still sees English, not a key.
	react: { useSuspense: false },
	interpolation: { escapeValue: false },
} as const

/** Davis for English readers, Beijing for Chinese ones, until accounts choose. */
export const DEFAULT_TIME_ZONE: Record<Lang, string> = {
	en: 'America/Los_Angeles',
	zh: 'Asia/Shanghai',
}
