import { describe, expect, test } from 'vitest'
import { EV_POLICY_COMPARISON_KEY, getPolicyComparison } from './policy-comparison.queries.server.ts'
import { listWorkingGroups } from '#app/groups/groups.queries.server.ts'

describe('home page content', () => {
	test('the four public working groups in order, in each language (the public sees no private group)', async () => {
		const en = await listWorkingGroups({ lang: 'en', actor: null })
		const zh = await listWorkingGroups({ lang: 'zh', actor: null })
		expect(en.map((g) => g.slug)).toEqual(['tariff-coordination', 'technical-cooperation', 'market-access', 'multilateral-dialogue'])
		expect(zh.map((g) => g.slug)).toEqual(en.map((g) => g.slug))
		expect(zh[0]?.name).toBe('关税协调')
	})

	test('Table 1 as six ordered rows with a source, per language', async () => {
		const en = await getPolicyComparison({ key: EV_POLICY_COMPARISON_KEY, lang: 'en' })
		const zh = await getPolicyComparison({ key: EV_POLICY_COMPARISON_KEY, lang: 'zh' })
		expect(en?.rows.map((r) => r.key)).toEqual([
			'objectives',
			'incentives',
			'infrastructure',
			'market-supervision',
			'technical-support',
			'companies',
		])
		expect(en?.rows[1]?.usa).toMatch(/7,500/)
		expect(zh?.rows[0]?.element).toBe('政策目标')
		expect(zh?.source).toMatch(/Sino-US Electric Vehicle Policy Coordination/)
	})

	test('an unknown comparison is null, not an error', async () => {
		expect(await getPolicyComparison({ key: 'no-such-table', lang: 'en' })).toBeNull()
	})
})
