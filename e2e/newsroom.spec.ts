/**
 * The newsroom end to end, in both languages: writing and publishing,
 * scheduling against a moved clock, review by an editor, translation status,
 * the conflict two editors get when they save the same version, history and
 * restore, and what researchers and officials may not do.
 */
import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { createUser, expect, getDb, signInContext, test, waitForEmail } from './fixtures.ts'
import { LANGS } from './utils.ts'
import enNewsroom from '../locales/en/newsroom.json' with { type: 'json' }
import zhNewsroom from '../locales/zh/newsroom.json' with { type: 'json' }

const newsroom = { en: enNewsroom, zh: zhNewsroom }
type Lang = (typeof LANGS)[number]

const uniqueSlug = (label: string) => `${label}-${randomBytes(4).toString('hex')}`
const fill = (text: string, values: Record<string, string | number>) =>
	Object.entries(values).reduce((s, [k, v]) => s.replaceAll(`{{${k}}}`, String(v)), text)

function column(page: Page, lang: Lang, version: Lang) {
	return page.getByRole('group', { name: newsroom[lang].editor.version[version], exact: true })
}

async function writeVersion(page: Page, lang: Lang, version: Lang, text: { title: string; slug?: string; body: string; summary?: string }) {
	const t = newsroom[lang].editor
	const group = column(page, lang, version)
	await group.getByLabel(t.title, { exact: true }).fill(text.title)
	if (text.slug) await group.getByLabel(t.slug).fill(text.slug)
	if (text.summary) await group.getByLabel(t.summary, { exact: true }).fill(text.summary)
	await group.getByLabel(t.body).fill(text.body)
}

/** Presses a save button and waits until the saved version is on the page. */
async function save(page: Page, button: string) {
	const version = page.locator('input[name=version]')
	const before = await version.inputValue()
	await page.getByRole('button', { name: button, exact: true }).click()
	await expect(version).not.toHaveValue(before)
}

async function postIdFromUrl(page: Page): Promise<string> {
	await page.waitForURL(/\/newsroom\/\d+\?saved=/)
	// The URL changes a moment before the edit page replaces the new-post form.
	await expect(page.getByRole('status')).toBeVisible()
	return /\/newsroom\/(\d+)/.exec(page.url())![1]!
}

for (const lang of LANGS) {
	const t = newsroom[lang]

	test(`${lang}: an editor writes both versions, previews and publishes; readers see it`, async ({ page, baseURL }) => {
		const editor = await createUser({ role: 'editor', lang })
		await signInContext(page.context(), baseURL!, editor.id)
		const slug = uniqueSlug('e2e-publish')
		await page.goto(`/${lang}/newsroom/new`)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.new.title)
		await writeVersion(page, lang, 'en', { title: `Workshop ${slug}`, slug, body: '## Agenda\n\n| Item | Lead |\n|---|---|\n| Tariffs | Group A |' })
		await writeVersion(page, lang, 'zh', { title: `研讨会 ${slug}`, body: '## 议程\n\n会议讨论了**关税**。' })

		await page.getByRole('button', { name: t.actions.preview, exact: true }).click()
		const enPreview = page.getByRole('region', { name: fill(t.editor['preview-of'], { language: t.editor.version.en }) })
		await expect(enPreview.getByRole('heading', { name: 'Agenda' })).toBeVisible()
		await expect(enPreview.locator('table')).toContainText('Tariffs')
		await expect(page.getByRole('region', { name: fill(t.editor['preview-of'], { language: t.editor.version.zh }) }).locator('strong')).toHaveText('关税')
		// Preview saved nothing and kept every field.
		await expect(column(page, lang, 'en').getByLabel(t.editor.title, { exact: true })).toHaveValue(`Workshop ${slug}`)
		await expect(page).toHaveURL(new RegExp(`/${lang}/newsroom/new$`))

		await page.getByRole('button', { name: t.actions.publish }).click()
		await postIdFromUrl(page)
		await expect(page.getByRole('status')).toHaveText(t.saved.publish)
		// Without a slug of its own, the Chinese version is named after its own title, in pinyin.
		await expect(column(page, lang, 'zh').getByLabel(t.editor.slug)).toHaveValue(`yan-tao-hui-${slug}`)

		const reader = await page.context().browser()!.newContext({ baseURL })
		const anonymous = await reader.newPage()
		await anonymous.goto(`/${lang}`)
		const title = lang === 'en' ? `Workshop ${slug}` : `研讨会 ${slug}`
		await anonymous.getByRole('link', { name: title }).click()
		await expect(anonymous).toHaveURL(new RegExp(`/${lang}/news/${lang === 'en' ? slug : `yan-tao-hui-${slug}`}$`))
		await expect(anonymous.getByRole('heading', { level: 1 })).toHaveText(title)
		if (lang === 'en') await expect(anonymous.locator('article table')).toContainText('Tariffs')
		else await expect(anonymous.locator('article strong')).toHaveText('关税')
		await reader.close()
	})

	test(`${lang}: a scheduled post appears by itself once the clock passes its time`, async ({ page, baseURL }) => {
		const editor = await createUser({ role: 'editor', lang })
		await signInContext(page.context(), baseURL!, editor.id)
		const slug = uniqueSlug('e2e-scheduled')
		await page.goto(`/${lang}/newsroom/new`)
		await writeVersion(page, lang, 'en', { title: `Scheduled ${slug}`, slug, body: 'Later.' })

		// A time in the past is refused, with the text kept.
		await page.getByLabel(fill(t.editor['publish-at'], { timeZone: 'America/Los Angeles' })).fill('2020-01-01T09:00')
		await page.getByRole('button', { name: t.actions.schedule, exact: true }).click()
		await expect(page.getByText(t.errors['schedule-in-past'])).toBeVisible()
		await expect(column(page, lang, 'en').getByLabel(t.editor.title, { exact: true })).toHaveValue(`Scheduled ${slug}`)

		// Tomorrow at 09:00 in the editor's zone (America/Los_Angeles).
		const tomorrow = new Date(Date.now() + 24 * 3600 * 1000)
		const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles', dateStyle: 'short' }).format(tomorrow)
		await page.getByLabel(fill(t.editor['publish-at'], { timeZone: 'America/Los Angeles' })).fill(`${day}T09:00`)
		await page.getByRole('button', { name: t.actions.schedule, exact: true }).click()
		await postIdFromUrl(page)
		await expect(page.getByRole('status')).toHaveText(t.saved.schedule)
		const [row] = await getDb()<{ status: string; publishedAt: Date }[]>`
			select p.status, p.published_at as "publishedAt" from news_posts p
			join news_post_translations v on v.post_id = p.id where v.slug = ${slug}
		`
		expect(row?.status).toBe('scheduled')

		const browser = page.context().browser()!
		const now = await browser.newContext({ baseURL })
		await (await now.newPage()).goto(`/${lang}`)
		await expect(now.pages()[0]!.getByText(`Scheduled ${slug}`)).toHaveCount(0)
		const later = await browser.newContext({
			baseURL,
			extraHTTPHeaders: { 'X-Test-Now': new Date(row!.publishedAt.getTime() + 60_000).toISOString() },
		})
		await (await later.newPage()).goto(`/${lang}`)
		await expect(later.pages()[0]!.getByText(`Scheduled ${slug}`)).toBeVisible()
		await now.close()
		await later.close()
	})
}

test('zh: bad input gets translated errors and keeps what was typed', async ({ page, baseURL }) => {
	const t = newsroom.zh
	const editor = await createUser({ role: 'editor', lang: 'zh' })
	await signInContext(page.context(), baseURL!, editor.id)
	await page.goto('/zh/newsroom/new')
	const zh = column(page, 'zh', 'zh')
	await zh.getByLabel(t.editor.title, { exact: true }).fill('只有标题')
	await zh.getByLabel(t.editor.slug).fill('Not A Slug!')
	await page.getByRole('button', { name: t.actions.publish }).click()
	await expect(zh.getByText(t.errors['body-required'])).toBeVisible()
	await expect(zh.getByText(t.errors['slug-invalid'])).toBeVisible()
	await expect(zh.getByLabel(t.editor.title, { exact: true })).toHaveValue('只有标题')

	// A slug already used in that language, checked by the server.
	await zh.getByLabel(t.editor.slug).fill('california-china-zev-partnership')
	await zh.getByLabel(t.editor.body).fill('正文')
	await page.getByRole('button', { name: t.actions['save-draft'] }).click()
	await expect(zh.getByText(t.errors['slug-taken'])).toBeVisible()
	await expect(zh.getByLabel(t.editor.body)).toHaveValue('正文')
	await expect(page).toHaveURL(/\/zh\/newsroom\/new$/)
})

test('two editors save the same version: the second gets a conflict, loses nothing, and may keep theirs field by field', async ({ browser, baseURL }) => {
	const t = newsroom.en
	const [alice, bob] = await Promise.all([createUser({ role: 'editor', name: 'Alice Editor' }), createUser({ role: 'editor', name: 'Bob Editor' })])
	const slug = uniqueSlug('e2e-conflict')
	const a = await browser.newContext({ baseURL })
	const b = await browser.newContext({ baseURL })
	await signInContext(a, baseURL!, alice.id)
	await signInContext(b, baseURL!, bob.id)
	const pageA = await a.newPage()
	await pageA.goto('/en/newsroom/new')
	await writeVersion(pageA, 'en', 'en', { title: 'Original title', slug, body: 'Original body' })
	await pageA.getByRole('button', { name: t.actions['save-draft'] }).click()
	const id = await postIdFromUrl(pageA)

	const pageB = await b.newPage()
	await pageB.goto(`/en/newsroom/${id}`)
	// Both have version 1 open. Alice saves first.
	await column(pageA, 'en', 'en').getByLabel(t.editor.title, { exact: true }).fill('Alice’s title')
	await save(pageA, t.actions['save-draft'])

	await column(pageB, 'en', 'en').getByLabel(t.editor.title, { exact: true }).fill('Bob’s title')
	await column(pageB, 'en', 'en').getByLabel(t.editor.body).fill('Bob rewrote the body')
	await pageB.getByRole('button', { name: t.actions['save-draft'] }).click()
	const alert = pageB.getByRole('alert')
	await expect(alert).toContainText(t.errors.conflict)
	await expect(alert).toContainText('Alice Editor')
	await expect(column(pageB, 'en', 'en').getByLabel(t.editor.title, { exact: true })).toHaveValue('Bob’s title')
	await expect(column(pageB, 'en', 'en').getByLabel(t.editor.body)).toHaveValue('Bob rewrote the body')
	const [stored] = await getDb()<{ title: string }[]>`select title from news_post_translations where post_id = ${id} and lang = 'en'`
	expect(stored?.title).toBe('Alice’s title')

	// Bob has seen the conflict and keeps his version of the title on purpose.
	const titleChoice = alert.locator('[data-testid="conflict-field"][data-field="en.title"]')
	await titleChoice.getByLabel(t.conflict.choice.mine).check()
	await alert.getByRole('button', { name: t.conflict['save-choices'] }).click()
	await expect(pageB.locator('input[name=version]')).toHaveValue('3')
	await expect(pageB.getByRole('status')).toHaveText(t.saved.save)
	await expect(column(pageB, 'en', 'en').getByLabel(t.editor.title, { exact: true })).toHaveValue('Bob’s title')

	// Alice's page is now stale: her next save conflicts too, instead of undoing Bob's.
	await column(pageA, 'en', 'en').getByLabel(t.editor.summary, { exact: true }).fill('Alice adds a summary')
	await pageA.getByRole('button', { name: t.actions['save-draft'] }).click()
	await expect(pageA.getByRole('alert')).toContainText('Bob Editor')
	await a.close()
	await b.close()
})

test('a researcher drafts and submits for review; an editor publishes; the researcher can no longer edit it', async ({ browser, baseURL }) => {
	const t = newsroom.en
	const researcher = await createUser({ role: 'researcher', name: 'Rita Researcher' })
	const editor = await createUser({ role: 'editor', lang: 'zh' })
	const r = await browser.newContext({ baseURL })
	await signInContext(r, baseURL!, researcher.id)
	const page = await r.newPage()
	const slug = uniqueSlug('e2e-review')
	await page.goto('/en/newsroom/new')
	await expect(page.getByRole('button', { name: t.actions.publish })).toHaveCount(0)
	await expect(page.getByRole('button', { name: t.actions.schedule, exact: true })).toHaveCount(0)
	await writeVersion(page, 'en', 'en', { title: `Field notes ${slug}`, slug, body: 'Notes from the session.' })
	await page.getByRole('button', { name: t.actions['save-draft'] }).click()
	const id = await postIdFromUrl(page)
	await save(page, t.actions.submit)
	await expect(page.getByRole('status')).toHaveText(t.saved.submit)
	await expect(page.getByText(t.status['in-review'])).toBeVisible()
	// Editors are told, each in their own language, with a link to the post.
	const email = await waitForEmail(editor.email, { kind: 'review_request' })
	expect(email.subject).toBe(`待审核：Field notes ${slug}`)
	expect(email.body).toContain('Rita Researcher')
	expect(email.link).toMatch(new RegExp(`/zh/newsroom/${id}$`))

	// A researcher cannot publish by forging the button either.
	const forged = await page.request.post(`/en/newsroom/${id}`, {
		form: { intent: 'publish', version: '2', 'en.title': 'x', 'en.body': 'y', 'en.slug': slug },
		headers: { Origin: baseURL! },
		maxRedirects: 0,
	})
	expect(forged.status()).toBe(404)

	const e = await browser.newContext({ baseURL })
	await signInContext(e, baseURL!, editor.id)
	const editorPage = await e.newPage()
	await editorPage.goto('/en/newsroom?status=review')
	await editorPage.getByRole('link', { name: `Field notes ${slug}` }).click()
	await editorPage.getByRole('button', { name: t.actions.publish }).click()
	await expect(editorPage.getByRole('status')).toHaveText(t.saved.publish)

	const response = await page.goto(`/en/newsroom/${id}`)
	expect(response?.status()).toBe(404)
	// Their own list still shows it, as published.
	await page.goto('/en/newsroom')
	await expect(page.getByRole('listitem').filter({ hasText: `Field notes ${slug}` })).toContainText(t.status.published)
	await r.close()
	await e.close()
})

test('editing the original marks the translation outdated until the translator confirms it', async ({ page, baseURL }) => {
	const t = newsroom.en
	const editor = await createUser({ role: 'editor' })
	await signInContext(page.context(), baseURL!, editor.id)
	const slug = uniqueSlug('e2e-translation')
	await page.goto('/en/newsroom/new')
	await writeVersion(page, 'en', 'en', { title: 'Original', slug, body: 'First text.' })
	await page.getByRole('button', { name: t.actions['save-draft'] }).click()
	await postIdFromUrl(page)
	await writeVersion(page, 'en', 'zh', { title: '原文', body: '第一版。' })
	await save(page, t.actions['save-draft'])
	await expect(column(page, 'en', 'zh').getByText(fill(t.translation.current.en, { from: 1 }))).toBeVisible()

	await column(page, 'en', 'en').getByLabel(t.editor.body).fill('First text, with an added paragraph.')
	await save(page, t.actions['save-draft'])
	await expect(column(page, 'en', 'zh').getByText(fill(t.translation.outdated.en, { from: 1 }))).toBeVisible()
	await page.goto('/en/newsroom')
	await expect(page.getByRole('listitem').filter({ hasText: 'Original' }).first()).toContainText(t.list.outdated)

	await page.goBack()
	await column(page, 'en', 'zh').getByLabel(t.editor.body).fill('第一版，增加了一段。')
	await column(page, 'en', 'zh').getByLabel(t.editor['up-to-date'].zh).check()
	await save(page, t.actions['save-draft'])
	await expect(column(page, 'en', 'zh').getByText(fill(t.translation.current.en, { from: 2 }))).toBeVisible()
})

test('history lists every save and restores an earlier text as a new revision', async ({ page, baseURL }) => {
	const t = newsroom.en
	const editor = await createUser({ role: 'editor', name: 'Hana Historian' })
	await signInContext(page.context(), baseURL!, editor.id)
	const slug = uniqueSlug('e2e-history')
	await page.goto('/en/newsroom/new')
	await writeVersion(page, 'en', 'en', { title: 'Good title', slug, body: 'Good body' })
	await page.getByRole('button', { name: t.actions['save-draft'] }).click()
	const id = await postIdFromUrl(page)
	await column(page, 'en', 'en').getByLabel(t.editor.title, { exact: true }).fill('Worse title')
	await save(page, t.actions['save-draft'])

	await page.getByRole('link', { name: t.edit.history }).click()
	const items = page.getByRole('main').locator('ol').getByRole('listitem')
	await expect(items).toHaveCount(2)
	await expect(items.first()).toContainText(`${fill(t.history.version, { version: 2 })} · ${t.history.action.update}`)
	await expect(items.first()).toContainText('Hana Historian')
	await expect(items.first()).toContainText(fill(t['field-in-version'], { field: t.fields.title, version: t.editor.version.en }))
	await items.nth(1).getByRole('link', { name: t.history.view }).click()
	// The first revision's changes: everything it wrote, shown as inserted.
	await expect(page.getByTestId('revision-changes').locator('ins:visible').first()).toContainText('Good title')
	await page.getByRole('button', { name: t.history.restore }).click()
	await expect(page.getByRole('status')).toHaveText(t.saved.restore)
	await expect(column(page, 'en', 'en').getByLabel(t.editor.title, { exact: true })).toHaveValue('Good title')
	const versions = await getDb()<{ action: string }[]>`select action from news_post_revisions where post_id = ${id} order by version`
	expect(versions.map((v) => v.action)).toEqual(['create', 'update', 'restore'])
})

test('payloads typed into every editor field come back as text, never markup', async ({ page, baseURL }) => {
	const t = newsroom.en
	const editor = await createUser({ role: 'editor' })
	await signInContext(page.context(), baseURL!, editor.id)
	let dialogs = 0
	page.on('dialog', (dialog) => {
		dialogs += 1
		void dialog.dismiss()
	})
	const payload = `"><img src=x onerror=alert(1)><script>alert(2)</script>`
	const slug = uniqueSlug('e2e-payload')
	await page.goto('/en/newsroom/new')
	const en = column(page, 'en', 'en')
	await en.getByLabel(t.editor.title, { exact: true }).fill(`Title ${payload}`)
	await en.getByLabel(t.editor.summary, { exact: true }).fill(`Summary ${payload}`)
	await en.getByLabel(t.editor.body).fill(`Body ${payload}\n\n[click](javascript:alert(3))`)
	await en.getByLabel(t.editor['seo-description']).fill(`SEO ${payload}`)
	await en.getByLabel(t.editor['cover-alt']).fill(`Alt ${payload}`)
	await page.getByRole('button', { name: t.actions.preview, exact: true }).click()
	const preview = page.getByRole('region', { name: fill(t.editor['preview-of'], { language: t.editor.version.en }) })
	await expect(preview).toContainText('Body')
	await expect(preview.locator('script, img, [onerror]')).toHaveCount(0)
	// The javascript: link is left as text without a target.
	await expect(preview.locator('a', { hasText: 'click' })).not.toHaveAttribute('href', /.+/)
	await en.getByLabel(t.editor.slug).fill(slug)
	await page.getByRole('button', { name: t.actions.publish }).click()
	await postIdFromUrl(page)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Title ${payload}`)
	await expect(en.getByLabel(t.editor['cover-alt'])).toHaveValue(`Alt ${payload}`)
	await expect(page.locator('main img[src=x], main script:not([nonce])')).toHaveCount(0)

	// What readers get: the article, the listing and the home page, all inert.
	for (const path of [`/en/news/${slug}`, '/en/news', '/en']) {
		await page.goto(path)
		await expect(page.getByText(`Title ${payload}`).first()).toBeVisible()
		await expect(page.locator('img[src=x], [onerror], a[href^="javascript"]')).toHaveCount(0)
		await expect(page.locator('script:not([nonce])')).toHaveCount(0)
	}
	await page.goto(`/en/news/${slug}`)
	await expect(page.locator('meta[name=description]')).toHaveAttribute('content', `SEO ${payload}`)
	expect(dialogs).toBe(0)
})

test('officials and the public find no newsroom', async ({ browser, baseURL }) => {
	const official = await createUser({ role: 'official' })
	const context = await browser.newContext({ baseURL })
	await signInContext(context, baseURL!, official.id)
	const page = await context.newPage()
	for (const path of ['/en/newsroom', '/zh/newsroom/new']) {
		expect((await page.goto(path))?.status()).toBe(404)
	}
	await page.goto('/en')
	await expect(page.getByTestId('member-links').getByRole('link', { name: 'Newsroom' })).toHaveCount(0)
	const anonymous = await browser.newContext({ baseURL })
	expect((await (await anonymous.newPage()).goto('/en/newsroom'))?.status()).toBe(404)
	await context.close()
	await anonymous.close()
})
