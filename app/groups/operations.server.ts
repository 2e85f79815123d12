/**
 * The one door to changing working groups: admins create, archive and
 * restore groups and set who may see them; leads (and admins) edit a
 * group's texts and manage its members. Each operation checks its
 * permission again (a door that trusts no caller) and does its whole job in
 * one transaction with its audit record. Membership is read per request
 * (access.queries.server.ts), so a change applies from the next request on.
 */
import { transaction } from '#db/transaction.server.ts'
import { recordAudit } from '#app/audit/audit.queries.server.ts'
import { can, type GroupRole, type GroupVisibility, type Role } from '#app/auth/permissions.ts'
import type { Lang } from '#app/i18n/config.ts'
import { getGroupAccessById } from './access.queries.server.ts'
import {
	countLeads,
	deleteMembership,
	insertGroup,
	insertMembership,
	lockGroup,
	setGroupArchived,
	setGroupVisibility,
	updateGroupTexts,
	updateMembershipRole,
	type GroupText,
} from './groups.queries.server.ts'

export interface Acting {
	actor: { id: string; role: Role }
	ip: string
	now: Date
}

export type GroupResult<T = object> = ({ ok: true } & T) | { ok: false; fieldErrors: Record<string, string[]> } | { ok: false; notFound: true }

const notFound = { ok: false, notFound: true } as const

/** A refusal about one field, with its message's translation key. */
function invalid(field: string, message: string): { ok: false; fieldErrors: Record<string, string[]> } {
	return { ok: false, fieldErrors: { [field]: [message] } }
}

/** An admin creates a group; its creator is not made a member (an admin adds the leads). */
export async function createGroup({
	actor,
	ip,
	slug,
	visibility,
	texts,
}: Acting & { slug: string; visibility: GroupVisibility; texts: Record<Lang, GroupText> }): Promise<GroupResult<{ slug: string }>> {
	if (!can(actor, 'group:create')) return notFound
	return transaction(async (tx) => {
		const id = await insertGroup({ slug, visibility, texts, createdBy: actor.id }, tx)
		if (!id) return invalid('slug', 'groups:errors.slug-taken')
		await recordAudit({ event: 'group_created', actorId: actor.id, ip, details: { groupId: id, slug, visibility } }, tx)
		return { ok: true, slug } as const
	})
}

/**
 * A lead or admin edits the texts; only an admin changes the visibility
 * (anyone else's choice is ignored). The group is looked up again as the
 * actor stands in it: the caller's word is not taken.
 */
export async function updateGroup({
	actor,
	ip,
	groupId,
	texts,
	visibility,
}: Acting & { groupId: string; texts: Record<Lang, GroupText>; visibility?: GroupVisibility }): Promise<GroupResult> {
	return transaction(async (tx) => {
		const group = await getGroupAccessById({ id: groupId, actor }, tx)
		if (!group || !can(actor, 'group:edit', group.target)) return notFound
		const changesVisibility = visibility !== undefined && visibility !== group.target.visibility && can(actor, 'group:archive', group.target)
		await updateGroupTexts({ groupId: group.id, texts }, tx)
		if (changesVisibility) await setGroupVisibility({ groupId: group.id, visibility }, tx)
		await recordAudit(
			{ event: 'group_updated', actorId: actor.id, ip, details: { groupId: group.id, visibility: changesVisibility ? visibility : null } },
			tx,
		)
		return { ok: true } as const
	})
}

/** An admin archives a group (it leaves lists but its members keep it) or restores it. */
export async function setArchived({ actor, ip, now, groupId, archived }: Acting & { groupId: string; archived: boolean }): Promise<GroupResult> {
	return transaction(async (tx) => {
		const group = await getGroupAccessById({ id: groupId, actor }, tx)
		if (!group || !can(actor, 'group:archive', group.target)) return notFound
		const changed = await setGroupArchived({ groupId: group.id, archivedAt: archived ? now : null }, tx)
		if (changed) await recordAudit({ event: archived ? 'group_archived' : 'group_restored', actorId: actor.id, ip, details: { groupId: group.id } }, tx)
		return { ok: true } as const
	})
}

export type MembershipChange =
	| { intent: 'add'; userId: string; role: GroupRole }
	| { intent: 'change-role'; userId: string; role: GroupRole }
	| { intent: 'remove'; userId: string }

/**
 * A lead or admin adds an existing account, changes a member's role or
 * removes a member. A group keeps at least one lead once it has one: the
 * last lead can be neither removed nor demoted (appoint another first).
 * Changes to one group run one after another (its row is locked), so two
 * leads stepping down at once cannot both succeed.
 */
export async function changeMembership({ actor, ip, groupId, change }: Acting & { groupId: string; change: MembershipChange }): Promise<GroupResult> {
	return transaction(async (tx) => {
		if (!(await lockGroup(groupId, tx))) return notFound
		// Re-read as the actor stands now (their own role may have changed since the page loaded).
		const group = await getGroupAccessById({ id: groupId, actor }, tx)
		if (!group || !can(actor, 'group:manage-members', group.target)) return notFound
		const details = { groupId, userId: change.userId, role: 'role' in change ? change.role : null }
		if (change.intent === 'add') {
			const added = await insertMembership({ groupId, userId: change.userId, role: change.role, addedBy: actor.id }, tx)
			if (!added) return invalid('userId', 'groups:errors.user-unknown')
			await recordAudit({ event: 'group_member_added', actorId: actor.id, subjectUserId: change.userId, ip, details }, tx)
			return { ok: true } as const
		}
		const leads = await countLeads(groupId, tx)
		if (change.intent === 'change-role') {
			const previous = await updateMembershipRole({ groupId, userId: change.userId, role: change.role }, tx)
			if (previous === null) return invalid('userId', 'groups:errors.not-a-member')
			if (previous === 'lead' && change.role !== 'lead' && leads <= 1) throw new LastLead()
			await recordAudit({ event: 'group_member_changed', actorId: actor.id, subjectUserId: change.userId, ip, details: { ...details, previous } }, tx)
			return { ok: true } as const
		}
		const removed = await deleteMembership({ groupId, userId: change.userId }, tx)
		if (removed === null) return invalid('userId', 'groups:errors.not-a-member')
		if (removed === 'lead' && leads <= 1) throw new LastLead()
		await recordAudit({ event: 'group_member_removed', actorId: actor.id, subjectUserId: change.userId, ip, details: { ...details, role: removed } }, tx)
		return { ok: true } as const
	}).catch((error: unknown) => {
		// Thrown to roll the change back.
		if (error instanceof LastLead) return invalid('userId', 'groups:errors.last-lead')
		throw error
	})
}

class LastLead extends Error {
	constructor() {
		super('the last lead')
	}
}
