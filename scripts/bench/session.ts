/**
 * A signed-in editor for the bench's member pages, the way e2e/fixtures.ts
 * signs users in: a session row for a token's hash (generated users have
 * no password to sign in with).
 */
import { createHash, randomBytes } from 'node:crypto'
import type postgres from 'postgres'
import { benchUserId } from './dataset.ts'

/** The production cookie name (app/auth/session.server.ts): the bench runs the production build. */
const SESSION_COOKIE = '__Host-zevlab_session'
const SESSION_TTL_MS = 8 * 60 * 60 * 1000

/** Signs in the first generated user (an editor); returns the Cookie header that carries the session. */
export async function signInBenchEditor(sql: postgres.Sql): Promise<string> {
	const token = randomBytes(32).toString('base64url')
	const expires = new Date(Date.now() + SESSION_TTL_MS)
	await sql`
		insert into sessions (id, user_id, expires_at, absolute_expires_at)
		values (${createHash('sha256').update(token).digest('hex')}, ${benchUserId(1)}, ${expires}, ${expires})
	`
	return `${SESSION_COOKIE}=${token}`
}
