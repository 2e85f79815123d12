/** The browser's translator reads every key of every namespace exactly as i18next (the server's) does. */
import { createInstance, type i18n as I18n } from 'i18next'
import { describe, expect, test } from 'vitest'
import { DEFAULT_NAMESPACE, i18nConfig, LANGS } from './config.ts'
import { NAMESPACES, resources } from './resources.server.ts'
import { findText, translate } from './translate.ts'

/** Every key of a namespace, with its text; plural forms also under their base key. */
function entries(tree: unknown, prefix = ''): [string, string][] {
	if (typeof tree === 'string') return [[prefix, tree]]
	if (typeof tree !== 'object' || tree === null) return []
	return Object.entries(tree).flatMap(([key, value]) => entries(value, prefix ? `${prefix}.${key}` : key))
}

async function reference(lang: string): Promise<I18n> {
	const instance = createInstance()
	await instance.init({ ...i18nConfig, lng: lang, ns: [...NAMESPACES], resources })
	return instance
}

describe('translate', () => {
	test('every key of every namespace, in both languages, with values, counts and namespace prefixes, reads as i18next gives it', async () => {
		let compared = 0
		for (const lang of LANGS) {
			const i18n = await reference(lang)
			for (const ns of NAMESPACES) {
				const plain = i18n.getFixedT(lang, ns) as unknown as (key: string, values?: object) => string
				const anyT = i18n.t.bind(i18n) as unknown as (key: string, values?: object) => string
				const keys = new Set<string>()
				for (const [key] of entries(resources[lang][ns])) keys.add(key.replace(/_(zero|one|two|few|many|other)$/, ''))
				for (const key of keys) {
					const texts = entries(resources[lang][ns]).filter(([k]) => k === key || k.startsWith(`${key}_`))
					const names = [...new Set(texts.flatMap(([, text]) => [...text.matchAll(/\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)/g)].map((m) => m[1]!)))]
					const values = Object.fromEntries(names.map((name, i) => [name, i % 2 ? i * 1000 + 0.5 : `«${name}»`]))
					const cases: (object | undefined)[] = [undefined, values, {}, ...[0, 1, 2, 21, 1234567].map((count) => ({ ...values, count }))]
					for (const options of cases) {
						expect(translate(resources, lang, ns, key, options as never), `${lang} ${ns}:${key} ${JSON.stringify(options)}`).toBe(plain(key, options))
						// The same key named with its namespace, from another default namespace.
						expect(translate(resources, lang, DEFAULT_NAMESPACE, `${ns}:${key}`, options as never)).toBe(anyT(`${ns}:${key}`, options))
						compared += 2
					}
				}
			}
		}
		expect(compared).toBeGreaterThan(10_000)
	})

	test('a missing key reads as its path and does not exist; a value not given stays as written', async () => {
		const i18n = await reference('en')
		const anyT = i18n.t.bind(i18n) as unknown as (key: string) => string
		for (const key of ['no.such.key', 'auth:no.such.key', 'site.no-such']) {
			expect(translate(resources, 'en', 'common', key)).toBe(anyT(key))
			expect(findText(resources, 'en', 'common', key) !== undefined).toBe(i18n.exists(key))
		}
		expect(translate(resources, 'en', 'common', 'meta.title')).toBe(anyT('meta.title'))
		expect(findText(resources, 'en', 'common', 'validation:email.invalid')).toBe(anyT('validation:email.invalid'))
	})
})
