/** Invitations: single-use, expiring links that create a member's account. */
import { sql } from '#db/client.server.ts'
import { inTransaction, type Queryable } from '#db/sql.server.ts'
import { DEFAULT_TIME_ZONE, type Lang } from '#app/i18n/config.ts'
import type { Role } from '#app/auth/permissions.ts'
import { createToken, hashToken } from '#app/auth/tokens.server.ts'
import { createUser } from './users.queries.server.ts'

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000

export interface PendingInvitation {
	id: string
	email: string
	name: string
	role: Role
	lang: Lang
	expiresAt: Date
}

export async function createInvitation(
	{ email, name, role, lang, invitedBy }: { email: string; name: string; role: Role; lang: Lang; invitedBy: string },
	db: Queryable = sql,
): Promise<{ token: string; id: string; expiresAt: Date }> {
	const { token, tokenHash } = createToken()
	const expiresAt = new Date(Date.now() + INVITATION_TTL_MS)
	const [row] = await db<{ id: string }[]>`
		insert into invitations (token_hash, email, name, role, lang, invited_by, expires_at)
		values (${tokenHash}, ${email.toLowerCase()}, ${name}, ${role}, ${lang}, ${invitedBy}, ${expiresAt})
		returning id::text as id
	`
	return { token, id: row!.id, expiresAt }
}

/** The invitation a link's token opens, if it is unused and unexpired. */
export async function getPendingInvitation(token: string, db: Queryable = sql): Promise<PendingInvitation | null> {
	const [row] = await db<PendingInvitation[]>`
		select id::text as id, email, name, role, lang, expires_at
		from invitations
		where token_hash = ${hashToken(token)} and accepted_at is null and revoked_at is null and expires_at > now()
	`
	return row ?? null
}

export async function listPendingInvitations(): Promise<PendingInvitation[]> {
	return sql<PendingInvitation[]>`
		select id::text as id, email, name, role, lang, expires_at
		from invitations where accepted_at is null and revoked_at is null and expires_at > now()
		order by created_at desc
	`
}

export type RedeemedInvitation =
	| { ok: true; userId: string; email: string }
	| { ok: false; reason: 'invalid' | 'email-taken' }

/**
 * Creates the account an invitation promised and uses the invitation up,
 * atomically (its own transaction, or a savepoint in the caller's): two
 * clicks on the same link create one account.
 */
export async function redeemInvitation(
	{ token, name, passwordHash }: { token: string; name: string; passwordHash: string },
	db: Queryable = sql,
): Promise<RedeemedInvitation> {
	return inTransaction(db, async (tx) => {
		const [invitation] = await tx<{ id: string; email: string; role: Role; lang: Lang }[]>`
			update invitations set accepted_at = now()
			where token_hash = ${hashToken(token)} and accepted_at is null and revoked_at is null and expires_at > now()
			returning id::text as id, email, role, lang
		`
		if (!invitation) return { ok: false, reason: 'invalid' } as const
		const userId = await createUser(
			{
				email: invitation.email,
				name,
				role: invitation.role,
				passwordHash,
				lang: invitation.lang,
				timeZone: DEFAULT_TIME_ZONE[invitation.lang],
				ifEmailTaken: 'skip',
			},
			tx,
		)
		if (!userId) {
			// Leave the invitation unused: an admin may have to sort this out.
			await tx`update invitations set accepted_at = null where id = ${invitation.id}`
			return { ok: false, reason: 'email-taken' } as const
		}
		return { ok: true, userId, email: invitation.email } as const
	})
}

/** Ends a pending invitation: its link stops working. Null when it is not pending (used, expired, revoked, unknown). */
export async function revokePendingInvitation(id: string, db: Queryable = sql): Promise<PendingInvitation | null> {
	if (!/^\d{1,18}$/.test(id)) return null
	const [row] = await db<PendingInvitation[]>`
		update invitations set revoked_at = now()
		where id = ${id} and accepted_at is null and revoked_at is null and expires_at > now()
		returning id::text as id, email, name, role, lang, expires_at
	`
	return row ?? null
}

/**
 * A new link for a pending invitation (the old one stops working: only a
 * token's hash is stored, so an old link cannot be shown again), valid for
 * a full period from now. Null when the invitation is not pending.
 */
export async function renewInvitationToken(
	id: string,
	db: Queryable = sql,
): Promise<(PendingInvitation & { token: string }) | null> {
	if (!/^\d{1,18}$/.test(id)) return null
	const { token, tokenHash } = createToken()
	const expiresAt = new Date(Date.now() + INVITATION_TTL_MS)
	const [row] = await db<PendingInvitation[]>`
		update invitations set token_hash = ${tokenHash}, expires_at = ${expiresAt}
		where id = ${id} and accepted_at is null and revoked_at is null and expires_at > now()
		returning id::text as id, email, name, role, lang, expires_at
	`
	return row ? { ...row, token } : null
}
