/**
 * Members' accounts. Passwords arrive here already hashed. `createUser` is
 * the one place a user row is made: invitations, the demo accounts, the
 * first admin and the e2e fixtures all call it. Functions that an account
 * operation calls inside its transaction take `db`.
 */
import { sql } from '#db/client.server.ts'
import type { Queryable } from '#db/sql.server.ts'
import type { Lang } from '#app/i18n/config.ts'
import type { Role } from '#app/auth/permissions.ts'
import { createUserId } from '#app/auth/tokens.server.ts'

export interface UserRow {
	id: string
	email: string
	name: string
	role: Role
	lang: Lang
	timeZone: string
	deactivatedAt: Date | null
	createdAt: Date
}

export interface NewUser {
	email: string
	name: string
	role: Role
	passwordHash: string
	lang: Lang
	timeZone: string
	/** Institution shown beside the name on group pages (optional). */
	affiliation?: string | null
}

/** Who an admin acted on, for the page's notice. */
export interface UserNameAndEmail {
	email: string
	name: string
}

export class EmailTakenError extends Error {
	constructor(email: string) {
		super(`An account with the email ${email} already exists`)
		this.name = 'EmailTakenError'
	}
}

/**
 * Creates an account and returns its id. When the email already has an
 * account: throws EmailTakenError, or with `ifEmailTaken: 'skip'` returns
 * null and changes nothing (`on conflict`, so a concurrent insert of the
 * same email is no error and does not abort the caller's transaction).
 */
export async function createUser(user: NewUser & { ifEmailTaken?: 'throw' }, db?: Queryable): Promise<string>
export async function createUser(user: NewUser & { ifEmailTaken: 'skip' }, db?: Queryable): Promise<string | null>
export async function createUser(
	{ ifEmailTaken = 'throw', ...user }: NewUser & { ifEmailTaken?: 'throw' | 'skip' },
	db: Queryable = sql,
): Promise<string | null> {
	const email = user.email.toLowerCase()
	const rows = await db<{ id: string }[]>`
		insert into users (id, email, name, role, password_hash, lang, time_zone, affiliation)
		values (${createUserId()}, ${email}, ${user.name}, ${user.role}, ${user.passwordHash}, ${user.lang}, ${user.timeZone}, ${user.affiliation ?? null})
		on conflict (email) do nothing
		returning id
	`
	const id = rows[0]?.id ?? null
	if (!id && ifEmailTaken === 'throw') throw new EmailTakenError(email)
	return id
}

/** For sign-in only: the one query that reads a password hash by email. */
export async function getUserCredentialsByEmail(email: string) {
	const [user] = await sql<{ id: string; passwordHash: string; deactivatedAt: Date | null; lang: Lang }[]>`
		select id, password_hash, deactivated_at, lang from users where email = ${email.toLowerCase()}
	`
	return user ?? null
}

export async function getPasswordHash(userId: string, db: Queryable = sql): Promise<string | null> {
	const [row] = await db<{ passwordHash: string }[]>`select password_hash from users where id = ${userId}`
	return row?.passwordHash ?? null
}

/**
 * Whether the account is active and its password hash is still the one a
 * password was checked against; locks the row until the transaction ends,
 * so a password change or reset running at the same time waits for it, or
 * it for them. (`no key update`: session rows that reference the user can
 * still be inserted meanwhile.)
 */
export async function lockActiveCredentials({ userId, passwordHash }: { userId: string; passwordHash: string }, db: Queryable) {
	const rows = await db`
		select 1 from users where id = ${userId} and password_hash = ${passwordHash} and deactivated_at is null
		for no key update
	`
	return rows.length > 0
}

export async function getActiveUserByEmail(email: string, db: Queryable = sql) {
	const [user] = await db<{ id: string; name: string; lang: Lang }[]>`
		select id, name, lang from users where email = ${email.toLowerCase()} and deactivated_at is null
	`
	return user ?? null
}

/** Whether any active admin exists (a deployment's first admin is created only when none does). */
export async function hasActiveAdmin(db: Queryable = sql): Promise<boolean> {
	const rows = await db`select 1 from users where role = 'admin' and deactivated_at is null limit 1`
	return rows.length > 0
}

/**
 * Members in the admin's list: active first, by name; those whose name or
 * email contains `query` when there is one; at most `limit`, with how many
 * match in all.
 */
export async function listUsers({ query, limit }: { query: string | null; limit: number }): Promise<{ rows: UserRow[]; total: number }> {
	// `%` and `_` typed in the search are themselves, not patterns.
	const pattern = query ? `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
	const where = pattern ? sql`where email ilike ${pattern} or name ilike ${pattern}` : sql``
	const [rows, [count]] = await Promise.all([
		sql<UserRow[]>`
			select id, email, name, role, lang, time_zone, deactivated_at, created_at
			from users ${where} order by deactivated_at nulls first, lower(name), email limit ${limit}
		`,
		sql<{ total: number }[]>`select count(*)::int as total from users ${where}`,
	])
	return { rows, total: count?.total ?? 0 }
}

/** False when there is no such user. */
export async function setProfile(
	{ userId, name, lang, timeZone }: { userId: string; name: string; lang: Lang; timeZone: string },
	db: Queryable = sql,
): Promise<boolean> {
	const rows = await db`
		update users set name = ${name}, lang = ${lang}, time_zone = ${timeZone}, updated_at = now() where id = ${userId}
		returning id
	`
	return rows.length > 0
}

/**
 * Sets a new password hash. With `replacing`, only while the stored hash is
 * still that one (a compare-and-set: a password changed meanwhile is not
 * overwritten); false when nothing was set.
 */
export async function setPasswordHash(
	{ userId, passwordHash, replacing }: { userId: string; passwordHash: string; replacing?: string },
	db: Queryable = sql,
): Promise<boolean> {
	const rows = await db`
		update users set password_hash = ${passwordHash}, updated_at = now()
		where id = ${userId} ${replacing === undefined ? db`` : db`and password_hash = ${replacing}`}
		returning id
	`
	return rows.length > 0
}

/** The user's role before the change, with whom it was; null when there is no such user. */
export async function setRole(
	{ userId, role }: { userId: string; role: Role },
	db: Queryable = sql,
): Promise<(UserNameAndEmail & { previousRole: Role }) | null> {
	const [row] = await db<(UserNameAndEmail & { previousRole: Role })[]>`
		update users u set role = ${role}, updated_at = now()
		from (select id, role from users where id = ${userId} for update) old
		where u.id = old.id
		returning old.role as previous_role, u.email, u.name
	`
	return row ?? null
}

/** Null when there is no such user. */
export async function setDeactivated(
	{ userId, deactivated }: { userId: string; deactivated: boolean },
	db: Queryable = sql,
): Promise<UserNameAndEmail | null> {
	const [row] = await db<UserNameAndEmail[]>`
		update users set deactivated_at = ${deactivated ? db`now()` : null}, updated_at = now()
		where id = ${userId} returning email, name
	`
	return row ?? null
}

/** Active members with one of these roles (who to notify of a review request, say). */
export async function listActiveUsersWithRoles(roles: Role[]): Promise<UserRow[]> {
	return sql<UserRow[]>`
		select id, email, name, role, lang, time_zone, deactivated_at, created_at
		from users where role in ${sql(roles)} and deactivated_at is null
		order by lower(name), email
	`
}
