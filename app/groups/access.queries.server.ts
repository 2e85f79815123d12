/**
 * How a member stands in a working group: the one lookup every group-scoped
 * permission check starts from (`can(user, 'meeting:edit', { group })` in
 * app/auth/permissions.ts). A private group the asker may not see is
 * answered exactly like a group that does not exist: null.
 */
import { sql } from '#db/client.server.ts'
import type { Queryable } from '#db/sql.server.ts'
import { can, type Actor, type GroupRole, type GroupTarget, type GroupVisibility } from '#app/auth/permissions.ts'

export interface GroupAccess {
	id: string
	slug: string
	archivedAt: Date | null
	/** What `can` decides on. */
	target: GroupTarget
}

interface GroupRow {
	id: string
	slug: string
	visibility: GroupVisibility
	archivedAt: Date | null
	membership: GroupRole | null
}

function toAccess(row: GroupRow): GroupAccess {
	return { id: row.id, slug: row.slug, archivedAt: row.archivedAt, target: { visibility: row.visibility, membership: row.membership } }
}

/** The group by slug as `actor` stands in it, or null when it does not exist or `actor` may not read it. */
export async function getGroupAccess({ slug, actor }: { slug: string; actor: Actor }, db: Queryable = sql): Promise<GroupAccess | null> {
	const [row] = await db<GroupRow[]>`
		select g.id::text as id, g.slug, g.visibility, g.archived_at, m.role as membership
		from working_groups g
		left join group_memberships m on m.group_id = g.id and m.user_id = ${actor?.id ?? null}
		where g.slug = ${slug}
	`
	if (!row) return null
	const access = toAccess(row)
	return can(actor, 'group:read', access.target) ? access : null
}

/** The same by the group's id (a meeting's, a draft's). */
export async function getGroupAccessById({ id, actor }: { id: string; actor: Actor }, db: Queryable = sql): Promise<GroupAccess | null> {
	if (!/^\d{1,18}$/.test(id)) return null
	const [row] = await db<GroupRow[]>`
		select g.id::text as id, g.slug, g.visibility, g.archived_at, m.role as membership
		from working_groups g
		left join group_memberships m on m.group_id = g.id and m.user_id = ${actor?.id ?? null}
		where g.id = ${id}
	`
	if (!row) return null
	const access = toAccess(row)
	return can(actor, 'group:read', access.target) ? access : null
}

/**
 * A SQL condition: the group aliased `alias` is one `actor` may read (public,
 * theirs, or any for an admin). For list queries, so a private group's rows
 * never leave the database for someone who may not see them.
 */
export function readableGroupCondition(actor: Actor, { alias = 'g', db = sql }: { alias?: string; db?: Queryable } = {}) {
	if (actor?.role === 'admin') return db`true`
	const group = db(alias)
	if (!actor) return db`${group}.visibility = 'public'`
	return db`(${group}.visibility = 'public' or exists (
		select 1 from group_memberships gm where gm.group_id = ${group}.id and gm.user_id = ${actor.id}
	))`
}

/**
 * `readableGroupCondition`, minus archived groups for those who are not
 * their members: an archived group leaves lists (cards, filters, the
 * meetings page) but stays in its members' and admins' own.
 */
export function listedGroupCondition(actor: Actor, { alias = 'g', db = sql }: { alias?: string; db?: Queryable } = {}) {
	if (actor?.role === 'admin') return db`true`
	const group = db(alias)
	if (!actor) return db`(${group}.visibility = 'public' and ${group}.archived_at is null)`
	return db`(
		(${group}.visibility = 'public' and ${group}.archived_at is null)
		or exists (select 1 from group_memberships gm where gm.group_id = ${group}.id and gm.user_id = ${actor.id})
	)`
}
