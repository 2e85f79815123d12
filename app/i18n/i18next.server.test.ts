/** The server's i18next instances: a fixed `t` is made once and remembers plain keys, and still interpolates. */
import { describe, expect, test } from 'vitest'
import { getFixedT, getI18n } from './i18next.server.ts'

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
