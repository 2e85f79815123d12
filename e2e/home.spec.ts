/** The home page: what the lab is, its news, groups and the policy table. */
import { expect, test } from '@playwright/test'
import { LANGS, messages } from './utils.ts'

for (const lang of LANGS) {
	const t = messages[lang]
	test.describe(`home page in ${lang}`, () => {
		// Before any post other tests publish: the latest news is the seed's.
		test.use({ extraHTTPHeaders: { 'X-Test-Now': '2026-11-21T00:00:00Z' } })
		test.beforeEach(async ({ page }) => {
			await page.goto(`/${lang}`)
		})

		test('says what the lab is and shows the goals in the page’s number format', async ({ page }) => {
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.home.hero.heading)
			await expect(page.getByText(t.home.hero.lead)).toBeVisible()
			const figures = page.locator('dl dd')
			await expect(figures).toHaveCount(4)
			// Intl in the page language: "1.5 million" in English, "150万辆" in Chinese.
			await expect(figures.first()).toHaveText(lang === 'en' ? '1.5 million' : '150万辆')
			await expect(figures.last()).toHaveText('40%')
		})

		test('shows the latest news, newest first, with honest notices for missing translations', async ({ page }) => {
			const section = page.locator('#news')
			await expect(section.getByRole('heading', { level: 2 })).toHaveText(t.home.news.heading)
			const teasers = section.getByTestId('news-teaser')
			await expect(teasers).toHaveCount(3)
			// Newest first. The same dates for anonymous readers of either language: Davis and Beijing, where they differ.
			const twoCities = (davis: string, beijing: string) => messages[lang].news.date['two-cities'].replace('{{davis}}', davis).replace('{{beijing}}', beijing)
			await expect(teasers.first().locator('time')).toHaveText(
				lang === 'en' ? twoCities('November 19, 2026', 'November 20, 2026') : twoCities('2026年11月19日', '2026年11月20日'),
			)
			await expect(teasers.first().getByRole('note')).toHaveCount(0)
			// The next one, a concept note, exists only in English.
			const conceptNote = teasers.nth(1)
			if (lang === 'zh') {
				await expect(conceptNote.getByRole('note')).toHaveText(t.home.news.notTranslated)
				await expect(conceptNote.locator('[lang="en"]')).toContainText('concept note')
				await expect(conceptNote.locator('time')).toHaveText(twoCities('2026年11月12日', '2026年11月13日'))
			} else {
				await expect(conceptNote.getByRole('note')).toHaveCount(0)
				await expect(conceptNote.locator('time')).toHaveText(twoCities('November 12, 2026', 'November 13, 2026'))
			}
		})

		test('lists the four working groups first, each linking to its page', async ({ page }) => {
			// Groups other tests create come after the seed's four (and private ones not at all).
			const groups = page.getByTestId('working-group')
			const names = lang === 'en'
				? ['Tariff Coordination', 'Technical Cooperation', 'Market Access & Mutual Recognition', 'Multilateral Dialogue']
				: ['关税协调', '技术合作', '市场准入与互认', '多边对话']
			for (const [i, name] of names.entries()) await expect(groups.nth(i).getByRole('heading')).toHaveText(name)
			await expect(groups.first().getByRole('link')).toHaveAttribute('href', `/${lang}/groups/tariff-coordination`)
			await expect(page.getByText(lang === 'en' ? 'Steering Committee' : '指导委员会')).toHaveCount(0)
		})

		test('shows Table 1 as an accessible table', async ({ page }) => {
			const table = page.getByRole('table', { name: t.home.comparison.caption })
			await expect(table).toBeVisible()
			await expect(table.locator('caption')).toHaveText(t.home.comparison.caption)
			const columnHeaders = table.locator('thead th[scope="col"]')
			await expect(columnHeaders).toHaveText([t.home.comparison.element, t.home.comparison.china, t.home.comparison.usa])
			await expect(table.locator('tbody th[scope="row"]')).toHaveCount(6)
			await expect(table.locator('tbody tr').first().locator('td').nth(1)).toContainText('2030')
			await expect(page.locator('#comparison')).toContainText('Sino-US Electric Vehicle Policy Coordination')
		})
	})
}

test('fits a 360 px phone without sideways scrolling of the page', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 })
	const page = await context.newPage()
	for (const lang of LANGS) {
		await page.goto(`/${lang}`)
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
		expect(overflow, `/${lang} overflows by ${overflow}px`).toBeLessThanOrEqual(0)
		// The comparison is one card per element on a phone: readable without scrolling sideways.
		await expect(page.getByTestId('comparison-card')).toHaveCount(6)
		await expect(page.getByTestId('comparison-card').first()).toContainText(messages[lang].home.comparison.china)
		await expect(page.getByTestId('comparison-card').first()).toContainText(messages[lang].home.comparison.usa)
	}
	await context.close()
})
