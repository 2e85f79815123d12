/**
 * Who hears what about a news post, by email in their own language: editors
 * of a review request and of the author's replies, the author of a request
 * for changes, of a comment and of the publication, and an editor whose
 * change was replaced by someone who kept their own version after a
 * conflict. Messages go through the outbox (app/email), after the change
 * they announce has been committed.
 */
import { listActiveUsersWithRoles } from '#app/accounts/public.server.ts'
import { sendEmail, type EmailKind } from '#app/email/outbox.server.ts'
import { otherLang, type Lang } from '#app/i18n/config.ts'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { newsroomPaths } from './links.ts'
import { getPostAuthorContact, getPostTitles, listPostParticipants, type ReviewParticipant } from './review.queries.server.ts'

interface Recipient {
	id: string
	name: string
	email: string
	lang: Lang
}

/** The title in the recipient's language, else the other one's. */
function titleFor(titles: Partial<Record<Lang, string>>, lang: Lang): string {
	return titles[lang] || titles[otherLang(lang)] || ''
}

async function send({
	kind,
	to,
	keys,
	values,
	link,
}: {
	kind: EmailKind
	to: Recipient
	keys: { subject: string; body: string }
	values: Record<string, string>
	link: string
}) {
	// Keys chosen above from this module's own constants.
	const t = (await getFixedT(to.lang, 'email')) as unknown as (key: string, values: Record<string, string>) => string
	await sendEmail({
		kind,
		to: to.email,
		subject: t(keys.subject, values),
		text: t(keys.body, { ...values, name: to.name, link }),
	})
}

const editLink = (origin: string, lang: Lang, postId: string) => `${origin}${newsroomPaths.post(lang, postId)}`

/** Every active editor hears of a review request, in their own language. */
export async function notifyReviewRequested({ origin, postId, author }: { origin: string; postId: string; author: { id: string; name: string } }) {
	const [titles, editors] = await Promise.all([getPostTitles(postId), listActiveUsersWithRoles(['editor'])])
	for (const editor of editors) {
		if (editor.id === author.id) continue
		await send({
			kind: 'review_request',
			to: editor,
			keys: { subject: 'review.subject', body: 'review.body' },
			values: { author: author.name, title: titleFor(titles, editor.lang) },
			link: editLink(origin, editor.lang, postId),
		})
	}
}

/**
 * A new entry in the conversation. From the author: the editors who took
 * part hear of it (all editors when none has yet). From anyone else: the
 * author, and whoever else took part.
 */
export async function notifyConversation({
	origin,
	postId,
	writer,
	kind,
	body,
}: {
	origin: string
	postId: string
	writer: { id: string; name: string }
	kind: 'comment' | 'changes-requested'
	body: string
}) {
	const [titles, author, participants] = await Promise.all([
		getPostTitles(postId),
		getPostAuthorContact(postId),
		listPostParticipants({ postId, exceptUserId: writer.id }),
	])
	const recipients = new Map<string, ReviewParticipant>()
	if (author && author.id !== writer.id) recipients.set(author.id, author)
	for (const participant of participants) recipients.set(participant.id, participant)
	if (author?.id === writer.id && participants.length === 0) {
		for (const editor of await listActiveUsersWithRoles(['editor'])) if (editor.id !== writer.id) recipients.set(editor.id, editor)
	}
	for (const to of recipients.values()) {
		// Only the author is asked to change their post; others read it as a reply.
		const asked = kind === 'changes-requested' && to.id === author?.id
		await send({
			kind: asked ? 'review_changes_requested' : 'review_comment',
			to,
			keys: asked
				? { subject: 'review-thread.changes-requested.subject', body: 'review-thread.changes-requested.body' }
				: { subject: 'review-thread.comment.subject', body: 'review-thread.comment.body' },
			values: { writer: writer.name, title: titleFor(titles, to.lang), message: body },
			link: editLink(origin, to.lang, postId),
		})
	}
}

/** The author hears that an editor published or scheduled their post. */
export async function notifyPublished({
	origin,
	postId,
	editor,
	scheduledFor,
	publicPaths,
}: {
	origin: string
	postId: string
	editor: { id: string; name: string }
	/** Formatted per language when the post was scheduled; null when it is public now. */
	scheduledFor: ((lang: Lang) => string) | null
	/** The article's path per language, for a link readers would follow. */
	publicPaths: Partial<Record<Lang, string>>
}) {
	const author = await getPostAuthorContact(postId)
	if (!author || author.id === editor.id) return
	const titles = await getPostTitles(postId)
	const path = publicPaths[author.lang] ?? publicPaths[otherLang(author.lang)]
	await send({
		kind: 'post_published',
		to: author,
		keys: scheduledFor
			? { subject: 'review-thread.scheduled.subject', body: 'review-thread.scheduled.body' }
			: { subject: 'review-thread.published.subject', body: 'review-thread.published.body' },
		values: { editor: editor.name, title: titleFor(titles, author.lang), time: scheduledFor?.(author.lang) ?? '' },
		link: scheduledFor || !path ? editLink(origin, author.lang, postId) : `${origin}${path}`,
	})
}

/** Whoever's saved change a "keep my version" replaced hears which fields, and where to find their text. */
export async function notifyOverwritten({
	origin,
	postId,
	editor,
	recipients,
	fields,
}: {
	origin: string
	postId: string
	editor: { name: string }
	recipients: readonly Recipient[]
	/** Per language: the fields' names as that reader reads them. */
	fields: (lang: Lang) => Promise<string>
}) {
	const titles = await getPostTitles(postId)
	for (const to of recipients) {
		await send({
			kind: 'edit_overwritten',
			to,
			keys: { subject: 'overwritten.subject', body: 'overwritten.body' },
			values: { editor: editor.name, title: titleFor(titles, to.lang), fields: await fields(to.lang) },
			link: `${origin}${newsroomPaths.history(to.lang, postId)}`,
		})
	}
}
