/**
 * Session rows in plain SQL, so that an account operation can start or end
 * sessions inside its own transaction (lucia's adapter has its own pool and
 * cannot join one). The rows are exactly what lucia reads: `id` is the
 * SHA-256 of the cookie's token, `expires_at` the sliding idle expiry,
 * `absolute_expires_at` the hard limit. Lucia still validates requests and
 * makes cookies (session.server.ts).
 */
import { sql } from '#db/client.server.ts'
import type { Queryable } from '#db/sql.server.ts'
import { createToken } from './tokens.server.ts'

export const SESSION_IDLE_TTL_MS = 8 * 60 * 60 * 1000
export const SESSION_ABSOLUTE_TTL_MS = 7 * 24 * 60 * 60 * 1000
/** Enough to tell browsers apart on the account page; a header can be much longer. */
const USER_AGENT_MAX_LENGTH = 300

export interface ActiveSession {
	id: string
	createdAt: Date | null
	expiresAt: Date
	ip: string | null
	userAgent: string | null
}

/** Writes a new session row; the token goes into the cookie, only its hash into the database. */
export async function insertSession(
	{ userId, ip, userAgent }: { userId: string; ip: string | null; userAgent: string | null },
	db: Queryable = sql,
): Promise<{ token: string; sessionId: string }> {
	const { token, tokenHash: sessionId } = createToken()
	const now = Date.now()
	await db`
		insert into sessions (id, user_id, expires_at, absolute_expires_at, ip, user_agent)
		values (${sessionId}, ${userId}, ${new Date(now + SESSION_IDLE_TTL_MS)}, ${new Date(now + SESSION_ABSOLUTE_TTL_MS)},
			${ip}, ${userAgent?.slice(0, USER_AGENT_MAX_LENGTH) ?? null})
	`
	return { token, sessionId }
}

export async function deleteSession(sessionId: string, db: Queryable = sql): Promise<void> {
	await db`delete from sessions where id = ${sessionId}`
}

/** Ends every session of a user, or every one but `exceptSessionId`; how many it ended. */
export async function deleteUserSessions(
	{ userId, exceptSessionId = null }: { userId: string; exceptSessionId?: string | null },
	db: Queryable = sql,
): Promise<number> {
	const rows = await db`
		delete from sessions
		where user_id = ${userId} ${exceptSessionId ? db`and id <> ${exceptSessionId}` : db``}
		returning id
	`
	return rows.length
}

/** A user's live sessions, newest first (what the account page lists). */
export async function listUserSessions(userId: string, db: Queryable = sql): Promise<ActiveSession[]> {
	return db<ActiveSession[]>`
		select id, created_at, expires_at, ip, user_agent
		from sessions
		where user_id = ${userId} and expires_at > now() and absolute_expires_at > now()
		order by created_at desc, id
	`
}
