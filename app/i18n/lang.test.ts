import { describe, expect, test } from 'vitest'
import { getLangFromPath, localizePath, requireLang, stripLang, switchLangHref } from './lang.ts'

describe('language in URLs', () => {
	test('reads the language prefix only when it is a known language', () => {
		expect(getLangFromPath('/zh/news')).toBe('zh')
		expect(getLangFromPath('/en')).toBe('en')
		expect(getLangFromPath('/fr/news')).toBeNull()
		expect(getLangFromPath('/english')).toBeNull()
		expect(getLangFromPath('/')).toBeNull()
	})

	test('localizes and strips paths', () => {
		expect(localizePath('zh')).toBe('/zh')
		expect(localizePath('en', '/news/a')).toBe('/en/news/a')
		expect(localizePath('en', 'news')).toBe('/en/news')
		expect(stripLang('/zh/news/a')).toBe('/news/a')
		expect(stripLang('/zh')).toBe('/')
	})

	test('switching keeps the path, its parameters, the query and the hash', () => {
		expect(switchLangHref({ pathname: '/en/news/tariffs', search: '?tag=a&page=2', hash: '#c' }, 'zh')).toBe(
			'/zh/news/tariffs?tag=a&page=2#c',
		)
		expect(switchLangHref({ pathname: '/zh', search: '', hash: '' }, 'en')).toBe('/en')
	})

	test('a path in an unknown language switches to the home page', () => {
		expect(switchLangHref({ pathname: '/fr/x', search: '?q=1', hash: '' }, 'zh')).toBe('/zh')
	})

	test('requireLang answers 404 for anything but en and zh', () => {
		expect(requireLang({ lang: 'zh' })).toBe('zh')
		for (const lang of ['fr', 'EN', 'zh-CN', undefined]) {
			try {
				requireLang({ lang })
				expect.unreachable()
			} catch (error) {
				expect(error).toBeInstanceOf(Response)
				expect((error as Response).status).toBe(404)
			}
		}
	})
})
