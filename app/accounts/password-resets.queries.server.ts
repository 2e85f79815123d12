/** Password reset tokens: single use, one hour. */
import { sql } from '#db/client.server.ts'
import { createToken, hashToken } from '#app/auth/tokens.server.ts'

export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000

export async function createPasswordReset(userId: string): Promise<string> {
	const { token, tokenHash } = createToken()
	await sql`
		insert into password_resets (token_hash, user_id, expires_at)
		values (${tokenHash}, ${userId}, ${new Date(Date.now() + PASSWORD_RESET_TTL_MS)})
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

/** Marks the token used; false when someone used it first. */
export async function consumePasswordReset(token: string): Promise<boolean> {
	const rows = await sql`
		update password_resets set used_at = now()
		where token_hash = ${hashToken(token)} and used_at is null and expires_at > now()
			and user_id in (select id from users where deactivated_at is null)
		returning 1
	`
	if (rows.length === 0) return false
	// Every other outstanding link for that account dies with it.
	await sql`
		update password_resets set used_at = now()
		where used_at is null and user_id = (select user_id from password_resets where token_hash = ${hashToken(token)})
	`
	return true
}
