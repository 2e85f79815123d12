/**
 * How a member stands in a working group: the one lookup every group-scoped
 * permission check starts from (`can(user, 'meeting:edit', { group })` in
 * app/auth/permissions.ts). A private group the asker may not see is
 * answered exactly like a group that does not exist: null.
 */
import { sql } from '#db/client.server.ts'
import type { Queryable } from '#db/sql.server.ts'
import { can, type Actor, type GroupRole, type GroupTarget, type GroupVisibility } from '#app/auth/permissions.ts'
import { otherLang, type Lang } from '#app/i18n/config.ts'

export interface GroupAccess {
	id: string
	slug: string
	archivedAt: Date | null
	/** The group's name in each language it has one in (read with the access: pages name the group they show). */
	names: Partial<Record<Lang, string>>
	/** What `can` decides on. */
	target: GroupTarget
}

interface GroupRow {
	id: string
	slug: string
	visibility: GroupVisibility
	archivedAt: Date | null
	membership: GroupRole | null
	names: Partial<Record<Lang, string>> | null
}

function toAccess(row: GroupRow): GroupAccess {
	return {
		id: row.id,
		slug: row.slug,
		archivedAt: row.archivedAt,
		names: row.names ?? {},
		target: { visibility: row.visibility, membership: row.membership },
	}
}

/** A group's name in `lang`, else in the other language, else its slug. */
export function groupName(group: Pick<GroupAccess, 'names' | 'slug'>, lang: Lang): string {
	return group.names[lang] ?? group.names[otherLang(lang)] ?? group.slug
}

/** The group by slug as `actor` stands in it, or null when it does not exist or `actor` may not read it. */
export function getGroupAccess({ slug, actor }: { slug: string; actor: Actor }, db: Queryable = sql): Promise<GroupAccess | null> {
	return findGroupAccess({ where: db`g.slug = ${slug}`, actor, db })
}

/** The same by the group's id (a meeting's, a draft's). */
export async function getGroupAccessById({ id, actor }: { id: string; actor: Actor }, db: Queryable = sql): Promise<GroupAccess | null> {
	if (!/^\d{1,18}$/.test(id)) return null
	return findGroupAccess({ where: db`g.id = ${id}`, actor, db })
}

async function findGroupAccess({ where, actor, db }: { where: ReturnType<Queryable>; actor: Actor; db: Queryable }): Promise<GroupAccess | null> {
	const [row] = await db<GroupRow[]>`
		select g.id::text as id, g.slug, g.visibility, g.archived_at, m.role as membership,
			(select json_object_agg(t.lang, t.name) from working_group_translations t where t.group_id = g.id) as names
		from working_groups g
		left join group_memberships m on m.group_id = g.id and m.user_id = ${actor?.id ?? null}
		where ${where}
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

/** The groups a member belongs to (any group role): what search and lists scope "members" documents by. */
export async function listMemberGroupIds(userId: string, db: Queryable = sql): Promise<string[]> {
	const rows = await db<{ groupId: string }[]>`select group_id::text as group_id from group_memberships where user_id = ${userId}`
	return rows.map((row) => row.groupId)
}

/** Names of these groups in `lang` (the other language's when it has none), for labels such as search facets. */
export async function getGroupNames({ ids, lang }: { ids: string[]; lang: Lang }, db: Queryable = sql): Promise<Map<string, { slug: string; name: string }>> {
	const valid = ids.filter((id) => /^\d{1,18}$/.test(id))
	if (valid.length === 0) return new Map()
	const rows = await db<{ id: string; slug: string; name: string }[]>`
		select g.id::text as id, g.slug, t.name
		from working_groups g
		cross join lateral (
			select name from working_group_translations where group_id = g.id order by (lang = ${lang}) desc limit 1
		) t
		where g.id in ${db(valid)}
	`
	return new Map(rows.map((row) => [row.id, { slug: row.slug, name: row.name }]))
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
