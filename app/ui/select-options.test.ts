/** Long option lists as HTML: the same options, escaped, with the chosen one marked. */
import { describe, expect, test } from 'vitest'
import { renderToStaticMarkup } from 'react-dom/server'
import { createElement } from 'react'
import { optionsHtml } from './select-options.ts'

const zones = [
	{ value: 'Africa/Abidjan', label: 'Africa/Abidjan' },
	{ value: 'America/Los_Angeles', label: 'America/Los Angeles' },
	{ value: 'Asia/Shanghai', label: 'Asia/Shanghai' },
	{ value: 'x"<&>\'', label: 'a <b> & "c"' },
]

/** What React renders for the same options as elements, with `defaultValue`. */
const asReact = (selected: string | undefined) =>
	renderToStaticMarkup(
		createElement(
			'select',
			{ defaultValue: selected },
			zones.map((zone) => createElement('option', { key: zone.value, value: zone.value }, zone.label)),
		),
	)

describe('optionsHtml', () => {
	test('the same HTML React renders for the options as elements, chosen one included', () => {
		for (const selected of [undefined, 'Africa/Abidjan', 'America/Los_Angeles', 'Asia/Shanghai', 'x"<&>\'', 'Nowhere/Else']) {
			// React writes an apostrophe as &#x27;, the portal's escape as &#39;: the same character.
			expect(`<select>${optionsHtml(zones, selected)}</select>`.replaceAll('&#39;', '&#x27;')).toBe(asReact(selected))
		}
	})

	test('a value that only ends like another is not taken for it', () => {
		const options = [
			{ value: 'Etc/GMT+1', label: 'GMT+1' },
			{ value: 'GMT+1', label: 'GMT+1 alone' },
		]
		expect(optionsHtml(options, 'GMT+1')).toBe('<option value="Etc/GMT+1">GMT+1</option><option value="GMT+1" selected="">GMT+1 alone</option>')
	})
})
