/**
 * Outgoing email: every message is written to the outbox table first, then
 * handed to the sender: SMTP (nodemailer) when SMTP_URL is set, otherwise the
 * server log. Admins read the outbox in the admin area, so invitations and
 * password resets work on a laptop with no mail server.
 */
import nodemailer from 'nodemailer'
import { sql } from '#db/client.server.ts'

export type EmailKind = 'invitation' | 'password_reset' | 'review_request'

export interface EmailMessage {
	to: string
	subject: string
	text: string
}

export interface EmailSender {
	readonly transport: 'smtp' | 'log'
	send(message: EmailMessage): Promise<void>
}

const DEFAULT_FROM = 'China-US ZEV Policy Lab <no-reply@zevlab.example>'

function createSender(): EmailSender {
	const smtpUrl = process.env.SMTP_URL
	if (smtpUrl) {
		const transporter = nodemailer.createTransport(smtpUrl)
		const from = process.env.MAIL_FROM ?? DEFAULT_FROM
		return {
			transport: 'smtp',
			async send(message) {
				await transporter.sendMail({ from, ...message })
			},
		}
	}
	return {
		transport: 'log',
		async send(message) {
			console.log(`[zevlab] Email (not sent: SMTP_URL is unset) to ${message.to}: ${message.subject}\n${message.text}`)
		},
	}
}

let sender: EmailSender | undefined
export function getEmailSender(): EmailSender {
	return (sender ??= createSender())
}

export async function sendEmail({ kind, ...message }: EmailMessage & { kind: EmailKind }): Promise<void> {
	const [row] = await sql<{ id: string }[]>`
		insert into email_outbox (to_email, subject, body_text, kind)
		values (${message.to}, ${message.subject}, ${message.text}, ${kind})
		returning id::text as id
	`
	const outbox = getEmailSender()
	try {
		await outbox.send(message)
		await sql`update email_outbox set sent_at = now(), transport = ${outbox.transport} where id = ${row!.id}`
	} catch (error) {
		// Kept in the outbox with the reason; the person can be sent a new link.
		console.error(error)
		await sql`update email_outbox set error = ${String(error).slice(0, 500)} where id = ${row!.id}`
	}
}

export interface OutboxRow {
	id: string
	toEmail: string
	subject: string
	bodyText: string
	kind: EmailKind
	createdAt: Date
	sentAt: Date | null
	transport: 'smtp' | 'log' | null
	error: string | null
}

export const OUTBOX_PAGE_SIZE = 50

export async function listOutbox(): Promise<OutboxRow[]> {
	return sql<OutboxRow[]>`
		select id::text as id, to_email, subject, body_text, kind, created_at, sent_at, transport, error
		from email_outbox order by id desc limit ${OUTBOX_PAGE_SIZE}
	`
}
