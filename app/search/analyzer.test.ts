import { describe, expect, test } from 'vitest'
import {
	MAX_QUERY_CHARS,
	MAX_QUERY_TERMS,
	analyzeField,
	bigrams,
	combineUnits,
	canRelax,
	cleanText,
	fuzzyText,
	normalizeText,
	parseQuery,
	queryUnits,
} from './analyzer.ts'
import { seededRandom } from './relevance-set.ts'

/** The lexemes of a tsvector literal with their positions. */
function lexemes(literal: string): Record<string, number[]> {
	const result: Record<string, number[]> = {}
	for (const match of literal.matchAll(/'([^']+)':([\d,]+)/g)) result[match[1]!] = match[2]!.split(',').map(Number)
	return result
}

describe('cleanText / normalizeText', () => {
	test('removes NUL, control characters and lone surrogates; keeps pairs', () => {
		expect(cleanText('a\u0000b\u0007c')).toBe('a b c')
		expect(cleanText('x\uD800y\uDC00z')).toBe('x y z')
		expect(cleanText('𠮷野家')).toBe('𠮷野家')
	})

	test('folds full-width Latin and digits (NFKC) and lower-cases', () => {
		expect(normalizeText('ＺＥＶ　２０２４')).toBe('zev 2024')
	})
})

describe('bigrams', () => {
	test('overlapping pairs; none for one character', () => {
		expect(bigrams('电动汽车')).toEqual(['电动', '动汽', '汽车'])
		expect(bigrams('补')).toEqual([])
		// Characters outside the BMP count as one.
		expect(bigrams('𠮷野家')).toEqual(['𠮷野', '野家'])
	})
})

describe('analyzeField', () => {
	test('bigrams at consecutive positions, the run end as a unigram, CJK removed from the Latin text', () => {
		const field = analyzeField('ZEV 购车补贴政策')
		expect(field.latinText.trim()).toBe('zev')
		expect(lexemes(field.cjkVector)).toEqual({
			购车: [1],
			车补: [2],
			补贴: [3],
			贴政: [4],
			政策: [5],
			策: [6],
		})
	})

	test('runs are separated by a gap so no phrase spans punctuation', () => {
		const positions = lexemes(analyzeField('充电桩，建设').cjkVector)
		expect(positions['充电']).toEqual([1])
		expect(positions['电桩']).toEqual([2])
		expect(positions['建设']![0]! - positions['电桩']![0]!).toBeGreaterThan(1)
	})

	test('repeated bigrams collect their positions', () => {
		expect(lexemes(analyzeField('补贴和补贴').cjkVector)['补贴']).toEqual([1, 4])
	})

	test('English-only text has an empty CJK vector', () => {
		expect(analyzeField('Tariffs on EVs').cjkVector).toBe('')
	})

	test('random Han text cannot produce more lexemes than a tsvector holds', () => {
		let text = ''
		const random = seededRandom(3)
		for (let i = 0; i < 200_000; i++) text += String.fromCodePoint(0x4e00 + Math.floor(random() * 20_000))
		const count = Object.keys(lexemes(analyzeField(text).cjkVector)).length
		expect(count).toBe(50_000)
	})

	test('positions stay within what a tsvector accepts, even in very long text', () => {
		const field = analyzeField('电动汽车'.repeat(6000))
		const all = Object.values(lexemes(field.cjkVector)).flat()
		expect(Math.max(...all)).toBeLessThanOrEqual(16383)
		expect(Math.min(...all)).toBeGreaterThanOrEqual(1)
		for (const list of Object.values(lexemes(field.cjkVector))) expect(list.length).toBeLessThanOrEqual(256)
	})
})

describe('parseQuery', () => {
	test('blank and punctuation-only queries are empty, with a reason', () => {
		expect(parseQuery('   ').empty).toBe('blank')
		expect(parseQuery(undefined).empty).toBe('blank')
		expect(parseQuery(42).empty).toBe('blank')
		expect(parseQuery('&|!():*\'\\').empty).toBe('no-terms')
		expect(parseQuery('，。！？').empty).toBe('no-terms')
	})

	test('splits mixed-script queries into Latin words and CJK runs', () => {
		expect(parseQuery('ZEV 政策').terms).toEqual([
			{ type: 'latin', text: 'zev', phrase: false },
			{ type: 'cjk', text: '政策', phrase: false },
		])
		expect(parseQuery('G20对话').terms).toEqual([
			{ type: 'latin', text: 'g20', phrase: false },
			{ type: 'cjk', text: '对话', phrase: false },
		])
	})

	test('quoted phrases in straight, curly and corner quotes', () => {
		expect(parseQuery('"charging infrastructure" tariffs').terms).toEqual([
			{ type: 'latin', text: 'charging infrastructure', phrase: true },
			{ type: 'latin', text: 'tariffs', phrase: false },
		])
		expect(parseQuery('“dual credit”').terms).toEqual([{ type: 'latin', text: 'dual credit', phrase: true }])
		expect(parseQuery('「双积分」').terms).toEqual([{ type: 'cjk', text: '双积分', phrase: true }])
		// An unclosed quote runs to the end.
		expect(parseQuery('"battery recycling').terms).toEqual([{ type: 'latin', text: 'battery recycling', phrase: true }])
	})

	test('drops duplicate terms and keeps at most MAX_QUERY_TERMS', () => {
		expect(parseQuery('tariff tariff TARIFF').terms).toHaveLength(1)
		const many = parseQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))
		expect(many.terms).toHaveLength(MAX_QUERY_TERMS)
		expect(many.truncated).toBe(true)
	})

	test('a 10,000-character query is cut to MAX_QUERY_CHARS', () => {
		const parsed = parseQuery('补'.repeat(10_000))
		expect(parsed.truncated).toBe(true)
		const chars = parsed.terms.reduce((sum, term) => sum + Array.from(term.text).length, 0)
		expect(chars).toBeLessThanOrEqual(MAX_QUERY_CHARS)
	})

	test('NUL and lone surrogates only separate words', () => {
		expect(parseQuery('tariff\u0000s \uD800补贴').terms).toEqual([
			{ type: 'latin', text: 'tariff', phrase: false },
			{ type: 'latin', text: 's', phrase: false },
			{ type: 'cjk', text: '补贴', phrase: false },
		])
	})
})

describe('queryUnits and combineUnits', () => {
	const texts = (q: string, mode: 'strict' | 'loose') => queryUnits(parseQuery(q), mode).map((unit) => unit.text)

	test('a CJK run needs all its bigrams, adjacent when quoted; one character is a prefix', () => {
		expect(queryUnits(parseQuery('补贴'), 'strict')).toEqual([{ text: "'补贴'", english: false }])
		expect(texts('双积分', 'strict')).toEqual(["'双积' & '积分'"])
		expect(texts('"双积分"', 'strict')).toEqual(["'双积' <-> '积分'"])
		expect(texts('补', 'strict')).toEqual(["'补':*"])
	})

	test('Latin words and phrases are quoted for to_tsquery; loose units split phrases and runs', () => {
		expect(queryUnits(parseQuery('tariffs "charging infrastructure"'), 'strict')).toEqual([
			{ text: "'tariffs'", english: true },
			{ text: "'charging infrastructure'", english: true },
		])
		expect(texts('tariffs "charging infrastructure"', 'loose')).toEqual(["'tariffs'", "'charging'", "'infrastructure'"])
		expect(texts('充电桩建设', 'loose')).toEqual(["'充电'", "'电桩'", "'桩建'", "'建设'"])
	})

	test('all needs every unit; any forgives one of three or more, else needs one', () => {
		expect(combineUnits(['a', 'b'], 'all')).toBe('(a) & (b)')
		expect(combineUnits(['a', 'b'], 'any')).toBe('(a) | (b)')
		expect(combineUnits(['a', 'b', 'c'], 'any')).toBe('((b) & (c)) | ((a) & (c)) | ((a) & (b))')
		expect(combineUnits(['a', '', 'b'], 'all')).toBe('(a) & (b)')
	})

	test('no tsquery syntax survives hostile input', () => {
		const hostile = "'); drop table users; -- a&b|c!d(e)f:*g<->h\\i \"x'y\""
		for (const unit of queryUnits(parseQuery(hostile), 'strict')) {
			// Each unit is one quoted run of letters, digits and spaces.
			expect(unit.text).toMatch(/^'[\p{L}\p{N} .\-_]+'$/u)
			expect(unit.english).toBe(true)
		}
	})
})

describe('canRelax and fuzzyText', () => {
	test('relaxing helps only when there is more than one piece to match', () => {
		expect(canRelax(parseQuery('tariff'))).toBe(false)
		expect(canRelax(parseQuery('补贴'))).toBe(false)
		expect(canRelax(parseQuery('充电桩'))).toBe(true)
		expect(canRelax(parseQuery('tariff policy'))).toBe(true)
		expect(canRelax(parseQuery('"tariff policy"'))).toBe(true)
	})

	test('the fuzzy text is the Latin words only', () => {
		expect(fuzzyText(parseQuery('tarrifs 补贴 chargng'))).toBe('tarrifs chargng')
		expect(fuzzyText(parseQuery('补贴'))).toBe('')
	})
})
