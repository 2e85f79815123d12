/**
 * Fixtures for the e2e suite: direct database access (users and sessions are
 * created in SQL, not through the UI, except where the UI is under test),
 * a signed-in browser per role, and a client address per test so sign-in
 * throttling in one test never locks out another.
 */
import { createHash, randomBytes } from 'node:crypto'
import { test as base, expect, type APIRequestContext, type BrowserContext } from '@playwright/test'
import postgres from 'postgres'
import { hashPassword } from '#app/auth/password.server.ts'

export { expect }

export type Role = 'admin' | 'editor' | 'researcher' | 'official'
export const ROLES: Role[] = ['admin', 'editor', 'researcher', 'official']

/** The production server's cookie (NODE_ENV=production in e2e). */
export const SESSION_COOKIE = '__Host-zevlab_session'
const SESSION_IDLE_MS = 8 * 60 * 60 * 1000
const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000

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

export async function createUser({ role, lang = 'en', name }: { role: Role; lang?: 'en' | 'zh'; name?: string }): Promise<TestUser> {
	const id = randomBytes(12).toString('base64url')
	const email = `${role}-${id.toLowerCase()}@e2e.example`
	passwordHash ??= hashPassword(FIXTURE_PASSWORD)
	const displayName = name ?? `E2E ${role} ${id.slice(0, 6)}`
	await getDb()`
		insert into users (id, email, name, role, password_hash, lang, time_zone)
		values (${id}, ${email}, ${displayName}, ${role}, ${await passwordHash}, ${lang}, 'America/Los_Angeles')
	`
	return { id, email, name: displayName, role, password: FIXTURE_PASSWORD }
}

/** A session row as the server makes them: only the token's SHA-256 is stored. */
export async function createSessionToken(userId: string): Promise<string> {
	const token = randomBytes(32).toString('base64url')
	const id = createHash('sha256').update(token).digest('hex')
	await getDb()`
		insert into sessions (id, user_id, expires_at, absolute_expires_at)
		values (${id}, ${userId}, ${new Date(Date.now() + SESSION_IDLE_MS)}, ${new Date(Date.now() + SESSION_ABSOLUTE_MS)})
	`
	return token
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
export async function waitForEmail(to: string, { kind }: { kind: 'invitation' | 'password_reset' | 'review_request' }): Promise<{ subject: string; body: string; link: string }> {
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
