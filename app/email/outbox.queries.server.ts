/**
 * The email outbox table: every message the portal sends is written here
 * first (in the transaction of the operation that sends it, when there is
 * one), then marked sent or failed by the transport (outbox.server.ts).
 * Admins read it in the admin area.
 */
import { sql } from '#db/client.server.ts'
import type { Queryable } from '#db/sql.server.ts'

export type EmailKind =
	| 'invitation'
	| 'password_reset'
	| 'review_request'
	| 'draft_mention'
	| 'draft_review_request'
	| 'meeting_notice'
	| 'record_review_requested'
	| 'record_changes_requested'
	| 'record_approved'
	| 'record_published'
	| 'action_item_assigned'
	/** The review conversation on a post: a request for changes, a reply, a publication. */
	| 'review_changes_requested'
	| 'review_comment'
	| 'post_published'
	/** An editor kept their version over someone else's after a conflict. */
	| 'edit_overwritten'
	/** A message from the public contact page, to the lab's address. */
	| 'contact_message'
export type EmailTransport = 'smtp' | 'log'

/** Kept in the row when delivery fails: enough to see why, not a stack trace. */
const ERROR_MAX_LENGTH = 500

/** The new row's id. */
export async function insertOutboxMessage(
	{ kind, to, subject, text }: { kind: EmailKind; to: string; subject: string; text: string },
	db: Queryable = sql,
): Promise<string> {
	const [row] = await db<{ id: string }[]>`
		insert into email_outbox (to_email, subject, body_text, kind)
		values (${to}, ${subject}, ${text}, ${kind})
		returning id::text as id
	`
	return row!.id
}

export async function markOutboxSent({ id, transport }: { id: string; transport: EmailTransport }): Promise<void> {
	await sql`update email_outbox set sent_at = now(), transport = ${transport} where id = ${id}`
}

export async function markOutboxFailed({ id, error }: { id: string; error: string }): Promise<void> {
	await sql`update email_outbox set error = ${error.slice(0, ERROR_MAX_LENGTH)} where id = ${id}`
}

export interface OutboxRow {
	id: string
	toEmail: string
	subject: string
	bodyText: string
	kind: EmailKind
	createdAt: Date
	sentAt: Date | null
	transport: EmailTransport | null
	error: string | null
}

export const OUTBOX_PAGE_SIZE = 50

export async function listOutbox(): Promise<OutboxRow[]> {
	return sql<OutboxRow[]>`
		select id::text as id, to_email, subject, body_text, kind, created_at, sent_at, transport, error
		from email_outbox order by id desc limit ${OUTBOX_PAGE_SIZE}
	`
}
