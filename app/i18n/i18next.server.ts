/**
 * Server-side i18next: detects the request's language and gives loaders a
 * fixed `t`. Detection order: the URL's language prefix, then the `lang`
 * cookie (the last language read), then Accept-Language, then English.
 */
import { createCookie } from '@remix-run/node'
import { RemixI18Next } from 'remix-i18next/server'
import { DEFAULT_LANG, LANGS, i18nConfig, isLang, type Lang } from './config.ts'
import { getLangFromPath } from './lang.ts'
import { resources } from './resources.server.ts'

const LANG_COOKIE_MAX_AGE_S = 60 * 60 * 24 * 365

export const langCookie = createCookie('lang', {
	path: '/',
	sameSite: 'lax',
	httpOnly: true,
	secure: process.env.NODE_ENV === 'production',
	maxAge: LANG_COOKIE_MAX_AGE_S,
})

export const i18next = new RemixI18Next({
	detection: {
		supportedLanguages: [...LANGS],
		fallbackLanguage: DEFAULT_LANG,
		cookie: langCookie,
		order: ['custom', 'cookie', 'header'],
		findLocale: async (request) => getLangFromPath(new URL(request.url).pathname),
	},
	i18next: { ...i18nConfig, resources },
})

export async function getRequestLang(request: Request): Promise<Lang> {
	const lang = await i18next.getLocale(request)
	return isLang(lang) ? lang : DEFAULT_LANG
}

/** The Set-Cookie value remembering `lang`, or null when already remembered. */
export async function rememberLang(request: Request, lang: Lang): Promise<string | null> {
	const current: unknown = await langCookie.parse(request.headers.get('Cookie'))
	return current === lang ? null : langCookie.serialize(lang)
}
