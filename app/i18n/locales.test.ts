/**
 * Both languages ship the same keys, with the same placeholders, and no
 * empty strings: a key added to one language only fails here.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { LANGS } from './config.ts'
import { NAMESPACES } from './resources.server.ts'

const LOCALES_DIR = path.resolve(import.meta.dirname, '../../locales')

type Messages = Record<string, string>

function flatten(value: unknown, prefix = '', out: Messages = {}): Messages {
	if (typeof value === 'string') out[prefix] = value
	else if (value && typeof value === 'object') {
		for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out)
	}
	return out
}

/** Keys without their plural suffix: Chinese has no `_one`, English has. */
function baseKey(key: string) {
	return key.replace(/_(zero|one|two|few|many|other)$/, '')
}

function placeholders(message: string) {
	return [...message.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort()
}

function compareLocales(a: Messages, b: Messages) {
	const aKeys = new Set(Object.keys(a).map(baseKey))
	const bKeys = new Set(Object.keys(b).map(baseKey))
	return {
		onlyInFirst: [...aKeys].filter((k) => !bKeys.has(k)),
		onlyInSecond: [...bKeys].filter((k) => !aKeys.has(k)),
		placeholderMismatches: Object.keys(a).filter(
			(k) => k in b && placeholders(a[k]!).join() !== placeholders(b[k]!).join(),
		),
	}
}

function load(lang: string, ns: string): Messages {
	return flatten(JSON.parse(readFileSync(path.join(LOCALES_DIR, lang, `${ns}.json`), 'utf8')))
}

describe('locales', () => {
	test('every language has exactly the namespaces the app declares', () => {
		for (const lang of LANGS) {
			const files = readdirSync(path.join(LOCALES_DIR, lang)).filter((f) => f.endsWith('.json'))
			expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...NAMESPACES].sort())
		}
	})

	test.each(NAMESPACES)('%s: English and Chinese have the same keys and placeholders', (ns) => {
		const en = load('en', ns)
		const zh = load('zh', ns)
		expect(compareLocales(en, zh)).toEqual({ onlyInFirst: [], onlyInSecond: [], placeholderMismatches: [] })
	})

	test.each(LANGS.flatMap((lang) => NAMESPACES.map((ns) => [lang, ns] as const)))(
		'%s/%s has no empty message',
		(lang, ns) => {
			const empty = Object.entries(load(lang, ns)).filter(([, message]) => message.trim() === '')
			expect(empty).toEqual([])
		},
	)

	test('the comparison catches a key present in one language only', () => {
		const result = compareLocales({ 'a.b': 'x', 'a.c': 'y' }, { 'a.b': '甲' })
		expect(result.onlyInFirst).toEqual(['a.c'])
		expect(compareLocales({ 'a.b': '{{n}} x' }, { 'a.b': '甲' }).placeholderMismatches).toEqual(['a.b'])
	})
})
