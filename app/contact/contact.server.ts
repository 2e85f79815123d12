/**
 * The public contact page, server side: what the lab is and how to reach
 * it, and a message form that needs no account. A message lands in the
 * outbox for the lab's address (read in the admin area, sent by SMTP when
 * configured), in one transaction with its record and audit event.
 *
 * Abuse: a hidden honeypot field (a robot that fills it is thanked and
 * nothing is sent), and a limit per client address and overall per hour.
 */
import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { parseForm } from '#app/forms/submission.ts'
import { recordAudit } from '#app/audit/audit.queries.server.ts'
import { deliverEmail, queueEmail } from '#app/email/outbox.server.ts'
import { HTML_LANG, type Lang } from '#app/i18n/config.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { transaction } from '#db/transaction.server.ts'
import { countRecentMessages, insertContactMessage } from './contact.queries.server.ts'
import { contactSchema, HONEYPOT_FIELD, type ContactForm } from './schema.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

const HOUR_MS = 60 * 60 * 1000
/** A person writes a few messages an hour at most; a campus may share one address. */
export const CONTACT_MAX_PER_ADDRESS_PER_HOUR = 5
/** Beyond this the lab's inbox is being flooded from many addresses. */
export const CONTACT_MAX_PER_HOUR = 100

export async function loadContactPage({ params }: Args) {
	const lang = requireLang(params)
	const t = await getFixedT(lang, ['contact', 'common'])
	return {
		lang,
		meta: await pageMeta(lang, { page: t('contact:title'), description: t('contact:description') }),
		email: t('common:footer.email'),
	}
}

export type ContactOutcome = 'sent' | 'throttled'

/** The lab's inbox: the address the site names as its own. */
async function labAddress(): Promise<string> {
	const t = await getFixedT('en', 'common')
	return t('footer.email')
}

/** The message as the lab reads it: the frame in both languages, the sender's words as written. */
async function labEmail({ form, lang, to }: { form: ContactForm; lang: Lang; to: string }) {
	const [en, zh] = await Promise.all([getFixedT('en', 'email'), getFixedT('zh', 'email')])
	const values = { name: form.name, email: form.email, subject: form.subject || '—', message: form.message, language: HTML_LANG[lang] }
	return {
		to,
		subject: en('contact.subject', { subject: form.subject || form.name }),
		text: `${en('contact.body', values)}\n\n————\n\n${zh('contact.body', values)}`,
	}
}

export async function handleContact({ request, params, context }: Args) {
	const lang = requireLang(params)
	const submission = parseForm(await request.formData(), { schema: contactSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), outcome: null as ContactOutcome | null }, { status: 400 })
	const form = submission.value
	// A robot filled the field people cannot see: thank it like a person, send nothing.
	if (form[HONEYPOT_FIELD]) return data({ result: submission.reply({ resetForm: true }), outcome: 'sent' as ContactOutcome | null })

	const ip = context.clientIp
	const since = new Date(context.now.getTime() - HOUR_MS)
	const recent = await countRecentMessages({ ip, since })
	if (recent.fromAddress >= CONTACT_MAX_PER_ADDRESS_PER_HOUR || recent.total >= CONTACT_MAX_PER_HOUR) {
		// What they typed stays in the form, to send later or by email.
		return data({ result: submission.reply(), outcome: 'throttled' as ContactOutcome | null }, { status: 429 })
	}
	const message = await labEmail({ form, lang, to: await labAddress() })
	const queued = await transaction(async (tx) => {
		await insertContactMessage({ name: form.name, email: form.email, subject: form.subject, body: form.message, lang, ip, at: context.now }, tx)
		await recordAudit({ event: 'contact_message_sent', email: form.email, ip, details: { lang } }, tx)
		return queueEmail({ kind: 'contact_message', ...message }, tx)
	})
	await deliverEmail(queued)
	return data({ result: submission.reply({ resetForm: true }), outcome: 'sent' as ContactOutcome | null })
}
