/**
 * What the account pages show, read for their loaders: routes get page
 * data from here rather than from the data modules.
 */
import type { Lang } from '#app/i18n/config.ts'
import { formatDate, formatDateTime } from '#app/i18n/format.ts'
import type { SessionUser } from '#app/auth/session.server.ts'
import { listUserSessions } from '#app/auth/sessions.queries.server.ts'
import { getPendingInvitation, listPendingInvitations } from './invitations.queries.server.ts'
import { getPasswordResetUser } from './password-resets.queries.server.ts'
import { listUsers } from './users.queries.server.ts'

/** The zones a member may choose: the same for every request. */
const TIME_ZONES = Intl.supportedValuesOf('timeZone')

/** The member's own account page: profile, and the sessions signed in with it. */
export async function getAccountPage({ lang, user, sessionId }: { lang: Lang; user: SessionUser; sessionId: string }) {
	const sessions = await listUserSessions(user.id)
	return {
		user: { name: user.name, email: user.email, role: user.role, lang: user.lang, timeZone: user.timeZone },
		timeZones: TIME_ZONES,
		sessions: sessions.map((s) => ({
			id: s.id,
			current: s.id === sessionId,
			started: s.createdAt ? formatDateTime(lang, s.createdAt, { timeZone: user.timeZone }) : null,
			ip: s.ip,
			userAgent: s.userAgent,
		})),
	}
}
export type AccountPageData = Awaited<ReturnType<typeof getAccountPage>>

/** Members shown at once on the admin's page; a search finds the others. */
export const ADMIN_USERS_SHOWN = 100
/** Longer than any email or name the portal stores. */
const USER_QUERY_MAX_CHARS = 254

/** Members (the first ADMIN_USERS_SHOWN, or those matching `?q=`) and pending invitations, for an admin. */
export async function getAdminUsersPage({ lang, viewer, searchParams }: { lang: Lang; viewer: SessionUser; searchParams: URLSearchParams }) {
	const query = (searchParams.get('q') ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, USER_QUERY_MAX_CHARS) || null
	const [users, invitations] = await Promise.all([listUsers({ query, limit: ADMIN_USERS_SHOWN }), listPendingInvitations()])
	return {
		me: { id: viewer.id, role: viewer.role },
		query,
		total: users.total,
		users: users.rows.map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role, active: !u.deactivatedAt })),
		invitations: invitations.map((i) => ({
			id: i.id,
			email: i.email,
			role: i.role,
			expires: formatDate(lang, i.expiresAt, { timeZone: viewer.timeZone }),
		})),
	}
}
export type AdminUsersPageData = Awaited<ReturnType<typeof getAdminUsersPage>>

/** The account a reset link is for, while the link works. */
export async function findPasswordReset(token: string): Promise<{ email: string } | null> {
	const reset = await getPasswordResetUser(token)
	return reset ? { email: reset.email } : null
}

/** What an invitation link offers, while it works. */
export async function findInvitation(token: string) {
	const invitation = await getPendingInvitation(token)
	return invitation ? { email: invitation.email, name: invitation.name, role: invitation.role } : null
}
