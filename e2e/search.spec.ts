/**
 * Search in both languages: Chinese words found inside compounds, English
 * stemming, highlighted snippets, filters with counts, the query kept across
 * a language switch, explanations for empty queries, hostile queries, and
 * nothing found that a reader may not see (drafts, posts scheduled for later).
 */
import { randomBytes } from 'node:crypto'
import { setRecordStatus } from '#app/meetings/review.queries.server.ts'
import { sql } from '#db/client.server.ts'
import { createNewsPost } from './content.ts'
import { createUser, expect, getDb, signInContext, test } from './fixtures.ts'
import { minutesInput, saveMinutes } from './records-content.ts'
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
	await expect(page.getByTestId('search-form').getByRole('searchbox')).toHaveValue('零排放')
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

/** The result links (title, href) on a search page, of one kind. */
async function resultLinks(page: import('@playwright/test').Page, kind: string) {
	return page.getByTestId('search-results').locator(`li[data-kind="${kind}"] h3 a`)
}

for (const lang of ['en', 'zh'] as const) {
	const seeded = {
		en: { group: 'Tariff Coordination', meeting: 'Zero-tariff zone', draft: 'Mutual Recognition Agreement on Electric Vehicle Market Access' },
		zh: { group: '关税协调', meeting: '零关税区', draft: '市场准入互认协议' },
	}[lang]

	test(`${lang}: a working group, a meeting and a published draft are found, each linking to its page in the reader's language`, async ({ page }) => {
		await page.goto(`/${lang}/search?q=${encodeURIComponent(seeded.group)}&type=group`)
		await expect((await resultLinks(page, 'group')).first()).toHaveAttribute('href', `/${lang}/groups/tariff-coordination`)
		const kinds = page.getByTestId('search-filters').locator('a[data-value="group"]')
		await expect(kinds).toContainText(search[lang].kinds.group)

		await page.goto(`/${lang}/search?q=${encodeURIComponent(seeded.meeting)}&type=meeting`)
		await expect((await resultLinks(page, 'meeting')).first()).toHaveAttribute('href', new RegExp(`^/${lang}/meetings/\\d+$`))

		await page.goto(`/${lang}/search?q=${encodeURIComponent(seeded.draft)}&type=draft`)
		await expect((await resultLinks(page, 'draft')).first()).toHaveAttribute('href', new RegExp(`^/${lang}/drafts/\\d+$`))
	})
}

test('a private group and its meetings are found by its members only; the public sees no title and no count', async ({ page, context, baseURL }) => {
	for (const q of ['Steering Committee', '指导委员会', 'Work plan review', '工作计划审议']) {
		await page.goto(`/en/search?q=${encodeURIComponent(q)}`)
		await expect(page.getByTestId('search-results')).not.toContainText(/Steering|指导委员会|Work plan|工作计划/)
		await expect(page.getByTestId('search-filters').locator('a[data-value="group"], a[data-value="meeting"]')).toHaveCount(0)
	}
	const outsider = await createUser({ role: 'researcher' })
	await signInContext(context, baseURL!, outsider.id)
	await page.goto(`/en/search?q=${encodeURIComponent('Steering Committee')}`)
	await expect(page.getByTestId('search-results')).not.toContainText('Steering Committee')

	const member = await createUser({ role: 'researcher' })
	const db = getDb()
	await db`insert into group_memberships (group_id, user_id, role) select id, ${member.id}, 'member' from working_groups where slug = 'steering-committee'`
	await context.clearCookies()
	await signInContext(context, baseURL!, member.id)
	await page.goto(`/zh/search?q=${encodeURIComponent('工作计划审议')}&type=meeting`)
	await expect((await resultLinks(page, 'meeting')).first()).toBeVisible()
	await page.goto(`/en/search?q=${encodeURIComponent('Steering Committee')}&type=group`)
	await expect(await resultLinks(page, 'group')).toHaveAttribute('href', '/en/groups/steering-committee')
})

test('meeting minutes: found by the group while a draft, by everyone once published, in both languages', async ({ page, context, baseURL }) => {
	const word = `zqr${randomBytes(4).toString('hex')}`
	const db = getDb()
	const [meeting] = await db<{ id: string }[]>`
		select m.id::text as id from meetings m join meeting_translations t on t.meeting_id = m.id
		where t.lang = 'en' and t.title = 'Joint R&D centre: research priorities' and m.cancelled_at is null
		and not exists (select 1 from meeting_records r where r.meeting_id = m.id)
		order by m.id limit 1
	`
	test.skip(!meeting, 'the seeded meeting already has minutes in this database')
	const author = await createUser({ role: 'researcher' })
	await db`insert into group_memberships (group_id, user_id, role) select group_id, ${author.id}, 'member' from meetings where id = ${meeting!.id}`
	const saved = await saveMinutes({ meetingId: meeting!.id, authorId: author.id, input: minutesInput({ en: `Minutes on ${word}.`, zh: `关于${word}的纪要：鹈鹕项目。` }) })

	await page.goto(`/en/search?q=${word}`)
	await expect(page.getByTestId('search-results').locator('li[data-kind="record"]')).toHaveCount(0)
	await signInContext(context, baseURL!, author.id)
	await page.goto(`/en/search?q=${word}&type=record`)
	await expect(await resultLinks(page, 'record')).toHaveCount(2)
	await context.clearCookies()

	await sql.begin((tx) => setRecordStatus(tx, { recordId: saved.id, status: 'published', now: new Date() }))
	await page.goto(`/zh/search?q=${encodeURIComponent('鹈鹕项目')}&type=record`)
	await expect((await resultLinks(page, 'record')).first()).toHaveAttribute('href', `/zh/meetings/${meeting!.id}/record`)
	await page.goto(`/en/search?q=${word}&type=record&lang=en`)
	await expect(await resultLinks(page, 'record')).toHaveAttribute('href', `/en/meetings/${meeting!.id}/record`)
})

test('the header search box works without JavaScript, in each language, and in the phone menu at 375 px', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL })
	const page = await context.newPage()
	await page.goto('/zh/news')
	await page.getByRole('search', { name: '搜索本站' }).getByRole('searchbox').fill('关税协调')
	await page.getByRole('search', { name: '搜索本站' }).getByRole('button').click()
	await expect(page).toHaveURL(/\/zh\/search\?q=/)
	await expect(page.getByTestId('search-results')).toContainText('关税协调')

	await page.setViewportSize({ width: 375, height: 800 })
	await page.goto('/en/')
	await page.getByTestId('phone-menu').locator('summary').click()
	const box = page.getByTestId('phone-menu').getByRole('searchbox', { name: 'Search the portal' })
	await box.fill('tariff')
	await box.press('Enter')
	await expect(page).toHaveURL(/\/en\/search\?q=tariff/)
	const width = await page.evaluate(() => document.documentElement.scrollWidth)
	expect(width).toBeLessThanOrEqual(375)
	await context.close()
})
