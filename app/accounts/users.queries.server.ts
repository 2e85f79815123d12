/** Members' accounts. Passwords arrive here already hashed. */
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

export async function getUserById(id: string): Promise<UserRow | null> {
	const [user] = await sql<UserRow[]>`
		select id, email, name, role, lang, time_zone, deactivated_at, created_at from users where id = ${id}
	`
	return user ?? null
}

/** For sign-in only: the one query that reads a password hash. */
export async function getUserCredentialsByEmail(email: string) {
	const [user] = await sql<{ id: string; passwordHash: string; deactivatedAt: Date | null; lang: Lang }[]>`
		select id, password_hash, deactivated_at, lang from users where email = ${email.toLowerCase()}
	`
	return user ?? null
}

export async function getPasswordHash(userId: string): Promise<string | null> {
	const [row] = await sql<{ passwordHash: string }[]>`select password_hash from users where id = ${userId}`
	return row?.passwordHash ?? null
}

export async function getActiveUserByEmail(email: string) {
	const [user] = await sql<{ id: string; name: string; lang: Lang }[]>`
		select id, name, lang from users where email = ${email.toLowerCase()} and deactivated_at is null
	`
	return user ?? null
}

export async function listUsers(): Promise<UserRow[]> {
	return sql<UserRow[]>`
		select id, email, name, role, lang, time_zone, deactivated_at, created_at
		from users order by deactivated_at nulls first, lower(name), email
	`
}

export async function createUser(
	user: { email: string; name: string; role: Role; passwordHash: string; lang: Lang; timeZone: string },
	tx: Queryable = sql,
): Promise<string> {
	const id = createUserId()
	await tx`
		insert into users (id, email, name, role, password_hash, lang, time_zone)
		values (${id}, ${user.email.toLowerCase()}, ${user.name}, ${user.role}, ${user.passwordHash}, ${user.lang}, ${user.timeZone})
	`
	return id
}

export async function updateProfile({ userId, name, lang, timeZone }: { userId: string; name: string; lang: Lang; timeZone: string }) {
	await sql`
		update users set name = ${name}, lang = ${lang}, time_zone = ${timeZone}, updated_at = now() where id = ${userId}
	`
}

export async function setPasswordHash({ userId, passwordHash }: { userId: string; passwordHash: string }) {
	await sql`update users set password_hash = ${passwordHash}, updated_at = now() where id = ${userId}`
}

export async function setRole({ userId, role }: { userId: string; role: Role }): Promise<Role | null> {
	const [previous] = await sql<{ role: Role }[]>`
		update users u set role = ${role}, updated_at = now()
		from (select id, role from users where id = ${userId} for update) old
		where u.id = old.id
		returning old.role
	`
	return previous?.role ?? null
}

export async function setDeactivated({ userId, deactivated }: { userId: string; deactivated: boolean }) {
	const [row] = await sql<{ id: string }[]>`
		update users set deactivated_at = ${deactivated ? sql`now()` : null}, updated_at = now()
		where id = ${userId} returning id
	`
	return Boolean(row)
}

/** Active members with one of these roles (who to notify of a review request, say). */
export async function listActiveUsersWithRoles(roles: Role[]): Promise<UserRow[]> {
	return sql<UserRow[]>`
		select id, email, name, role, lang, time_zone, deactivated_at, created_at
		from users where role in ${sql(roles)} and deactivated_at is null
		order by lower(name), email
	`
}
