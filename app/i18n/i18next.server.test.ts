/** The server's i18next instances: a fixed `t` is made once and remembers plain keys, and still interpolates. */
import { createInstance } from 'i18next'
import { describe, expect, test } from 'vitest'
import { i18nConfig, LANGS } from './config.ts'
import { getFixedT, getI18n } from './i18next.server.ts'
import { NAMESPACES, resources } from './resources.server.ts'

/** Every key of a namespace's resources, with its text. */
function entries(tree: unknown, prefix = ''): [string, string][] {
	if (typeof tree === 'string') return [[prefix, tree]]
	if (typeof tree !== 'object' || tree === null) return []
	return Object.entries(tree).flatMap(([key, value]) => entries(value, prefix ? `${prefix}.${key}` : key))
}

describe('getFixedT', () => {
	test('plain keys and keys with options translate as i18next does, in each language', async () => {
		for (const [lang, name] of [
			['en', 'China-US ZEV Policy Lab'],
			['zh', '中美零排放汽车政策实验室'],
		] as const) {
			const t = await getFixedT(lang, 'common')
			expect(t('site.name')).toBe(name)
			// Remembered: the same text the second time.
			expect(t('site.name')).toBe(name)
			expect(t('meta.title', { page: 'A' })).toBe(`A · ${name}`)
			expect(t('meta.title', { page: 'B' })).toBe(`B · ${name}`)
			// i18next's own answer for a missing key (the key), not remembered as anything else.
			expect(t('no.such.key' as 'site.name')).toBe('no.such.key')
		}
	})

	test("one fixed `t` per language, namespaces and prefix, carrying i18next's properties", async () => {
		const i18n = await getI18n('zh')
		const first = i18n.getFixedT('zh', ['common', 'news'])
		expect(i18n.getFixedT('zh', ['common', 'news'])).toBe(first)
		expect(i18n.getFixedT('zh', 'common')).not.toBe(first)
		const { lng, ns } = first as unknown as { lng: unknown; ns: unknown }
		expect({ lng, ns }).toEqual({ lng: 'zh', ns: ['common', 'news'] })
		const prefixed = i18n.getFixedT('zh', 'common', 'site')
		expect(prefixed('name')).toBe('中美零排放汽车政策实验室')
		expect(i18n.getFixedT('en', 'common', 'site')('name')).toBe('China-US ZEV Policy Lab')
	})
})

describe('remembered translations', () => {
	test('every key of every namespace, in both languages, with and without values, reads exactly as plain i18next gives it', async () => {
		let compared = 0
		for (const lang of LANGS) {
			const reference = createInstance()
			await reference.init({ ...i18nConfig, lng: lang, ns: [...NAMESPACES], resources })
			for (const ns of NAMESPACES) {
				const t = (await getI18n(lang)).getFixedT(lang, ns) as unknown as (key: string, values?: object) => string
				const plain = reference.getFixedT(lang, ns) as unknown as (key: string, values?: object) => string
				for (const [key, text] of entries(resources[lang][ns])) {
					const names = [...text.matchAll(/\{\{-?\s*([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]!)
					const values = Object.fromEntries(names.map((name, i) => [name, i % 2 ? i * 1000 : `«${name}»`]))
					// Twice: the second answer comes from what the first remembered.
					for (let round = 0; round < 2; round++) {
						expect(t(key)).toBe(plain(key))
						expect(t(key, values)).toBe(plain(key, values))
						// Some values missing: their placeholders stay, as i18next leaves them.
						expect(t(key, { ...values, [names[0] ?? 'unused']: undefined })).toBe(plain(key, { ...values, [names[0] ?? 'unused']: undefined }))
					}
					compared += 1
				}
			}
		}
		expect(compared).toBeGreaterThan(500)
	})

	test('options i18next reads itself still go to i18next: plurals, defaults, nesting', async () => {
		const i18n = await getI18n('en')
		i18n.addResourceBundle('en', 'common', { testing: { items_one: '{{count}} item', items_other: '{{count}} items', nested: 'see $t(testing.leaf)', leaf: 'the leaf {{who}}' } }, true, true)
		const t = i18n.getFixedT('en', 'common') as unknown as (key: string, values?: object) => string
		expect(t('testing.items', { count: 1 })).toBe('1 item')
		expect(t('testing.items', { count: 3 })).toBe('3 items')
		expect(t('testing.nested', { who: 'x' })).toBe('see the leaf x')
		expect(t('testing.none', { defaultValue: 'fallback' })).toBe('fallback')
	})
})
