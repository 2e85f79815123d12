/**
 * The permission matrix: every route × every role (anonymous included), for
 * GET and, where the route has an action, for POST. A route file that is not
 * in the matrix fails this test, so no route ships unchecked. Routes of a
 * working group or a meeting are checked on a private group, and again on a
 * public one, for the site roles and for the group's roles (lead, member,
 * observer, a researcher outside the group, an official reviewer outside
 * it). Then every state-changing request from another origin is refused and
 * changes nothing.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { DENIALS_PER_REQUESTER } from '#app/audit/denials.server.ts'
import { minimalPdf } from '#app/testing/document-fixtures.ts'
import { createTestDraft, type TestDraft } from './drafts-fixtures.ts'
import {
	attachFile,
	createGroupWithRoles,
	createMeeting,
	createSessionToken,
	createUser,
	expect,
	getDb,
	GROUP_WHO,
	ROLES,
	SESSION_COOKIE,
	test,
	type GroupWho,
	type Role,
	type TestGroup,
} from './fixtures.ts'
import { minutesInput, saveMinutes, sendForReview } from './records-content.ts'

type Who = Role | 'anonymous' | GroupWho
const EVERYONE: Who[] = ['anonymous', ...ROLES]
/** For a group's routes: the site roles (none of them in the group, the admin aside) and the group's roles. */
const EVERYONE_IN_GROUPS: Who[] = [...EVERYONE, ...GROUP_WHO]
const ROUTES_DIR = path.resolve(import.meta.dirname, '../app/routes')

/** Same status for everybody. */
const all = (status: number) => Object.fromEntries(EVERYONE_IN_GROUPS.map((who) => [who, status])) as Record<Who, number>
/** Admins get `yes`, everybody else (anonymous included) a 404. */
const adminOnly = (yes: number) => ({ ...all(404), admin: yes })
/** Researchers, editors and admins get `yes`; officials and the public a 404. */
const writers = (yes: number) => ({ ...all(404), researcher: yes, editor: yes, admin: yes })
/** Editors and admins get `yes`; everybody else a 404. */
const editors = (yes: number) => ({ ...all(404), editor: yes, admin: yes })
/** The seed's first post: published and authorless, so a researcher may not edit it. */
const SEEDED_POST = '/en/newsroom/1'
/** The seed's policy drafts: the first being drafted, the second published (both in public groups). */
const SEEDED_DRAFT = '/en/drafts/1'
const SEEDED_PUBLISHED_DRAFT = '/en/drafts/2'
/** Members get `yes`; the public is sent to sign in. */
const members = (yes: number) => ({ ...all(yes), anonymous: 302 })

interface RouteCase {
	path: string
	get: Record<Who, number>
	post?: { form: () => Record<string, string>; expect: Record<Who, number> }
}

const uniqueEmail = () => `matrix-${randomBytes(5).toString('hex')}@e2e.example`
const NEW_PASSWORD = { password: 'a long enough passphrase', confirmPassword: 'a long enough passphrase' }

const MATRIX: Record<string, RouteCase> = {
	_index: { path: '/', get: all(302) },
	$lang: { path: '/zh', get: all(200) },
	'$lang._index': { path: '/en', get: all(200) },
	'$lang.$': { path: '/en/no-such-page', get: all(404) },
	'$lang.news._index': { path: '/zh/news', get: all(200) },
	'$lang.news.$slug': { path: '/en/news/california-china-zev-partnership', get: all(200) },
	'$lang.search': { path: '/zh/search?q=%E5%85%85%E7%94%B5', get: all(200) },
	healthz: { path: '/healthz', get: all(200) },
	'resources.locales.$lng.$ns': { path: '/resources/locales/zh/common', get: all(200) },
	'$lang.news.feed[.]xml': { path: '/en/news/feed.xml', get: all(200) },
	'$lang.news.atom[.]xml': { path: '/zh/news/atom.xml', get: all(200) },
	// The stylesheet that shows a feed as a page in a browser.
	'$lang.news.feed[.]xsl': { path: '/zh/news/feed.xsl', get: all(200) },
	// Anyone may write to the lab, signed in or not.
	'$lang.contact': {
		path: '/en/contact',
		get: all(200),
		post: { form: () => ({ name: 'Matrix', email: uniqueEmail(), subject: '', message: 'Hello from the permission matrix.' }), expect: all(200) },
	},
	'sitemap[.]xml': { path: '/sitemap.xml', get: all(200) },
	'robots[.]txt': { path: '/robots.txt', get: all(200) },
	'$lang.login': {
		path: '/en/login',
		get: { ...all(302), anonymous: 200 },
		// Signed in, the page's loader sends members on after the (failed) attempt.
		post: { form: () => ({ email: uniqueEmail(), password: 'wrong password' }), expect: { ...all(302), anonymous: 400 } },
	},
	'$lang.logout': { path: '/en/logout', get: all(302), post: { form: () => ({}), expect: all(302) } },
	'$lang.forgot-password': {
		path: '/zh/forgot-password',
		get: all(200),
		post: { form: () => ({ email: uniqueEmail() }), expect: all(200) },
	},
	'$lang.reset-password.$token': {
		path: '/en/reset-password/not-a-real-token',
		get: all(404),
		post: { form: () => NEW_PASSWORD, expect: all(404) },
	},
	'$lang.invitations.$token': {
		path: '/zh/invitations/not-a-real-token',
		get: all(404),
		post: { form: () => ({ name: 'Somebody', ...NEW_PASSWORD }), expect: all(404) },
	},
	'$lang.account': {
		path: '/en/account',
		get: members(200),
		post: { form: () => ({ intent: 'sign-out-others' }), expect: members(200) },
	},
	'$lang.admin': { path: '/en/admin', get: adminOnly(302) },
	'$lang.admin._index': { path: '/zh/admin', get: adminOnly(302) },
	'$lang.admin.users': {
		path: '/en/admin/users',
		get: adminOnly(200),
		post: { form: () => ({ intent: 'invite', email: uniqueEmail(), role: 'researcher', lang: 'en', name: '' }), expect: adminOnly(200) },
	},
	'$lang.admin.outbox': { path: '/zh/admin/outbox', get: adminOnly(200) },
	'$lang.admin.audit': { path: '/en/admin/audit', get: adminOnly(200) },
	'$lang.newsroom': { path: '/zh/newsroom', get: writers(200) },
	'$lang.newsroom._index': { path: '/en/newsroom?status=review', get: writers(200) },
	// Preview renders without saving anything.
	'$lang.newsroom.new': {
		path: '/en/newsroom/new',
		get: writers(200),
		post: { form: () => ({ intent: 'preview', 'en.title': 'Matrix', 'en.body': '**Preview**' }), expect: writers(200) },
	},
	'$lang.newsroom.$postId': {
		path: SEEDED_POST,
		get: editors(200),
		post: { form: () => ({ intent: 'preview', 'en.title': 'Matrix', 'en.body': '**Preview**' }), expect: editors(200) },
	},
	'$lang.newsroom.$postId_.history': {
		path: `${SEEDED_POST}/history`,
		get: editors(200),
		post: { form: () => ({ revisionId: 'not-a-revision', version: '1' }), expect: editors(400) },
	},
	'$lang.newsroom.media': {
		path: '/en/newsroom/media',
		get: writers(200),
		// A form without a file (not even multipart) is refused in the page.
		post: { form: () => ({}), expect: writers(400) },
	},
	// Uploaded images are public; an unknown one is a 404 for everybody.
	'media.$key': { path: `/media/${'0'.repeat(64)}.png`, get: all(404) },
	// Policy drafts, as site roles outside the seeded drafts' groups see them: the
	// seed's first draft is being drafted (its group's work), the second published.
	// Group roles are in the matrix below.
	'$lang.drafts._index': { path: '/zh/drafts', get: all(200) },
	'$lang.drafts.new': {
		path: '/en/drafts/new',
		get: adminOnly(200),
		// No group chosen: refused in the page, after the permission check.
		post: { form: () => ({ group: '', 'title.en': 'Matrix' }), expect: adminOnly(400) },
	},
	'$lang.drafts.$draftId': {
		path: SEEDED_PUBLISHED_DRAFT,
		get: all(200),
		// An empty comment: officials may comment on what they can read; refused in the page.
		post: { form: () => ({ intent: 'comment', sectionId: 'purpose', lang: 'en', body: '' }), expect: { ...all(404), official: 400, admin: 400 } },
	},
	'$lang.drafts.$draftId_.edit': {
		path: `${SEEDED_DRAFT}/edit`,
		get: adminOnly(200),
		post: { form: () => ({ intent: 'preview', section: 'purpose', 'text.purpose.en': '**Matrix**' }), expect: adminOnly(200) },
	},
	'$lang.drafts.$draftId_.history': {
		path: `${SEEDED_DRAFT}/history`,
		get: adminOnly(200),
		post: { form: () => ({ revisionId: 'not-a-revision', baseRevision: '1' }), expect: adminOnly(400) },
	},
	'$lang.drafts.$draftId_.compare': { path: `${SEEDED_DRAFT}/compare`, get: adminOnly(200) },
	'$lang.drafts.$draftId_.print': { path: `${SEEDED_PUBLISHED_DRAFT}/print`, get: all(200) },
	'$lang.drafts.$draftId_.export.$format': { path: `${SEEDED_PUBLISHED_DRAFT}/export/docx`, get: all(200) },
	// Each member's own reviews, dashboard and action items.
	'$lang.reviews': { path: '/zh/reviews', get: members(200) },
	'$lang.dashboard': { path: '/en/dashboard', get: members(200) },
	'$lang.action-items': {
		path: '/en/action-items',
		get: members(200),
		// Nobody's item: refused in the page.
		post: { form: () => ({ itemId: '999999999999', status: 'done' }), expect: members(404) },
	},
}

/** What a group's routes are checked against: a group, one of its meetings (past, so attendance can be recorded) and an attachment. */
interface GroupFixture {
	group: TestGroup
	meetingId: string
	attachmentId: string
}

interface GroupRouteCase {
	path: (f: GroupFixture) => string
	/** On a private group. */
	get: Record<Who, number>
	post?: { form: () => Record<string, string>; expect: Record<Who, number> }
	/** On a public group (readable by everyone: only what changes it is closed). */
	publicGet: Record<Who, number>
}

/** Readers of a private group: its members (any role) and site admins; everybody else a 404. */
const groupReaders = (yes: number) => ({ ...all(404), admin: yes, lead: yes, member: yes, observer: yes })
/** Writers in a group: its leads and members, and site admins (observers only read). */
const groupWriters = (yes: number) => ({ ...all(404), admin: yes, lead: yes, member: yes })
/** Its leads and site admins. */
const groupLeads = (yes: number) => ({ ...all(404), admin: yes, lead: yes })

const GROUP_MATRIX: Record<string, GroupRouteCase> = {
	'$lang.groups._index': { path: () => '/en/groups', get: all(200), publicGet: all(200) },
	'$lang.groups.new': {
		path: () => '/zh/groups/new',
		get: adminOnly(200),
		// Without a name the form is refused (nothing is created).
		post: { form: () => ({ slug: `matrix-${randomBytes(4).toString('hex')}`, visibility: 'public' }), expect: adminOnly(400) },
		publicGet: adminOnly(200),
	},
	'$lang.groups.$slug': {
		path: ({ group }) => `/en/groups/${group.slug}`,
		get: groupReaders(200),
		// An intent the page does not have: refused after the read check.
		post: { form: () => ({ intent: 'none' }), expect: groupReaders(400) },
		publicGet: all(200),
	},
	'$lang.groups.$slug_.edit': {
		path: ({ group }) => `/zh/groups/${group.slug}/edit`,
		get: groupLeads(200),
		post: { form: () => ({ 'en.name': '' }), expect: groupLeads(400) },
		publicGet: groupLeads(200),
	},
	'$lang.groups.$slug_.members': {
		path: ({ group }) => `/en/groups/${group.slug}/members`,
		get: groupLeads(200),
		post: { form: () => ({ intent: 'add', role: 'member' }), expect: groupLeads(400) },
		publicGet: groupLeads(200),
	},
	'$lang.groups.$slug_.calendar[.]ics': {
		path: ({ group }) => `/en/groups/${group.slug}/calendar.ics`,
		get: groupReaders(200),
		publicGet: all(200),
	},
	'$lang.groups.$slug_.meetings.new': {
		path: ({ group }) => `/zh/groups/${group.slug}/meetings/new`,
		get: groupWriters(200),
		post: { form: () => ({ titleEn: 'Matrix' }), expect: groupWriters(400) },
		publicGet: groupWriters(200),
	},
	'$lang.meetings._index': { path: () => '/zh/meetings', get: all(200), publicGet: all(200) },
	'$lang.meetings.$meetingId': {
		path: ({ meetingId }) => `/en/meetings/${meetingId}`,
		get: groupReaders(200),
		post: { form: () => ({ intent: 'attendance', version: '1' }), expect: groupWriters(200) },
		publicGet: all(200),
	},
	'$lang.meetings.$meetingId_.edit': {
		path: ({ meetingId }) => `/zh/meetings/${meetingId}/edit`,
		get: groupWriters(200),
		post: { form: () => ({ titleEn: '' }), expect: groupWriters(400) },
		publicGet: groupWriters(200),
	},
	'$lang.meetings.$meetingId_.calendar[.]ics': {
		path: ({ meetingId }) => `/en/meetings/${meetingId}/calendar.ics`,
		get: groupReaders(200),
		publicGet: all(200),
	},
	'$lang.meetings.$meetingId_.attachments.$attachmentId': {
		path: ({ meetingId, attachmentId }) => `/en/meetings/${meetingId}/attachments/${attachmentId}`,
		get: groupReaders(200),
		publicGet: all(200),
	},
	// The meeting's record, in review: on the private group its observer is the named reviewer (an official
	// outside a private group may not be one); on the public group the official outside it is. Work in progress
	// is for the group and its reviewers; only a named reviewer comments (an empty comment: refused in the page).
	'$lang.meetings_.$meetingId_.record': {
		path: ({ meetingId }) => `/en/meetings/${meetingId}/record`,
		get: groupReaders(200),
		post: { form: () => ({ intent: 'comment', version: '1', body: '' }), expect: { ...all(404), observer: 400 } },
		publicGet: { ...groupReaders(200), reviewer: 200 },
	},
	// A save without minutes is refused in the page: nothing is written.
	'$lang.meetings_.$meetingId_.record_.edit': {
		path: ({ meetingId }) => `/zh/meetings/${meetingId}/record/edit`,
		get: groupWriters(200),
		post: { form: () => ({ version: '1' }), expect: groupWriters(400) },
		publicGet: groupWriters(200),
	},
	'$lang.meetings_.$meetingId_.record_.history': {
		path: ({ meetingId }) => `/en/meetings/${meetingId}/record/history`,
		get: groupReaders(200),
		publicGet: { ...groupReaders(200), reviewer: 200 },
	},
}

function routeFiles() {
	return readdirSync(ROUTES_DIR)
		.filter((file) => /\.tsx?$/.test(file) && !file.includes('.test.'))
		.map((file) => ({ id: file.replace(/\.tsx?$/, ''), source: readFileSync(path.join(ROUTES_DIR, file), 'utf8') }))
}

const users = new Map<Who, string>()
const groupFixtures = new Map<'private' | 'public', GroupFixture>()
/** Each visibility's own people in the group roles. */
const groupPeople = new Map<'private' | 'public', Record<GroupWho, string>>()
test.beforeAll(async () => {
	for (const role of ROLES) users.set(role, (await createUser({ role })).id)
	for (const visibility of ['private', 'public'] as const) {
		const { group, people } = await createGroupWithRoles({ visibility })
		const meeting = await createMeeting({ group, startsAt: new Date(Date.now() - 2 * 3_600_000), attendeeIds: [people.lead.id, people.member.id] })
		const attachmentId = await attachFile({ meetingId: meeting.id, bytes: minimalPdf(), fileName: 'matrix.pdf' })
		groupFixtures.set(visibility, { group, meetingId: meeting.id, attachmentId })
		groupPeople.set(visibility, Object.fromEntries(GROUP_WHO.map((who) => [who, people[who].id])) as Record<GroupWho, string>)
		// The meeting's minutes, sent for review.
		const saved = await saveMinutes({ meetingId: meeting.id, authorId: people.lead.id, input: minutesInput({ en: 'Matrix minutes.' }) })
		const reviewer = visibility === 'private' ? people.observer : people.reviewer
		await sendForReview({ recordId: saved.id, version: 1, leadId: people.lead.id, reviewerIds: [reviewer.id] })
	}
})

/** A fresh session per request: some requests (sign-out) end the one they use. Group roles are in the group of `visibility`. */
async function headersFor(who: Who, baseURL: string, visibility: 'private' | 'public' = 'private'): Promise<Record<string, string>> {
	const headers: Record<string, string> = { Origin: baseURL }
	const userId = (GROUP_WHO as readonly string[]).includes(who) ? groupPeople.get(visibility)![who as GroupWho] : users.get(who)
	if (who !== 'anonymous') headers.Cookie = `${SESSION_COOKIE}=${await createSessionToken(userId!)}`
	return headers
}

test('every route is in the matrix, and every route with an action has a POST case', () => {
	const files = routeFiles()
	expect(files.map((f) => f.id).sort()).toEqual([...Object.keys(MATRIX), ...Object.keys(GROUP_MATRIX)].sort())
	for (const file of files) {
		// `export async function action` and `export const action = …` alike.
		const hasAction = /export (?:(?:async )?function|const) action\b/.test(file.source)
		const route = MATRIX[file.id] ?? GROUP_MATRIX[file.id]!
		expect(Boolean(route.post), `${file.id}: action ${hasAction ? 'without' : 'not expected but'} a POST case`).toBe(hasAction)
	}
})

for (const [id, route] of Object.entries(MATRIX)) {
	test(`GET ${route.path} (${id}) answers each role as expected`, async ({ request, baseURL }) => {
		for (const who of EVERYONE) {
			const response = await request.get(route.path, { headers: await headersFor(who, baseURL!), maxRedirects: 0 })
			expect(response.status(), `${who} GET ${route.path}`).toBe(route.get[who])
		}
	})
	if (route.post) {
		const post = route.post
		test(`POST ${route.path} (${id}) answers each role as expected`, async ({ request, baseURL }) => {
			for (const who of EVERYONE) {
				const response = await request.post(route.path, { form: post.form(), headers: await headersFor(who, baseURL!), maxRedirects: 0 })
				expect(response.status(), `${who} POST ${route.path}`).toBe(post.expect[who])
			}
		})
	}
}

for (const [id, route] of Object.entries(GROUP_MATRIX)) {
	test(`GET ${id} on a private group answers each site and group role as expected`, async ({ request, baseURL }) => {
		const path = route.path(groupFixtures.get('private')!)
		for (const who of EVERYONE_IN_GROUPS) {
			const response = await request.get(path, { headers: await headersFor(who, baseURL!, 'private'), maxRedirects: 0 })
			expect(response.status(), `${who} GET ${path}`).toBe(route.get[who])
		}
	})
	test(`GET ${id} on a public group answers each site and group role as expected`, async ({ request, baseURL }) => {
		const path = route.path(groupFixtures.get('public')!)
		for (const who of EVERYONE_IN_GROUPS) {
			const response = await request.get(path, { headers: await headersFor(who, baseURL!, 'public'), maxRedirects: 0 })
			expect(response.status(), `${who} GET ${path}`).toBe(route.publicGet[who])
		}
	})
	if (route.post) {
		const post = route.post
		test(`POST ${id} on a private group answers each site and group role as expected`, async ({ request, baseURL }) => {
			const path = route.path(groupFixtures.get('private')!)
			for (const who of EVERYONE_IN_GROUPS) {
				const response = await request.post(path, { form: post.form(), headers: await headersFor(who, baseURL!, 'private'), maxRedirects: 0 })
				expect(response.status(), `${who} POST ${path}`).toBe(post.expect[who])
			}
		})
	}
}

test('every state-changing request from elsewhere is refused (403) and changes nothing', async ({ request, baseURL, clientIp }) => {
	const db = getDb()
	const admin = users.get('admin')!
	const adminToken = await createSessionToken(admin)
	const sessionsBefore = await db<{ id: string }[]>`select id from sessions where user_id = ${admin} order by id`
	const [{ count: deniedBefore }] = (await db`
		select count(*)::int as count from audit_events where event = 'request_denied' and ip = ${clientIp}
	`) as unknown as [{ count: number }]
	const forged: Record<string, string>[] = [
		{ Origin: 'http://evil.example' },
		{ Origin: 'null' },
		{ Origin: baseURL!.replace('127.0.0.1', 'localhost') },
		{ 'Sec-Fetch-Site': 'cross-site' },
		{ 'Sec-Fetch-Site': 'same-site' },
		{},
	]
	const emails: string[] = []
	let requests = 0
	const routes = [
		...Object.values(MATRIX),
		...Object.values(GROUP_MATRIX).map((route) => ({ path: route.path(groupFixtures.get('private')!), post: route.post })),
	]
	for (const route of routes) {
		for (const headers of forged) {
			const form = route.post?.form() ?? { intent: 'anything' }
			if (form.email) emails.push(form.email)
			for (const method of ['post', 'put', 'delete'] as const) {
				const response = await request[method](route.path, {
					form,
					headers: { ...headers, Cookie: `${SESSION_COOKIE}=${adminToken}` },
					maxRedirects: 0,
				})
				requests += 1
				expect(response.status(), `${method.toUpperCase()} ${route.path} with ${JSON.stringify(headers)}`).toBe(403)
			}
		}
	}
	// Nothing the forms asked for happened: no invitation, no email, no throttling row, no sign-out.
	expect(await db`select 1 from invitations where email in ${db(emails)}`).toHaveLength(0)
	expect(await db`select 1 from email_outbox where to_email in ${db(emails)}`).toHaveLength(0)
	expect(await db`select 1 from throttle_buckets where subject_email in ${db(emails)}`).toHaveLength(0)
	expect(await db<{ id: string }[]>`select id from sessions where user_id = ${admin} order by id`).toEqual(sessionsBefore)
	// Refusals are in the audit log, as many a minute as one requester may write
	// (app/audit/denials.server.ts): this test sends far more, which are counted
	// into one aggregated row instead of filling the log.
	const [{ count: deniedAfter }] = (await db`
		select count(*)::int as count from audit_events where event = 'request_denied' and ip = ${clientIp}
	`) as unknown as [{ count: number }]
	expect(requests).toBeGreaterThan(3 * DENIALS_PER_REQUESTER)
	// The test may straddle a minute: at most two minutes' share (fewer when
	// the whole suite's denials reached the overall limit that minute).
	expect(deniedAfter - deniedBefore).toBeLessThanOrEqual(2 * DENIALS_PER_REQUESTER)
})

test('a GET never changes state: sign-out, invitations and session ends need a POST', async ({ request, baseURL }) => {
	const headers = await headersFor('admin', baseURL!)
	const email = uniqueEmail()
	for (const path of ['/en/logout', `/en/admin/users?intent=invite&email=${email}&role=admin&lang=en`, '/en/account?intent=sign-out-everywhere']) {
		await request.get(path, { headers, maxRedirects: 0 })
	}
	const stillSignedIn = await request.get('/en/account', { headers, maxRedirects: 0 })
	expect(stillSignedIn.status()).toBe(200)
	expect(await getDb()`select 1 from invitations where email = ${email}`).toHaveLength(0)
})

/**
 * Draft routes × group roles, on a private group's draft in review: its
 * lead, a member, an observer, the named official reviewer (not a member), a
 * researcher outside the group, an admin and the public.
 */
type DraftWho = 'anonymous' | 'non-member' | 'lead' | 'member' | 'observer' | 'reviewer' | 'admin'
const DRAFT_WHO: DraftWho[] = ['anonymous', 'non-member', 'lead', 'member', 'observer', 'reviewer', 'admin']
const draftOnly = (yes: number, who: DraftWho[]) => Object.fromEntries(DRAFT_WHO.map((w) => [w, who.includes(w) ? yes : 404])) as Record<DraftWho, number>
const DRAFT_READERS: DraftWho[] = ['lead', 'member', 'observer', 'reviewer', 'admin']
const DRAFT_WRITERS: DraftWho[] = ['lead', 'member', 'admin']

interface DraftRouteCase {
	path: (draft: TestDraft) => string
	get: Record<DraftWho, number>
	post?: { form: (draft: TestDraft) => Record<string, string>; expect: Record<DraftWho, number> }
}

const DRAFT_MATRIX: Record<string, DraftRouteCase> = {
	'$lang.drafts._index': { path: (d) => `/en/drafts?group=${d.groupSlug}`, get: draftOnly(200, DRAFT_WHO) },
	'$lang.drafts.new': {
		path: (d) => `/zh/drafts/new?group=${d.groupSlug}`,
		get: draftOnly(200, DRAFT_WRITERS),
		post: { form: (d) => ({ group: d.groupSlug, 'title.en': '', 'title.zh': '' }), expect: draftOnly(400, DRAFT_WRITERS) },
	},
	'$lang.drafts.$draftId': {
		path: (d) => `/en/drafts/${d.id}`,
		get: draftOnly(200, DRAFT_READERS),
		post: { form: () => ({ intent: 'comment', sectionId: 'scope', lang: 'zh', body: '' }), expect: draftOnly(400, DRAFT_READERS) },
	},
	'$lang.drafts.$draftId_.edit': {
		path: (d) => `/zh/drafts/${d.id}/edit`,
		get: draftOnly(200, DRAFT_WRITERS),
		post: { form: () => ({ intent: 'preview', section: 'scope', 'text.scope.zh': '**预览**' }), expect: draftOnly(200, DRAFT_WRITERS) },
	},
	'$lang.drafts.$draftId_.history': {
		path: (d) => `/en/drafts/${d.id}/history`,
		get: draftOnly(200, DRAFT_READERS),
		post: { form: () => ({ revisionId: 'x', baseRevision: 'y' }), expect: draftOnly(400, DRAFT_WRITERS) },
	},
	'$lang.drafts.$draftId_.compare': { path: (d) => `/zh/drafts/${d.id}/compare`, get: draftOnly(200, DRAFT_READERS) },
	'$lang.drafts.$draftId_.print': { path: (d) => `/en/drafts/${d.id}/print?layout=sequential`, get: draftOnly(200, DRAFT_READERS) },
	'$lang.drafts.$draftId_.export.$format': { path: (d) => `/zh/drafts/${d.id}/export/markdown`, get: draftOnly(200, DRAFT_READERS) },
}

test.describe('draft routes × group roles', () => {
	let draft: TestDraft
	let strangerId: string
	let adminId: string
	test.beforeAll(async () => {
		draft = await createTestDraft({ visibility: 'private', status: 'in_review' })
		strangerId = (await createUser({ role: 'researcher' })).id
		adminId = (await createUser({ role: 'admin' })).id
	})
	const userOf = (who: DraftWho) =>
		({ anonymous: null, 'non-member': strangerId, lead: draft.lead.id, member: draft.member.id, observer: draft.observer.id, reviewer: draft.reviewer.id, admin: adminId })[who]
	async function draftHeaders(who: DraftWho, baseURL: string) {
		const headers: Record<string, string> = { Origin: baseURL }
		const id = userOf(who)
		if (id) headers.Cookie = `${SESSION_COOKIE}=${await createSessionToken(id)}`
		return headers
	}

	test('every drafts route is in the group-role matrix', () => {
		const draftRoutes = routeFiles().map((f) => f.id).filter((id) => id.startsWith('$lang.drafts'))
		expect(draftRoutes.sort()).toEqual(Object.keys(DRAFT_MATRIX).sort())
	})

	for (const [id, route] of Object.entries(DRAFT_MATRIX)) {
		test(`GET ${id} answers each group role as expected`, async ({ request, baseURL }) => {
			for (const who of DRAFT_WHO) {
				const response = await request.get(route.path(draft), { headers: await draftHeaders(who, baseURL!), maxRedirects: 0 })
				expect(response.status(), `${who} GET ${route.path(draft)}`).toBe(route.get[who])
			}
		})
		if (route.post) {
			const post = route.post
			test(`POST ${id} answers each group role as expected`, async ({ request, baseURL }) => {
				for (const who of DRAFT_WHO) {
					const response = await request.post(route.path(draft), { form: post.form(draft), headers: await draftHeaders(who, baseURL!), maxRedirects: 0 })
					expect(response.status(), `${who} POST ${route.path(draft)}`).toBe(post.expect[who])
				}
			})
		}
	}
})
