/**
 * Meeting records end to end, in both languages: the full review cycle with
 * two reviewers (changes requested, then both approve, then published for
 * the public), the hash changing with the content and re-approval after an
 * edit, the conflict two members get when they save the same version, bad
 * input answered in the page's language with nothing typed lost, the review
 * queue, the dashboard and the action items, and the printed record.
 */
import { randomBytes } from 'node:crypto'
import type { BrowserContext, Page } from '@playwright/test'
import { LANGS, type Lang } from '#app/i18n/config.ts'
import { getCurrentSnapshot, getRecordByMeeting } from '#app/meetings/records.queries.server.ts'
import { createSessionToken, createUser, expect, getDb, sessionHeaders, signInContext, test, waitForHydration, type TestUser } from './fixtures.ts'
import { minutesInput, saveMinutes, sendForReview, signOff } from './records-content.ts'
import enRecords from '../locales/en/records.json' with { type: 'json' }
import zhRecords from '../locales/zh/records.json' with { type: 'json' }

const records = { en: enRecords, zh: zhRecords }
const DAY_MS = 86_400_000
const fill = (text: string, values: Record<string, string | number>) =>
	Object.entries(values).reduce((s, [k, v]) => s.replaceAll(`{{${k}}}`, String(v)), text)
const unique = (label: string) => `${label}-${randomBytes(4).toString('hex')}`

interface Setup {
	groupId: string
	slug: string
	meetingId: string
	agendaIds: string[]
	title: Record<Lang, string>
	lead: TestUser
	member: TestUser
}

/** A group with a lead and a member, and a meeting held two days ago with a two-item agenda (test setup, not under test). */
async function groupWithMeeting({
	visibility = 'public',
	lang,
	cancelled = false,
}: {
	visibility?: 'public' | 'private'
	lang: Lang
	cancelled?: boolean
}): Promise<Setup> {
	const db = getDb()
	const slug = unique('e2e-records')
	const lead = await createUser({ role: 'researcher', lang, name: unique('Lead') })
	const member = await createUser({ role: 'researcher', lang, name: unique('Member') })
	const [group] = await db<{ id: string }[]>`insert into working_groups (slug, visibility) values (${slug}, ${visibility}) returning id::text as id`
	const groupId = group!.id
	await db`insert into working_group_translations (group_id, lang, name, summary, description) values (${groupId}, 'en', ${`Group ${slug}`}, '', ''), (${groupId}, 'zh', ${`工作组 ${slug}`}, '', '')`
	await db`insert into group_memberships (group_id, user_id, role) values (${groupId}, ${lead.id}, 'lead'), (${groupId}, ${member.id}, 'member')`
	const startsAt = new Date(Date.now() - 2 * DAY_MS)
	const [meeting] = await db<{ id: string }[]>`
		insert into meetings (group_id, starts_at, ends_at, time_zone, cancelled_at)
		values (${groupId}, ${startsAt}, ${new Date(startsAt.getTime() + 3_600_000)}, 'America/Los_Angeles', ${cancelled ? startsAt : null})
		returning id::text as id
	`
	const meetingId = meeting!.id
	const title = { en: `Tariff talk ${slug}`, zh: `关税会谈 ${slug}` }
	await db`insert into meeting_translations (meeting_id, lang, title) values (${meetingId}, 'en', ${title.en}), (${meetingId}, 'zh', ${title.zh})`
	const agenda = await db<{ id: string }[]>`
		insert into agenda_items (meeting_id, position, title_en, title_zh)
		values (${meetingId}, 0, 'Battery tariffs', '电池关税'), (${meetingId}, 1, 'Next steps', '下一步')
		returning id::text as id
	`
	return { groupId, slug, meetingId, agendaIds: agenda.map((a) => a.id), title, lead, member }
}

async function signedIn(context: BrowserContext, baseURL: string, user: TestUser): Promise<Page> {
	await signInContext(context, baseURL, user.id)
	return context.newPage()
}

function minutesColumn(page: Page, lang: Lang, version: Lang) {
	return page.getByRole('group', { name: records[lang].editor.minutes[version], exact: true })
}

async function writeMinutes(page: Page, lang: Lang, { en, zh }: { en: string; zh: string }) {
	const t = records[lang].editor
	await minutesColumn(page, lang, 'en').getByLabel(t.body).fill(en)
	await minutesColumn(page, lang, 'zh').getByLabel(t.body).fill(zh)
}

/** Presses a ConfirmSubmit button, then confirms in its dialog. */
async function confirmed(page: Page, name: string) {
	await page.getByRole('button', { name, exact: true }).first().click()
	const dialog = page.getByRole('dialog')
	await expect(dialog).toBeVisible()
	await dialog.getByRole('button', { name, exact: true }).click()
}

async function outboxKinds(to: string): Promise<string[]> {
	const deadline = Date.now() + 10_000
	let kinds: string[] = []
	while (Date.now() < deadline) {
		kinds = (await getDb()<{ kind: string }[]>`select kind from email_outbox where to_email = ${to} order by id`).map((r) => r.kind)
		if (kinds.length > 0) return kinds
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
	return kinds
}

/** A record approved by one official, through the app's own data functions. */
async function approvedRecord(s: Setup, official: TestUser, body: string) {
	const saved = await saveMinutes({
		meetingId: s.meetingId,
		authorId: s.lead.id,
		input: minutesInput({
			en: body,
			zh: `${body}（中文）`,
			decisions: [{ en: 'Adopt the plan', zh: '通过计划' }],
			actionItems: [{ id: '', en: 'Draft the letter', zh: '起草信函', ownerId: s.member.id, dueDate: '2026-12-01' }],
		}),
	})
	await sendForReview({ recordId: saved.id, version: 1, leadId: s.lead.id, reviewerIds: [official.id] })
	return signOff({ recordId: saved.id, version: 1, signerId: official.id })
}

for (const lang of LANGS) {
	const t = records[lang]

	test(`${lang}: the full review cycle with two reviewers: changes requested, then both approve, then published`, async ({ browser, baseURL }) => {
		test.slow()
		const s = await groupWithMeeting({ lang })
		// A observes the group (offered with its people); B is from outside it (named by address).
		const officialA = await createUser({ role: 'official', lang, name: unique('Official A') })
		const officialB = await createUser({ role: 'official', lang: lang === 'en' ? 'zh' : 'en', name: unique('Official B') })
		await getDb()`insert into group_memberships (group_id, user_id, role) values (${s.groupId}, ${officialA.id}, 'observer')`
		const leadPage = await signedIn(await browser.newContext({ baseURL }), baseURL!, s.lead)
		const recordUrl = `/${lang}/meetings/${s.meetingId}/record`

		// The lead writes the minutes in both languages with a decision and an action item.
		await leadPage.goto(recordUrl)
		await expect(leadPage.getByTestId('no-record')).toHaveText(t.record.none)
		await leadPage.getByRole('link', { name: t.record.start }).click()
		await writeMinutes(leadPage, lang, { en: '## Battery tariffs\n\nThe group agreed on a proposal.', zh: '## 电池关税\n\n工作组就提案达成一致。' })
		const decision = leadPage.getByTestId('decision-row').first()
		await decision.getByLabel(fill(t.editor.decision, { n: 1, language: t['language-name'].en })).fill('Send the proposal to both ministries')
		await decision.getByLabel(fill(t.editor.decision, { n: 1, language: t['language-name'].zh })).fill('将提案提交两国主管部门')
		const item = leadPage.getByTestId('action-item-row').first()
		await item.getByLabel(fill(t.editor.item, { n: 1, language: t['language-name'].en })).fill('Circulate the draft letter')
		await item.getByLabel(t.editor.owner).selectOption({ label: s.member.name })
		await item.getByLabel(t.editor.due).fill('2026-12-15')
		await leadPage.getByRole('button', { name: t.editor.save, exact: true }).click()
		await expect(leadPage.getByRole('status')).toHaveText(t.saved.saved)
		await expect(leadPage.getByTestId('record-status')).toHaveText(t.status.draft)
		await expect(leadPage.getByTestId('minutes-zh')).toContainText('工作组就提案达成一致')
		await expect(leadPage.getByTestId('decisions')).toContainText('将提案提交两国主管部门')
		await expect(leadPage.getByTestId('action-items')).toContainText(s.member.name)
		expect(await outboxKinds(s.member.email)).toContain('action_item_assigned')

		// The lead names both officials: the observer ticked, the other by address. Officials of
		// the portal outside the group are not listed (the page once listed every one of them).
		await expect(leadPage.getByLabel(officialB.name)).toHaveCount(0)
		await leadPage.getByLabel(officialA.name).check()
		await leadPage.getByLabel(t.review['reviewer-email']).fill(officialB.email.toUpperCase())
		await leadPage.getByRole('button', { name: t.review.send, exact: true }).click()
		await expect(leadPage.getByRole('status')).toHaveText(t.saved['request-review'])
		await expect(leadPage.getByTestId('record-status')).toHaveText(t.status.in_review)
		expect(await outboxKinds(officialA.email)).toEqual(['record_review_requested'])
		expect(await outboxKinds(officialB.email)).toEqual(['record_review_requested'])

		// Official A finds it in their queue, comments on an agenda item and asks for changes.
		const aPage = await signedIn(await browser.newContext({ baseURL }), baseURL!, officialA)
		await aPage.goto(`/${lang}/reviews`)
		await aPage.getByRole('link', { name: s.title[lang] }).click()
		const panel = aPage.getByTestId('review-panel')
		await panel.getByLabel(t.review.about, { exact: true }).selectOption({ label: lang === 'en' ? 'Battery tariffs' : '电池关税' })
		await panel.getByLabel(t.review.comment, { exact: true }).fill('Please name the ministries.')
		await aPage.getByRole('button', { name: t.review['add-comment'] }).click()
		await expect(aPage.getByRole('status')).toHaveText(t.saved.comment)
		await expect(aPage.getByTestId('review-trail')).toContainText('Please name the ministries.')
		// The comment box is empty again.
		await expect(panel.getByLabel(t.review.comment, { exact: true })).toHaveValue('')
		// Asking for changes without saying which is refused, in the page's language, keeping the chosen item.
		await confirmed(aPage, t.review['request-changes'])
		await expect(aPage.getByText(t.errors['changes-comment-required'])).toBeVisible()
		await panel.getByLabel(t.review.comment, { exact: true }).fill('The decision must name the ministries.')
		await confirmed(aPage, t.review['request-changes'])
		await expect(aPage.getByRole('status')).toHaveText(t.saved['request-changes'])
		await expect(aPage.getByTestId('record-status')).toHaveText(t.status.draft)
		expect(await outboxKinds(s.lead.email)).toContain('record_changes_requested')
		// Official B, still on the page from before, approves: told the minutes moved on, nothing signed.
		const stale = await leadPage.request.post(recordUrl, {
			form: { intent: 'approve', version: '1', hash: '0'.repeat(64), confirmed: '1' },
			headers: sessionHeaders(await createSessionToken(officialB.id), baseURL!),
			maxRedirects: 0,
		})
		expect(stale.status()).toBe(409)

		// The lead fixes the text and sends it again: the reviewers are still checked.
		await leadPage.goto(`${recordUrl}/edit`)
		await leadPage.getByTestId('decision-row').first().getByLabel(fill(t.editor.decision, { n: 1, language: t['language-name'].en })).fill('Send the proposal to MIIT and the US DOE')
		await leadPage.getByRole('button', { name: t.editor.save, exact: true }).click()
		await expect(leadPage.getByTestId('record-version')).toHaveText(fill(t.record.version, { version: 2 }))
		await expect(leadPage.getByLabel(officialA.name)).toBeChecked()
		// Named before, B is now offered too, ticked.
		await expect(leadPage.getByLabel(officialB.name)).toBeChecked()
		await leadPage.getByRole('button', { name: t.review.send, exact: true }).click()
		await expect(leadPage.getByTestId('record-status')).toHaveText(t.status.in_review)

		// Both approve; the record is approved once the second has signed.
		await aPage.goto(recordUrl)
		await confirmed(aPage, t.review.approve)
		await expect(aPage.getByRole('status')).toHaveText(t.saved.approve)
		await expect(aPage.getByTestId('record-status')).toHaveText(t.status.in_review)
		const bPage = await signedIn(await browser.newContext({ baseURL }), baseURL!, officialB)
		await bPage.goto(recordUrl)
		await confirmed(bPage, t.review.approve)
		await expect(bPage.getByTestId('record-status')).toHaveText(t.status.approved)
		const signoffs = bPage.getByTestId('signoff-version-2').getByTestId('signoff')
		await expect(signoffs).toHaveCount(2)
		const currentHash = await bPage.getByTestId('current-hash').textContent()
		expect(currentHash).toMatch(/^[0-9a-f]{64}$/)
		for (const hash of await bPage.getByTestId('signoff-hash').allTextContents()) expect(hash).toBe(currentHash)
		await expect(bPage.locator('[data-testid=signoff-intact][data-ok=true]')).toHaveCount(2)
		await expect(bPage.locator('[data-testid=signoff-matches][data-ok=true]')).toHaveCount(2)
		// The browser recomputes the same hash from the canonical text.
		await bPage.getByRole('button', { name: t.signoff['verify-here'] }).click()
		await expect(bPage.getByTestId('browser-check')).toContainText(`${currentHash} ${t.signoff['browser-matches']}`)
		expect(await outboxKinds(s.lead.email)).toContain('record_approved')

		// Not public until published; then anyone reads it with its sign-offs.
		const anonymous = await (await browser.newContext({ baseURL })).newPage()
		expect((await anonymous.goto(recordUrl))!.status()).toBe(404)
		await leadPage.goto(recordUrl)
		await confirmed(leadPage, t.review.publish)
		await expect(leadPage.getByTestId('record-status')).toHaveText(t.status.published)
		expect(await outboxKinds(s.member.email)).toContain('record_published')
		expect((await anonymous.goto(recordUrl))!.status()).toBe(200)
		await expect(anonymous.getByTestId('decisions')).toContainText('MIIT')
		await expect(anonymous.getByTestId('signoff')).toHaveCount(2)
		await expect(anonymous.getByTestId('review-panel')).toHaveCount(0)
		// Readers without an account get no React here: printing and the hash check are a few inline lines.
		expect(await anonymous.locator('script[src], link[rel=modulepreload]').count()).toBe(0)
		await expect(anonymous.getByRole('button', { name: t.record.print })).toBeVisible()
		await anonymous.getByRole('button', { name: t.signoff['verify-here'] }).click()
		await expect(anonymous.getByTestId('browser-check')).toHaveText(`${currentHash} ${t.signoff['browser-matches']}`)
	})

	test(`${lang}: the hash changes with the content, and an edit of approved minutes needs approval again`, async ({ browser, baseURL }) => {
		const s = await groupWithMeeting({ lang })
		const official = await createUser({ role: 'official', lang, name: unique('Official') })
		const signedHash = await approvedRecord(s, official, 'The group met.')
		const recordUrl = `/${lang}/meetings/${s.meetingId}/record`
		const leadPage = await signedIn(await browser.newContext({ baseURL }), baseURL!, s.lead)
		await leadPage.goto(recordUrl)
		await expect(leadPage.getByTestId('record-status')).toHaveText(t.status.approved)
		await expect(leadPage.getByTestId('current-hash')).toHaveText(signedHash)

		await leadPage.getByRole('link', { name: t.record.edit }).click()
		await expect(leadPage.getByText(t.editor['reapproval-warning'])).toBeVisible()
		await minutesColumn(leadPage, lang, 'en').getByLabel(t.editor.body).fill('The group met on Tuesday.')
		await leadPage.getByRole('button', { name: t.editor.save, exact: true }).click()
		await expect(leadPage.getByTestId('record-status')).toHaveText(t.status.in_review)
		await expect(leadPage.getByTestId('reapproval-notice')).toHaveText(fill(t.record['awaiting-reapproval'], { version: 2 }))
		const newHash = await leadPage.getByTestId('current-hash').textContent()
		expect(newHash).not.toBe(signedHash)
		// The signed version 1 is still intact, and no longer what the page shows.
		const v1 = leadPage.getByTestId('signoff-version-1')
		await expect(v1.getByTestId('signoff-hash')).toHaveText(signedHash)
		await expect(v1.getByTestId('signoff-intact')).toHaveAttribute('data-ok', 'true')
		await expect(v1.getByTestId('signoff-matches')).toHaveAttribute('data-ok', 'false')
		// The reviewer hears that the minutes need their approval again.
		expect(await outboxKinds(official.email)).toEqual(['record_review_requested'])

		// The same reviewer approves again: version 2 is signed with its own hash.
		const reviewer = await signedIn(await browser.newContext({ baseURL }), baseURL!, official)
		await reviewer.goto(`/${lang}/reviews`)
		await expect(reviewer.getByTestId('queue-item').filter({ hasText: s.title[lang] })).toBeVisible()
		await reviewer.goto(recordUrl)
		await confirmed(reviewer, t.review.approve)
		await expect(reviewer.getByTestId('record-status')).toHaveText(t.status.approved)
		await expect(reviewer.getByTestId('signoff-version-2').getByTestId('signoff-hash')).toHaveText(newHash!)
		await expect(reviewer.getByTestId('signoff-version-2').getByTestId('signoff-matches')).toHaveAttribute('data-ok', 'true')

		// History shows both versions and what changed, word by word.
		await reviewer.getByRole('link', { name: t.record.history }).click()
		await reviewer.getByRole('link', { name: t.history.view }).first().click()
		await expect(reviewer.getByTestId('history-detail').locator('ins').first()).toContainText('on Tuesday')
	})

	test(`${lang}: two members save the same version: the second gets the conflict notice with their text intact`, async ({ browser, baseURL }) => {
		const s = await groupWithMeeting({ lang })
		await saveMinutes({ meetingId: s.meetingId, authorId: s.lead.id, input: minutesInput({ en: 'First text.' }) })
		const editUrl = `/${lang}/meetings/${s.meetingId}/record/edit`
		const first = await signedIn(await browser.newContext({ baseURL }), baseURL!, s.lead)
		const second = await signedIn(await browser.newContext({ baseURL }), baseURL!, s.member)
		await first.goto(editUrl)
		await second.goto(editUrl)
		await minutesColumn(first, lang, 'en').getByLabel(t.editor.body).fill('Lead’s text.')
		await first.getByRole('button', { name: t.editor.save, exact: true }).click()
		await expect(first.getByRole('status')).toHaveText(t.saved.saved)

		await minutesColumn(second, lang, 'zh').getByLabel(t.editor.body).fill('成员输入的中文纪要。')
		await second.getByRole('button', { name: t.editor.save, exact: true }).click()
		await expect(second.getByTestId('conflict')).toContainText(s.lead.name)
		await expect(minutesColumn(second, lang, 'zh').getByLabel(t.editor.body)).toHaveValue('成员输入的中文纪要。')
		const snapshot = await getCurrentSnapshot({ recordId: (await getRecordByMeeting({ meetingId: s.meetingId }))!.id })
		expect(snapshot.versions.en?.bodyMarkdown).toBe('Lead’s text.')
		expect(snapshot.versions.zh).toBeUndefined()

		// Keeping theirs on purpose saves over it as a new version.
		await second.getByRole('button', { name: t.conflict['keep-mine'] }).click()
		await expect(second.getByRole('status')).toHaveText(t.saved.saved)
		await expect(second.getByTestId('minutes-zh')).toContainText('成员输入的中文纪要')
	})

	test(`${lang}: bad input is answered in the page's language, never with a 500, keeping what was typed`, async ({ browser, baseURL }) => {
		const s = await groupWithMeeting({ lang, visibility: 'private' })
		const outsider = await createUser({ role: 'official', lang, name: unique('Outsider') })
		await saveMinutes({ meetingId: s.meetingId, authorId: s.lead.id, input: minutesInput({ en: 'Private minutes.' }) })
		const leadPage = await signedIn(await browser.newContext({ baseURL }), baseURL!, s.lead)
		// An official who may not see the private group cannot be its reviewer: not offered, and
		// their address is answered like an unknown one, with what was typed kept.
		await leadPage.goto(`/${lang}/meetings/${s.meetingId}/record`)
		await expect(leadPage.getByLabel(outsider.name)).toHaveCount(0)
		await leadPage.getByLabel(t.review['reviewer-email']).fill(outsider.email)
		await leadPage.getByRole('button', { name: t.review.send, exact: true }).click()
		await expect(leadPage.getByText(t.errors['reviewer-email-unknown'])).toBeVisible()
		await expect(leadPage.getByLabel(t.review['reviewer-email'])).toHaveValue(outsider.email)
		await expect(leadPage.getByTestId('record-status')).toHaveText(t.status.draft)
		// Nor by a request that names them by id.
		const byId = await leadPage.request.post(`/${lang}/meetings/${s.meetingId}/record`, {
			form: { intent: 'request-review', version: '1', reviewers: outsider.id },
			headers: sessionHeaders(await createSessionToken(s.lead.id), baseURL!),
			maxRedirects: 0,
		})
		expect(byId.status()).toBe(400)
		expect(await byId.text()).toContain('reviewer-cannot-read')
		// Nor read it.
		const outsiderPage = await signedIn(await browser.newContext({ baseURL }), baseURL!, outsider)
		expect((await outsiderPage.goto(`/${lang}/meetings/${s.meetingId}/record`))!.status()).toBe(404)

		// An action item without an owner or with an impossible date; minutes too long.
		await leadPage.goto(`/${lang}/meetings/${s.meetingId}/record/edit`)
		await waitForHydration(leadPage)
		const posts: string[] = []
		leadPage.on('request', (request) => {
			if (request.method() === 'POST') posts.push(request.url())
		})
		const item = leadPage.getByTestId('action-item-row').first()
		await item.getByLabel(fill(t.editor.item, { n: 1, language: t['language-name'].zh })).fill('准备对比表')
		await leadPage.getByRole('button', { name: t.editor.save, exact: true }).click()
		await expect(item.getByText(t.errors['owner-required'])).toBeVisible()
		await expect(item.getByText(t.errors['due-required'])).toBeVisible()
		// Checked in the browser, as the other editors are: nothing was sent.
		expect(posts).toEqual([])
		await expect(item.getByLabel(fill(t.editor.item, { n: 1, language: t['language-name'].zh }))).toHaveValue('准备对比表')
		// Hostile requests that skip the browser's checks: the server answers the same way.
		const response = await leadPage.request.post(`/${lang}/meetings/${s.meetingId}/record/edit`, {
			form: { version: '1', 'en.body': 'x'.repeat(100_001), 'actionItems[0].en': 'x', 'actionItems[0].ownerId': s.member.id, 'actionItems[0].dueDate': '2026-02-31' },
			headers: sessionHeaders(await createSessionToken(s.lead.id), baseURL!),
			maxRedirects: 0,
		})
		expect(response.status()).toBe(400)

		// A cancelled meeting's record.
		const cancelled = await groupWithMeeting({ lang, cancelled: true })
		const cancelledLead = await signedIn(await browser.newContext({ baseURL }), baseURL!, cancelled.lead)
		await cancelledLead.goto(`/${lang}/meetings/${cancelled.meetingId}/record/edit`)
		await expect(cancelledLead.getByRole('note')).toHaveText(t.record.cancelled)
		await writeMinutes(cancelledLead, lang, { en: 'Minutes of a meeting that did not happen.', zh: '' })
		await cancelledLead.getByRole('button', { name: t.editor.save, exact: true }).click()
		await expect(cancelledLead.getByRole('alert')).toContainText(t.errors['meeting-cancelled'])
		await expect(minutesColumn(cancelledLead, lang, 'en').getByLabel(t.editor.body)).toHaveValue('Minutes of a meeting that did not happen.')
		expect(await getRecordByMeeting({ meetingId: cancelled.meetingId })).toBeNull()
	})

	test(`${lang}: the dashboard and the action items page list a member's own open items, overdue first`, async ({ browser, baseURL }) => {
		const s = await groupWithMeeting({ lang })
		const official = await createUser({ role: 'official', lang, name: unique('Official') })
		const saved = await saveMinutes({
			meetingId: s.meetingId,
			authorId: s.lead.id,
			input: minutesInput({
				en: 'Minutes.',
				zh: '纪要。',
				actionItems: [
					{ id: '', en: 'Later task', zh: '稍后的任务', ownerId: s.member.id, dueDate: '2099-01-01' },
					{ id: '', en: 'Overdue task', zh: '逾期的任务', ownerId: s.member.id, dueDate: '2020-01-01' },
				],
			}),
		})
		await sendForReview({ recordId: saved.id, version: 1, leadId: s.lead.id, reviewerIds: [official.id] })

		const memberPage = await signedIn(await browser.newContext({ baseURL }), baseURL!, s.member)
		await memberPage.goto(`/${lang}/dashboard`)
		await expect(memberPage.getByRole('heading', { level: 1 })).toHaveText(fill(t.dashboard.heading, { name: s.member.name }))
		const ownItems = memberPage.getByTestId('own-action-item')
		await expect(ownItems).toHaveCount(2)
		await expect(ownItems.first()).toContainText(lang === 'en' ? 'Overdue task' : '逾期的任务')
		await expect(ownItems.first().locator('[data-overdue=true]')).toHaveCount(1)

		await memberPage.goto(`/${lang}/action-items`)
		await ownItems.first().getByRole('button', { name: t.items['mark-done'] }).click()
		await expect(memberPage.getByRole('status')).toHaveText(t.items['marked-done'])
		await expect(ownItems).toHaveCount(1)
		await expect(ownItems.first()).toContainText(lang === 'en' ? 'Later task' : '稍后的任务')

		const officialPage = await signedIn(await browser.newContext({ baseURL }), baseURL!, official)
		await officialPage.goto(`/${lang}/dashboard`)
		await expect(officialPage.getByTestId('dashboard-reviews').getByTestId('queue-item')).toContainText(s.title[lang])
		await officialPage.goto(`/${lang}/reviews`)
		await expect(officialPage.getByTestId('queue-item').filter({ hasText: s.title[lang] }).getByTestId('queue-waited')).toContainText(
			lang === 'en' ? 'Waiting 0 days' : '已等待 0 天',
		)
	})

	test(`${lang}: the record prints as a bilingual document with its sign-offs and hashes`, async ({ browser, baseURL }) => {
		const s = await groupWithMeeting({ lang })
		const official = await createUser({ role: 'official', lang, name: unique('Official') })
		const hash = await approvedRecord(s, official, 'Printed minutes.')
		const page = await signedIn(await browser.newContext({ baseURL }), baseURL!, s.lead)
		await page.goto(`/${lang}/meetings/${s.meetingId}/record`)
		await page.emulateMedia({ media: 'print' })
		await expect(page.locator('body > header')).toBeHidden()
		await expect(page.getByTestId('review-panel')).toBeHidden()
		await expect(page.getByTestId('minutes-en')).toBeVisible()
		await expect(page.getByTestId('minutes-zh')).toBeVisible()
		await expect(page.getByTestId('signoff-hash')).toHaveText(hash)
		await expect(page.getByTestId('signoff-hash')).toBeVisible()
		// One language after the other on paper.
		const en = await page.getByTestId('minutes-en').boundingBox()
		const zh = await page.getByTestId('minutes-zh').boundingBox()
		expect(Math.abs(en!.x - zh!.x)).toBeLessThan(2)
	})
}
