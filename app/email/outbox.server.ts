/**
 * Outgoing email: a message is queued in the outbox table (see
 * outbox.queries.server.ts), then handed to the sender: SMTP (nodemailer)
 * when SMTP_URL is set, otherwise the server log. An operation that sends
 * mail queues it inside its transaction and delivers it after the commit,
 * so a rolled-back operation sends nothing and a slow mail server holds no
 * transaction open. Admins read the outbox in the admin area, so invitations
 * and password resets work on a laptop with no mail server.
 */
import nodemailer from 'nodemailer'
import type { Queryable } from '#db/sql.server.ts'
import type { Lang } from '#app/i18n/config.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import {
	insertOutboxMessage,
	listOutbox,
	markOutboxFailed,
	markOutboxSent,
	type EmailKind,
	type EmailTransport,
} from './outbox.queries.server.ts'

export type { EmailKind } from './outbox.queries.server.ts'

export interface EmailMessage {
	to: string
	subject: string
	text: string
}

export interface EmailSender {
	readonly transport: EmailTransport
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

/** A message written to the outbox and not yet handed to the sender. */
export interface QueuedEmail {
	id: string
	message: EmailMessage
}

/** Writes the message to the outbox (inside the caller's transaction, with `db`); deliver it after the commit. */
export async function queueEmail({ kind, ...message }: EmailMessage & { kind: EmailKind }, db?: Queryable): Promise<QueuedEmail> {
	const id = await insertOutboxMessage({ kind, ...message }, db)
	return { id, message }
}

/** Hands a queued message to the sender and records how it went. Never throws: a failure stays in the outbox. */
export async function deliverEmail({ id, message }: QueuedEmail): Promise<void> {
	const outbox = getEmailSender()
	try {
		await outbox.send(message)
		await markOutboxSent({ id, transport: outbox.transport })
	} catch (error) {
		// Kept in the outbox with the reason; the person can be sent a new link.
		console.error(error)
		await markOutboxFailed({ id, error: String(error) }).catch((markError: unknown) => console.error(markError))
	}
}

/** Queues and delivers at once, for a sender outside any transaction. */
export async function sendEmail(message: EmailMessage & { kind: EmailKind }): Promise<void> {
	await deliverEmail(await queueEmail(message))
}

/**
 * The admin outbox page. Without SMTP_URL nothing leaves the machine, so
 * admins read bodies here; with a mail server, bodies (which hold personal
 * links) are not shown.
 */
export async function getOutboxPage({ lang, timeZone }: { lang: Lang; timeZone: string }) {
	const messages = await listOutbox()
	const logMode = getEmailSender().transport === 'log'
	return {
		logMode,
		messages: messages.map((m) => ({
			id: m.id,
			to: m.toEmail,
			subject: m.subject,
			body: logMode || m.transport === 'log' ? m.bodyText : null,
			sent: m.sentAt ? formatDateTime(lang, m.sentAt, { timeZone }) : null,
			transport: m.transport,
			error: m.error,
		})),
	}
}
