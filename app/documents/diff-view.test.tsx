import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { diffText } from './diff.ts'
import { DiffView, type DiffViewLabels } from './diff-view.tsx'

const labels: DiffViewLabels = { inserted: '插入', deleted: '删除', before: '修改前', after: '修改后' }
const parts = diffText({ before: '我们支持电动汽车补贴政策\n第二行\n', after: '我们支持电动汽车税收政策\n第二行\n', lang: 'zh' })

describe('DiffView', () => {
	it('marks insertions and deletions with ins/del, hidden labels for screen readers, and not by colour alone', () => {
		const html = renderToStaticMarkup(<DiffView parts={parts} lang="zh-CN" labels={labels} layout="inline" />)
		expect(html).toContain('lang="zh-CN"')
		expect(html).toMatch(/<del class="[^"]*line-through[^"]*"><span class="sr-only">删除 <\/span>补贴<\/del>/)
		expect(html).toMatch(/<ins class="[^"]*underline[^"]*"><span class="sr-only">插入 <\/span>税收<\/ins>/)
		expect(html).not.toContain('<table')
	})

	it('renders both layouts when responsive: inline below lg, two columns from lg', () => {
		const html = renderToStaticMarkup(<DiffView parts={parts} lang="zh-CN" labels={labels} />)
		expect(html).toMatch(/<table class="[^"]*hidden lg:table[^"]*" data-layout="side-by-side">/)
		expect(html).toMatch(/<div class="[^"]*lg:hidden[^"]*" data-layout="inline">/)
	})

	it('puts old and new lines side by side under the caller’s column headings', () => {
		const html = renderToStaticMarkup(<DiffView parts={parts} lang="zh-CN" labels={labels} layout="side-by-side" />)
		expect(html).toContain('<th scope="col"')
		expect(html).toContain('修改前')
		expect(html).toContain('修改后')
		const rows = html.match(/<tr[ >].*?<\/tr>/g) ?? []
		// The header row, the changed line, the unchanged line.
		expect(rows).toHaveLength(3)
		expect(rows[1]).toContain('data-changed=""')
		expect(rows[1]).toMatch(/<td[^>]*>我们支持电动汽车<del[^>]*>.*补贴<\/del>政策<\/td><td[^>]*>我们支持电动汽车<ins[^>]*>.*税收<\/ins>政策<\/td>/)
		expect(rows[2]).not.toContain('data-changed')
		expect(rows[2]).toMatch(/<td[^>]*>第二行<\/td><td[^>]*>第二行<\/td>/)
	})

	it('leaves an empty cell where a line exists on one side only', () => {
		const added = diffText({ before: 'a\n', after: 'a\nb\n', lang: 'en' })
		const html = renderToStaticMarkup(<DiffView parts={added} lang="en" labels={labels} layout="side-by-side" />)
		expect(html).toMatch(/<tr data-changed=""[^>]*><td class="[^"]*bg-slate-50[^"]*"><\/td><td[^>]*><ins/)
	})
})
