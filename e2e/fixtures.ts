/**
 * Fixtures for the e2e suite: direct database access (users and sessions are
 * created through the app's own data functions, not through the UI, except
 * where the UI is under test), a signed-in browser per role, and a client
 * address per test so sign-in throttling in one test never locks out another.
 */
import { randomBytes } from 'node:crypto'
import { test as base, expect, type APIRequestContext, type BrowserContext } from '@playwright/test'
import postgres from 'postgres'
import { createUser as createAccount } from '#app/accounts/users.queries.server.ts'
import { hashPassword } from '#app/auth/password.server.ts'
import { ROLES, type Role } from '#app/auth/permissions.ts'
import { insertSession } from '#app/auth/sessions.queries.server.ts'

// The app's data functions use its own pool (db/client.server.ts), made on
// first use from DATABASE_URL: the e2e database.
process.env.DATABASE_URL ??= process.env.E2E_DATABASE_URL

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

export async function createUser({ role, lang = 'en', name }: { role: Role; lang?: 'en' | 'zh'; name?: string }): Promise<TestUser> {
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
		timeZone: 'America/Los_Angeles',
	})
	return { id, email, name: displayName, role, password: FIXTURE_PASSWORD }
}

/** A session row as the server makes them (the app's own function): only the token's SHA-256 is stored. */
export async function createSessionToken(userId: string): Promise<string> {
	const { token } = await insertSession({ userId, ip: null, userAgent: null })
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
