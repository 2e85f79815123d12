/**
 * Not losing work in the newsroom (issue 13), in both languages: the leave
 * warning and typing kept in the browser; images uploaded from the editor;
 * history diffs and a restore that asks first on a public post and keeps
 * the translation status; archiving that asks first; a conflict merged
 * field by field, the overwritten editor told; actions in reach on a phone.
 */
import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { jpegImage } from '#app/testing/image-fixtures.ts'
import { createNewsPost } from './content.ts'
import { createUser, getDb, signInContext, test, waitForHydration } from './fixtures.ts'
import { column, expect, fill, lastOutboxId, locales, waitForOutbox, type Lang } from './first-users.ts'

const LANGS: Lang[] = ['en', 'zh']
const other = (lang: Lang): Lang => (lang === 'en' ? 'zh' : 'en')
const unique = (label: string) => `${label}-${randomBytes(4).toString('hex')}`

async function versionOnPage(page: Page) {
	return Number(await page.locator('input[name=version]').inputValue())
}

/** Clicks "Posts" in the newsroom's own navigation and stays if asked: returns a reader of the questions asked. */
async function stayWhenAsked(page: Page, lang: Lang): Promise<() => string[]> {
	const t = locales[lang].newsroom
	const dialogs: string[] = []
	page.once('dialog', (dialog) => {
		dialogs.push(dialog.message())
		void dialog.dismiss()
	})
	await page.getByRole('navigation', { name: t.nav.label }).getByRole('link', { name: t.nav.posts, exact: true }).click()
	return () => dialogs
}

for (const lang of LANGS) {
	const t = locales[lang].newsroom
	const common = locales[lang].common

	test(`${lang}: leaving with unsaved changes asks first, and the typing is kept in the browser until it is saved`, async ({ page, baseURL }) => {
		const editor = await createUser({ role: 'editor', lang })
		const post = await createNewsPost({ status: 'draft', publishedAt: null, authorId: editor.id, versions: { en: { title: unique('Kept') } } })
		await signInContext(page.context(), baseURL!, editor.id)
		await page.goto(`/${lang}/newsroom/${post.id}`)
		const title = column(page, lang, 'en').getByLabel(t.editor.title, { exact: true })
		await title.fill('A title I have not saved')
		// The guard is React's: a click before the page has hydrated is a plain link (typing before is kept, below).
		await waitForHydration(page)

		// "Posts" in the newsroom's own navigation: asked, and staying keeps everything.
		await expect.poll(await stayWhenAsked(page, lang)).toEqual([common.unsaved.leave])
		await expect(page).toHaveURL(new RegExp(`/newsroom/${post.id}$`))
		await expect(title).toHaveValue('A title I have not saved')

		// A link in the site's header asks too; leaving anyway keeps the typing in this browser.
		page.once('dialog', (dialog) => void dialog.accept())
		await page.getByRole('navigation', { name: common.nav.label }).getByRole('link', { name: common.nav.news, exact: true }).click()
		await expect(page).toHaveURL(new RegExp(`/${lang}/news$`))

		await page.goto(`/${lang}/newsroom/${post.id}`)
		const kept = page.getByTestId('kept-typing')
		await expect(kept).toBeVisible()
		await expect(title).toHaveValue(post.titles.en!)
		await kept.getByRole('button', { name: common.unsaved.restore }).click()
		await expect(title).toHaveValue('A title I have not saved')

		await page.getByRole('button', { name: t.actions['save-draft'] }).click()
		await expect(page.getByRole('status')).toHaveText(t.saved.save)
		await page.reload()
		await expect(title).toHaveValue('A title I have not saved')
		await expect(page.getByTestId('kept-typing')).toHaveCount(0)
	})

	test(`${lang}: an image uploaded from the editor goes in at the cursor, described in both languages`, async ({ page, baseURL }) => {
		const editor = await createUser({ role: 'editor', lang })
		await signInContext(page.context(), baseURL!, editor.id)
		await page.goto(`/${lang}/newsroom/new`)
		const body = column(page, lang, lang).getByLabel(t.editor.body)
		await body.fill('First paragraph.\n\nLast paragraph.')
		// The cursor after the first paragraph.
		await body.evaluate((element: HTMLTextAreaElement) => element.setSelectionRange(16, 16))
		await page.getByTestId(`image-file-${lang}`).setInputFiles({ name: 'chargers.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpegImage({ width: 640, height: 480 })) })

		const dialog = page.getByTestId('image-dialog')
		await expect(dialog).toBeVisible()
		// A description is required in each language the image goes into.
		await dialog.getByRole('button', { name: t.image.upload }).click()
		await expect(dialog.getByText(t.image['alt-required'])).toBeVisible()
		await dialog.getByLabel(fill(t.image.alt, { language: t.editor.version.en })).fill('Chargers in a row')
		await dialog.getByLabel(fill(t.image.alt, { language: t.editor.version.zh })).fill('一排充电桩')
		await dialog.getByRole('button', { name: t.image.upload }).click()
		await expect(dialog).toHaveCount(0)

		const url = /\/media\/[a-f0-9]{64}\.jpg/
		const own = lang === 'en' ? 'Chargers in a row' : '一排充电桩'
		await expect(body).toHaveValue(new RegExp(`^First paragraph\\.\\n\\n!\\[${own}\\]\\(${url.source}\\)\\n\\nLast paragraph\\.$`))
		await expect(column(page, lang, other(lang)).getByLabel(t.editor.body)).toHaveValue(
			new RegExp(`^!\\[${lang === 'en' ? '一排充电桩' : 'Chargers in a row'}\\]\\(${url.source}\\)$`),
		)
		const [audit] = await getDb()<{ details: { url: string } }[]>`select details from audit_events where event = 'media_uploaded' and actor_id = ${editor.id}`
		expect(audit?.details.url).toMatch(url)

		// Pasting an image into a body uploads it the same way.
		await body.evaluate(async (element: HTMLTextAreaElement, base64: string) => {
			const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
			const data = new DataTransfer()
			data.items.add(new File([bytes], 'pasted.jpg', { type: 'image/jpeg' }))
			element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
		}, Buffer.from(jpegImage({ width: 320, height: 200 })).toString('base64'))
		await expect(dialog).toBeVisible()
		await dialog.getByRole('button', { name: t.image.cancel }).click()
		await expect(dialog).toHaveCount(0)
	})

	test(`${lang}: history shows each revision's changes; restoring on a public post asks first and keeps the translation status`, async ({ page, baseURL }) => {
		const editor = await createUser({ role: 'editor', lang })
		const post = await createNewsPost({
			status: 'published',
			publishedAt: new Date(Date.now() - 3_600_000),
			authorId: editor.id,
			versions: { en: { title: unique('Restored'), body: 'The first wording.' }, zh: { title: '恢复', body: '第一版措辞。' } },
		})
		await signInContext(page.context(), baseURL!, editor.id)
		// Revision 2: only the English original changes, so the Chinese translation falls behind.
		await page.goto(`/${lang}/newsroom/${post.id}`)
		await column(page, lang, 'en').getByLabel(t.editor.body).fill('The second wording, much longer.')
		await page.getByRole('button', { name: t.actions.save, exact: true }).click()
		await expect(page.getByRole('status')).toHaveText(t.saved.save)
		await expect(column(page, lang, 'zh').getByText(fill(t.translation.outdated.en, { from: 1 }))).toBeVisible()

		await page.getByRole('link', { name: t.edit.history }).click()
		await page.getByTestId('revision-list').getByRole('listitem').first().getByRole('link', { name: t.history.view }).click()
		// The address names the revision by the number the page shows.
		await expect(page).toHaveURL(new RegExp(`/newsroom/${post.id}/history\\?revision=2$`))
		const changes = page.getByTestId('revision-changes')
		await expect(changes.getByRole('heading', { level: 2 })).toHaveText(fill(t.history['changes-heading'], { version: 2 }))
		const diff = changes.locator('[data-testid="field-diff"][data-field="en.bodyMarkdown"]').locator('[data-layout]:visible')
		await expect(diff.locator('ins').first()).toContainText('second')
		await expect(diff.locator('del').first()).toContainText('first')

		// Restore revision 1, in which both languages matched: asked first, as the post is public.
		await page.getByTestId('revision-list').getByRole('listitem').nth(1).getByRole('link', { name: t.history.view }).click()
		await expect(page).toHaveURL(/\?revision=1$/)
		await page.getByRole('button', { name: t.history.restore }).click()
		const question = page.getByRole('dialog')
		await expect(question).toContainText(t.confirm['restore-public'])
		await question.getByRole('button', { name: common.confirm.cancel }).click()
		const [unchanged] = await getDb()<{ version: number }[]>`select version from news_posts where id = ${post.id}`
		expect(unchanged!.version).toBe(2)
		await page.getByRole('button', { name: t.history.restore }).click()
		await question.getByRole('button', { name: t.history.restore }).click()
		await expect(page.getByRole('status')).toHaveText(t.saved.restore)
		await expect(column(page, lang, 'en').getByLabel(t.editor.body)).toHaveValue('The first wording.')
		// The Chinese version is up to date again, as it was in revision 1.
		const [en] = await getDb()<{ revision: number }[]>`select revision from news_post_translations where post_id = ${post.id} and lang = 'en'`
		await expect(column(page, lang, 'zh').getByText(fill(t.translation.current.en, { from: en!.revision }))).toBeVisible()
		const reader = await page.context().browser()!.newContext({ baseURL })
		const anonymous = await reader.newPage()
		await anonymous.goto(`/zh/news/${post.slugs.zh}`)
		await expect(anonymous.getByTestId('outdated-translation')).toHaveCount(0)
		await reader.close()
		const [audit] = await getDb()<{ details: { restoredVersion: number } }[]>`select details from audit_events where event = 'post_restored' and actor_id = ${editor.id}`
		expect(audit?.details.restoredVersion).toBe(1)
	})

	test(`${lang}: archiving asks first`, async ({ page, baseURL }) => {
		const editor = await createUser({ role: 'editor', lang })
		const post = await createNewsPost({ status: 'published', publishedAt: new Date(Date.now() - 60_000), authorId: editor.id, versions: { en: { title: unique('Archive me') } } })
		await signInContext(page.context(), baseURL!, editor.id)
		await page.goto(`/${lang}/newsroom/${post.id}`)
		// The question is a dialog once the page has hydrated (before, the server asks on a page of its own).
		await waitForHydration(page)
		await page.getByTestId('editor-actions').getByRole('button', { name: t.actions.archive }).click()
		const question = page.getByRole('dialog')
		await expect(question).toContainText(t.confirm.archive)
		await question.getByRole('button', { name: common.confirm.cancel }).click()
		const status = async () => (await getDb()<{ status: string }[]>`select status from news_posts where id = ${post.id}`)[0]!.status
		expect(await status()).toBe('published')
		await page.getByTestId('editor-actions').getByRole('button', { name: t.actions.archive }).click()
		await question.getByRole('button', { name: t.actions.archive }).click()
		await expect(page.getByRole('status')).toHaveText(t.saved.archive)
		expect(await status()).toBe('archived')
	})

	test(`${lang}: after a conflict the other editor's changes are shown field by field and merged; the overwritten editor is told`, async ({ browser, baseURL }) => {
		const [alice, bob] = await Promise.all([
			createUser({ role: 'editor', lang: other(lang), name: unique('Alice') }),
			createUser({ role: 'editor', lang, name: unique('Bob') }),
		])
		const post = await createNewsPost({
			status: 'draft',
			publishedAt: null,
			authorId: alice.id,
			versions: { en: { title: unique('Shared'), summary: 'The summary.', body: 'First paragraph.\n\nSecond paragraph.' } },
		})
		const since = await lastOutboxId()
		const a = await browser.newContext({ baseURL })
		const b = await browser.newContext({ baseURL })
		await signInContext(a, baseURL!, alice.id)
		await signInContext(b, baseURL!, bob.id)
		const pageA = await a.newPage()
		const pageB = await b.newPage()
		const tA = locales[other(lang)].newsroom
		await pageA.goto(`/${other(lang)}/newsroom/${post.id}`)
		await pageB.goto(`/${lang}/newsroom/${post.id}`)

		// Alice changes the title and the first paragraph, and saves first.
		await column(pageA, other(lang), 'en').getByLabel(tA.editor.title, { exact: true }).fill('Alice’s title')
		await column(pageA, other(lang), 'en').getByLabel(tA.editor.body).fill('First paragraph, by Alice.\n\nSecond paragraph.')
		await pageA.getByRole('button', { name: tA.actions['save-draft'] }).click()
		await expect(pageA.getByRole('status')).toHaveText(tA.saved.save)

		// Bob, still on the version he opened, changes the title too and the second paragraph.
		await column(pageB, lang, 'en').getByLabel(t.editor.title, { exact: true }).fill('Bob’s title')
		await column(pageB, lang, 'en').getByLabel(t.editor.body).fill('First paragraph.\n\nSecond paragraph, by Bob.')
		await pageB.getByRole('button', { name: t.actions['save-draft'] }).click()
		const conflict = pageB.getByTestId('conflict')
		await expect(conflict).toContainText(alice.name)
		const fields = conflict.getByTestId('conflict-field')
		await expect(fields).toHaveCount(2)
		const title = conflict.locator('[data-field="en.title"]')
		await expect(title.locator('ins:visible').first()).toContainText('Alice')
		await expect(title.getByLabel(t.conflict.choice.mine)).toBeChecked()
		const body = conflict.locator('[data-field="en.body"]')
		// Different paragraphs: both edits merge.
		await expect(body.getByLabel(t.conflict.choice.merged)).toBeChecked()
		await conflict.getByRole('button', { name: t.conflict['save-choices'] }).click()
		await expect(pageB.getByRole('status')).toHaveText(t.saved.save)

		const [stored] = await getDb()<{ title: string; body: string }[]>`
			select title, body_markdown as body from news_post_translations where post_id = ${post.id} and lang = 'en'
		`
		expect(stored).toEqual({ title: 'Bob’s title', body: 'First paragraph, by Alice.\n\nSecond paragraph, by Bob.' })
		// Alice hears, in her language, that her title was replaced, and where to find it.
		const [notice] = await waitForOutbox({ to: alice.email, kind: 'edit_overwritten', afterId: since })
		const tAliceEmail = locales[other(lang)].email
		expect(notice!.subject).toBe(fill(tAliceEmail.overwritten.subject, { title: 'Bob’s title' }))
		expect(notice!.body).toContain(bob.name)
		expect(notice!.body).toContain(fill(tA['field-in-version'], { field: tA.fields.title, version: tA.editor.version.en }))
		expect(notice!.body).toContain(`${baseURL}/${other(lang)}/newsroom/${post.id}/history`)
		const [audit] = await getDb()<{ details: { fields: string } }[]>`select details from audit_events where event = 'post_overwritten' and actor_id = ${bob.id}`
		expect(audit?.details.fields).toBe('en.title')
		await a.close()
		await b.close()
	})

	test(`${lang}: on a phone the editor's actions stay in reach`, async ({ browser, baseURL }) => {
		const editor = await createUser({ role: 'editor', lang })
		const context = await browser.newContext({ baseURL, viewport: { width: 375, height: 740 } })
		await signInContext(context, baseURL!, editor.id)
		const page = await context.newPage()
		await page.goto(`/${lang}/newsroom/new`)
		const actions = page.getByTestId('editor-actions')
		for (const y of [0, 1500]) {
			await page.evaluate((top) => window.scrollTo(0, top), y)
			const box = await actions.boundingBox()
			expect(box && box.y + box.height, `actions at scroll ${y}`).toBeLessThanOrEqual(740)
			await expect(actions.getByRole('button', { name: t.actions['save-draft'] })).toBeInViewport()
		}
		expect(await versionOnPage(page)).toBe(0)
		await context.close()
	})
}

test('typing done before the page\'s scripts ran is guarded and kept like any other', async ({ page, baseURL }) => {
	const t = locales.en.newsroom
	const editor = await createUser({ role: 'editor', lang: 'en' })
	const post = await createNewsPost({ status: 'draft', publishedAt: null, authorId: editor.id, versions: { en: { title: unique('Early') } } })
	await signInContext(page.context(), baseURL!, editor.id)
	// The page's scripts wait until the typing is done (a slow connection).
	let release = () => {}
	const scriptsMayLoad = new Promise<void>((resolve) => (release = resolve))
	await page.route(/\/assets\/entry\.client-[^/]+\.js$/, async (route) => {
		await scriptsMayLoad
		await route.continue()
	})
	await page.goto(`/en/newsroom/${post.id}`, { waitUntil: 'commit' })
	const title = column(page, 'en', 'en').getByLabel(t.editor.title, { exact: true })
	await title.fill('Typed before the scripts ran')
	// React sets a text area back to the server's text when it hydrates: the typing is put back (app/ui/early-typing.ts).
	const body = column(page, 'en', 'en').getByLabel(t.editor.body)
	await body.fill('A body typed before the scripts ran.')
	release()
	await waitForHydration(page)
	await expect(body).toHaveValue('A body typed before the scripts ran.')

	await expect.poll(await stayWhenAsked(page, 'en')).toEqual([locales.en.common.unsaved.leave])
	await expect(title).toHaveValue('Typed before the scripts ran')
	await expect(body).toHaveValue('A body typed before the scripts ran.')
})
