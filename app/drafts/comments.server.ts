/**
 * Commenting on a draft: a new thread on a section (optionally quoting a
 * passage of it in one language), a reply, resolving and reopening. @Name
 * mentions of the draft's participants are recorded and each mentioned
 * person is emailed, in their own language, through the outbox: queued in
 * the comment's transaction, sent after it commits.
 *
 * Threads are shown with the passage as it was quoted; the page says when
 * the section's text no longer contains it (`passageChanged`).
 */
import { deliverEmail, queueEmail, type QueuedEmail } from '#app/email/outbox.server.ts'
import { draftMentionEmail } from '#app/email/templates.server.ts'
import { type Lang } from '#app/i18n/config.ts'
import { transaction } from '#db/transaction.server.ts'
import { getThread, insertComment, setThreadResolved, type CommentRow } from './comments.queries.server.ts'
import { listParticipants, type Person } from './drafts.queries.server.ts'
import { draftPathsWithoutLang } from './links.ts'
import { MAX_QUOTE_CHARS, sectionMarkdown, type StoredSection } from './model.ts'

/** Whitespace-insensitive: a quote selected across a line break still matches. */
function normalize(text: string): string {
	return text.replace(/\s+/g, ' ').trim()
}

/** Whether `quote` is (still) a passage of the section in `lang`. */
export function quoteInSection({ quote, section, lang }: { quote: string; section: StoredSection | undefined; lang: Lang }): boolean {
	if (!quote) return true
	const text = section?.[lang]
	return Boolean(text) && normalize(sectionMarkdown(text ?? null)).includes(normalize(quote))
}

/**
 * People named as `@Name` in the text, longest names first (so "@Ana Li"
 * is not also "@Ana"); the author is never notified of their own mention.
 */
export function findMentions({ body, people, authorId }: { body: string; people: readonly Person[]; authorId: string }): Person[] {
	const found: Person[] = []
	let rest = body.toLowerCase()
	for (const person of [...people].sort((a, b) => b.name.length - a.name.length)) {
		const tag = `@${person.name.toLowerCase()}`
		if (!rest.includes(tag)) continue
		rest = rest.split(tag).join(' ')
		if (person.id !== authorId) found.push(person)
	}
	return found
}

export type CommentResult = { ok: true; commentId: string } | { ok: false; error: 'quote-not-found' | 'section-not-found' | 'thread-not-found' }

export async function addComment({
	draft,
	author,
	sectionId,
	lang,
	quote,
	body,
	parentId,
	origin,
	now,
}: {
	draft: { id: string; version: number; title: Record<Lang, string>; sections: readonly StoredSection[] }
	author: { id: string; name: string }
	sectionId: string
	lang: Lang
	quote: string
	body: string
	parentId: string | null
	origin: string
	now: Date
}): Promise<CommentResult> {
	let anchor: { sectionId: string; lang: Lang; quote: string }
	if (parentId) {
		const thread = await getThread({ draftId: draft.id, commentId: parentId })
		if (!thread) return { ok: false, error: 'thread-not-found' }
		anchor = { sectionId: thread.sectionId, lang: thread.lang, quote: '' }
	} else {
		const section = draft.sections.find((s) => s.id === sectionId)
		if (!section) return { ok: false, error: 'section-not-found' }
		const passage = quote.replace(/\s+/g, ' ').trim().slice(0, MAX_QUOTE_CHARS)
		if (!quoteInSection({ quote: passage, section, lang })) return { ok: false, error: 'quote-not-found' }
		anchor = { sectionId, lang, quote: passage }
	}

	const mentioned = findMentions({ body, people: await listParticipants(draft.id), authorId: author.id })
	const { commentId, queued } = await transaction(async (tx) => {
		const commentId = await insertComment(
			{ draftId: draft.id, parentId, ...anchor, version: draft.version, body, authorId: author.id, mentionIds: mentioned.map((p) => p.id), now },
			tx,
		)
		const queued: QueuedEmail[] = []
		for (const person of mentioned) {
			const message = await draftMentionEmail({
				to: person.email,
				name: person.name,
				lang: person.lang,
				origin,
				path: `${draftPathsWithoutLang.draft(draft.id)}#comment-${commentId}`,
				title: draft.title[person.lang] || draft.title.en || draft.title.zh,
				authorName: author.name,
				excerpt: body.length > 300 ? `${body.slice(0, 300)}…` : body,
			})
			queued.push(await queueEmail({ kind: 'draft_mention', ...message }, tx))
		}
		return { commentId, queued }
	})
	for (const message of queued) await deliverEmail(message)
	return { ok: true, commentId }
}

/** Resolves or reopens a thread: its author, or a member who writes in the group. */
export async function resolveThread({
	draftId,
	commentId,
	actorId,
	mayManage,
	resolved,
	now,
}: {
	draftId: string
	commentId: string
	actorId: string
	mayManage: boolean
	resolved: boolean
	now: Date
}): Promise<boolean> {
	const thread = await getThread({ draftId, commentId })
	if (!thread || (!mayManage && thread.authorId !== actorId)) return false
	await setThreadResolved({ draftId, commentId, by: resolved ? actorId : null, now })
	return true
}

export interface ThreadView {
	id: string
	sectionId: string
	lang: Lang
	quote: string
	passageChanged: boolean
	resolved: { at: Date; by: string | null } | null
	comments: { id: string; body: string; authorName: string | null; authorId: string | null; createdAt: Date; version: number }[]
}

/** Comments grouped into threads (first comment, then its replies), each marked when its passage has changed. */
export function threadsOf({ comments, sections }: { comments: readonly CommentRow[]; sections: readonly StoredSection[] }): ThreadView[] {
	const byId = new Map(sections.map((s) => [s.id, s]))
	const threads = new Map<string, ThreadView>()
	for (const comment of comments) {
		const entry = { id: comment.id, body: comment.body, authorName: comment.authorName, authorId: comment.authorId, createdAt: comment.createdAt, version: comment.version }
		if (comment.parentId) {
			threads.get(comment.parentId)?.comments.push(entry)
			continue
		}
		const section = byId.get(comment.sectionId)
		threads.set(comment.id, {
			id: comment.id,
			sectionId: comment.sectionId,
			lang: comment.lang,
			quote: comment.quote,
			passageChanged: Boolean(comment.quote) && !quoteInSection({ quote: comment.quote, section, lang: comment.lang }),
			resolved: comment.resolvedAt ? { at: comment.resolvedAt, by: comment.resolvedByName } : null,
			comments: [entry],
		})
	}
	return [...threads.values()]
}
