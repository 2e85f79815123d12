/**
 * Meetings end to end, in both languages: scheduling in the form (refusals
 * translated, typing kept, the two-city preview and the working-hours
 * warning), times across Davis's daylight-saving changes, `.ics` files read
 * by ical.js (stable UID, SEQUENCE bumped by every change, a cancelled
 * meeting CANCELLED), two editors of one version, attendance, attachments
 * served only to those who may see the meeting, the attendees' emails, and
 * the meetings page. Screenshots at 375 and 1280 px go to .cache/shots/.
 */
import { mkdirSync } from 'node:fs'
import type { APIRequestContext, Browser, Page } from '@playwright/test'
import ICAL from 'ical.js'
import { MAX_ATTACHMENT_BYTES } from '#app/meetings/attachments.server.ts'
import { HTML_PAGE, minimalPdf } from '#app/testing/document-fixtures.ts'
import { pngImage } from '#app/testing/image-fixtures.ts'
import {
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
	waitForEmail,
} from './fixtures.ts'
import { LANGS } from './utils.ts'
import enMeetings from '../locales/en/meetings.json' with { type: 'json' }
import zhMeetings from '../locales/zh/meetings.json' with { type: 'json' }
import enEmail from '../locales/en/email.json' with { type: 'json' }
import zhEmail from '../locales/zh/email.json' with { type: 'json' }

const meetings = { en: enMeetings, zh: zhMeetings }
const emails = { en: enEmail, zh: zhEmail }
const HOUR_MS = 3_600_000
const SHOTS_DIR = '.cache/shots'
const fill = (text: string, values: Record<string, string | number>) =>
	Object.entries(values).reduce((s, [k, v]) => s.replaceAll(`{{${k}}}`, String(v)), text)

async function signedInPage(browser: Browser, baseURL: string, user: { id: string }, options: { timezoneId?: string } = {}): Promise<Page> {
	const context = await browser.newContext({ baseURL, ...options })
	await signInContext(context, baseURL, user.id)
	return context.newPage()
}

async function getAs(request: APIRequestContext, path: string, user: { id: string } | null) {
	const headers: Record<string, string> = user ? { Cookie: `${SESSION_COOKIE}=${await createSessionToken(user.id)}` } : {}
	return request.get(path, { headers, maxRedirects: 0 })
}

function parseEvents(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text))
	return calendar.getAllSubcomponents('vevent').map((vevent) => {
		const event = new ICAL.Event(vevent)
		return {
			uid: event.uid,
			summary: event.summary,
			sequence: event.sequence,
			status: vevent.getFirstPropertyValue('status'),
			start: event.startDate.toJSDate().toISOString(),
			end: event.endDate.toJSDate().toISOString(),
			location: event.location,
		}
	})
}

/** `datetime-local` value of an instant on a zone's clock. */
function wallTime(date: Date, timeZone: string): string {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
			.formatToParts(date)
			.map((p) => [p.type, p.value]),
	)
	return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`
}

for (const lang of LANGS) {
	const t = meetings[lang]
	const sideBySide = (davis: string, beijing: string) => fill(t.time['side-by-side'], { davis, beijing })
	const weekday = (day: 'Tue' | 'Wed') => (lang === 'en' ? day : { Tue: '周二', Wed: '周三' }[day])

	test(`${lang}: a member schedules a meeting; refusals keep the typing and speak the page's language; attendees are emailed in theirs`, async ({ page, baseURL }) => {
		const { group, people } = await createGroupWithRoles({ visibility: 'private', lang })
		await signInContext(page.context(), baseURL!, people.member.id)
		await page.goto(`/${lang}/groups/${group.slug}`)
		await page.getByTestId('new-meeting').click()
		await expect(page).toHaveURL(new RegExp(`/${lang}/groups/${group.slug}/meetings/new$`))

		await page.getByLabel(t.editor['title-en']).fill('Charging interface workshop')
		await page.getByLabel(t.editor['title-zh']).fill('充电接口研讨会')
		await page.getByLabel(t.editor['time-zone']).selectOption('Asia/Shanghai')
		// Ends before it starts: refused in the browser, in the page's language.
		await page.getByLabel(t.editor['starts-at']).fill('2027-03-17T09:00')
		await page.getByLabel(t.editor['ends-at']).fill('2027-03-17T08:00')
		await page.getByLabel(t.editor.place).fill('Tsinghua Science Park, Building 2')
		await page.getByRole('button', { name: t.editor.create }).click()
		await expect(page.getByText(t.errors['end-before-start'])).toBeVisible()

		// A time already past: only the server can say (the request's clock).
		const yesterday = wallTime(new Date(Date.now() - 24 * HOUR_MS), 'Asia/Shanghai')
		await page.getByLabel(t.editor['starts-at']).fill(yesterday)
		await page.getByLabel(t.editor['ends-at']).fill(wallTime(new Date(Date.now() - 23 * HOUR_MS), 'Asia/Shanghai'))
		await page.getByRole('button', { name: t.editor.create }).click()
		await expect(page.getByText(t.errors['starts-in-past'])).toBeVisible()
		await expect(page.getByLabel(t.editor['title-zh'])).toHaveValue('充电接口研讨会')
		await expect(page.getByLabel(t.editor.place)).toHaveValue('Tsinghua Science Park, Building 2')

		// 08:00 Wednesday in Beijing, after Davis's spring change: 17:00 on Tuesday there. 07:00 in Beijing is 16:00 in Davis: fine; 06:30 warns.
		await page.getByLabel(t.editor['starts-at']).fill('2027-03-17T06:30')
		await page.getByLabel(t.editor['ends-at']).fill('2027-03-17T08:00')
		await expect(page.getByTestId('time-preview')).toContainText(sideBySide(`${weekday('Tue')} 15:30`, `${weekday('Wed')} 06:30`))
		await expect(page.getByTestId('hours-warning')).toHaveText(fill(t.editor['outside-hours'], { cities: t.time.city.beijing }))
		await page.getByLabel(t.editor['starts-at']).fill('2027-03-17T08:00')
		await page.getByLabel(t.editor['ends-at']).fill('2027-03-17T09:30')
		await expect(page.getByTestId('time-preview')).toContainText(sideBySide(`${weekday('Tue')} 17:00`, `${weekday('Wed')} 08:00`))
		await expect(page.getByTestId('hours-warning')).toHaveCount(0)

		const agenda = page.getByTestId('agenda-row')
		await agenda.nth(0).getByLabel(fill(t.editor['agenda-en'], { n: 1 })).fill('Interface survey')
		await agenda.nth(0).getByLabel(fill(t.editor['agenda-zh'], { n: 1 })).fill('接口调研')
		await agenda.nth(1).getByLabel(fill(t.editor['agenda-en'], { n: 2 })).fill('Next steps')
		// The second item moves up.
		await agenda.nth(1).getByRole('button', { name: fill(t.editor['agenda-up'], { n: 2 }) }).click()
		await expect(page.getByTestId('agenda-row').nth(0).getByLabel(fill(t.editor['agenda-en'], { n: 1 }))).toHaveValue('Next steps')
		// The observer is not invited by default; invite them too.
		await page.getByTestId('attendees-editor').getByLabel(new RegExp(people.observer.name)).check()
		await page.getByRole('button', { name: t.editor.create }).click()
		await expect(page).toHaveURL(new RegExp(`/${lang}/meetings/\\d+\\?notice=created$`))
		await expect(page.getByRole('status')).toHaveText(t.notices.created)
		await expect(page.getByTestId('side-by-side')).toHaveText(sideBySide(`${weekday('Tue')} 17:00`, `${weekday('Wed')} 08:00`))
		await expect(page.getByTestId('agenda').getByRole('listitem')).toHaveText(lang === 'en' ? ['Next steps', 'Interface survey'] : ['Next steps', '接口调研'])
		const meetingId = /\/meetings\/(\d+)/.exec(page.url())![1]!

		// Every attendee but the organizer is emailed, in their own language.
		for (const person of [people.lead, people.observer]) {
			const email = await waitForEmail(person.email, { kind: 'meeting_notice' })
			const title = lang === 'en' ? 'Charging interface workshop' : '充电接口研讨会'
			expect(email.subject).toBe(fill(emails[lang].meeting.subject.invited, { title }))
			expect(email.body).toContain(`/${lang}/meetings/${meetingId}/calendar.ics`)
		}
		expect(await getDb()`select 1 from email_outbox where to_email = ${people.member.email}`).toHaveLength(0)
	})

	test(`${lang}: times across Davis's daylight-saving changes, side by side, with the weekday only where the cities' days differ`, async ({ browser, baseURL }) => {
		const { group, people } = await createGroupWithRoles({ visibility: 'public', lang })
		const cases = [
			// Before and after Davis leaves daylight saving time (1 November 2026): 17:00 on Tuesday there.
			{ start: '2026-10-28T00:00:00Z', davisZone: 'PDT', expected: sideBySide(`${weekday('Tue')} 17:00`, `${weekday('Wed')} 08:00`) },
			{ start: '2026-11-04T01:00:00Z', davisZone: 'PST', expected: sideBySide(`${weekday('Tue')} 17:00`, `${weekday('Wed')} 09:00`) },
			// Before and after it returns (14 March 2027).
			{ start: '2027-03-10T01:00:00Z', davisZone: 'PST', expected: sideBySide(`${weekday('Tue')} 17:00`, `${weekday('Wed')} 09:00`) },
			{ start: '2027-03-17T00:00:00Z', davisZone: 'PDT', expected: sideBySide(`${weekday('Tue')} 17:00`, `${weekday('Wed')} 08:00`) },
			// The same day in both cities: no weekday.
			{ start: '2027-03-16T14:00:00Z', davisZone: 'PDT', expected: sideBySide('07:00', '22:00') },
		]
		// A reader in Berlin sees their own time too; one in Davis does not see Davis twice.
		const berliner = await createUser({ role: 'researcher', lang, timeZone: 'Europe/Berlin' })
		const reader = await signedInPage(browser, baseURL!, berliner)
		const davisReader = await signedInPage(browser, baseURL!, people.lead)
		for (const { start, davisZone, expected } of cases) {
			const meeting = await createMeeting({ group, startsAt: new Date(start) })
			await reader.goto(`/${lang}/meetings/${meeting.id}`)
			await expect(reader.getByTestId('side-by-side')).toHaveText(expected)
			const berlin = new Intl.DateTimeFormat(lang === 'en' ? 'en' : 'zh-CN', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Berlin' }).format(new Date(start))
			await expect(reader.getByTestId('reader-time')).toContainText(berlin)
			await expect(reader.getByText(fill(t.meeting['your-time'], { zone: 'Europe/Berlin' }))).toBeVisible()
			await davisReader.goto(`/${lang}/meetings/${meeting.id}`)
			await expect(davisReader.getByTestId('reader-time')).toHaveCount(0)
			// Intl names Pacific time in the page's language (PDT / PST in English; a GMT offset in Chinese).
			if (lang === 'en') await expect(davisReader.getByTestId('city-davis')).toContainText(davisZone)
		}
	})

	test(`${lang}: .ics files parse with ical.js: a stable UID, SEQUENCE bumped by each change, CANCELLED when cancelled`, async ({ page, request, baseURL }) => {
		const { group, people } = await createGroupWithRoles({ visibility: 'private', lang })
		const startsAt = new Date(Date.now() + 96 * HOUR_MS)
		startsAt.setUTCSeconds(0, 0)
		const meeting = await createMeeting({ group, startsAt, durationMinutes: 90, attendeeIds: [people.member.id] })
		const ics = async () => {
			const response = await getAs(request, `/${lang}/meetings/${meeting.id}/calendar.ics`, people.observer)
			expect(response.status()).toBe(200)
			expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8')
			return parseEvents(await response.text())
		}
		const [first] = await ics()
		expect(first).toEqual({
			uid: `meeting-${meeting.id}@127.0.0.1`,
			summary: meeting.title[lang],
			sequence: 1,
			status: 'CONFIRMED',
			start: startsAt.toISOString(),
			end: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
			location: 'Room 1103',
		})

		await signInContext(page.context(), baseURL!, people.lead.id)
		await page.goto(`/${lang}/meetings/${meeting.id}`)
		await page.getByTestId('edit-meeting').click()
		await page.getByLabel(t.editor.place).fill('Room 2204')
		await page.getByRole('button', { name: t.editor.save }).click()
		await expect(page.getByRole('status')).toHaveText(t.notices.saved)
		const [second] = await ics()
		expect(second).toMatchObject({ uid: first!.uid, sequence: 2, location: 'Room 2204', status: 'CONFIRMED' })
		// The attendee is told of the change, in their language.
		await expect.poll(async () => (await getDb()<{ subject: string }[]>`select subject from email_outbox where to_email = ${people.member.email} order by id`).map((r) => r.subject)).toEqual([
			fill(emails[lang].meeting.subject.changed, { title: meeting.title[lang] }),
		])

		await page.getByTestId('edit-meeting').click()
		await page.getByTestId('cancel-meeting').getByRole('button', { name: t.editor['cancel-meeting'] }).click()
		await page.getByRole('dialog').getByRole('button', { name: t.editor['cancel-meeting'] }).click()
		await expect(page.getByRole('status')).toHaveText(t.notices.cancelled)
		await expect(page.getByTestId('meeting-cancelled')).toHaveText(t.status.cancelled)
		const [third] = await ics()
		expect(third).toMatchObject({ uid: first!.uid, sequence: 3, status: 'CANCELLED' })
		// The group's feed says the same to a subscribed calendar.
		const feed = await getAs(request, `/${lang}/groups/${group.slug}/calendar.ics`, people.observer)
		expect(parseEvents(await feed.text())).toContainEqual(expect.objectContaining({ uid: first!.uid, sequence: 3, status: 'CANCELLED' }))
		// A cancelled meeting is not edited any more.
		expect((await getAs(request, `/${lang}/meetings/${meeting.id}/edit`, people.lead)).status()).toBe(404)
	})

	test(`${lang}: two editors of one version: the second is told who saved, keeps what they typed, and may save over it`, async ({ browser, baseURL }) => {
		const { group, people } = await createGroupWithRoles({ visibility: 'public', lang })
		const meeting = await createMeeting({ group, startsAt: new Date(Date.now() + 120 * HOUR_MS) })
		const lead = await signedInPage(browser, baseURL!, people.lead)
		const member = await signedInPage(browser, baseURL!, people.member)
		for (const p of [lead, member]) await p.goto(`/${lang}/meetings/${meeting.id}/edit`)
		await lead.getByLabel(t.editor.place).fill('Lead’s room')
		await lead.getByRole('button', { name: t.editor.save }).click()
		await expect(lead.getByRole('status')).toHaveText(t.notices.saved)

		await member.getByLabel(t.editor['title-en']).fill('Member’s new title')
		const [response] = await Promise.all([
			member.waitForResponse((r) => r.request().method() === 'POST'),
			member.getByRole('button', { name: t.editor.save }).click(),
		])
		expect(response.status()).toBe(409)
		await expect(member.getByTestId('conflict')).toContainText(people.lead.name)
		await expect(member.getByText(t.errors.conflict)).toBeVisible()
		await expect(member.getByLabel(t.editor['title-en'])).toHaveValue('Member’s new title')
		expect((await getDb()<{ title: string }[]>`select title from meeting_translations where meeting_id = ${meeting.id} and lang = 'en'`)[0]!.title).toBe(meeting.title.en)

		await member.getByRole('button', { name: t.conflict['keep-mine'] }).click()
		await expect(member.getByRole('status')).toHaveText(t.notices.saved)
		expect((await getDb()<{ title: string; version: number }[]>`
			select t.title, m.version from meeting_translations t join meetings m on m.id = t.meeting_id where m.id = ${meeting.id} and t.lang = 'en'
		`)[0]).toEqual({ title: 'Member’s new title', version: 3 })
	})

	test(`${lang}: attendance after the meeting, and attachments for those who may see it only`, async ({ page, request, baseURL }) => {
		const { group, people } = await createGroupWithRoles({ visibility: 'private', lang })
		const meeting = await createMeeting({ group, startsAt: new Date(Date.now() - 26 * HOUR_MS), attendeeIds: [people.lead.id, people.member.id, people.observer.id] })
		await signInContext(page.context(), baseURL!, people.member.id)
		await page.goto(`/${lang}/meetings/${meeting.id}`)
		const form = page.getByTestId('attendance-form')
		await form.getByLabel(fill(t.meeting['attendance-of'], { name: people.lead.name })).selectOption('present')
		await form.getByLabel(fill(t.meeting['attendance-of'], { name: people.observer.name })).selectOption('apologies')
		await form.getByRole('button', { name: t.meeting['save-attendance'] }).click()
		await expect(form.getByRole('status')).toHaveText(t.notices['attendance-saved'])
		await page.reload()
		await expect(page.getByTestId('attendance-form').getByLabel(fill(t.meeting['attendance-of'], { name: people.observer.name }))).toHaveValue('apologies')

		const upload = page.getByTestId('upload-form')
		await upload.locator('input[type=file]').setInputFiles({ name: '会议纪要 draft.pdf', mimeType: 'application/pdf', buffer: Buffer.from(minimalPdf()) })
		await upload.getByRole('button', { name: t.attachments.upload }).click()
		await expect(page.getByTestId('upload-form').getByRole('status')).toHaveText(fill(t.notices['attachment-added'], { name: '会议纪要 draft.pdf' }))
		// An HTML page named .pdf, then a file over the limit: refused in the page's language.
		await page.getByTestId('upload-form').locator('input[type=file]').setInputFiles({ name: 'agenda.pdf', mimeType: 'application/pdf', buffer: Buffer.from(HTML_PAGE) })
		await page.getByTestId('upload-form').getByRole('button', { name: t.attachments.upload }).click()
		await expect(page.getByTestId('upload-error')).toHaveText(t.attachments.errors['unsupported-type'])
		const [tooLarge] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			(async () => {
				await page.getByTestId('upload-form').locator('input[type=file]').setInputFiles({ name: 'huge.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(MAX_ATTACHMENT_BYTES + 10, 0x25) })
				await page.getByTestId('upload-form').getByRole('button', { name: t.attachments.upload }).click()
			})(),
		])
		expect(tooLarge.status()).toBe(413)
		await expect(page.getByTestId('upload-error')).toContainText(t.attachments.errors['too-large'].split('{{')[0]!)
		await attachFile({ meetingId: meeting.id, bytes: pngImage({ width: 8, height: 8 }), fileName: 'whiteboard.png' })
		await page.reload()
		const links = page.getByTestId('attachments').getByRole('link')
		await expect(links).toHaveText(['会议纪要 draft.pdf', 'whiteboard.png'])

		const pdfHref = (await links.nth(0).getAttribute('href'))!
		const pngHref = (await links.nth(1).getAttribute('href'))!
		const pdf = await getAs(request, pdfHref, people.observer)
		expect(pdf.status()).toBe(200)
		expect(pdf.headers()['content-type']).toBe('application/pdf')
		// An ASCII stand-in for old clients, the real name for the others (RFC 6266 / 8187).
		expect(pdf.headers()['content-disposition']).toBe(`attachment; filename="_ draft.pdf"; filename*=UTF-8''${encodeURIComponent('会议纪要 draft.pdf')}`)
		expect(pdf.headers()['cache-control']).toBe('private, no-store')
		expect(Buffer.from(await pdf.body()).equals(Buffer.from(minimalPdf()))).toBe(true)
		const png = await getAs(request, pngHref, people.observer)
		expect(png.headers()['content-disposition']).toMatch(/^inline; /)
		for (const who of [null, people['non-member'], people.reviewer]) {
			expect((await getAs(request, pdfHref, who)).status()).toBe(404)
			expect((await getAs(request, pngHref, who)).status()).toBe(404)
		}
		// Removing asks first.
		await page.getByTestId('attachments').getByRole('button', { name: t.attachments.remove }).first().click()
		await page.getByRole('dialog').getByRole('button', { name: t.attachments.remove }).click()
		await expect(page.getByRole('status').filter({ hasText: '会议纪要 draft.pdf' })).toBeVisible()
		expect((await getAs(request, pdfHref, people.observer)).status()).toBe(404)
	})

	test(`${lang}: /meetings lists upcoming meetings first (soonest first), then past ones, and filters by group`, async ({ page }) => {
		const { group } = await createGroupWithRoles({ visibility: 'public', lang })
		const { group: other } = await createGroupWithRoles({ visibility: 'public', lang })
		const later = await createMeeting({ group, startsAt: new Date(Date.now() + 200 * HOUR_MS) })
		const sooner = await createMeeting({ group, startsAt: new Date(Date.now() + 100 * HOUR_MS) })
		const past = await createMeeting({ group, startsAt: new Date(Date.now() - 100 * HOUR_MS) })
		const elsewhere = await createMeeting({ group: other, startsAt: new Date(Date.now() + 150 * HOUR_MS) })
		await page.goto(`/${lang}/meetings`)
		const upcomingIds = await page.getByTestId('upcoming-meetings').getByTestId('meeting-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-meeting-id')))
		expect(upcomingIds.filter((id) => [later.id, sooner.id, elsewhere.id].includes(id!))).toEqual([sooner.id, elsewhere.id, later.id])
		await expect(page.getByTestId('past-meetings').getByRole('link', { name: past.title[lang] })).toBeVisible()
		await page.getByTestId('meeting-filters').getByRole('link', { name: group.name[lang], exact: true }).click()
		await expect(page).toHaveURL(new RegExp(`\\?group=${group.slug}$`))
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(fill(t.list['title-group'], { group: group.name[lang] }))
		await expect(page.getByTestId('upcoming-meetings').getByTestId('meeting-card')).toHaveCount(2)
		await expect(page.getByText(elsewhere.title[lang])).toHaveCount(0)
	})
}

test('a forged POST cannot invite someone outside a private group, and hostile input is refused without a 500', async ({ request, baseURL }) => {
	const { group, people } = await createGroupWithRoles({ visibility: 'private' })
	const outsider = await createUser({ role: 'official' })
	const headers = { Origin: baseURL!, Cookie: `${SESSION_COOKIE}=${await createSessionToken(people.lead.id)}` }
	const base = { titleEn: 'Forged', startsAt: '2030-01-08T17:00', endsAt: '2030-01-08T18:00', timeZone: 'America/Los_Angeles', place: 'Room' }
	const forged = await request.post(`/en/groups/${group.slug}/meetings/new`, { headers, form: { ...base, attendees: outsider.id }, maxRedirects: 0 })
	expect(forged.status()).toBe(400)
	// The page's own refusal, in the form (HTML-escaped).
	expect(await forged.text()).toContain(enMeetings.errors['attendee-not-member'].replaceAll("'", '&#x27;'))
	for (const form of [
		{ ...base, titleEn: 'a\u0000b' },
		{ ...base, timeZone: 'Mars/Olympus_Mons' },
		{ ...base, startsAt: '2030-02-30T17:00', endsAt: '2030-02-30T18:00' },
		{ ...base, onlineUrl: 'javascript:alert(1)' },
		{ ...base, 'agenda[0].titleEn': 'x'.repeat(5000) },
		{ ...base, version: '99999999999999999999' },
	]) {
		const response = await request.post(`/en/groups/${group.slug}/meetings/new`, { headers, form, maxRedirects: 0 })
		expect(response.status(), JSON.stringify(form).slice(0, 80)).toBe(400)
	}
	expect(await getDb()`select 1 from meetings where group_id = ${group.id}`).toHaveLength(0)
	// A meeting id or attachment id that is no number is a 404, not a 500.
	for (const path of ['/en/meetings/abc', '/en/meetings/1e9/calendar.ics', `/en/meetings/1/attachments/${'9'.repeat(30)}`]) {
		expect((await request.get(path, { headers })).status()).toBe(404)
	}
})

test('screenshots of the meeting pages at 375 and 1280 px in both languages', async ({ browser, baseURL }) => {
	mkdirSync(SHOTS_DIR, { recursive: true })
	const { group, people } = await createGroupWithRoles({ visibility: 'public' })
	const meeting = await createMeeting({
		group,
		startsAt: new Date('2027-03-17T00:00:00Z'),
		durationMinutes: 90,
		attendeeIds: [people.lead.id, people.member.id, people.observer.id],
		title: { en: 'Mutual recognition agreement: certification and testing', zh: '互认协议：认证与检测' },
		agenda: [
			{ titleEn: 'Power battery certification and testing', titleZh: '动力电池认证与检测' },
			{ titleEn: 'Vehicle safety testing', titleZh: '整车安全检测' },
			{ titleEn: 'What each side would recognise', titleZh: '' },
		],
	})
	await attachFile({ meetingId: meeting.id, bytes: minimalPdf(), fileName: 'Certification briefing.pdf' })
	for (const lang of LANGS) {
		for (const width of [375, 1280]) {
			const context = await browser.newContext({ baseURL, viewport: { width, height: 900 } })
			await signInContext(context, baseURL!, people.lead.id)
			const page = await context.newPage()
			for (const [name, path] of [
				['meeting', `/${lang}/meetings/${meeting.id}`],
				['meeting-edit', `/${lang}/meetings/${meeting.id}/edit`],
				['meetings', `/${lang}/meetings`],
			] as const) {
				await page.goto(path)
				await page.screenshot({ path: `${SHOTS_DIR}/${name}-${lang}-${width}.png`, fullPage: true })
			}
			// Close-ups of the editor's parts, at the size people see them.
			await page.goto(`/${lang}/meetings/${meeting.id}/edit`)
			await page.getByLabel(meetings[lang].editor['starts-at']).fill('2027-03-16T23:00')
			await page.getByLabel(meetings[lang].editor['ends-at']).fill('2027-03-17T00:30')
			await expect(page.getByTestId('hours-warning')).toBeVisible()
			await page.locator('fieldset').nth(1).screenshot({ path: `${SHOTS_DIR}/meeting-edit-times-${lang}-${width}.png` })
			await page.getByTestId('agenda-editor').screenshot({ path: `${SHOTS_DIR}/meeting-edit-agenda-${lang}-${width}.png` })
			await page.getByTestId('attendees-editor').screenshot({ path: `${SHOTS_DIR}/meeting-edit-attendees-${lang}-${width}.png` })
			await context.close()
		}
	}
})
