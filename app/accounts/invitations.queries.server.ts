/** Invitations: single-use, expiring links that create a member's account. */
import { sql } from '#db/client.server.ts'
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

export async function createInvitation({
	email,
	name,
	role,
	lang,
	invitedBy,
}: {
	email: string
	name: string
	role: Role
	lang: Lang
	invitedBy: string
}): Promise<{ token: string; id: string }> {
	const { token, tokenHash } = createToken()
	const [row] = await sql<{ id: string }[]>`
		insert into invitations (token_hash, email, name, role, lang, invited_by, expires_at)
		values (${tokenHash}, ${email.toLowerCase()}, ${name}, ${role}, ${lang}, ${invitedBy}, ${new Date(Date.now() + INVITATION_TTL_MS)})
		returning id::text as id
	`
	return { token, id: row!.id }
}

/** The invitation a link's token opens, if it is unused and unexpired. */
export async function getPendingInvitation(token: string): Promise<PendingInvitation | null> {
	const [row] = await sql<PendingInvitation[]>`
		select id::text as id, email, name, role, lang, expires_at
		from invitations
		where token_hash = ${hashToken(token)} and accepted_at is null and expires_at > now()
	`
	return row ?? null
}

export async function listPendingInvitations(): Promise<PendingInvitation[]> {
	return sql<PendingInvitation[]>`
		select id::text as id, email, name, role, lang, expires_at
		from invitations where accepted_at is null and expires_at > now()
		order by created_at desc
	`
}

/**
 * Creates the account an invitation promised and uses the invitation up, in
 * one transaction: two clicks on the same link create one account.
 */
export async function acceptInvitation({
	token,
	name,
	passwordHash,
}: {
	token: string
	name: string
	passwordHash: string
}): Promise<{ ok: true; userId: string; email: string } | { ok: false; reason: 'invalid' | 'email-taken' }> {
	return sql.begin(async (tx) => {
		const [invitation] = await tx<{ id: string; email: string; role: Role; lang: Lang }[]>`
			update invitations set accepted_at = now()
			where token_hash = ${hashToken(token)} and accepted_at is null and expires_at > now()
			returning id::text as id, email, role, lang
		`
		if (!invitation) return { ok: false, reason: 'invalid' } as const
		const [taken] = await tx`select 1 from users where email = ${invitation.email}`
		if (taken) {
			// Leave the invitation unused: an admin may have to sort this out.
			await tx`update invitations set accepted_at = null where id = ${invitation.id}`
			return { ok: false, reason: 'email-taken' } as const
		}
		const userId = await createUser(
			{ email: invitation.email, name, role: invitation.role, passwordHash, lang: invitation.lang, timeZone: DEFAULT_TIME_ZONE[invitation.lang] },
			tx,
		)
		return { ok: true, userId, email: invitation.email } as const
	})
}
