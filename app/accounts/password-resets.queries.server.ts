/** Password reset tokens: single use, one hour, one live link per account. */
import { sql } from '#db/client.server.ts'
import { inTransaction, type Queryable } from '#db/sql.server.ts'
import { createToken, hashToken } from '#app/auth/tokens.server.ts'

export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000

/**
 * A new reset link for the account, replacing any live one: at most one
 * link works at a time (a unique index on live links, migration 0012), so
 * twenty requests leave one live token, not twenty-one.
 */
export async function createPasswordReset(userId: string, db: Queryable = sql): Promise<string> {
	const { token, tokenHash } = createToken()
	await db`
		insert into password_resets (token_hash, user_id, expires_at)
		values (${tokenHash}, ${userId}, ${new Date(Date.now() + PASSWORD_RESET_TTL_MS)})
		on conflict (user_id) where used_at is null do update set
			token_hash = excluded.token_hash, expires_at = excluded.expires_at, created_at = now()
	`
	return token
}

/** The user a reset link belongs to, while it is unused, unexpired and the account active. */
export async function getPasswordResetUser(token: string): Promise<{ userId: string; email: string } | null> {
	const [row] = await sql<{ userId: string; email: string }[]>`
		select r.user_id, u.email
		from password_resets r join users u on u.id = r.user_id
		where r.token_hash = ${hashToken(token)} and r.used_at is null and r.expires_at > now() and u.deactivated_at is null
	`
	return row ?? null
}

/**
 * Uses the token up, with every other outstanding link of its account,
 * atomically (its own transaction, or a savepoint in the caller's). The
 * account it belongs to, or null when the link is invalid or someone used
 * it first.
 */
export async function usePasswordReset(token: string, db: Queryable = sql): Promise<{ userId: string; email: string } | null> {
	return inTransaction(db, async (tx) => {
		const [used] = await tx<{ userId: string; email: string }[]>`
			update password_resets r set used_at = now()
			from users u
			where r.token_hash = ${hashToken(token)} and r.used_at is null and r.expires_at > now()
				and u.id = r.user_id and u.deactivated_at is null
			returning r.user_id, u.email
		`
		if (!used) return null
		// Every other outstanding link for that account dies with it.
		await tx`update password_resets set used_at = now() where used_at is null and user_id = ${used.userId}`
		return used
	})
}

/** Marks the token used; false when someone used it first. */
export async function consumePasswordReset(token: string, db: Queryable = sql): Promise<boolean> {
	return (await usePasswordReset(token, db)) !== null
}
