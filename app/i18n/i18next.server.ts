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
			.then(() => withRememberedTranslations(created))
		instances.set(lang, instance)
	}
	return instance
}

/** Plain keys a `t` remembers; beyond this it stops remembering (keys come from code, so this is never reached in practice). */
const REMEMBERED_KEYS_MAX = 5_000

/**
 * i18next resolves every `t(key)` anew (key separators, namespaces,
 * fallbacks, interpolation), ~10 µs a call: a list of 200 rows with a
 * status label each spent milliseconds a page on it. The translations are
 * static, so a plain key's text (no options: nothing to interpolate) is
 * the same on every call: each fixed `t` (language, namespaces, prefix) is
 * made once and remembers its plain keys' texts. Calls with options go to
 * i18next as before.
 */
function withRememberedTranslations(instance: I18n): I18n {
	type Translate = ((key: unknown, ...rest: unknown[]) => string) & { lng?: unknown; lngs?: unknown; ns?: unknown; keyPrefix?: unknown }
	const getFixedT = instance.getFixedT.bind(instance) as unknown as (lng: unknown, ns?: unknown, keyPrefix?: unknown) => Translate
	const fixedTs = new Map<string, Translate>()
	instance.getFixedT = ((lng: unknown, ns?: unknown, keyPrefix?: unknown) => {
		const id = JSON.stringify([lng, ns, keyPrefix])
		let fixed = fixedTs.get(id)
		if (!fixed) {
			const t = getFixedT(lng, ns, keyPrefix)
			const texts = new Map<string, string>()
			const remembering = (key: unknown, ...rest: unknown[]) => {
				if (rest.length > 0 || typeof key !== 'string') return t(key, ...rest)
				let text = texts.get(key)
				if (text === undefined) {
					text = t(key)
					if (texts.size < REMEMBERED_KEYS_MAX) texts.set(key, text)
				}
				return text
			}
			// i18next's fixed `t` carries its language, namespaces and prefix as properties.
			const made: Translate = Object.assign(remembering, { lng: t.lng, lngs: t.lngs, ns: t.ns, keyPrefix: t.keyPrefix })
			fixedTs.set(id, made)
			fixed = made
		}
		return fixed
	}) as unknown as I18n['getFixedT']
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
