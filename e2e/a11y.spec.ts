/**
 * An automated accessibility check: axe-core (from npm, injected into each
 * page) over the main pages in both languages (a11y-pages.ts), failing on
 * every serious or critical violation of WCAG 2.1 A/AA rules. It cannot see
 * everything a person would; it does catch missing names, labels, roles,
 * languages and contrast before anyone ships them.
 */
import axe from 'axe-core'
import { createUser, expect, signInContext, test, type Role } from './fixtures.ts'
import { CHECKED_PAGES, pathIn } from './a11y-pages.ts'

const LANGS = ['en', 'zh'] as const
const BLOCKING_IMPACTS = new Set(['serious', 'critical'])

interface Violation {
	id: string
	impact: string | null
	help: string
	nodes: { target: string[]; failureSummary?: string }[]
}

const users = new Map<Role, string>()

for (const checked of CHECKED_PAGES) {
	for (const lang of LANGS) {
		test(`${lang}: ${checked.name} has no serious or critical accessibility violations`, async ({ page, baseURL }) => {
			if (checked.as !== 'anonymous') {
				let id = users.get(checked.as)
				if (!id) {
					id = (await createUser({ role: checked.as, lang })).id
					users.set(checked.as, id)
				}
				await signInContext(page.context(), baseURL!, id)
			}
			const response = await page.goto(pathIn(checked, lang))
			expect(response?.status(), pathIn(checked, lang)).toBe(200)
			// Evaluated by the browser's debugger protocol: the page's CSP does not apply.
			await page.evaluate(axe.source)
			const violations = await page.evaluate(async () => {
				const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
					runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
				})
				return result.violations.map((v) => ({
					id: v.id,
					impact: v.impact ?? null,
					help: v.help,
					nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary })),
				}))
			})
			const blocking = (violations as Violation[]).filter((v) => v.impact && BLOCKING_IMPACTS.has(v.impact))
			expect(
				blocking.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n    ')}`),
				pathIn(checked, lang),
			).toEqual([])
		})
	}
}
