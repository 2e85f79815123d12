/**
 * The part of i18next the portal's texts use, for the browser: a namespace
 * prefix (`auth:roles.admin`), dotted keys, plurals by `count`
 * (`key_one`/`key_other`, by Intl.PluralRules), and `{{name}}` values,
 * inserted as they are (i18nConfig: React escapes), with `{{count, number}}`
 * formatted for the language. i18next itself is 14 KB gzip of every page
 * that hydrates (issue 14's budget); the server keeps it, and
 * translate.test.ts checks that this reads every key of every namespace, in
 * both languages, exactly as i18next does.
 */
import { numberFormat } from './format.ts'

/** Translations by language, then namespace: the JSON of locales/<lang>/<namespace>.json. */
export type Resources = Record<string, Record<string, unknown>>

export interface TranslateOptions {
	count?: number
	[name: string]: unknown
}

const NS_SEPARATOR = ':'
const KEY_SEPARATOR = '.'
const PLURAL_SEPARATOR = '_'
const PLACEHOLDER = /\{\{(.+?)\}\}/g

const pluralRules = new Map<string, Intl.PluralRules>()

function plural(lng: string, count: number): string {
	let rules = pluralRules.get(lng)
	if (!rules) pluralRules.set(lng, (rules = new Intl.PluralRules(lng)))
	return rules.select(count)
}

function formatNumber(lng: string, value: unknown): string {
	return numberFormat(lng).format(value as number)
}

/** `ns:a.b` → the namespace and the path; without a prefix, `defaultNs`. */
export function splitKey(key: string, defaultNs: string): { ns: string; path: string } {
	const at = key.indexOf(NS_SEPARATOR)
	return at > 0 ? { ns: key.slice(0, at), path: key.slice(at + NS_SEPARATOR.length) } : { ns: defaultNs, path: key }
}

/** What a dotted path names in a tree of objects (a text among the translations, a value among the options). */
function lookup(tree: unknown, path: string): unknown {
	let node = tree
	for (const part of path.split(KEY_SEPARATOR)) {
		if (typeof node !== 'object' || node === null) return undefined
		node = (node as Record<string, unknown>)[part]
	}
	return node
}

/** The text of `key` as written (before values are filled in), or undefined when there is none. */
export function findText(resources: Resources, lng: string, defaultNs: string, key: string, count?: number): string | undefined {
	const { ns, path } = splitKey(key, defaultNs)
	const tree = resources[lng]?.[ns]
	if (typeof count === 'number') {
		const text = lookup(tree, `${path}${PLURAL_SEPARATOR}${plural(lng, count)}`)
		if (typeof text === 'string') return text
	}
	const text = lookup(tree, path)
	return typeof text === 'string' ? text : undefined
}

/**
 * The text of `key` in `lng` with `options`' values; a key with no text reads
 * as its path, as i18next answers (for a key that names a group of texts,
 * i18next answers with a warning sentence instead: no page asks for one).
 */
export function translate(resources: Resources, lng: string, defaultNs: string, key: string, options: TranslateOptions = {}): string {
	const text = findText(resources, lng, defaultNs, key, typeof options.count === 'number' ? options.count : undefined)
	if (text === undefined) return splitKey(key, defaultNs).path
	return text.replace(PLACEHOLDER, (whole, inner: string) => {
		const [name = '', format] = inner.split(',').map((part) => part.trim())
		const value = lookup(options, name)
		// As i18next: a formatted value is formatted even when not given ("NaN"); any other stays as written.
		if (format === 'number') return formatNumber(lng, value)
		return value === undefined ? whole : String(value)
	})
}
