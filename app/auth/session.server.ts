/**
 * Sessions: the only module that imports lucia (docs/decisions/007). The
 * cookie carries a random token; the database stores only its SHA-256, used
 * as lucia's session id. Sessions expire after SESSION_IDLE_TTL_MS without
 * use (sliding: lucia extends a session once half of that has passed) and
 * SESSION_ABSOLUTE_TTL_MS after sign-in, whatever happens.
 *
 * Lucia validates requests and makes cookies. Rows are written and deleted
 * by sessions.queries.server.ts, so that the functions here that change
 * rows can join an account operation's transaction (`db`).
 */
import { PostgresJsAdapter } from '@lucia-auth/adapter-postgresql'
import { Lucia, TimeSpan, type DatabaseSession, type DatabaseUser } from 'lucia'
import type postgres from 'postgres'
import { createGuardedSql } from '#db/guarded-sql.server.ts'
import type { Queryable } from '#db/sql.server.ts'
import type { Lang } from '#app/i18n/config.ts'
import type { Role } from './permissions.ts'
import { hashToken } from './tokens.server.ts'
import {
	deleteSession,
	deleteUserSessions,
	insertSession,
	SESSION_IDLE_TTL_MS,
	type ActiveSession,
} from './sessions.queries.server.ts'

export { SESSION_ABSOLUTE_TTL_MS, SESSION_IDLE_TTL_MS, type ActiveSession } from './sessions.queries.server.ts'
/** The adapter's own small pool: it needs snake_case rows (no camel transform). */
const ADAPTER_POOL_MAX_CONNECTIONS = 4

const production = process.env.NODE_ENV === 'production'
/** `__Host-` binds the cookie to this host, HTTPS and path `/`. */
export const SESSION_COOKIE_NAME = production ? '__Host-zevlab_session' : 'zevlab_session'

interface DatabaseUserAttributes {
	email: string
	name: string
	role: Role
	lang: Lang
	time_zone: string
	deactivated_at: Date | null
}
interface DatabaseSessionAttributes {
	absolute_expires_at: Date
	created_at?: Date
	ip: string | null
	user_agent: string | null
}

declare global {
	var __zevAuthSql: postgres.Sql | undefined
}

/**
 * Lucia's adapter, reading a session and its user in one query (the
 * adapter's own runs two on every request) and only the columns the portal
 * uses: never the password hash.
 */
class SessionAdapter extends PostgresJsAdapter {
	readonly #sql: postgres.Sql

	constructor(sql: postgres.Sql) {
		super(sql, { user: 'users', session: 'sessions' })
		this.#sql = sql
	}

	override async getSessionAndUser(sessionId: string): Promise<[session: DatabaseSession | null, user: DatabaseUser | null]> {
		const [row] = await this.#sql<(DatabaseSessionAttributes & DatabaseUserAttributes & { id: string; user_id: string; expires_at: Date })[]>`
			select s.id, s.user_id, s.expires_at, s.absolute_expires_at, s.created_at, s.ip, s.user_agent,
				u.email, u.name, u.role, u.lang, u.time_zone, u.deactivated_at
			from sessions s join users u on u.id = s.user_id
			where s.id = ${sessionId}
		`
		if (!row) return [null, null]
		return [
			{
				id: row.id,
				userId: row.user_id,
				expiresAt: row.expires_at,
				attributes: { absolute_expires_at: row.absolute_expires_at, created_at: row.created_at, ip: row.ip, user_agent: row.user_agent },
			},
			{
				id: row.user_id,
				attributes: { email: row.email, name: row.name, role: row.role, lang: row.lang, time_zone: row.time_zone, deactivated_at: row.deactivated_at },
			},
		]
	}
}

function createLucia() {
	const url = process.env.DATABASE_URL
	if (!url) throw new Error('DATABASE_URL is not set')
	// Guarded like the app's pool (db/guarded-sql.server.ts): deadlines, fail fast in an outage;
	// without the camelCase transform, since the adapter reads snake_case rows.
	const sql = (globalThis.__zevAuthSql ??= createGuardedSql(url, { max: ADAPTER_POOL_MAX_CONNECTIONS, transform: undefined }))
	return new Lucia(new SessionAdapter(sql), {
		sessionExpiresIn: new TimeSpan(SESSION_IDLE_TTL_MS / 1000, 's'),
		sessionCookie: {
			name: SESSION_COOKIE_NAME,
			expires: true,
			attributes: { secure: production, sameSite: 'lax', path: '/' },
		},
		getUserAttributes: (attributes) => ({
			email: attributes.email,
			name: attributes.name,
			role: attributes.role,
			lang: attributes.lang,
			timeZone: attributes.time_zone,
			deactivatedAt: attributes.deactivated_at,
		}),
		getSessionAttributes: (attributes) => ({
			absoluteExpiresAt: attributes.absolute_expires_at,
			createdAt: attributes.created_at ?? null,
			ip: attributes.ip,
			userAgent: attributes.user_agent,
		}),
	})
}

let lucia: ReturnType<typeof createLucia> | undefined
function getLucia() {
	return (lucia ??= createLucia())
}

declare module 'lucia' {
	interface Register {
		Lucia: ReturnType<typeof createLucia>
		DatabaseUserAttributes: DatabaseUserAttributes
		DatabaseSessionAttributes: DatabaseSessionAttributes
	}
}

export type SessionUser = {
	id: string
	email: string
	name: string
	role: Role
	lang: Lang
	timeZone: string
}

/**
 * Starts a session; the returned Set-Cookie value carries the token. Inside
 * a transaction (`db`), the session exists once it commits.
 */
export async function createSession(
	{ userId, ip, userAgent }: { userId: string; ip: string | null; userAgent: string | null },
	db?: Queryable,
): Promise<{ setCookie: string; sessionId: string }> {
	const { token, sessionId } = await insertSession({ userId, ip, userAgent }, db)
	return { setCookie: getLucia().createSessionCookie(token).serialize(), sessionId }
}

/**
 * The session a request's cookie names, or null. When the session slid,
 * `setCookie` renews the cookie's lifetime; send it with the response.
 */
export async function validateRequestSession(request: Request): Promise<{
	user: SessionUser
	session: ActiveSession
	setCookie: string | null
} | null> {
	const token = getLucia().readSessionCookie(request.headers.get('Cookie') ?? '')
	if (!token) return null
	const { session, user } = await getLucia().validateSession(hashToken(token))
	if (!session) return null
	if (user.deactivatedAt || session.absoluteExpiresAt.getTime() <= Date.now()) {
		await getLucia().invalidateSession(session.id)
		return null
	}
	return {
		user: { id: user.id, email: user.email, name: user.name, role: user.role, lang: user.lang, timeZone: user.timeZone },
		session: toActiveSession(session),
		setCookie: session.fresh ? getLucia().createSessionCookie(token).serialize() : null,
	}
}

/** The cookie that makes the browser forget its session. */
export function blankSessionCookie(): string {
	return getLucia().createBlankSessionCookie().serialize()
}

export async function invalidateSession(sessionId: string, db?: Queryable): Promise<void> {
	await deleteSession(sessionId, db)
}

/** Ends every session of a user, or every one but `exceptSessionId`. */
export async function invalidateUserSessions(
	userId: string,
	{ exceptSessionId }: { exceptSessionId?: string } = {},
	db?: Queryable,
): Promise<void> {
	await deleteUserSessions({ userId, exceptSessionId }, db)
}

function toActiveSession(session: {
	id: string
	expiresAt: Date
	createdAt: Date | null
	ip: string | null
	userAgent: string | null
}): ActiveSession {
	return { id: session.id, createdAt: session.createdAt, expiresAt: session.expiresAt, ip: session.ip, userAgent: session.userAgent }
}

/** Closes the adapter's pool (graceful shutdown, tests). */
export async function closeSessionStore(): Promise<void> {
	const sql = globalThis.__zevAuthSql
	globalThis.__zevAuthSql = undefined
	lucia = undefined
	await sql?.end({ timeout: 5 })
}
