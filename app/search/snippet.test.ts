import { describe, expect, test } from 'vitest'
import { parseQuery } from './analyzer.ts'
import { escapeHtml } from '#app/content/html.ts'
import { createHighlighter, highlightHtml, snippetHtml } from './snippet.ts'

function highlighter(q: string, latinLexemes: string[] = [], relaxed = false) {
	return createHighlighter({ query: parseQuery(q), latinLexemes, relaxed })
}

describe('highlightHtml', () => {
	test('marks Chinese substrings inside compounds', () => {
		expect(highlightHtml('购车补贴政策', highlighter('补贴'))).toBe('购车<mark>补贴</mark>政策')
	})

	test('marks English words by their stem, case kept', () => {
		expect(highlightHtml('New Tariffs and a tariff', highlighter('tariffs', ['tariff']))).toBe(
			'New <mark>Tariffs</mark> and a <mark>tariff</mark>',
		)
		// Only at the start of a word.
		expect(highlightHtml('nontariff', highlighter('tariffs', ['tariff']))).toBe('nontariff')
	})

	test('marks both scripts in one text', () => {
		expect(highlightHtml('ZEV 政策 zev', highlighter('ZEV 政策', ['zev']))).toBe(
			'<mark>ZEV</mark> <mark>政策</mark> <mark>zev</mark>',
		)
	})

	test('relaxed searches mark the bigrams that matched', () => {
		expect(highlightHtml('充电站', highlighter('充电桩', [], true))).toBe('<mark>充电</mark>站')
	})

	test('escapes everything outside the marks, also inside a match', () => {
		const html = highlightHtml('<script>alert("补贴")</script> & \'x\'', highlighter('补贴'))
		expect(html).toBe('&lt;script&gt;alert(&quot;<mark>补贴</mark>&quot;)&lt;/script&gt; &amp; &#39;x&#39;')
		expect(highlightHtml('a<b>c', highlighter('b', ['b']))).toBe('a&lt;<mark>b</mark>&gt;c')
	})

	test('a query with nothing to mark leaves the text escaped', () => {
		expect(highlightHtml('<i>', createHighlighter({ query: parseQuery('!!!'), latinLexemes: [], relaxed: false }))).toBe(
			'&lt;i&gt;',
		)
		expect(escapeHtml('"&')).toBe('&quot;&amp;')
	})
})

describe('snippetHtml', () => {
	const filler = 'Lorem ipsum dolor sit amet. '.repeat(30)

	test('shows the part of a long text around the match, with ellipses', () => {
		const html = snippetHtml({
			text: `${filler}Battery recycling rules were agreed. ${filler}`,
			highlighter: highlighter('recycling', ['recycl']),
		})
		expect(html).toContain('<mark>recycling</mark>')
		expect(html.startsWith('…')).toBe(true)
		expect(html.endsWith('…')).toBe(true)
		expect(html.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(182)
	})

	test('Chinese text without spaces is cut by characters', () => {
		const text = `${'电池回收利用体系建设。'.repeat(20)}购车补贴政策延续${'电池回收利用体系建设。'.repeat(20)}`
		const html = snippetHtml({ text, highlighter: highlighter('补贴'), maxChars: 60 })
		expect(html).toContain('购车<mark>补贴</mark>政策')
		expect(html.replace(/<\/?mark>|…/g, '').length).toBeLessThanOrEqual(60)
	})

	test('prefers the densest cluster of matches', () => {
		const text = `tariff once. ${filler} tariff tariff tariff here.`
		const html = snippetHtml({ text, highlighter: highlighter('tariff', ['tariff']), maxChars: 80 })
		expect(html.match(/<mark>/g)).toHaveLength(3)
	})

	test('starts at the beginning when nothing in the body matches', () => {
		const html = snippetHtml({ text: 'Short summary.', highlighter: highlighter('补贴') })
		expect(html).toBe('Short summary.')
	})

	test('never cuts a surrogate pair in half', () => {
		const text = '𠮷'.repeat(100)
		const html = snippetHtml({ text, highlighter: highlighter('x', ['x']), maxChars: 7 })
		expect(html.replace('…', '')).toMatch(/^(?:\uD842\uDFB7)+$/)
	})
})
