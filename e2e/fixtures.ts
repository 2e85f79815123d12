/**
 * Fixtures for the e2e suite: direct database access (users and sessions are
 * created through the app's own data functions, not through the UI, except
 * where the UI is under test), a signed-in browser per role, and a client
 * address per test so sign-in throttling in one test never locks out another.
 */
import { createHash, randomBytes } from 'node:crypto'
import { test as base, expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test'
import postgres from 'postgres'
import { createUser as createAccount } from '#app/accounts/users.queries.server.ts'
import { hashPassword } from '#app/auth/password.server.ts'
import { ROLES, type Role } from '#app/auth/permissions.ts'
import { insertSession } from '#app/auth/sessions.queries.server.ts'
import { findGroupIdBySlug } from '#app/groups/groups.queries.server.ts'
import { changeMembership, createGroup as createGroupAsAdmin } from '#app/groups/operations.server.ts'
import { inspectAttachment } from '#app/meetings/attachments.server.ts'
import { insertAttachment } from '#app/meetings/attachments.queries.server.ts'
import { insertMeeting } from '#app/meetings/meeting-save.queries.server.ts'
import { getStorage } from '#app/media/storage.server.ts'
import { usePoolWithoutDeadline } from '#db/client.server.ts'
import { transaction } from '#db/transaction.server.ts'

// The app's data functions use its own pool (db/client.server.ts), made on
// first use from DATABASE_URL: the e2e database.
process.env.DATABASE_URL ??= process.env.E2E_DATABASE_URL
// A fixture is a client of the portal, not a server: it waits for the database
// however busy the machine is (a request's 1.5 s deadline failed a test in CI).
usePoolWithoutDeadline()
// Meeting attachments made by fixtures go where the e2e server reads them (playwright.config.ts).
process.env.UPLOAD_DIR ??= '.cache/e2e-uploads'

export { expect, ROLES, type Role }

/** The production server's cookie (NODE_ENV=production in e2e). */
export const SESSION_COOKIE = '__Host-zevlab_session'

export interface TestUser {
	id: string
	email: string
	name: string
	role: Role
	password: string
}

let db: postgres.Sql | undefined
export function getDb(): postgres.Sql {
	const url = process.env.E2E_DATABASE_URL
	if (!url) throw new Error('E2E_DATABASE_URL is not set')
	return (db ??= postgres(url, { max: 2, onnotice: () => {} }))
}

let passwordHash: Promise<string> | undefined
/** All fixture users share one password, hashed once per worker. */
export const FIXTURE_PASSWORD = 'correct horse battery staple'

export async function createUser({
	role,
	lang = 'en',
	name,
	affiliation = null,
	timeZone = 'America/Los_Angeles',
}: {
	role: Role
	lang?: 'en' | 'zh'
	name?: string
	affiliation?: string | null
	timeZone?: string
}): Promise<TestUser> {
	const suffix = randomBytes(6).toString('hex')
	const email = `${role}-${suffix}@e2e.example`
	passwordHash ??= hashPassword(FIXTURE_PASSWORD)
	const displayName = name ?? `E2E ${role} ${suffix.slice(0, 6)}`
	const id = await createAccount({
		email,
		name: displayName,
		role,
		passwordHash: await passwordHash,
		lang,
		timeZone,
		affiliation,
	})
	return { id, email, name: displayName, role, password: FIXTURE_PASSWORD }
}

/** A session row as the server makes them (the app's own function): only the token's SHA-256 is stored. */
export async function createSessionToken(userId: string): Promise<string> {
	const { token } = await insertSession({ userId, ip: null, userAgent: null })
	return token
}

/** Waits until the page's scripts have run: React hydrated it and ran the first render's effects (app/root.tsx marks it). */
export async function waitForHydration(page: Page) {
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' })
}

export async function signInContext(context: BrowserContext, baseURL: string, userId: string) {
	const token = await createSessionToken(userId)
	// Chromium's cookie API refuses `url` for a Secure cookie on http; a host-only
	// cookie for an IP address is the same thing said with `domain`.
	await context.addCookies([
		{ name: SESSION_COOKIE, value: token, domain: new URL(baseURL).hostname, path: '/', secure: true, httpOnly: true, sameSite: 'Lax' },
	])
	return token
}

/** Headers for API requests as a signed-in user (the API client keeps no Secure cookies over http). */
export function sessionHeaders(token: string | null, baseURL: string): Record<string, string> {
	return { Origin: baseURL, ...(token ? { Cookie: `${SESSION_COOKIE}=${token}` } : {}) }
}

/** The newest email to an address, as the outbox holds it (sent after the response, so wait). */
export async function waitForEmail(to: string, { kind }: { kind: 'invitation' | 'password_reset' | 'review_request' | 'meeting_notice' }): Promise<{ subject: string; body: string; link: string }> {
	const deadline = Date.now() + 10_000
	while (Date.now() < deadline) {
		const [row] = await getDb()<{ subject: string; body_text: string }[]>`
			select subject, body_text from email_outbox where to_email = ${to} and kind = ${kind} order by id desc limit 1
		`
		if (row) {
			const link = /https?:\/\/\S+/.exec(row.body_text)?.[0]
			if (!link) throw new Error(`No link in the email to ${to}`)
			return { subject: row.subject, body: row.body_text, link }
		}
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
	throw new Error(`No ${kind} email to ${to} arrived`)
}

export async function post(request: APIRequestContext, url: string, form: Record<string, string>, headers: Record<string, string>) {
	return request.post(url, { form, headers, maxRedirects: 0 })
}

let ipCounter = 0
export const test = base.extend<{ clientIp: string }>({
	// A distinct client address per test (the e2e server trusts the loopback
	// proxy), so the per-address sign-in limit is per test. TEST-NET-2 range:
	// a header value only, never a destination.
	clientIp: async ({}, use, testInfo) => {
		ipCounter += 1
		await use(`198.51.100.${(testInfo.workerIndex * 50 + ipCounter) % 250 + 1}`)
	},
	extraHTTPHeaders: async ({ clientIp }, use) => {
		await use({ 'X-Forwarded-For': clientIp })
	},
})

/* Working groups and meetings: written through the app's own functions and operations. */

/** The group roles the permission matrix checks, beside the site roles. */
export const GROUP_WHO = ['lead', 'member', 'observer', 'non-member', 'reviewer'] as const
export type GroupWho = (typeof GROUP_WHO)[number]

export interface TestGroup {
	id: string
	slug: string
	name: { en: string; zh: string }
}

/** A group with texts in both languages, created as an admin would (audited). */
export async function createGroup({ visibility, label = 'group' }: { visibility: 'public' | 'private'; label?: string }): Promise<TestGroup> {
	const slug = `e2e-${label}-${randomBytes(4).toString('hex')}`
	const name = { en: `E2E ${label} ${slug.slice(-8)}`, zh: `测试${label === 'private' ? '非公开' : ''}工作组 ${slug.slice(-8)}` }
	const admin = await systemAdmin()
	const created = await createGroupAsAdmin({
		actor: admin,
		ip: '127.0.0.1',
		now: new Date(),
		slug,
		visibility,
		texts: {
			en: { name: name.en, summary: `What ${name.en} works on.`, description: `## Charter\n\nThe ${name.en} charter.` },
			zh: { name: name.zh, summary: `${name.zh}的工作内容。`, description: `## 章程\n\n${name.zh}的章程。` },
		},
	})
	if (!created.ok) throw new Error(`createGroup: ${JSON.stringify(created)}`)
	return { id: (await findGroupIdBySlug(slug))!, slug, name }
}

let admin: Promise<{ id: string; role: Role }> | undefined
/** An admin for fixtures' own operations (one per worker). */
function systemAdmin() {
	admin ??= createUser({ role: 'admin', name: 'E2E fixture admin' }).then((u) => ({ id: u.id, role: u.role }))
	return admin
}

/** Adds a member with a group role, as an admin would on the members page. */
export async function addMember({ group, user, role }: { group: TestGroup; user: { id: string }; role: 'lead' | 'member' | 'observer' }) {
	const result = await changeMembership({ actor: await systemAdmin(), ip: '127.0.0.1', now: new Date(), groupId: group.id, change: { intent: 'add', userId: user.id, role } })
	if (!result.ok) throw new Error(`addMember: ${JSON.stringify(result)}`)
}

/** A group with one user per group role (lead, member, observer), a researcher outside it and an official reviewer outside it. */
export async function createGroupWithRoles({ visibility, lang = 'en' }: { visibility: 'public' | 'private'; lang?: 'en' | 'zh' }) {
	const group = await createGroup({ visibility, label: visibility })
	const people = {
		lead: await createUser({ role: 'researcher', lang, affiliation: 'Institute of Transportation Studies, UC Davis' }),
		member: await createUser({ role: 'researcher', lang, affiliation: '北京新能源汽车政策研究中心（测试）' }),
		observer: await createUser({ role: 'official', lang }),
		'non-member': await createUser({ role: 'researcher', lang }),
		// Named as a reviewer of the group's records by the records feature; outside the group itself.
		reviewer: await createUser({ role: 'official', lang }),
	} satisfies Record<GroupWho, TestUser>
	for (const role of ['lead', 'member', 'observer'] as const) await addMember({ group, user: people[role], role })
	return { group, people }
}

export interface TestMeeting {
	id: string
	title: { en: string; zh: string }
}

/**
 * A meeting as the app stores it (the save the form's operation makes,
 * without its emails: those modules need the app's translations, which
 * the test runner cannot load). `startsAt` may be in the past.
 */
export async function createMeeting({
	group,
	startsAt,
	durationMinutes = 60,
	timeZone = 'America/Los_Angeles',
	attendeeIds = [],
	title,
	agenda = [
		{ titleEn: 'Welcome', titleZh: '欢迎' },
		{ titleEn: 'Charging standards', titleZh: '充电标准' },
	],
	place = 'Room 1103',
	onlineUrl = 'https://meet.example.org/e2e',
}: {
	group: TestGroup
	startsAt: Date
	durationMinutes?: number
	timeZone?: string
	attendeeIds?: string[]
	title?: { en: string; zh: string }
	agenda?: { titleEn: string; titleZh: string }[]
	place?: string
	onlineUrl?: string
}): Promise<TestMeeting> {
	const suffix = randomBytes(3).toString('hex')
	const titles = title ?? { en: `E2E meeting ${suffix}`, zh: `测试会议 ${suffix}` }
	const input = { titles, startsAt, endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000), timeZone, place, onlineUrl, agenda, attendeeIds }
	const actorId = (await systemAdmin()).id
	const id = await transaction((tx) => insertMeeting({ groupId: group.id, input, actorId, now: new Date() }, tx))
	return { id, title: titles }
}

/** Attaches a file to a meeting as the upload does: type from the bytes, stored under its hash, then the row. */
export async function attachFile({ meetingId, bytes, fileName }: { meetingId: string; bytes: Uint8Array; fileName: string }): Promise<string> {
	const inspected = await inspectAttachment({ bytes, fileName })
	if (!inspected.ok) throw new Error(`attachFile: ${inspected.error}`)
	const storageKey = `${createHash('sha256').update(bytes).digest('hex')}.${inspected.extension}`
	await getStorage().put(storageKey, bytes, inspected.contentType)
	return insertAttachment({
		meetingId,
		storageKey,
		contentType: inspected.contentType,
		byteSize: bytes.byteLength,
		fileName: inspected.safeName,
		uploadedBy: (await systemAdmin()).id,
		now: new Date(),
	})
}
