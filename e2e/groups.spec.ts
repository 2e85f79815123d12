/**
 * Working groups end to end, in both languages: what the public and
 * non-members see (never a private group: not in lists, cards, filters,
 * feeds, calendars or the sitemap, and a 404 at every URL of it), a lead
 * managing membership in the browser (each change applies on the next
 * request and is audited), an admin creating and archiving a group, and a
 * member's secret calendar address. Screenshots of the pages at 375 and
 * 1280 px go to .cache/shots/.
 */
import { mkdirSync } from 'node:fs'
import type { APIRequestContext, Browser, Page } from '@playwright/test'
import ICAL from 'ical.js'
import { minimalPdf } from '#app/testing/document-fixtures.ts'
import { createNewsPost } from './content.ts'
import {
	addMember,
	attachFile,
	createGroupWithRoles,
	createMeeting,
	createSessionToken,
	createUser,
	expect,
	getDb,
	SESSION_COOKIE,
	signInContext,
	test,
} from './fixtures.ts'
import { LANGS } from './utils.ts'
import enGroups from '../locales/en/groups.json' with { type: 'json' }
import zhGroups from '../locales/zh/groups.json' with { type: 'json' }
import enMeetings from '../locales/en/meetings.json' with { type: 'json' }
import zhMeetings from '../locales/zh/meetings.json' with { type: 'json' }

const groups = { en: enGroups, zh: zhGroups }
const meetingsText = { en: enMeetings, zh: zhMeetings }
const HOUR_MS = 3_600_000
const SHOTS_DIR = '.cache/shots'
const fill = (text: string, values: Record<string, string | number>) =>
	Object.entries(values).reduce((s, [k, v]) => s.replaceAll(`{{${k}}}`, String(v)), text)

async function signedInPage(browser: Browser, baseURL: string, user: { id: string }): Promise<Page> {
	const context = await browser.newContext({ baseURL })
	await signInContext(context, baseURL, user.id)
	return context.newPage()
}

async function status(request: APIRequestContext, path: string, user: { id: string } | null = null): Promise<number> {
	const headers: Record<string, string> = user ? { Cookie: `${SESSION_COOKIE}=${await createSessionToken(user.id)}` } : {}
	return (await request.get(path, { headers, maxRedirects: 0 })).status()
}

function parseCalendar(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text))
	return calendar.getAllSubcomponents('vevent').map((vevent) => {
		const event = new ICAL.Event(vevent)
		return { uid: event.uid, summary: event.summary, sequence: event.sequence, status: vevent.getFirstPropertyValue('status') }
	})
}

for (const lang of LANGS) {
	const t = groups[lang]
	const m = meetingsText[lang]

	test(`${lang}: the public and non-members never see a private group: not in lists, cards, filters, feeds, calendars or the sitemap; every URL a 404`, async ({
		page,
		request,
		baseURL,
	}) => {
		const closed = await createGroupWithRoles({ visibility: 'private', lang })
		const open = await createGroupWithRoles({ visibility: 'public', lang })
		const secretMeeting = await createMeeting({ group: closed.group, startsAt: new Date(Date.now() - 3 * HOUR_MS), attendeeIds: [closed.people.lead.id] })
		const attachmentId = await attachFile({ meetingId: secretMeeting.id, bytes: minimalPdf(), fileName: 'confidential.pdf' })
		const openMeeting = await createMeeting({ group: open.group, startsAt: new Date(Date.now() + 48 * HOUR_MS) })
		const post = await createNewsPost({
			publishedAt: new Date(Date.now() - HOUR_MS),
			versions: { en: { title: `Closed news ${closed.group.slug}` }, zh: { title: `非公开动态 ${closed.group.slug}` } },
			group: closed.group.slug,
		})
		const [stored] = await getDb()<{ storage_key: string }[]>`select storage_key from meeting_attachments where id = ${attachmentId}`

		const privateUrls = [
			`/${lang}/groups/${closed.group.slug}`,
			`/${lang}/groups/${closed.group.slug}/members`,
			`/${lang}/groups/${closed.group.slug}/edit`,
			`/${lang}/groups/${closed.group.slug}/meetings/new`,
			`/${lang}/groups/${closed.group.slug}/calendar.ics`,
			`/${lang}/groups/${closed.group.slug}/calendar.ics?token=${'x'.repeat(43)}`,
			`/${lang}/meetings/${secretMeeting.id}`,
			`/${lang}/meetings/${secretMeeting.id}/edit`,
			`/${lang}/meetings/${secretMeeting.id}/calendar.ics`,
			`/${lang}/meetings/${secretMeeting.id}/attachments/${attachmentId}`,
			// The bytes are in the shared store, but the public media route knows only its own uploads.
			`/media/${stored!.storage_key}`,
		]
		for (const who of [null, closed.people['non-member'], closed.people.reviewer]) {
			for (const url of privateUrls) expect(await status(request, url, who), `${who?.role ?? 'anonymous'} ${url}`).toBe(404)
		}
		// Its members (any role) read it; the observer downloads the attachment too.
		for (const who of [closed.people.lead, closed.people.member, closed.people.observer]) {
			expect(await status(request, `/${lang}/groups/${closed.group.slug}`, who)).toBe(200)
			expect(await status(request, `/${lang}/meetings/${secretMeeting.id}/attachments/${attachmentId}`, who)).toBe(200)
		}

		// Lists, cards and filters, for the public and for a non-member.
		const outsider = await signedInPage(page.context().browser()!, baseURL!, closed.people['non-member'])
		for (const reader of [page, outsider]) {
			await reader.goto(`/${lang}/groups`)
			await expect(reader.getByRole('link', { name: open.group.name[lang], exact: true })).toBeVisible()
			await expect(reader.getByText(closed.group.name[lang])).toHaveCount(0)
			await reader.goto(`/${lang}`)
			await expect(reader.getByRole('link', { name: open.group.name[lang], exact: true })).toHaveAttribute('href', `/${lang}/groups/${open.group.slug}`)
			await expect(reader.getByText(closed.group.name[lang])).toHaveCount(0)
			await reader.goto(`/${lang}/meetings`)
			await expect(reader.getByRole('link', { name: openMeeting.title[lang] })).toBeVisible()
			await expect(reader.getByText(secretMeeting.title[lang])).toHaveCount(0)
			await expect(reader.getByText(closed.group.name[lang])).toHaveCount(0)
			// The post is public; its private group is neither named nor offered as a filter.
			await reader.goto(`/${lang}/news/${post.slugs[lang]}`)
			await expect(reader.getByRole('heading', { level: 1 })).toBeVisible()
			await expect(reader.getByText(closed.group.name[lang])).toHaveCount(0)
			await reader.goto(`/${lang}/news?group=${closed.group.slug}`)
			await expect(reader.getByTestId('news-empty')).toBeVisible()
			await expect(reader.getByTestId('group-filters').getByText(closed.group.name[lang])).toHaveCount(0)
		}
		// The member sees all of it.
		const member = await signedInPage(page.context().browser()!, baseURL!, closed.people.observer)
		await member.goto(`/${lang}/groups`)
		await expect(member.getByRole('link', { name: closed.group.name[lang], exact: true })).toBeVisible()
		await member.goto(`/${lang}/meetings`)
		await expect(member.getByRole('link', { name: secretMeeting.title[lang] })).toBeVisible()
		await member.goto(`/${lang}/news?group=${closed.group.slug}`)
		await expect(member.getByRole('link', { name: post.titles[lang] })).toBeVisible()

		// Feeds and the sitemap.
		const sitemap = await (await request.get('/sitemap.xml')).text()
		expect(sitemap).toContain(`/${lang}/groups/${open.group.slug}`)
		expect(sitemap).toContain(`/${lang}/meetings/${openMeeting.id}`)
		expect(sitemap).not.toContain(closed.group.slug)
		expect(sitemap).not.toContain(`/meetings/${secretMeeting.id}<`)
		const feed = await request.get(`/${lang}/groups/${open.group.slug}/calendar.ics`)
		expect(feed.status()).toBe(200)
		expect(parseCalendar(await feed.text()).map((e) => e.summary)).toEqual([openMeeting.title[lang]])
		for (const path of [`/${lang}/news/feed.xml`, `/${lang}/news/atom.xml`]) {
			expect(await (await request.get(path)).text()).not.toContain(closed.group.name[lang])
		}
	})

	test(`${lang}: a public group's page shows its charter, leads and members with affiliations, and links its meetings`, async ({ page }) => {
		const { group, people } = await createGroupWithRoles({ visibility: 'public', lang })
		const upcoming = await createMeeting({ group, startsAt: new Date(Date.now() + 72 * HOUR_MS) })
		const past = await createMeeting({ group, startsAt: new Date(Date.now() - 72 * HOUR_MS) })
		await page.goto(`/${lang}/groups/${group.slug}`)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(group.name[lang])
		await expect(page.locator('#charter-heading')).toHaveText(t.group.charter)
		await expect(page.locator('.prose-news')).toContainText(lang === 'en' ? `The ${group.name.en} charter.` : `${group.name.zh}的章程。`)
		await expect(page.getByTestId('group-leads')).toContainText(people.lead.name)
		await expect(page.getByTestId('group-leads')).toContainText('Institute of Transportation Studies, UC Davis')
		await expect(page.getByTestId('group-members')).toContainText(people.member.name)
		await expect(page.getByTestId('group-members')).toContainText(`${people.observer.name} · ${t.roles.observer}`)
		await expect(page.getByTestId('upcoming-meetings').getByRole('link', { name: upcoming.title[lang] })).toHaveAttribute('href', `/${lang}/meetings/${upcoming.id}`)
		await expect(page.getByTestId('past-meetings').getByRole('link', { name: past.title[lang] })).toBeVisible()
		await expect(page.getByTestId('side-by-side').first()).toContainText(m.time.city.davis)
		// The public gets no member's tools.
		await expect(page.getByTestId('group-actions')).toHaveCount(0)
		await page.getByRole('link', { name: t.group['all-meetings'] }).click()
		await expect(page).toHaveURL(new RegExp(`/${lang}/meetings\\?group=${group.slug}$`))
		await expect(page.getByTestId('upcoming-meetings').getByTestId('meeting-card')).toHaveCount(1)
	})

	test(`${lang}: a lead adds, re-roles and removes a member in the browser; each change applies on the next request and is audited`, async ({ page, baseURL }) => {
		const { group, people } = await createGroupWithRoles({ visibility: 'private', lang })
		const newcomer = people['non-member']
		await signInContext(page.context(), baseURL!, people.lead.id)
		await page.goto(`/${lang}/groups/${group.slug}`)
		await page.getByTestId('manage-members').click()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(fill(t.members.title, { name: group.name[lang] }))

		const them = await signedInPage(page.context().browser()!, baseURL!, newcomer)
		expect((await them.goto(`/${lang}/groups/${group.slug}`))?.status()).toBe(404)

		await page.getByLabel(t.members.person, { exact: true }).selectOption(newcomer.id)
		await page.getByLabel(t.members.role, { exact: true }).selectOption('observer')
		await page.getByRole('button', { name: t.members.add }).click()
		await expect(page.getByRole('status')).toHaveText(t.members.notices.added)
		// Their very next request: an observer reads, and has nothing to write with.
		expect((await them.goto(`/${lang}/groups/${group.slug}`))?.status()).toBe(200)
		await expect(them.getByTestId('new-meeting')).toHaveCount(0)

		const row = page.locator(`[data-testid=member-row][data-user-id="${newcomer.id}"]`)
		await row.getByLabel(fill(t.members['role-of'], { name: newcomer.name })).selectOption('member')
		await row.getByRole('button', { name: t.members['change-role'] }).click()
		await expect(page.getByRole('status')).toHaveText(t.members.notices.changed)
		await them.reload()
		await expect(them.getByTestId('new-meeting')).toHaveText(t.group['new-meeting'])

		// Removing asks first (a dialog with JavaScript).
		await page.locator(`[data-testid=member-row][data-user-id="${newcomer.id}"]`).getByRole('button', { name: t.members.remove }).click()
		await page.getByRole('dialog').getByRole('button', { name: t.members.remove }).click()
		await expect(page.getByRole('status')).toHaveText(t.members.notices.removed)
		expect((await them.goto(`/${lang}/groups/${group.slug}`))?.status()).toBe(404)

		// The last lead cannot step down.
		const own = page.locator(`[data-testid=member-row][data-user-id="${people.lead.id}"]`)
		await own.getByLabel(fill(t.members['role-of'], { name: people.lead.name })).selectOption('member')
		await own.getByRole('button', { name: t.members['change-role'] }).click()
		await expect(own.getByRole('alert')).toHaveText(t.errors['last-lead'])

		const events = await getDb()<{ event: string; subject_user_id: string }[]>`
			select event, subject_user_id from audit_events where actor_id = ${people.lead.id} and event like 'group_member_%' order by id
		`
		expect(events).toEqual([
			{ event: 'group_member_added', subject_user_id: newcomer.id },
			{ event: 'group_member_changed', subject_user_id: newcomer.id },
			{ event: 'group_member_removed', subject_user_id: newcomer.id },
		])
	})

	test(`${lang}: an admin creates a group (refusals translated, typing kept) and archives it after confirming without JavaScript`, async ({ browser, baseURL, page }) => {
		const admin = await createUser({ role: 'admin', lang })
		const context = await browser.newContext({ baseURL, javaScriptEnabled: false })
		await signInContext(context, baseURL!, admin.id)
		const adminPage = await context.newPage()
		await adminPage.goto(`/${lang}/groups`)
		await adminPage.getByTestId('create-group').click()
		const slug = `e2e-new-${Date.now().toString(36)}`
		await adminPage.getByLabel(t.editor.slug).fill('Not A Slug')
		await adminPage.getByRole('group', { name: t.editor.version.zh }).getByLabel(t.editor.summary).fill('只有简介')
		await adminPage.getByRole('button', { name: t.editor.create }).click()
		await expect(adminPage.getByText(t.errors['slug-invalid'])).toBeVisible()
		await expect(adminPage.getByRole('group', { name: t.editor.version.zh }).getByLabel(t.editor.summary)).toHaveValue('只有简介')
		// A Chinese summary without a Chinese name.
		await adminPage.getByLabel(t.editor.slug).fill(slug)
		await adminPage.getByRole('button', { name: t.editor.create }).click()
		await expect(adminPage.getByRole('group', { name: t.editor.version.zh }).getByText(t.errors['name-required'])).toBeVisible()
		await expect(adminPage.getByLabel(t.editor.slug)).toHaveValue(slug)

		await adminPage.getByLabel(t.editor.visibility).selectOption('public')
		await adminPage.getByRole('group', { name: t.editor.version.en }).getByLabel(t.editor.name).fill(`Battery recycling ${slug}`)
		await adminPage.getByRole('group', { name: t.editor.version.zh }).getByLabel(t.editor.name).fill(`电池回收 ${slug}`)
		await adminPage.getByRole('button', { name: t.editor.create }).click()
		await expect(adminPage).toHaveURL(new RegExp(`/${lang}/groups/${slug}\\?notice=created$`))
		await expect(adminPage.getByRole('status')).toHaveText(t.notices.created)
		const name = lang === 'en' ? `Battery recycling ${slug}` : `电池回收 ${slug}`
		await page.goto(`/${lang}/groups`)
		await expect(page.getByRole('link', { name, exact: true })).toBeVisible()

		await adminPage.getByTestId('edit-group').click()
		await adminPage.getByRole('button', { name: t.editor.archive }).click()
		// No JavaScript: the server asks instead of acting.
		const question = adminPage.getByTestId('confirmation')
		await expect(question).toContainText(t.editor['archive-question'])
		expect((await getDb()`select 1 from working_groups where slug = ${slug} and archived_at is not null`).length).toBe(0)
		await question.getByRole('button').first().click()
		await expect(adminPage.getByRole('status')).toHaveText(t.notices.archived)
		await expect(adminPage.getByTestId('archived-notice')).toHaveText(t.group['archived-notice'])
		await page.goto(`/${lang}/groups`)
		await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0)
		await adminPage.goto(`/${lang}/groups`)
		await expect(adminPage.locator(`[data-slug="${slug}"]`)).toContainText(t.badges.archived)
		await context.close()
	})

	test(`${lang}: a member's secret calendar address works without cookies until they make a new one or leave the group`, async ({ page, request, baseURL }) => {
		const { group, people } = await createGroupWithRoles({ visibility: 'private', lang })
		const meeting = await createMeeting({ group, startsAt: new Date(Date.now() + 24 * HOUR_MS) })
		const observer = people.observer
		await signInContext(page.context(), baseURL!, observer.id)
		await page.goto(`/${lang}/groups/${group.slug}`)
		await expect(page.getByTestId('group-calendar')).toContainText(t.calendar['private-hint'])
		await page.getByRole('button', { name: t.calendar['make-link'] }).click()
		const first = await page.getByTestId('secret-feed-url').inputValue()
		expect(first).toMatch(new RegExp(`^${baseURL}/${lang}/groups/${group.slug}/calendar\\.ics\\?token=[A-Za-z0-9_-]{43}$`))

		// A calendar app: no cookies.
		const feed = await request.get(first, { headers: { Cookie: '' } })
		expect(feed.status()).toBe(200)
		expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8')
		expect(feed.headers()['cache-control']).toContain('private')
		const events = parseCalendar(await feed.text())
		expect(events).toEqual([{ uid: expect.stringMatching(new RegExp(`^meeting-${meeting.id}@`)), summary: meeting.title[lang], sequence: 1, status: 'CONFIRMED' }])

		await page.getByRole('button', { name: t.calendar['make-link'] }).click()
		// The page answers with a new address (within the assertion's wait; the same one would fail it).
		await expect(page.getByTestId('secret-feed-url')).not.toHaveValue(first)
		const second = await page.getByTestId('secret-feed-url').inputValue()
		expect((await request.get(first)).status()).toBe(404)
		expect((await request.get(second)).status()).toBe(200)
		// Only the hash is stored.
		const [row] = await getDb()<{ token_hash: string }[]>`select token_hash from calendar_feed_tokens where user_id = ${observer.id}`
		expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/)
		expect(second).not.toContain(row!.token_hash)

		// Leaving the group (removed by the lead) ends it on the next refresh.
		await getDb()`delete from group_memberships where group_id = ${group.id} and user_id = ${observer.id}`
		expect((await request.get(second)).status()).toBe(404)
		await addMember({ group, user: observer, role: 'observer' })
		expect((await request.get(second)).status()).toBe(200)
	})
}

test('screenshots of the groups pages at 375 and 1280 px in both languages', async ({ browser, baseURL }) => {
	mkdirSync(SHOTS_DIR, { recursive: true })
	const { group, people } = await createGroupWithRoles({ visibility: 'private' })
	await createMeeting({ group, startsAt: new Date(Date.now() + 50 * HOUR_MS), attendeeIds: [people.lead.id, people.member.id] })
	await createMeeting({ group, startsAt: new Date(Date.now() - 300 * HOUR_MS) })
	for (const lang of LANGS) {
		for (const width of [375, 1280]) {
			const context = await browser.newContext({ baseURL, viewport: { width, height: 900 } })
			await signInContext(context, baseURL!, people.lead.id)
			const page = await context.newPage()
			for (const [name, path] of [
				['groups', `/${lang}/groups`],
				['group-private', `/${lang}/groups/${group.slug}`],
				['group-public', `/${lang}/groups/tariff-coordination`],
				['members', `/${lang}/groups/${group.slug}/members`],
			] as const) {
				await page.goto(path)
				await page.screenshot({ path: `${SHOTS_DIR}/${name}-${lang}-${width}.png`, fullPage: true })
			}
			await context.close()
		}
	}
})
