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

/** Options i18next reads itself (plurals, context, fallbacks…): a call with one of these always goes to i18next. */
const I18NEXT_OPTIONS = new Set(['count', 'context', 'ordinal', 'replace', 'lng', 'lngs', 'ns', 'keyPrefix', 'postProcess', 'interpolation', 'returnObjects', 'returnDetails', 'joinArrays', 'nsSeparator', 'keySeparator', 'skipInterpolation', 'fallbackLng'])
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * A text's placeholders, read once: `parts` alternates the text between
 * placeholders (even indexes) with each placeholder's name (odd), and
 * `wholes` keeps each placeholder as written. Null when i18next must
 * interpolate the text itself: nesting (`$t(…)`), or a placeholder with a
 * format or a prefix (`{{x, number}}`, `{{- x}}`).
 */
interface PlainTemplate {
	names: Set<string>
	parts: string[]
	wholes: string[]
}

/** Texts come from the translation files, so this many is never reached in practice. */
const TEMPLATES_MAX = 5_000
const templates = new Map<string, PlainTemplate | null>()

function parseTemplate(text: string): PlainTemplate | null {
	if (text.includes('$t(')) return null
	const template: PlainTemplate = { names: new Set(), parts: [], wholes: [] }
	let last = 0
	for (const match of text.matchAll(PLACEHOLDER)) {
		const name = match[1]!.trim()
		if (!PLAIN_NAME.test(name)) return null
		template.names.add(name)
		template.parts.push(text.slice(last, match.index), name)
		template.wholes.push(match[0])
		last = match.index + match[0].length
	}
	template.parts.push(text.slice(last))
	return template
}

function plainTemplate(text: string): PlainTemplate | null {
	let template = templates.get(text)
	if (template === undefined) {
		template = parseTemplate(text)
		if (templates.size < TEMPLATES_MAX) templates.set(text, template)
	}
	return template
}

/**
 * `text` with `{{name}}` replaced by `values.name`, as i18next interpolates
 * with escapeValue off; null when i18next must do it: the text is no plain
 * template (above), or a value is no placeholder of the text (an option
 * i18next would read). A list of 200 rows calls this for every label, so
 * the text is parsed once, not per call.
 */
function interpolatePlain(text: string, values: Record<string, unknown>): string | null {
	const template = plainTemplate(text)
	if (!template) return null
	for (const name of Object.keys(values)) {
		if (!template.names.has(name) || I18NEXT_OPTIONS.has(name) || name.startsWith('defaultValue')) return null
		const value = values[name]
		if (typeof value !== 'string' && typeof value !== 'number') return null
	}
	let result = template.parts[0]!
	for (let i = 1; i < template.parts.length; i += 2) {
		const name = template.parts[i]!
		// A value missing from `values` stays as written, as i18next leaves it.
		result += (Object.hasOwn(values, name) ? String(values[name]) : template.wholes[(i - 1) / 2]!) + template.parts[i + 1]!
	}
	return result
}

/**
 * i18next resolves every `t(key)` anew (key separators, namespaces,
 * fallbacks, interpolation), ~10 µs a call: a list of 200 rows with a
 * status label each spent milliseconds a page on it. The translations are
 * static, so a key's text is the same on every call: each fixed `t`
 * (language, namespaces, prefix) is made once and remembers its keys'
 * texts, and fills in plain `{{name}}` values itself (interpolatePlain).
 * Anything else (plurals, context, formats, nesting) goes to i18next.
 */
function withRememberedTranslations(instance: I18n): I18n {
	type Translate = ((key: unknown, ...rest: unknown[]) => string) & { lng?: unknown; lngs?: unknown; ns?: unknown; keyPrefix?: unknown }
	const getFixedT = instance.getFixedT.bind(instance) as unknown as (lng: unknown, ns?: unknown, keyPrefix?: unknown) => Translate
	const fixedTs = new Map<string, Translate>()
	// interpolatePlain fills in values as they are: right only while i18next does not escape them (app/i18n/config.ts).
	const interpolates = instance.options.interpolation?.escapeValue === false
	instance.getFixedT = ((lng: unknown, ns?: unknown, keyPrefix?: unknown) => {
		// Called by every useTranslation of a render: a key made by joining, not JSON.stringify.
		const id = `${String(lng)}\u0000${Array.isArray(ns) ? ns.join('\u0001') : String(ns)}\u0000${String(keyPrefix)}`
		let fixed = fixedTs.get(id)
		if (!fixed) {
			const t = getFixedT(lng, ns, keyPrefix)
			const texts = new Map<string, string>()
			const remember = (key: string) => {
				let text = texts.get(key)
				if (text === undefined) {
					text = t(key)
					if (texts.size < REMEMBERED_KEYS_MAX) texts.set(key, text)
				}
				return text
			}
			const remembering = (key: unknown, ...rest: unknown[]) => {
				if (typeof key !== 'string' || rest.length > 1) return t(key, ...rest)
				if (rest.length === 0) return remember(key)
				const values = rest[0]
				if (!interpolates || typeof values !== 'object' || values === null || Array.isArray(values)) return t(key, ...rest)
				return interpolatePlain(remember(key), values as Record<string, unknown>) ?? t(key, ...rest)
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
