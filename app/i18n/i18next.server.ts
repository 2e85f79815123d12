/**
 * Server-side i18next: detects the request's language and gives loaders and
 * the document renderer translations. Detection order: the URL's language prefix, then the `lang`
 * cookie (the last language read), then Accept-Language, then English.
 */
import { createCookie } from '@remix-run/node'
import { RemixI18Next } from 'remix-i18next/server'
import { createInstance, type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { DEFAULT_LANG, LANGS, i18nConfig, isLang, type Lang } from './config.ts'
import { getLangFromPath } from './lang.ts'
import { NAMESPACES, resources, type Namespace } from './resources.server.ts'

const LANG_COOKIE_MAX_AGE_S = 60 * 60 * 24 * 365

export const langCookie = createCookie('lang', {
	path: '/',
	sameSite: 'lax',
	httpOnly: true,
	secure: process.env.NODE_ENV === 'production',
	maxAge: LANG_COOKIE_MAX_AGE_S,
})

/** Detects the request's language; translations come from getI18n below. */
const detector = new RemixI18Next({
	detection: {
		supportedLanguages: [...LANGS],
		fallbackLanguage: DEFAULT_LANG,
		cookie: langCookie,
		order: ['custom', 'cookie', 'header'],
		findLocale: async (request) => getLangFromPath(new URL(request.url).pathname),
	},
})

/**
 * One i18next instance per language, created once: the translations are
 * static, so nothing is gained by initialising i18next on every request.
 * The instance's language never changes, so requests can share it.
 */
const instances = new Map<Lang, Promise<I18n>>()

export function getI18n(lang: Lang): Promise<I18n> {
	let instance = instances.get(lang)
	if (!instance) {
		const created = createInstance()
		instance = created
			.use(initReactI18next)
			.init({ ...i18nConfig, lng: lang, ns: [...NAMESPACES], resources })
			.then(() => created)
		instances.set(lang, instance)
	}
	return instance
}

/** A `t` for loaders and meta, fixed to a language and namespaces. */
export async function getFixedT<const N extends Namespace | readonly Namespace[]>(lang: Lang, ns: N) {
	return (await getI18n(lang)).getFixedT<N>(lang, ns)
}

export async function getRequestLang(request: Request): Promise<Lang> {
	const lang = await detector.getLocale(request)
	return isLang(lang) ? lang : DEFAULT_LANG
}

/** The Set-Cookie value remembering `lang`, or null when already remembered. */
export async function rememberLang(request: Request, lang: Lang): Promise<string | null> {
	const current: unknown = await langCookie.parse(request.headers.get('Cookie'))
	return current === lang ? null : langCookie.serialize(lang)
}

/**
 * A page's <title> and description: its own title inside the site's pattern
 * ("Sign in · China-US ZEV Policy Lab"), as `routeMeta` expects them.
 */
export async function pageMeta(lang: Lang, { page, description }: { page: string; description: string }) {
	const t = await getFixedT(lang, 'common')
	return { title: t('meta.title', { page }), description }
}
