/**
 * The permission matrix: every route × every role (anonymous included), for
 * GET and, where the route has an action, for POST. A route file that is not
 * in the matrix fails this test, so no route ships unchecked. Then every
 * state-changing request from another origin is refused and changes nothing.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { createSessionToken, createUser, expect, getDb, ROLES, SESSION_COOKIE, test, type Role } from './fixtures.ts'
import { minutesInput, saveMinutes, sendForReview } from './records-content.ts'

type Who = Role | 'anonymous'
const EVERYONE: Who[] = ['anonymous', ...ROLES]
const ROUTES_DIR = path.resolve(import.meta.dirname, '../app/routes')

/** Same status for everybody. */
const all = (status: number) => Object.fromEntries(EVERYONE.map((who) => [who, status])) as Record<Who, number>
/** Admins get `yes`, everybody else (anonymous included) a 404. */
const adminOnly = (yes: number) => ({ ...all(404), admin: yes })
/** Researchers, editors and admins get `yes`; officials and the public a 404. */
const writers = (yes: number) => ({ ...all(404), researcher: yes, editor: yes, admin: yes })
/** Editors and admins get `yes`; everybody else a 404. */
const editors = (yes: number) => ({ ...all(404), editor: yes, admin: yes })
/** The seed's first post: published and authorless, so a researcher may not edit it. */
const SEEDED_POST = '/en/newsroom/1'
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
	healthz: { path: '/healthz', get: all(200) },
	'resources.locales.$lng.$ns': { path: '/resources/locales/zh/common', get: all(200) },
	'$lang.news.feed[.]xml': { path: '/en/news/feed.xml', get: all(200) },
	'$lang.news.atom[.]xml': { path: '/zh/news/atom.xml', get: all(200) },
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
}

/**
 * Routes inside a working group: every site role (none of them in the
 * group, admins seeing everything) and every group role, with a named
 * official reviewer. Paths are built from a group made once per worker.
 */
type GroupWho = 'lead' | 'member' | 'observer' | 'non-member' | 'reviewer'
const GROUP_WHO: GroupWho[] = ['lead', 'member', 'observer', 'non-member', 'reviewer']
type AnyWho = Who | GroupWho

interface GroupFixture {
	/** A public group's meeting whose record is in review, the reviewer named. */
	publicMeeting: string
	/** A private group's meeting whose record is a draft. */
	privateMeeting: string
}

interface GroupRouteCase {
	path: (f: GroupFixture) => string
	get: Record<AnyWho, number>
	post?: { form: () => Record<string, string>; expect: Record<AnyWho, number> }
}

/** Same status for everybody. */
const everyone = (status: number) => Object.fromEntries([...EVERYONE, ...GROUP_WHO].map((who) => [who, status])) as Record<AnyWho, number>
/** The group's work in progress: its lead, members and observers, its named reviewer and admins. */
const groupWork = (yes: number) => ({ ...everyone(404), admin: yes, lead: yes, member: yes, observer: yes, reviewer: yes })
/** Those who write in the group: its lead and members, and admins. */
const groupWriters = (yes: number) => ({ ...everyone(404), admin: yes, lead: yes, member: yes })
/** Signed-in members, whoever they are; the public is sent to sign in. */
const signedInMembers = (yes: number) => ({ ...everyone(yes), anonymous: 302 })

const GROUP_MATRIX: Record<string, GroupRouteCase> = {
	// Only the named reviewer comments; a comment without text is refused in the page.
	'$lang.meetings_.$meetingId_.record': {
		path: (f) => `/en/meetings/${f.publicMeeting}/record`,
		get: groupWork(200),
		post: { form: () => ({ intent: 'comment', version: '1', body: '' }), expect: { ...everyone(404), reviewer: 400 } },
	},
	// A save without minutes is refused in the page: nothing is written.
	'$lang.meetings_.$meetingId_.record_.edit': {
		path: (f) => `/zh/meetings/${f.privateMeeting}/record/edit`,
		get: { ...groupWriters(200), reviewer: 404 },
		post: { form: () => ({ version: '1' }), expect: groupWriters(400) },
	},
	'$lang.meetings_.$meetingId_.record_.history': {
		path: (f) => `/en/meetings/${f.publicMeeting}/record/history`,
		get: groupWork(200),
	},
	'$lang.reviews': { path: () => '/zh/reviews', get: signedInMembers(200) },
	'$lang.dashboard': { path: () => '/en/dashboard', get: signedInMembers(200) },
	// Nobody's item: refused in the page for members.
	'$lang.action-items': {
		path: () => '/en/action-items',
		get: signedInMembers(200),
		post: { form: () => ({ itemId: '999999999999', status: 'done' }), expect: signedInMembers(404) },
	},
}

const groupUsers = new Map<GroupWho, string>()
let groupFixture: GroupFixture | undefined

/** Two groups (public and private) with one meeting each, a lead, a member, an observer and a named official reviewer. */
async function makeGroupFixture(): Promise<GroupFixture> {
	const db = getDb()
	for (const who of GROUP_WHO) groupUsers.set(who, (await createUser({ role: who === 'reviewer' ? 'official' : 'researcher' })).id)
	const meetings: Record<'public' | 'private', string> = { public: '', private: '' }
	for (const visibility of ['public', 'private'] as const) {
		const slug = `matrix-${visibility}-${randomBytes(4).toString('hex')}`
		const [group] = await db<{ id: string }[]>`insert into working_groups (slug, visibility) values (${slug}, ${visibility}) returning id::text as id`
		const groupId = group!.id
		await db`insert into working_group_translations (group_id, lang, name, summary, description) values (${groupId}, 'en', ${slug}, '', '')`
		await db`
			insert into group_memberships (group_id, user_id, role) values
				(${groupId}, ${groupUsers.get('lead')!}, 'lead'), (${groupId}, ${groupUsers.get('member')!}, 'member'), (${groupId}, ${groupUsers.get('observer')!}, 'observer')
		`
		const [meeting] = await db<{ id: string }[]>`
			insert into meetings (group_id, starts_at, ends_at, time_zone) values (${groupId}, now() - interval '2 days', now() - interval '47 hours', 'Asia/Shanghai')
			returning id::text as id
		`
		await db`insert into meeting_translations (meeting_id, lang, title) values (${meeting!.id}, 'en', ${`Meeting ${slug}`})`
		meetings[visibility] = meeting!.id
		const saved = await saveMinutes({ meetingId: meeting!.id, authorId: groupUsers.get('lead')!, input: minutesInput({ en: 'Matrix minutes.' }) })
		if (visibility === 'public') {
			await sendForReview({ recordId: saved.id, version: 1, leadId: groupUsers.get('lead')!, reviewerIds: [groupUsers.get('reviewer')!] })
		}
	}
	return { publicMeeting: meetings.public, privateMeeting: meetings.private }
}

function routeFiles() {
	return readdirSync(ROUTES_DIR)
		.filter((file) => /\.tsx?$/.test(file) && !file.includes('.test.'))
		.map((file) => ({ id: file.replace(/\.tsx?$/, ''), source: readFileSync(path.join(ROUTES_DIR, file), 'utf8') }))
}

const users = new Map<Role, string>()
test.beforeAll(async () => {
	for (const role of ROLES) users.set(role, (await createUser({ role })).id)
	groupFixture = await makeGroupFixture()
})

/** A fresh session per request: some requests (sign-out) end the one they use. */
async function headersFor(who: AnyWho, baseURL: string): Promise<Record<string, string>> {
	const headers: Record<string, string> = { Origin: baseURL }
	const userId = who === 'anonymous' ? null : (users.get(who as Role) ?? groupUsers.get(who as GroupWho)!)
	if (userId) headers.Cookie = `${SESSION_COOKIE}=${await createSessionToken(userId)}`
	return headers
}

test('every route is in the matrix, and every route with an action has a POST case', () => {
	const files = routeFiles()
	expect(files.map((f) => f.id).sort()).toEqual([...Object.keys(MATRIX), ...Object.keys(GROUP_MATRIX)].sort())
	for (const file of files) {
		const hasAction = /export (async )?function action\b|export const action\b/.test(file.source)
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
	test(`GET ${id} answers each site and group role as expected`, async ({ request, baseURL }) => {
		const path = route.path(groupFixture!)
		for (const who of [...EVERYONE, ...GROUP_WHO]) {
			const response = await request.get(path, { headers: await headersFor(who, baseURL!), maxRedirects: 0 })
			expect(response.status(), `${who} GET ${path}`).toBe(route.get[who])
		}
	})
	if (route.post) {
		const post = route.post
		test(`POST ${id} answers each site and group role as expected`, async ({ request, baseURL }) => {
			const path = route.path(groupFixture!)
			for (const who of [...EVERYONE, ...GROUP_WHO]) {
				const response = await request.post(path, { form: post.form(), headers: await headersFor(who, baseURL!), maxRedirects: 0 })
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
	const groupRoutes = Object.values(GROUP_MATRIX).map((route) => ({ ...route, path: route.path(groupFixture!) }))
	for (const route of [...Object.values(MATRIX), ...groupRoutes]) {
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
	expect(await db`select 1 from sign_in_failures where key in ${db(emails.map((e) => `account:${e}`))}`).toHaveLength(0)
	expect(await db<{ id: string }[]>`select id from sessions where user_id = ${admin} order by id`).toEqual(sessionsBefore)
	// Each refusal is in the audit log.
	const [{ count: deniedAfter }] = (await db`
		select count(*)::int as count from audit_events where event = 'request_denied' and ip = ${clientIp}
	`) as unknown as [{ count: number }]
	expect(deniedAfter - deniedBefore).toBe(requests)
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
