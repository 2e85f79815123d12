/**
 * Members' calendar-feed secrets. Calendar apps send no cookies, so a
 * private group's feed URL carries a secret; only its SHA-256 is stored
 * (app/auth/tokens.server.ts), one per member, and making a new one
 * replaces (so revokes) the old.
 */
import { sql } from '#db/client.server.ts'
import type { Queryable } from '#db/sql.server.ts'
import type { Role } from '#app/auth/permissions.ts'

export async function replaceCalendarToken({ userId, tokenHash, now }: { userId: string; tokenHash: string; now: Date }, db: Queryable = sql) {
	await db`
		insert into calendar_feed_tokens (user_id, token_hash, created_at) values (${userId}, ${tokenHash}, ${now})
		on conflict (user_id) do update set token_hash = excluded.token_hash, created_at = excluded.created_at
	`
}

/** When the member made their current secret, or null when they have none. */
export async function getCalendarTokenCreatedAt(userId: string): Promise<Date | null> {
	const [row] = await sql<{ createdAt: Date }[]>`select created_at from calendar_feed_tokens where user_id = ${userId}`
	return row?.createdAt ?? null
}

/** The active account whose secret hashes to `tokenHash`, or null. */
export async function findCalendarTokenOwner(tokenHash: string): Promise<{ id: string; role: Role } | null> {
	const [row] = await sql<{ id: string; role: Role }[]>`
		select u.id, u.role from calendar_feed_tokens c join users u on u.id = c.user_id
		where c.token_hash = ${tokenHash} and u.deactivated_at is null
	`
	return row ?? null
}
