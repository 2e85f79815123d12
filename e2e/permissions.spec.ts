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
}

function routeFiles() {
	return readdirSync(ROUTES_DIR)
		.filter((file) => /\.tsx?$/.test(file) && !file.includes('.test.'))
		.map((file) => ({ id: file.replace(/\.tsx?$/, ''), source: readFileSync(path.join(ROUTES_DIR, file), 'utf8') }))
}

const users = new Map<Role, string>()
test.beforeAll(async () => {
	for (const role of ROLES) users.set(role, (await createUser({ role })).id)
})

/** A fresh session per request: some requests (sign-out) end the one they use. */
async function headersFor(who: Who, baseURL: string): Promise<Record<string, string>> {
	const headers: Record<string, string> = { Origin: baseURL }
	if (who !== 'anonymous') headers.Cookie = `${SESSION_COOKIE}=${await createSessionToken(users.get(who)!)}`
	return headers
}

test('every route is in the matrix, and every route with an action has a POST case', () => {
	const files = routeFiles()
	expect(files.map((f) => f.id).sort()).toEqual(Object.keys(MATRIX).sort())
	for (const file of files) {
		const hasAction = /export (async )?function action\b|export const action\b/.test(file.source)
		expect(Boolean(MATRIX[file.id]!.post), `${file.id}: action ${hasAction ? 'without' : 'not expected but'} a POST case`).toBe(hasAction)
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
	for (const route of Object.values(MATRIX)) {
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
