/**
 * Policy drafts end to end, in both languages: two browsers editing the same
 * draft (non-overlapping edits merge, in English and in Chinese; overlapping
 * ones show the conflict and lose nothing), history and word-level diffs
 * (a one-word Chinese change), restore, comments with @mentions that email
 * the person named in their language, review to publication, exports (the
 * .docx unzipped and read), the translator's view, typing kept in the
 * browser, forms without JavaScript, bad input, and what a non-member of a
 * private group gets: 404 everywhere. Screenshots at 375 and 1280 px in both
 * languages land in .cache/shots/.
 */
import { mkdirSync } from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import type { Browser, Page } from '@playwright/test'
import { createSessionToken, createUser, expect, getDb, signInContext, test, type TestUser } from './fixtures.ts'
import { createTestDraft, waitForDraftEmail, type TestDraft } from './drafts-fixtures.ts'
import { LANGS } from './utils.ts'
import { drafts as seedDrafts } from '../db/seed/content/drafts.ts'
import enCommon from '../locales/en/common.json' with { type: 'json' }
import zhCommon from '../locales/zh/common.json' with { type: 'json' }
import enDrafts from '../locales/en/drafts.json' with { type: 'json' }
import zhDrafts from '../locales/zh/drafts.json' with { type: 'json' }

const messages = { en: enDrafts, zh: zhDrafts }
const common = { en: enCommon, zh: zhCommon }
type Lang = (typeof LANGS)[number]
const SHOTS = '.cache/shots'
mkdirSync(SHOTS, { recursive: true })

const fill = (text: string, values: Record<string, string | number>) =>
	Object.entries(values).reduce((s, [k, v]) => s.replace(new RegExp(`\\{\\{${k}(, number)?\\}\\}`, 'g'), String(v)), text)

async function signedInPage(browser: Browser, baseURL: string, clientIp: string, user: TestUser, options: { javaScriptEnabled?: boolean } = {}) {
	const context = await browser.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': clientIp }, ...options })
	await signInContext(context, baseURL, user.id)
	return context.newPage()
}

function sectionBox(page: Page, lang: Lang, number: number, textLang: Lang) {
	return page.getByLabel(fill(messages[lang].edit['text-in'][textLang], { number }), { exact: true })
}

/** Opens the editor once the page's JavaScript has taken over (the form then posts through Remix). */
async function openEditor(page: Page, lang: Lang, draft: TestDraft) {
	await page.goto(`/${lang}/drafts/${draft.id}/edit`)
	await expect(page.getByRole('heading', { level: 1 })).toContainText(draft.titles[lang])
}

async function saveAndWait(page: Page, lang: Lang) {
	await page.getByRole('button', { name: messages[lang].edit.save, exact: true }).click()
	await page.waitForURL(/\/edit\?saved=/)
}

async function shoot(page: Page, name: string, lang: Lang) {
	for (const width of [375, 1280]) {
		await page.setViewportSize({ width, height: 900 })
		await page.screenshot({ path: `${SHOTS}/drafts-${name}-${lang}-${width}.png`, fullPage: true })
	}
	await page.setViewportSize({ width: 1280, height: 900 })
}

for (const lang of LANGS) {
	const t = messages[lang]
	const textLang: Lang = lang

	test(`${lang}: two members edit the same draft at once; edits to different sections merge and the second author is told`, async ({ browser, baseURL, clientIp }) => {
		const draft = await createTestDraft({ lang })
		const alice = await signedInPage(browser, baseURL!, clientIp, draft.lead)
		const bob = await signedInPage(browser, baseURL!, clientIp, draft.member)
		await openEditor(alice, lang, draft)
		await openEditor(bob, lang, draft)

		const first = textLang === 'en' ? '## Scope\n\nThe mechanism covers electric vehicles, trucks and their core components.' : '## 范围\n\n该机制涵盖电动汽车、卡车及其核心零部件。'
		const second = textLang === 'en' ? '## Steps\n\nFirst, simplify certification. Second, align testing standards for batteries.' : '## 步骤\n\n第一，简化认证流程。第二，统一电池检测标准。'
		await sectionBox(alice, lang, 1, textLang).fill(first)
		await saveAndWait(alice, lang)
		await expect(alice.getByRole('status').filter({ hasText: fill(t.edit.saved, { version: 2 }) })).toBeVisible()

		await sectionBox(bob, lang, 2, textLang).fill(second)
		await saveAndWait(bob, lang)
		const notice = bob.getByTestId('merged-notice')
		await expect(notice).toContainText(fill(t.edit.merged, { version: 3 }).slice(0, 12))
		await expect(notice).toContainText(draft.lead.name)
		// The editor now holds both changes.
		await expect(sectionBox(bob, lang, 1, textLang)).toHaveValue(first + '\n')
		await expect(sectionBox(bob, lang, 2, textLang)).toHaveValue(second + '\n')
		await shoot(bob, 'merged', lang)

		await bob.goto(`/${lang}/drafts/${draft.id}`)
		const sections = bob.getByTestId('draft-section')
		await expect(sections.nth(0).locator(`[data-lang=${textLang}]`)).toContainText(textLang === 'en' ? 'trucks' : '卡车')
		await expect(sections.nth(1).locator(`[data-lang=${textLang}]`)).toContainText(textLang === 'en' ? 'for batteries' : '电池检测')
		// Editing the source outdated its translation: the summary says so.
		if (textLang === 'en') await expect(bob.getByTestId('translation-summary')).toContainText(fill(t.translation.outdated_other, { count: 2 }))
		await shoot(bob, 'draft', lang)
		await alice.context().close()
		await bob.context().close()
	})

	test(`${lang}: overlapping edits show theirs, yours and the base; nothing is lost and nothing is written until the author chooses`, async ({ browser, baseURL, clientIp }) => {
		const draft = await createTestDraft({ lang })
		const alice = await signedInPage(browser, baseURL!, clientIp, draft.lead)
		const bob = await signedInPage(browser, baseURL!, clientIp, draft.member)
		await openEditor(alice, lang, draft)
		await openEditor(bob, lang, draft)
		const theirs = textLang === 'en' ? '## Scope\n\nThe mechanism covers electric buses.' : '## 范围\n\n该机制涵盖电动公交车。'
		const mine = textLang === 'en' ? '## Scope\n\nThe mechanism covers electric trucks.' : '## 范围\n\n该机制涵盖电动卡车。'
		await sectionBox(alice, lang, 1, textLang).fill(theirs)
		await saveAndWait(alice, lang)

		await sectionBox(bob, lang, 1, textLang).fill(mine)
		await bob.getByLabel(t.edit.message).fill('my reason')
		await bob.getByRole('button', { name: t.edit.save, exact: true }).click()
		const conflicts = bob.getByTestId('conflicts')
		await expect(conflicts).toBeVisible()
		const conflict = conflicts.getByTestId('conflict')
		await expect(conflict.locator('[data-version=theirs]')).toContainText(textLang === 'en' ? 'electric buses' : '电动公交车')
		await expect(conflict.locator('[data-version=ours]')).toContainText(textLang === 'en' ? 'electric trucks' : '电动卡车')
		await expect(conflict.locator('[data-version=base]')).toContainText(textLang === 'en' ? 'core components' : '核心零部件')
		// Bob's typing is still in the form, message included.
		await expect(sectionBox(bob, lang, 1, textLang)).toHaveValue(mine)
		await expect(bob.getByLabel(t.edit.message)).toHaveValue('my reason')
		await shoot(bob, 'conflict', lang)
		// Nothing was written.
		const [{ version }] = (await getDb()`select version from policy_drafts where id = ${draft.id}`) as unknown as [{ version: number }]
		expect(version).toBe(2)

		// Saving without choosing asks again; then Bob combines both in his own text.
		await bob.getByRole('button', { name: t.edit['save-resolved'] }).click()
		await expect(bob.getByTestId('editor-errors')).toContainText(t.errors['choose-all'])
		await conflict.getByLabel(t.edit.conflict.choose.custom).check()
		const combined = textLang === 'en' ? '## Scope\n\nThe mechanism covers electric buses and trucks.' : '## 范围\n\n该机制涵盖电动公交车和卡车。'
		await conflict.getByLabel(t.edit.conflict.custom).fill(combined)
		await bob.getByRole('button', { name: t.edit['save-resolved'] }).click()
		await bob.waitForURL(/\/edit\?saved=3/)
		await expect(sectionBox(bob, lang, 1, textLang)).toHaveValue(combined + '\n')
		await alice.context().close()
		await bob.context().close()
	})

	test(`${lang}: history, a one-word Chinese diff, comparing any two revisions, and restore after a confirmation`, async ({ page, baseURL }) => {
		const draft = await createTestDraft({ lang })
		await signInContext(page.context(), baseURL!, draft.member.id)
		await openEditor(page, lang, draft)
		await sectionBox(page, lang, 1, 'zh').fill('## 范围\n\n该机制涵盖电动汽车及其关键零部件。')
		await page.getByLabel(t.edit.message).fill('核心 → 关键')
		await saveAndWait(page, lang)

		await page.goto(`/${lang}/drafts/${draft.id}/history`)
		const list = page.getByTestId('revision-list')
		await expect(list.getByRole('listitem')).toHaveCount(2)
		await expect(list.getByRole('listitem').first()).toContainText('核心 → 关键')
		await page.getByRole('button', { name: messages[lang].compare.submit }).click()
		await page.waitForURL(/\/compare\?/)
		const changed = page.getByTestId('compare-section').filter({ has: page.locator('[data-lang=zh][data-change=changed]') })
		await expect(changed).toHaveCount(1)
		// Only the edited word is marked, with words for screen readers; the rest of the sentence is plain text.
		const inline = changed.locator('[data-layout=inline]').first()
		await expect(inline.locator('del')).toHaveText([`${t.diff.deleted} 核心`])
		await expect(inline.locator('ins')).toHaveText([`${t.diff.inserted} 关键`])
		await shoot(page, 'compare', lang)

		await page.goto(`/${lang}/drafts/${draft.id}/history`)
		await list.getByRole('link', { name: t.history.view }).last().click()
		await expect(page.getByTestId('revision')).toContainText(fill(t.history['snapshot-heading'], { version: 1 }))
		await shoot(page, 'history', lang)
		await page.getByRole('button', { name: t.history.restore }).click()
		await page.getByRole('dialog').getByRole('button', { name: t.history.restore }).click()
		await page.waitForURL(/restored=1/)
		await expect(list.getByRole('listitem')).toHaveCount(3)
		await expect(list.getByRole('listitem').first()).toContainText(t.history.action.restore)
		await page.goto(`/${lang}/drafts/${draft.id}`)
		await expect(page.getByTestId('draft-section').first()).toContainText('核心零部件')
	})

	test(`${lang}: comments anchored to a passage, @mentions emailed in the recipient's language, replies, resolve, and a changed passage`, async ({ browser, page, baseURL, clientIp }) => {
		const draft = await createTestDraft({ lang })
		// The observer (an official) may comment but not edit.
		await signInContext(page.context(), baseURL!, draft.observer.id)
		await page.goto(`/${lang}/drafts/${draft.id}`)
		await expect(page.getByRole('link', { name: t.draft.edit, exact: true })).toHaveCount(0)
		const first = page.getByTestId('draft-section').first()
		const form = first.getByTestId('comment-form')
		// The form folds away under its summary; opened once, it stays open.
		const openForm = async () => {
			if (!(await form.isVisible())) await first.getByText(t.comments.new).click()
		}
		await openForm()
		await form.getByLabel(t.column.en, { exact: true }).check()
		await form.getByLabel(t.comments.quote).fill('core components')
		await form.getByLabel(t.comments.body, { exact: true }).fill(`@${draft.member.name} does this include chargers?`)
		await form.getByRole('button', { name: t.comments.submit }).click()
		const thread = first.getByTestId('thread')
		await expect(thread).toContainText('does this include chargers?')
		await expect(thread.locator('blockquote')).toHaveText('core components')

		// The member (whose language is the other one) is emailed in theirs.
		const email = await waitForDraftEmail(draft.member.email, 'draft_mention')
		const other: Lang = lang === 'en' ? 'zh' : 'en'
		expect(email.subject).toBe(fill(messages[other].email.mention.subject, { author: draft.observer.name, title: draft.titles[other] }))
		expect(email.body).toContain(`/${other}/drafts/${draft.id}#comment-`)

		// A quote that is not in the section is refused with the comment kept.
		await openForm()
		await form.getByLabel(t.comments.quote).fill('not in the text')
		await form.getByLabel(t.comments.body, { exact: true }).fill('kept text')
		await form.getByRole('button', { name: t.comments.submit }).click()
		await expect(form.getByRole('alert')).toHaveText(t.errors['quote-not-found'])
		await expect(form.getByLabel(t.comments.body, { exact: true })).toHaveValue('kept text')

		// The member replies, edits the passage, and the thread shows it as it was.
		const member = await signedInPage(browser, baseURL!, clientIp, draft.member)
		await member.goto(`/${lang}/drafts/${draft.id}`)
		const memberThread = member.getByTestId('draft-section').first().getByTestId('thread')
		await memberThread.locator('summary', { hasText: t.comments.reply }).click()
		await memberThread.getByRole('textbox').fill('Yes, chargers too.')
		await memberThread.getByRole('button', { name: t.comments['send-reply'] }).click()
		await expect(memberThread).toContainText('Yes, chargers too.')
		await openEditor(member, lang, draft)
		await sectionBox(member, lang, 1, 'en').fill('## Scope\n\nThe mechanism covers electric vehicles and their key parts.')
		await saveAndWait(member, lang)
		await member.goto(`/${lang}/drafts/${draft.id}`)
		await expect(memberThread.getByTestId('passage-changed')).toHaveText(new RegExp(t.comments['passage-changed'].slice(0, 10)))
		await expect(memberThread.locator('blockquote')).toHaveText('core components')
		await shoot(member, 'comments', lang)
		await memberThread.getByRole('button', { name: t.comments.resolve }).click()
		await expect(member.getByTestId('draft-section').first().locator('[data-resolved]')).toHaveCount(1)
		await member.context().close()
	})
}

test('review: the lead names an official reviewer (emailed), who approves; final, then published after a confirmation, and the public reads it', async ({ browser, page, baseURL, clientIp }) => {
	const t = messages.en
	const draft = await createTestDraft({ lang: 'en' })
	await signInContext(page.context(), baseURL!, draft.lead.id)
	await page.goto(`/en/drafts/${draft.id}`)
	const panel = page.getByTestId('review-panel')
	// The reviewer is an official outside the group: not listed (the portal's officials are
	// many), named by address. An address no official has is refused, with the typing kept.
	const request = panel.getByTestId('request-review')
	await expect(request.getByLabel(new RegExp(draft.reviewer.name))).toHaveCount(0)
	await request.getByLabel(new RegExp(draft.observer.name)).check()
	await request.getByLabel(t.review['reviewer-email']).fill('nobody@e2e.example')
	await panel.getByRole('button', { name: t.review.send }).click()
	await expect(panel.getByRole('alert')).toHaveText(t.errors.review['unknown-reviewer-email'])
	await expect(request.getByLabel(t.review['reviewer-email'])).toHaveValue('nobody@e2e.example')
	await expect(request.getByLabel(new RegExp(draft.observer.name))).toBeChecked()
	await request.getByLabel(new RegExp(draft.observer.name)).uncheck()
	await request.getByLabel(t.review['reviewer-email']).fill(draft.reviewer.email)
	await panel.getByRole('button', { name: t.review.send }).click()
	await expect(page.getByTestId('draft-status')).toHaveText(t.status.in_review)
	await expect(panel.getByTestId('reviewers')).toContainText(draft.reviewer.name)
	const email = await waitForDraftEmail(draft.reviewer.email, 'draft_review_request')
	expect(email.subject).toBe(fill(t.email.review.subject, { title: draft.titles.en }))

	const reviewer = await signedInPage(browser, baseURL!, clientIp, draft.reviewer)
	await reviewer.goto(`/en/drafts/${draft.id}`)
	await reviewer.getByTestId('decision-form').getByLabel(t.review.note).fill('Fine by me.')
	await reviewer.getByRole('button', { name: t.review.approve }).click()
	await expect(reviewer.getByTestId('reviewers')).toContainText(fill(t.review.decided.approve, { version: 2, time: '' }).split(' (')[0]!)

	await page.reload()
	await panel.getByRole('button', { name: t.review.finalize }).click()
	await expect(page.getByTestId('draft-status')).toHaveText(t.status.final)
	await panel.getByRole('button', { name: t.review.publish }).click()
	await page.getByRole('dialog').getByRole('button', { name: t.review.publish }).click()
	await expect(page.getByTestId('draft-status')).toHaveText(t.status.published)

	const anonymous = await (await browser.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': clientIp } })).newPage()
	await anonymous.goto(`/en/drafts?group=${draft.groupSlug}`)
	await anonymous.getByRole('link', { name: draft.titles.en }).click()
	await expect(anonymous.getByRole('heading', { level: 1 })).toHaveText(draft.titles.en)
	// The public reads the text, not the work around it.
	await expect(anonymous.getByTestId('review-panel')).toHaveCount(0)
	await expect(anonymous.getByTestId('section-comments')).toHaveCount(0)
	expect((await anonymous.request.get(`/en/drafts/${draft.id}/history`, { maxRedirects: 0 })).status()).toBe(404)
	await reviewer.context().close()
	await anonymous.context().close()
})

test('a private group\'s draft is 404 to non-members on every address: page, history, diff, print and exports', async ({ request, baseURL }) => {
	const draft = await createTestDraft({ visibility: 'private' })
	const stranger = await createUser({ role: 'researcher' })
	const paths = ['', '/edit', '/history', '/compare', '/compare?view=translation', '/print', '/export/markdown', '/export/docx', '/export/docx?layout=sequential']
	const statusFor = async (user: TestUser | null, path: string) => {
		const headers: Record<string, string> = {}
		if (user) headers.Cookie = `__Host-zevlab_session=${await createSessionToken(user.id)}`
		return (await request.get(`/en/drafts/${draft.id}${path}`, { headers, maxRedirects: 0 })).status()
	}
	for (const path of paths) {
		expect(await statusFor(null, path), `anonymous ${path}`).toBe(404)
		expect(await statusFor(stranger, path), `non-member ${path}`).toBe(404)
		expect(await statusFor(draft.member, path), `member ${path}`).toBe(200)
	}
	// Not in lists either.
	const list = await request.get(`/en/drafts?group=${draft.groupSlug}`, {
		headers: { Cookie: `__Host-zevlab_session=${await createSessionToken(stranger.id)}` },
	})
	expect(await list.text()).not.toContain(draft.titles.en)
	// A posted comment is refused just the same.
	const token = await createSessionToken(stranger.id)
	const post = await request.post(`/en/drafts/${draft.id}`, {
		form: { intent: 'comment', sectionId: 'scope', lang: 'en', quote: '', body: 'hello' },
		headers: { Cookie: `__Host-zevlab_session=${token}`, Origin: baseURL! },
		maxRedirects: 0,
	})
	expect(post.status()).toBe(404)
})

test('Word export: the .docx unzips, and word/document.xml holds both languages (current and an old revision)', async ({ request, baseURL }) => {
	const draft = await createTestDraft()
	const token = await createSessionToken(draft.member.id)
	const headers = { Cookie: `__Host-zevlab_session=${token}` }
	for (const query of ['', '?layout=sequential']) {
		const response = await request.get(`${baseURL}/zh/drafts/${draft.id}/export/docx${query}`, { headers })
		expect(response.status()).toBe(200)
		expect(response.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
		expect(response.headers()['content-disposition']).toMatch(/attachment; filename="policy-draft-\d+-r1\.docx"/)
		const xml = strFromU8(unzipSync(new Uint8Array(await response.body()))['word/document.xml']!)
		for (const text of [draft.titles.en, draft.titles.zh, 'The mechanism covers electric vehicles', '该机制涵盖电动汽车及其核心零部件', 'Steps', '步骤']) {
			expect(xml, text).toContain(text)
		}
	}
	const markdown = await request.get(`${baseURL}/en/drafts/${draft.id}/export/markdown`, { headers })
	const text = await markdown.text()
	expect(text).toContain(`# ${draft.titles.en}`)
	expect(text).toContain('## 范围\n\n该机制涵盖电动汽车及其核心零部件。')
	const [{ id: revisionId }] = (await getDb()`select id::text as id from policy_draft_revisions where draft_id = ${draft.id} and version = 1`) as unknown as [{ id: string }]
	const old = await request.get(`${baseURL}/en/drafts/${draft.id}/export/docx?revision=${revisionId}`, { headers })
	expect(old.status()).toBe(200)
	// Another draft's revision is as unknown as none.
	const other = await createTestDraft()
	const [{ id: foreign }] = (await getDb()`select id::text as id from policy_draft_revisions where draft_id = ${other.id}`) as unknown as [{ id: string }]
	expect((await request.get(`${baseURL}/en/drafts/${draft.id}/export/docx?revision=${foreign}`, { headers })).status()).toBe(404)
})

test('zh: the translator sees what changed in the English since the Chinese was made, and marks it updated', async ({ page, baseURL }) => {
	const t = messages.zh
	const draft = await createTestDraft({ lang: 'zh' })
	await signInContext(page.context(), baseURL!, draft.lead.id)
	await openEditor(page, 'zh', draft)
	await sectionBox(page, 'zh', 2, 'en').fill('## Steps\n\nFirst, simplify certification. Second, align battery testing standards.')
	await saveAndWait(page, 'zh')
	const row = page.getByTestId('section-row').nth(1)
	await expect(row.locator('[data-lang=zh][data-state=outdated]')).toHaveText(new RegExp(t.translation.state.outdated))
	const changes = row.getByTestId('source-changes')
	await expect(changes.locator('ins').first()).toContainText('battery')
	await shoot(page, 'editor', 'zh')
	await page.goto(`/zh/drafts/${draft.id}/compare?view=translation`)
	await expect(page.getByTestId('translation-change')).toHaveCount(1)
	await shoot(page, 'translation', 'zh')

	await openEditor(page, 'zh', draft)
	await sectionBox(page, 'zh', 2, 'zh').fill('## 步骤\n\n第一，简化认证流程。第二，统一电池检测标准。')
	await row.getByLabel(t.edit.translated.zh).check()
	await saveAndWait(page, 'zh')
	await expect(row.locator('[data-lang=zh][data-state=current]')).toBeVisible()
})

test('en: typing is kept in the browser across a reload and offered back; leaving with unsaved changes asks first', async ({ page, baseURL }) => {
	const t = messages.en
	const draft = await createTestDraft()
	await signInContext(page.context(), baseURL!, draft.member.id)
	await openEditor(page, 'en', draft)
	await sectionBox(page, 'en', 1, 'en').fill('## Scope\n\nTyped before the connection dropped.')
	// Kept after a short pause in typing.
	await page.waitForTimeout(800)
	await page.reload()
	const notice = page.getByTestId('kept-typing')
	await expect(notice).toBeVisible()
	await notice.getByRole('button').first().click()
	await expect(sectionBox(page, 'en', 1, 'en')).toHaveValue('## Scope\n\nTyped before the connection dropped.')

	let asked = false
	page.once('dialog', async (dialog) => {
		asked = true
		await dialog.dismiss()
	})
	await page.getByRole('link', { name: t.edit.back }).click()
	await expect.poll(() => asked).toBe(true)
	await expect(page).toHaveURL(/\/edit$/)
})

test('without JavaScript: the editor saves, reorders and previews as plain forms, and a new draft is created', async ({ browser, baseURL, clientIp }) => {
	const t = messages.en
	const draft = await createTestDraft()
	const page = await signedInPage(browser, baseURL!, clientIp, draft.lead, { javaScriptEnabled: false })
	await page.goto(`/en/drafts/${draft.id}/edit`)
	await sectionBox(page, 'en', 2, 'en').fill('## Steps\n\nFirst, simplify certification. **Second**, align testing standards.')
	await page.getByRole('button', { name: t.edit.preview }).click()
	await expect(page.getByTestId('preview').first()).toBeVisible()
	await expect(page.locator('[data-testid=preview] strong').first()).toHaveText('Second')
	await expect(sectionBox(page, 'en', 2, 'en')).toHaveValue(/\*\*Second\*\*/)
	await page.getByRole('button', { name: fill(t.edit['move-up-label'], { number: 2 }) }).click()
	await expect(sectionBox(page, 'en', 1, 'en')).toHaveValue(/\*\*Second\*\*/)
	await page.getByRole('button', { name: t.edit.save, exact: true }).click()
	await expect(page).toHaveURL(/saved=2/)
	await expect(sectionBox(page, 'en', 1, 'en')).toHaveValue(/^## Steps/)

	await page.goto('/en/drafts/new')
	await page.getByLabel(t.new.group).selectOption(draft.groupSlug)
	await page.getByLabel(t.edit['title-in'].en).fill('A second proposal')
	await page.getByLabel(t.new.body.en).fill('## One\n\nText.\n\n## Two\n\nMore.')
	await page.getByLabel(t.new.body.zh).fill('## 一\n\n正文。')
	await page.getByRole('button', { name: t.new.create }).click()
	await expect(page.getByTestId('editor-errors')).toContainText(fill(t.errors['section-count-mismatch'], { en: 2, zh: 1 }).slice(0, 40))
	await expect(page.getByLabel(t.new.body.en)).toHaveValue('## One\n\nText.\n\n## Two\n\nMore.')
	await page.getByLabel(t.new.body.zh).fill('## 一\n\n正文。\n\n## 二\n\n更多。')
	await page.getByRole('button', { name: t.new.create }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('A second proposal')
	await expect(page.getByTestId('draft-section')).toHaveCount(2)
	await page.context().close()
})

test('bad input: scripts are dropped, huge bodies and a foreign base revision get a translated message, and the text comes back', async ({ page, baseURL }) => {
	const t = messages.zh
	const draft = await createTestDraft({ lang: 'zh' })
	const other = await createTestDraft({ lang: 'zh' })
	await signInContext(page.context(), baseURL!, draft.lead.id)
	await openEditor(page, 'zh', draft)
	await sectionBox(page, 'zh', 1, 'en').fill('## Scope\n\n<script>window.hacked = 1</script>\n\n<img src=x onerror="window.hacked=2">\n\n[link](javascript:alert(1)) kept')
	await saveAndWait(page, 'zh')
	await page.goto(`/zh/drafts/${draft.id}`)
	const body = page.getByTestId('draft-section').first()
	await expect(body).toContainText('kept')
	expect(await body.locator('script, [onerror], a[href^="javascript"]').count()).toBe(0)
	expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined()

	const token = await createSessionToken(draft.lead.id)
	const headers = { Cookie: `__Host-zevlab_session=${token}`, Origin: baseURL! }
	const [{ id: revision }] = (await getDb()`select id::text as id from policy_draft_revisions where draft_id = ${draft.id} order by version desc limit 1`) as unknown as [{ id: string }]
	const huge = '## 范围\n\n' + '很长的文本。'.repeat(40_000)
	const tooBig = await page.request.post(`/zh/drafts/${draft.id}/edit`, {
		form: { intent: 'save', baseRevision: revision, 'title.en': draft.titles.en, 'title.zh': draft.titles.zh, section: 'scope', 'text.scope.en': '', 'text.scope.zh': huge },
		headers,
		maxRedirects: 0,
	})
	expect(tooBig.status()).toBe(400)
	const html = await tooBig.text()
	expect(html).toContain(fill(t.errors['too-long'].zh, { count: (240_000 + 2).toLocaleString('zh'), max: (200_000).toLocaleString('zh') }).slice(0, 8))
	expect(html).toContain('很长的文本。很长的文本。')

	const [{ id: foreign }] = (await getDb()`select id::text as id from policy_draft_revisions where draft_id = ${other.id}`) as unknown as [{ id: string }]
	const wrongBase = await page.request.post(`/zh/drafts/${draft.id}/edit`, {
		form: { intent: 'save', baseRevision: foreign, 'title.en': 'x', 'title.zh': 'y', section: 'scope', 'text.scope.en': '## Scope\n\nMine.', 'text.scope.zh': '' },
		headers,
		maxRedirects: 0,
	})
	expect(wrongBase.status()).toBe(400)
	expect(await wrongBase.text()).toContain(t.errors['invalid-base'].slice(0, 12))
	const nul = await page.request.post(`/zh/drafts/${draft.id}/edit`, {
		form: { intent: 'save', baseRevision: revision, 'title.en': 'x\u0000', 'title.zh': 'y', section: 'scope', 'text.scope.en': 'a\u0001b', 'text.scope.zh': '' },
		headers,
		maxRedirects: 0,
	})
	expect(nul.status()).toBe(400)
})

test('the drafts list in both languages: filters by group, status and translation; screenshots', async ({ page, baseURL }) => {
	const draft = await createTestDraft()
	await signInContext(page.context(), baseURL!, draft.member.id)
	for (const lang of LANGS) {
		const t = messages[lang]
		await page.goto(`/${lang}/drafts?group=${draft.groupSlug}`)
		await expect(page.getByTestId('drafts-list').getByRole('link', { name: draft.titles[lang] })).toBeVisible()
		await page.getByLabel(t.list.translation).selectOption('outdated')
		await page.getByRole('button', { name: t.list.apply }).click()
		await expect(page.getByTestId('drafts-empty')).toBeVisible()
		await page.goto(`/${lang}/drafts?group=${draft.groupSlug}&status=drafting&translation=complete`)
		await expect(page.getByTestId('drafts-list').getByRole('listitem')).toHaveCount(1)
		await page.goto(`/${lang}/drafts`)
		await shoot(page, 'list', lang)
		await page.goto(`/${lang}/drafts/${draft.id}/print`)
		await shoot(page, 'print', lang)
		// On paper: only the draft, the two languages still side by side.
		await page.emulateMedia({ media: 'print' })
		await expect(page.locator('body > header')).toBeHidden()
		await expect(page.getByRole('button', { name: t.print.print })).toBeHidden()
		await page.screenshot({ path: `${SHOTS}/drafts-print-media-${lang}.png`, fullPage: true })
		await page.emulateMedia({ media: 'screen' })
	}
})

test('both languages: the public list shows the seeded published proposal; its draft page renders for the public', async ({ page }) => {
	const seeded = seedDrafts.find((d) => d.publication)!
	for (const lang of LANGS) {
		await page.goto(`/${lang}/drafts?group=${seeded.groupSlug}`)
		await page.getByTestId('drafts-list').getByRole('link', { name: seeded.title[lang] }).click()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(seeded.title[lang])
		await expect(page.getByTestId('draft-status')).toHaveText(messages[lang].status.published)
		await shoot(page, 'public', lang)
	}
})

test('every drafts page is entirely in its language: lang attribute, title, and none of the other language\'s words', async ({ page, baseURL }) => {
	const draft = await createTestDraft()
	await signInContext(page.context(), baseURL!, draft.lead.id)
	for (const lang of LANGS) {
		const t = messages[lang]
		const other = messages[lang === 'en' ? 'zh' : 'en']
		const pages = [
			{ path: '/drafts', title: t.list.title, words: [t.list.status, t.list.apply], foreign: [other.list.apply, other.list.group] },
			{ path: '/drafts/new', title: t.new.title, words: [t.new.create], foreign: [other.new.create, other.new.group] },
			{ path: `/drafts/${draft.id}`, title: draft.titles[lang], words: [t.draft.history, t.review.heading], foreign: [other.draft.history, other.draft.compare, other.comments.new, other.review.send] },
			{ path: `/drafts/${draft.id}/edit`, title: fill(t.edit.title, { title: draft.titles[lang] }), words: [t.edit.save, t.edit['add-section']], foreign: [other.edit['add-section'], other.edit.preview] },
			{ path: `/drafts/${draft.id}/history`, title: fill(t.history.title, { title: draft.titles[lang] }), words: [t.history.intro], foreign: [other.history.view, other.compare.submit] },
			{ path: `/drafts/${draft.id}/compare`, title: fill(t.compare.title, { title: draft.titles[lang] }), words: [t.compare.submit], foreign: [other.compare.submit, other.compare.unchanged] },
			{ path: `/drafts/${draft.id}/print`, title: fill(t.print.title, { title: draft.titles[lang] }), words: [t.print.print], foreign: [other.print.print, other.export.status] },
		]
		for (const item of pages) {
			const response = await page.goto(`/${lang}${item.path}`)
			expect(response?.status(), item.path).toBe(200)
			await expect(page.locator('html')).toHaveAttribute('lang', lang === 'en' ? 'en' : 'zh-CN')
			await expect(page).toHaveTitle(fill(common[lang].meta.title, { page: item.title }))
			for (const word of item.words) await expect(page.locator('main'), `${lang}${item.path}: ${word}`).toContainText(word)
			for (const word of item.foreign) await expect(page.locator('main'), `${lang}${item.path}: ${word}`).not.toContainText(word)
		}
	}
	await page.goto('/zh/drafts/new')
	await shoot(page, 'new', 'zh')
})

test('the editor\'s JavaScript (typing kept in the browser, the leave warning) loads on the editing pages only', async ({ page, baseURL }) => {
	const draft = await createTestDraft()
	await signInContext(page.context(), baseURL!, draft.lead.id)
	/** Whether any module the page loads holds the editor's storage code. */
	const loadsEditor = async (path: string) => {
		await page.goto(path)
		// Read by the page itself (its own cache and origin), every module it declares and every script it ran.
		const bodies = await page.evaluate(async () => {
			const declared = [...document.querySelectorAll<HTMLLinkElement | HTMLScriptElement>('link[rel=modulepreload], script[type=module][src]')].map((el) =>
				'href' in el ? el.href : el.src,
			)
			const loaded = performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.endsWith('.js'))
			const urls = [...new Set([...declared, ...loaded])]
			return Promise.all(urls.map(async (url) => (await fetch(url)).text()))
		})
		return bodies.some((body) => body.includes('zevlab:unsaved'))
	}
	for (const path of ['/en/drafts', `/en/drafts/${draft.id}`, `/en/drafts/${draft.id}/history`, `/en/drafts/${draft.id}/compare`, `/en/drafts/${draft.id}/print`]) {
		expect(await loadsEditor(path), path).toBe(false)
	}
	expect(await loadsEditor(`/en/drafts/${draft.id}/edit`)).toBe(true)
})
