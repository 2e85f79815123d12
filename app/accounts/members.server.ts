/**
 * Membership: invitations and accepting them, an admin's changes to a
 * member (role, deactivation), a member's own profile. Each operation is one
 * transaction with its audit event. Admin operations check their permission
 * again (the route has checked and audited a refusal already): a door that
 * trusts no caller.
 */
import type { Lang } from '#app/i18n/config.ts'
import type { RequestClient } from '#app/auth/auth.server.ts'
import { hashPassword, isCommonPassword } from '#app/auth/password.server.ts'
import { can, type Permission, type ResourceArgs, type Role } from '#app/auth/permissions.ts'
import { invalidateUserSessions } from '#app/auth/session.server.ts'
import { recordAudit } from '#app/audit/audit.queries.server.ts'
import { deliverEmail, queueEmail } from '#app/email/outbox.server.ts'
import { invitationEmail } from '#app/email/templates.server.ts'
import { localizePath } from '#app/i18n/lang.ts'
import { createInvitation, getPendingInvitation, redeemInvitation, renewInvitationToken, revokePendingInvitation } from './invitations.queries.server.ts'
import { startFreshSession, type Member } from './sign-in.server.ts'
import { transaction } from '#db/transaction.server.ts'
import { getActiveUserByEmail, setDeactivated, setProfile, setRole, type UserNameAndEmail } from './users.queries.server.ts'

/** An admin (or whoever) acting on others' accounts. */
export interface Actor {
	id: string
	role: Role
}

export class NotPermittedError extends Error {
	constructor(permission: Permission) {
		super(`Not permitted: ${permission}`)
		this.name = 'NotPermittedError'
	}
}

function assertCan<P extends Permission>(actor: Actor, permission: P, ...resource: ResourceArgs<P>) {
	if (!can(actor, permission, ...resource)) throw new NotPermittedError(permission)
}

export type InviteResult = { ok: true } | { ok: false; reason: 'exists' }

/** Invites someone by email with a role; the link is emailed in `lang` once the invitation is stored. */
export async function invite({
	actor,
	email,
	name,
	role,
	lang,
	origin,
	ip,
}: {
	actor: Actor
	email: string
	name: string
	role: Role
	lang: Lang
	origin: string
	ip: string
}): Promise<InviteResult> {
	assertCan(actor, 'user:invite')
	const queued = await transaction(async (tx) => {
		if (await getActiveUserByEmail(email, tx)) return null
		const invitation = await createInvitation({ email, name, role, lang, invitedBy: actor.id }, tx)
		const message = await invitationEmail({ to: email, name, role, lang, origin, token: invitation.token, expiresAt: invitation.expiresAt })
		const queued = await queueEmail({ kind: 'invitation', ...message }, tx)
		await recordAudit({ event: 'invitation_created', actorId: actor.id, email, ip, details: { role, lang } }, tx)
		return queued
	})
	if (!queued) return { ok: false, reason: 'exists' }
	await deliverEmail(queued)
	return { ok: true }
}

/** Ends a pending invitation; its link stops working. Null: not pending any more. */
export async function revokeInvitation({ actor, invitationId, ip }: { actor: Actor; invitationId: string; ip: string }): Promise<{ email: string } | null> {
	assertCan(actor, 'user:invite')
	return transaction(async (tx) => {
		const revoked = await revokePendingInvitation(invitationId, tx)
		if (!revoked) return null
		await recordAudit({ event: 'invitation_revoked', actorId: actor.id, email: revoked.email, ip, details: { role: revoked.role } }, tx)
		return { email: revoked.email }
	})
}

/**
 * Emails a pending invitation again, with a new link (the earlier one stops
 * working) valid for a full period. Null: not pending any more.
 */
export async function resendInvitation({
	actor,
	invitationId,
	origin,
	ip,
}: {
	actor: Actor
	invitationId: string
	origin: string
	ip: string
}): Promise<{ email: string } | null> {
	assertCan(actor, 'user:invite')
	const queued = await transaction(async (tx) => {
		const renewed = await renewInvitationToken(invitationId, tx)
		if (!renewed) return null
		const { email, name, role, lang, token, expiresAt } = renewed
		const message = await invitationEmail({ to: email, name, role, lang, origin, token, expiresAt })
		const queued = await queueEmail({ kind: 'invitation', ...message }, tx)
		await recordAudit({ event: 'invitation_resent', actorId: actor.id, email, ip, details: { role, lang } }, tx)
		return { queued, email }
	})
	if (!queued) return null
	await deliverEmail(queued.queued)
	return { email: queued.email }
}

/**
 * A new link for a pending invitation, for the admin to pass on themself
 * (a chat message, a meeting); the earlier link stops working. Null: not
 * pending any more.
 */
export async function invitationLink({
	actor,
	invitationId,
	origin,
	ip,
}: {
	actor: Actor
	invitationId: string
	origin: string
	ip: string
}): Promise<{ email: string; link: string } | null> {
	assertCan(actor, 'user:invite')
	return transaction(async (tx) => {
		const renewed = await renewInvitationToken(invitationId, tx)
		if (!renewed) return null
		await recordAudit({ event: 'invitation_link_created', actorId: actor.id, email: renewed.email, ip, details: { role: renewed.role } }, tx)
		return { email: renewed.email, link: `${origin}${localizePath(renewed.lang, `/invitations/${renewed.token}`)}` }
	})
}

export type AcceptInvitationResult =
	| { ok: true; userId: string; setCookie: string }
	| { ok: false; reason: 'invalid' | 'email-taken' | 'common' }

/** Creates the invited account and signs its owner in (ending any session the browser held). */
export async function acceptInvitation({
	token,
	name,
	password,
	client,
}: {
	token: string
	name: string
	password: string
	client: RequestClient
}): Promise<AcceptInvitationResult> {
	if (isCommonPassword(password)) return { ok: false, reason: 'common' }
	// An unknown link costs no hashing; the transaction checks again.
	if (!(await getPendingInvitation(token))) return { ok: false, reason: 'invalid' }
	const passwordHash = await hashPassword(password)
	return transaction(async (tx) => {
		const redeemed = await redeemInvitation({ token, name, passwordHash }, tx)
		if (!redeemed.ok) return redeemed
		const { userId, email } = redeemed
		const setCookie = await startFreshSession({ userId, client }, tx)
		await recordAudit({ event: 'invitation_accepted', actorId: userId, subjectUserId: userId, email, ip: client.ip }, tx)
		return { ok: true, userId, setCookie } as const
	})
}

/** A new role for a member (never one's own); their sessions end, so it applies at once. Null: no such user. */
export async function changeRole({
	actor,
	userId,
	role,
	ip,
}: {
	actor: Actor
	userId: string
	role: Role
	ip: string
}): Promise<UserNameAndEmail | null> {
	assertCan(actor, 'user:change-role', { id: userId })
	return transaction(async (tx) => {
		const changed = await setRole({ userId, role }, tx)
		if (!changed) return null
		await invalidateUserSessions(userId, {}, tx)
		await recordAudit(
			{ event: 'role_changed', actorId: actor.id, subjectUserId: userId, ip, details: { from: changed.previousRole, to: role } },
			tx,
		)
		return { email: changed.email, name: changed.name }
	})
}

async function setActive({ actor, userId, active, ip }: { actor: Actor; userId: string; active: boolean; ip: string }) {
	assertCan(actor, 'user:deactivate', { id: userId })
	return transaction(async (tx) => {
		const target = await setDeactivated({ userId, deactivated: !active }, tx)
		if (!target) return null
		if (!active) await invalidateUserSessions(userId, {}, tx)
		await recordAudit({ event: active ? 'user_reactivated' : 'user_deactivated', actorId: actor.id, subjectUserId: userId, ip }, tx)
		return target
	})
}

/** Locks a member out (never oneself): every session ends, sign-in and reset links stop working. Null: no such user. */
export function deactivateUser(change: { actor: Actor; userId: string; ip: string }): Promise<UserNameAndEmail | null> {
	return setActive({ ...change, active: false })
}

/** Lets a deactivated member sign in again. Null: no such user. */
export function reactivateUser(change: { actor: Actor; userId: string; ip: string }): Promise<UserNameAndEmail | null> {
	return setActive({ ...change, active: true })
}

/** The member's own name, display language and time zone. */
export async function updateProfile({
	member,
	name,
	lang,
	timeZone,
	ip,
}: {
	member: Pick<Member, 'userId'>
	name: string
	lang: Lang
	timeZone: string
	ip: string
}): Promise<void> {
	await transaction(async (tx) => {
		await setProfile({ userId: member.userId, name, lang, timeZone }, tx)
		await recordAudit({ event: 'profile_updated', actorId: member.userId, subjectUserId: member.userId, ip }, tx)
	})
}
