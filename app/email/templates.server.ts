/** The portal's emails, written in the recipient's language. */
import type { Role } from '#app/auth/permissions.ts'
import type { Lang } from '#app/i18n/config.ts'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { localizePath } from '#app/i18n/lang.ts'
import { formatDate } from '#app/i18n/format.ts'
import type { EmailMessage } from './outbox.server.ts'

export async function invitationEmail({
	to,
	name,
	role,
	lang,
	origin,
	token,
	expiresAt,
}: {
	to: string
	name: string
	role: Role
	lang: Lang
	origin: string
	token: string
	expiresAt: Date
}): Promise<EmailMessage> {
	const t = await getFixedT(lang, ['email', 'auth'])
	return {
		to,
		subject: t('email:invitation.subject'),
		text: t('email:invitation.body', {
			greeting: name ? t('email:invitation.greetingNamed', { name }) : t('email:invitation.greeting'),
			role: t(`auth:roles.${role}`),
			expires: formatDate(lang, expiresAt),
			link: `${origin}${localizePath(lang, `/invitations/${token}`)}`,
		}),
	}
}

export async function passwordResetEmail({
	to,
	name,
	lang,
	origin,
	token,
}: {
	to: string
	name: string
	lang: Lang
	origin: string
	token: string
}): Promise<EmailMessage> {
	const t = await getFixedT(lang, 'email')
	return {
		to,
		subject: t('reset.subject'),
		text: t('reset.body', { name, link: `${origin}${localizePath(lang, `/reset-password/${token}`)}` }),
	}
}

/** To an editor: a researcher asks for a news post to be reviewed. */
export async function reviewRequestEmail({
	to,
	name,
	lang,
	origin,
	postId,
	title,
	authorName,
}: {
	to: string
	name: string
	lang: Lang
	origin: string
	postId: string
	title: string
	authorName: string
}): Promise<EmailMessage> {
	const t = await getFixedT(lang, 'email')
	return {
		to,
		subject: t('review.subject', { title }),
		text: t('review.body', { name, author: authorName, title, link: `${origin}${localizePath(lang, `/newsroom/${postId}`)}` }),
	}
}

/** To a member @mentioned in a comment on a policy draft, in their language; `path` is the comment's address without the language. */
export async function draftMentionEmail({
	to,
	name,
	lang,
	origin,
	path,
	title,
	authorName,
	excerpt,
}: {
	to: string
	name: string
	lang: Lang
	origin: string
	path: string
	title: string
	authorName: string
	excerpt: string
}): Promise<EmailMessage> {
	const t = await getFixedT(lang, 'drafts')
	return {
		to,
		subject: t('email.mention.subject', { author: authorName, title }),
		text: t('email.mention.body', { name, author: authorName, title, excerpt, link: `${origin}${localizePath(lang, path)}` }),
	}
}

/** To someone named reviewer of a policy draft, in their language; `path` is the draft's address without the language. */
export async function draftReviewRequestEmail({
	to,
	name,
	lang,
	origin,
	path,
	title,
	requesterName,
}: {
	to: string
	name: string
	lang: Lang
	origin: string
	path: string
	title: string
	requesterName: string
}): Promise<EmailMessage> {
	const t = await getFixedT(lang, 'drafts')
	return {
		to,
		subject: t('email.review.subject', { title }),
		text: t('email.review.body', { name, requester: requesterName, title, link: `${origin}${localizePath(lang, path)}` }),
	}
}

/** What changed about a meeting, as an attendee hears of it. */
export type MeetingNoticeKind = 'invited' | 'changed' | 'cancelled'

/**
 * To an attendee: a meeting they are invited to, that changed, or that was
 * cancelled. Times come formatted in the recipient's language (their own
 * zone first, then both lab cities); the calendar file is linked, so their
 * calendar app updates the event it has (same UID, higher SEQUENCE).
 */
export async function meetingNoticeEmail({
	to,
	name,
	lang,
	kind,
	title,
	groupName,
	when,
	cities,
	place,
	onlineUrl,
	pageUrl,
	calendarUrl,
}: {
	to: string
	name: string
	lang: Lang
	kind: MeetingNoticeKind
	title: string
	groupName: string
	/** The meeting on the recipient's clock: "Tue, Mar 10, 2026, 17:00–18:00 (PDT)". */
	when: string
	/** "Tue 17:00 Davis = Wed 08:00 Beijing". */
	cities: string
	place: string
	onlineUrl: string
	pageUrl: string
	calendarUrl: string
}): Promise<EmailMessage> {
	const t = await getFixedT(lang, 'email')
	const details = [
		t('meeting.when', { when }),
		t('meeting.cities', { cities }),
		place ? t('meeting.place', { place }) : null,
		onlineUrl ? t('meeting.online', { url: onlineUrl }) : null,
	]
		.filter(Boolean)
		.join('\n')
	return {
		to,
		subject: t(`meeting.subject.${kind}`, { title }),
		text: t('meeting.body', {
			name,
			intro: t(`meeting.intro.${kind}`, { title, group: groupName }),
			details,
			page: pageUrl,
			calendar: kind === 'cancelled' ? t('meeting.calendar-cancelled', { link: calendarUrl }) : t('meeting.calendar', { link: calendarUrl }),
		}),
	}
}
