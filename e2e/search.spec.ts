/**
 * Search in both languages: Chinese words found inside compounds, English
 * stemming, highlighted snippets, filters with counts, the query kept across
 * a language switch, explanations for empty queries, hostile queries, and
 * nothing found that a reader may not see (drafts, posts scheduled for later).
 */
import { randomBytes } from 'node:crypto'
import { createNewsPost } from './content.ts'
import { expect, test } from './fixtures.ts'
import { messages } from './utils.ts'
import enSearch from '../locales/en/search.json' with { type: 'json' }
import zhSearch from '../locales/zh/search.json' with { type: 'json' }

const search = { en: enSearch, zh: zhSearch } as const

test('English: stemming finds the seeded partnership article; matches are marked', async ({ page }) => {
	await page.goto('/en/search?q=partnerships')
	const results = page.getByTestId('search-results')
	await expect(results.getByRole('link', { name: /California and China plan/ })).toBeVisible()
	await expect(results.locator('mark').first()).toBeVisible()
	await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})

test('Chinese: a word inside a longer compound is found, and the query survives switching language', async ({ page }) => {
	await page.goto('/zh/search?q=%E9%9B%B6%E6%8E%92%E6%94%BE') // 零排放
	const results = page.getByTestId('search-results')
	await expect(results.locator('li').first()).toBeVisible()
	await expect(results.locator('mark').first()).toContainText('零排放')
	await expect(page.getByTestId('search-total')).toContainText('条结果')
	await page.getByTestId('language-switcher').click()
	await expect(page).toHaveURL(/\/en\/search\?q=%E9%9B%B6%E6%8E%92%E6%94%BE$/)
	await expect(page.getByRole('searchbox')).toHaveValue('零排放')
})

test('an empty query explains itself in each language', async ({ page }) => {
	for (const lang of ['en', 'zh'] as const) {
		await page.goto(`/${lang}/search`)
		await expect(page.getByTestId('search-empty')).toHaveText(search[lang].empty.blank)
		await page.goto(`/${lang}/search?q=${encodeURIComponent('!!! ???')}`)
		await expect(page.getByTestId('search-empty')).toHaveText(search[lang].empty['no-terms'])
	}
})

test('hostile queries get a sensible 200, never a 500', async ({ request }) => {
	const hostile = [
		"' or 1=1 --",
		'a & b | !c <-> (d:*)',
		"\\'; drop table users; --",
		'x'.repeat(10_000),
		'%ED%A0%80',
		'%00nul',
		'"unterminated phrase',
		'电动'.repeat(500),
	]
	for (const q of hostile) {
		const raw = q.startsWith('%') ? q : encodeURIComponent(q)
		const response = await request.get(`/en/search?q=${raw}&type=news&page=99999999999&from=0000-01-01&to=9999-99-99&group=%00`)
		expect(response.status(), q.slice(0, 30)).toBe(200)
	}
})

test('nothing a reader may not see is found: drafts, and scheduled posts until their time', async ({ request }) => {
	const word = `zqx${randomBytes(4).toString('hex')}`
	const scheduledAt = new Date(Date.UTC(2140, 0, 1, 12, 0))
	await createNewsPost({ status: 'draft', publishedAt: null, versions: { en: { title: `Draft ${word}` } } })
	await createNewsPost({ status: 'scheduled', publishedAt: scheduledAt, versions: { en: { title: `Scheduled ${word}` } } })
	const before = await (await request.get(`/en/search?q=${word}`)).text()
	expect(before).not.toContain(`Draft ${word}`)
	expect(before).not.toContain(`Scheduled ${word}`)
	const after = await (await request.get(`/en/search?q=${word}`, { headers: { 'X-Test-Now': new Date(scheduledAt.getTime() + 60_000).toISOString() } })).text()
	expect(after).toContain(word)
	expect(after).not.toContain(`Draft ${word}`)
})
