/**
 * The audit log: who did what, when, from where. Append-only. An account
 * operation writes its event in its own transaction (`db`): the event is
 * there exactly when the change is.
 */
import { sql } from '#db/client.server.ts'
import type { Queryable } from '#db/sql.server.ts'

export const AUDIT_EVENTS = [
	'sign_in',
	'sign_in_failed',
	'sign_in_locked',
	'sign_out',
	'sessions_revoked',
	'password_changed',
	'password_reset_requested',
	'password_reset',
	'invitation_created',
	'invitation_accepted',
	'role_changed',
	'user_deactivated',
	'user_reactivated',
	'profile_updated',
	'request_denied',
	'invitation_revoked',
	'invitation_resent',
	'invitation_link_created',
	// Working groups and meetings (app/groups, app/meetings).
	'group_created',
	'group_updated',
	'group_archived',
	'group_restored',
	'group_member_added',
	'group_member_changed',
	'group_member_removed',
	'meeting_created',
	'meeting_updated',
	'meeting_cancelled',
	'calendar_link_reset',
	// Content: what changes what the public sees, and who replaced whose work.
	'post_published',
	'post_scheduled',
	'post_unpublished',
	'post_archived',
	'post_restored',
	'post_overwritten',
	'post_changes_requested',
	'media_uploaded',
	'contact_message_sent',
] as const
export type AuditEvent = (typeof AUDIT_EVENTS)[number]

export interface AuditEntry {
	event: AuditEvent
	actorId?: string | null
	subjectUserId?: string | null
	email?: string | null
	ip?: string | null
	details?: Record<string, string | number | boolean | null>
}

export async function recordAudit(
	{ event, actorId = null, subjectUserId = null, email = null, ip = null, details = {} }: AuditEntry,
	db: Queryable = sql,
): Promise<void> {
	await db`
		insert into audit_events (event, actor_id, subject_user_id, email, ip, details)
		values (${event}, ${actorId}, ${subjectUserId}, ${email}, ${ip}, ${db.json(details)})
	`
}

export interface AuditRow {
	id: string
	occurredAt: Date
	event: AuditEvent
	actorName: string | null
	actorEmail: string | null
	subjectName: string | null
	subjectEmail: string | null
	email: string | null
	ip: string | null
	details: Record<string, unknown>
}

export const AUDIT_PAGE_SIZE = 50

/** Newest first, keyset-paginated by id (`before`), filtered. */
export async function listAuditEvents({
	event,
	email,
	from,
	to,
	before,
}: {
	event?: AuditEvent | null
	/** Matches the actor's, the subject's or the attempted email. */
	email?: string | null
	from?: Date | null
	to?: Date | null
	before?: string | null
}): Promise<{ rows: AuditRow[]; nextBefore: string | null }> {
	const pattern = email ? `%${email.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
	const rows = await sql<AuditRow[]>`
		select a.id::text as id, a.occurred_at, a.event, actor.name as actor_name, actor.email as actor_email,
			subject.name as subject_name, subject.email as subject_email, a.email, a.ip, a.details
		from audit_events a
		left join users actor on actor.id = a.actor_id
		left join users subject on subject.id = a.subject_user_id
		where true
			${event ? sql`and a.event = ${event}` : sql``}
			${pattern ? sql`and (a.email like ${pattern} or actor.email like ${pattern} or subject.email like ${pattern})` : sql``}
			${from ? sql`and a.occurred_at >= ${from}` : sql``}
			${to ? sql`and a.occurred_at < ${to}` : sql``}
			${before ? sql`and a.id < ${before}` : sql``}
		order by a.id desc
		limit ${AUDIT_PAGE_SIZE + 1}
	`
	const page = rows.slice(0, AUDIT_PAGE_SIZE)
	return { rows: page, nextBefore: rows.length > AUDIT_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null }
}
