/**
 * Working groups and their members, in the reader's language. Lists take
 * the reader: a private group is in nobody's list but its members' and the
 * admins' (access.queries.server.ts decides who may read what).
 */
import { sql } from '#db/client.server.ts'
import { inTransaction, type Queryable } from '#db/sql.server.ts'
import type { Actor, GroupRole, GroupVisibility } from '#app/auth/permissions.ts'
import type { Lang } from '#app/i18n/config.ts'
import { syncGroupDocuments } from '#app/search/public.server.ts'
import { listedGroupCondition, readableGroupCondition } from './access.queries.server.ts'
import { syncGroupSearch } from './search.queries.server.ts'

export interface WorkingGroupSummary {
	id: string
	slug: string
	name: string
	summary: string
	visibility: GroupVisibility
	archived: boolean
}

/**
 * The groups `actor` may see, in `lang` (the other language's text when a
 * group lacks one). Archived groups are left out (filters, cards, editors'
 * choices) unless `includeArchived`, which adds them for their members and
 * admins only (the groups page).
 */
export async function listWorkingGroups({
	lang,
	actor,
	includeArchived = false,
}: {
	lang: Lang
	actor: Actor
	includeArchived?: boolean
}): Promise<WorkingGroupSummary[]> {
	const visible = includeArchived ? listedGroupCondition(actor) : sql`${readableGroupCondition(actor)} and g.archived_at is null`
	return sql<WorkingGroupSummary[]>`
		select g.id::text as id, g.slug, t.name, t.summary, g.visibility, g.archived_at is not null as archived
		from working_groups g
		cross join lateral (
			select name, summary from working_group_translations where group_id = g.id order by (lang = ${lang}) desc limit 1
		) t
		where ${visible}
		order by g.archived_at is not null, g.sort_order, g.slug
	`
}

export interface GroupText {
	name: string
	summary: string
	/** The charter, Markdown. */
	description: string
}

export interface GroupDetails {
	id: string
	slug: string
	visibility: GroupVisibility
	archivedAt: Date | null
	sortOrder: number
	updatedAt: Date
	texts: Partial<Record<Lang, GroupText>>
}

/** A group's texts and settings, by id (the caller has checked access). */
export async function getGroupDetails(groupId: string, db: Queryable = sql): Promise<GroupDetails | null> {
	const [row] = await db<(Omit<GroupDetails, 'texts'> & { texts: Partial<Record<Lang, GroupText>> | null })[]>`
		select g.id::text as id, g.slug, g.visibility, g.archived_at, g.sort_order, g.updated_at,
			(select json_object_agg(t.lang, json_build_object('name', t.name, 'summary', t.summary, 'description', t.description))
				from working_group_translations t where t.group_id = g.id) as texts
		from working_groups g where g.id = ${groupId}
	`
	return row ? { ...row, texts: row.texts ?? {} } : null
}

/** The group's slug and name in `lang` (the other language's when missing), by id, with no access check. */
export async function getGroupLabel({ groupId, lang }: { groupId: string; lang: Lang }, db: Queryable = sql): Promise<{ slug: string; name: string } | null> {
	const [row] = await db<{ slug: string; name: string }[]>`
		select g.slug, coalesce(t.name, g.slug) as name
		from working_groups g
		left join lateral (
			select name from working_group_translations where group_id = g.id order by (lang = ${lang}) desc limit 1
		) t on true
		where g.id = ${groupId}
	`
	return row ?? null
}

export interface GroupMember {
	userId: string
	name: string
	affiliation: string | null
	role: GroupRole
	/** The member's site role, for the lead's page (officials are marked). */
	siteRole: string
	since: Date
}

/** Leads first, then members, then observers; by name. Deactivated accounts are left out. */
export async function listGroupMembers(groupId: string, db: Queryable = sql): Promise<GroupMember[]> {
	return db<GroupMember[]>`
		select u.id as user_id, u.name, u.affiliation, m.role, u.role as site_role, m.created_at as since
		from group_memberships m
		join users u on u.id = m.user_id
		where m.group_id = ${groupId} and u.deactivated_at is null
		order by case m.role when 'lead' then 0 when 'member' then 1 else 2 end, u.name, u.id
	`
}

export interface AddableUser {
	id: string
	name: string
	affiliation: string | null
	siteRole: string
}

/** Active accounts not yet in the group: whom a lead may add. */
export async function listAddableUsers(groupId: string): Promise<AddableUser[]> {
	return sql<AddableUser[]>`
		select u.id, u.name, u.affiliation, u.role as site_role
		from users u
		where u.deactivated_at is null
			and not exists (select 1 from group_memberships m where m.group_id = ${groupId} and m.user_id = u.id)
		order by u.name, u.id
	`
}

/** The member's role in the group, or null. */
export async function getMembershipRole({ groupId, userId }: { groupId: string; userId: string }, db: Queryable = sql): Promise<GroupRole | null> {
	const [row] = await db<{ role: GroupRole }[]>`select role from group_memberships where group_id = ${groupId} and user_id = ${userId}`
	return row?.role ?? null
}

export interface NewGroup {
	slug: string
	visibility: GroupVisibility
	texts: Record<Lang, GroupText>
	createdBy: string | null
}

/** The new group's id, or null when the slug is taken. */
export async function insertGroup(group: NewGroup, db: Queryable = sql): Promise<string | null> {
	return inTransaction(db, async (tx) => {
		const [created] = await tx<{ id: string }[]>`
			insert into working_groups (slug, visibility, sort_order, created_by)
			values (${group.slug}, ${group.visibility}, (select coalesce(max(sort_order), 0) + 1 from working_groups), ${group.createdBy})
			on conflict (slug) do nothing
			returning id::text as id
		`
		if (!created) return null
		await writeGroupTexts(tx, created.id, group.texts)
		await syncGroupSearch(tx, created.id)
		return created.id
	})
}

/** Replaces the group's texts (a language left empty in every field is dropped). */
export async function updateGroupTexts({ groupId, texts }: { groupId: string; texts: Record<Lang, GroupText> }, db: Queryable = sql) {
	await inTransaction(db, async (tx) => {
		await writeGroupTexts(tx, groupId, texts)
		await tx`update working_groups set updated_at = now() where id = ${groupId}`
		await syncGroupSearch(tx, groupId)
	})
}

async function writeGroupTexts(db: Queryable, groupId: string, texts: Record<Lang, GroupText>) {
	for (const [lang, text] of Object.entries(texts) as [Lang, GroupText][]) {
		if (!text.name) {
			await db`delete from working_group_translations where group_id = ${groupId} and lang = ${lang}`
			continue
		}
		await db`
			insert into working_group_translations (group_id, lang, name, summary, description)
			values (${groupId}, ${lang}, ${text.name}, ${text.summary}, ${text.description})
			on conflict (group_id, lang) do update set name = excluded.name, summary = excluded.summary, description = excluded.description
		`
	}
}

/** Who may read the group's documents changes with it: they are all re-indexed in the same transaction. */
export async function setGroupVisibility({ groupId, visibility }: { groupId: string; visibility: GroupVisibility }, db: Queryable = sql) {
	await inTransaction(db, async (tx) => {
		await tx`update working_groups set visibility = ${visibility}, updated_at = now() where id = ${groupId}`
		await syncGroupDocuments(tx, groupId)
	})
}

/** Archives (with the time) or restores; true when something changed. */
export async function setGroupArchived({ groupId, archivedAt }: { groupId: string; archivedAt: Date | null }, db: Queryable = sql) {
	const rows = await db`
		update working_groups set archived_at = ${archivedAt}, updated_at = now()
		where id = ${groupId} and (archived_at is null) = ${archivedAt !== null}
		returning id
	`
	return rows.length > 0
}

/** True when added; false when the user is already a member or no active account has that id. */
export async function insertMembership(
	{ groupId, userId, role, addedBy }: { groupId: string; userId: string; role: GroupRole; addedBy: string | null },
	db: Queryable = sql,
): Promise<boolean> {
	const rows = await db`
		insert into group_memberships (group_id, user_id, role, added_by)
		select ${groupId}, u.id, ${role}, ${addedBy} from users u where u.id = ${userId} and u.deactivated_at is null
		on conflict (group_id, user_id) do nothing
		returning user_id
	`
	return rows.length > 0
}

/** The role before the change, or null when the user is not a member. */
export async function updateMembershipRole(
	{ groupId, userId, role }: { groupId: string; userId: string; role: GroupRole },
	db: Queryable = sql,
): Promise<GroupRole | null> {
	const [row] = await db<{ previous: GroupRole }[]>`
		update group_memberships m set role = ${role}, updated_at = now()
		from (select role from group_memberships where group_id = ${groupId} and user_id = ${userId} for update) old
		where m.group_id = ${groupId} and m.user_id = ${userId}
		returning old.role as previous
	`
	return row?.previous ?? null
}

/** The removed role, or null when the user was not a member. */
export async function deleteMembership({ groupId, userId }: { groupId: string; userId: string }, db: Queryable = sql): Promise<GroupRole | null> {
	const [row] = await db<{ role: GroupRole }[]>`
		delete from group_memberships where group_id = ${groupId} and user_id = ${userId} returning role
	`
	return row?.role ?? null
}

/** How many leads the group has (locked, so two removals cannot both leave it with none). */
export async function countLeads(groupId: string, db: Queryable = sql): Promise<number> {
	const rows = await db<{ userId: string }[]>`
		select user_id from group_memberships where group_id = ${groupId} and role = 'lead' for update
	`
	return rows.length
}

/** Takes the group's row lock: membership changes of one group happen one after another. */
export async function lockGroup(groupId: string, db: Queryable): Promise<boolean> {
	if (!/^\d{1,18}$/.test(groupId)) return false
	const rows = await db`select id from working_groups where id = ${groupId} for update`
	return rows.length > 0
}

/** Sitemap entries: public, active groups. */
export async function listPublicGroupsForSitemap(): Promise<{ slug: string; updatedAt: Date }[]> {
	return sql<{ slug: string; updatedAt: Date }[]>`
		select slug, updated_at from working_groups where visibility = 'public' and archived_at is null order by sort_order, slug
	`
}

/* The demo content (db/seed) */

export interface WorkingGroupInput {
	slug: string
	sortOrder: number
	visibility?: GroupVisibility
	text: Record<Lang, { name: string; summary: string; description: string }>
}

/** Adds a group with its texts; a group (or text) that exists is left as it is. */
export async function ensureWorkingGroup(group: WorkingGroupInput, db: Queryable = sql): Promise<void> {
	await inTransaction(db, async (tx) => {
		await tx`
			insert into working_groups (slug, sort_order, visibility) values (${group.slug}, ${group.sortOrder}, ${group.visibility ?? 'public'})
			on conflict (slug) do nothing
		`
		for (const [lang, text] of Object.entries(group.text)) {
			await tx`
				insert into working_group_translations (group_id, lang, name, summary, description)
				select id, ${lang}, ${text.name}, ${text.summary}, ${text.description} from working_groups where slug = ${group.slug}
				on conflict do nothing
			`
		}
		const [row] = await tx<{ id: string }[]>`select id::text as id from working_groups where slug = ${group.slug}`
		if (row) await syncGroupSearch(tx, row.id)
	})
}

/** The group's id by slug, with no access check: for the seed. */
export async function findGroupIdBySlug(slug: string, db: Queryable = sql): Promise<string | null> {
	const [row] = await db<{ id: string }[]>`select id::text as id from working_groups where slug = ${slug}`
	return row?.id ?? null
}

/** Adds the account to the group unless it is in it already, keeping the role it has (the seed's co-authors, test fixtures). */
export async function ensureMembership({ groupId, userId, role }: { groupId: string; userId: string; role: GroupRole }, db: Queryable = sql): Promise<void> {
	await db`
		insert into group_memberships (group_id, user_id, role) values (${groupId}, ${userId}, ${role})
		on conflict (group_id, user_id) do nothing
	`
}

/** Adds the account with that email to the group unless it is in it already (the seed's demo members). */
export async function ensureMembershipByEmail(
	{ groupSlug, email, role }: { groupSlug: string; email: string; role: GroupRole },
	db: Queryable = sql,
): Promise<void> {
	await db`
		insert into group_memberships (group_id, user_id, role)
		select g.id, u.id, ${role} from working_groups g, users u where g.slug = ${groupSlug} and u.email = ${email.toLowerCase()}
		on conflict (group_id, user_id) do nothing
	`
}
