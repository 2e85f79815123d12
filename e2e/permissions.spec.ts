/**
 * The permission matrix: every route × every role (anonymous included), for
 * GET and, where the route has an action, for POST. A route file that is not
 * in the matrix fails this test, so no route ships unchecked. Routes of a
 * working group or a meeting are checked on a private group, and again on a
 * public one, for the site roles and for the group's roles (lead, member,
 * observer, a researcher outside the group, an official reviewer outside
 * it). Then every state-changing request from another origin is refused and
 * changes nothing. The tables are in ./routes.ts.
 */
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
} from './fixtures.ts'
import { minutesInput, saveMinutes, sendForReview } from './records-content.ts'
import {
	DRAFT_MATRIX,
	DRAFT_WHO,
	EVERYONE,
	EVERYONE_IN_GROUPS,
	GROUP_MATRIX,
	MATRIX,
	routeFiles,
	uniqueEmail,
	type DraftWho,
	type GroupFixture,
	type Who,
} from './routes.ts'

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
 * researcher outside the group, an admin and the public (the table is in
 * ./routes.ts).
 */
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
