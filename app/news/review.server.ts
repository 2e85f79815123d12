/**
 * The review conversation on a news post, server side: what the edit page
 * shows of it, and its two forms (a comment from anyone who may edit the
 * post; "request changes" with a message, from editors, on a draft). Each
 * entry is stored, audited when it is a decision, and mailed to the other
 * side in their language after it is committed.
 */
import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { recordAudit } from '#app/audit/audit.queries.server.ts'
import { requirePermission } from '#app/auth/auth.server.ts'
import type { SessionUser } from '#app/auth/session.server.ts'
import type { ConversationEntry } from '#app/documents/review-conversation.tsx'
import { latestDecision, REVIEW_BODY_MAX } from '#app/documents/review-thread.ts'
import { notFound } from '#app/http/errors.ts'
import { getSiteOrigin } from '#app/http/site.server.ts'
import type { Lang } from '#app/i18n/config.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import type { TFunction } from 'i18next'
import { newsroomPaths } from './links.ts'
import type { EditablePost } from './newsroom.queries.server.ts'
import { notifyConversation } from './notifications.server.ts'
import { addPostReviewEntry, listPostConversation } from './review.queries.server.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

export const REVIEW_INTENTS = ['comment', 'request-changes'] as const
export type ReviewIntent = (typeof REVIEW_INTENTS)[number]

export function isReviewIntent(value: unknown): value is ReviewIntent {
	return typeof value === 'string' && (REVIEW_INTENTS as readonly string[]).includes(value)
}

const reviewSchema = z.object({
	intent: z.enum(REVIEW_INTENTS),
	message: z
		.string()
		.max(REVIEW_BODY_MAX, 'newsroom:review.too-long')
		.refine((value) => !value.includes('\u0000'), 'validation:invalid')
		.transform((value) => value.replace(/\r\n/g, '\n').trim())
		.pipe(z.string().min(1, 'newsroom:review.empty-message')),
})

/** The conversation as the edit page shows it, times in the reader's zone. */
export async function loadConversation({
	post,
	user,
	lang,
	t,
}: {
	post: EditablePost
	user: SessionUser
	lang: Lang
	t: TFunction<'newsroom'>
}): Promise<{ entries: ConversationEntry[]; changesRequested: boolean }> {
	const entries = await listPostConversation(post.id)
	const decision = latestDecision(entries)
	// Changes asked for stay asked for until the author submits again.
	const changesRequested =
		post.status === 'draft' &&
		decision?.kind === 'changes-requested' &&
		(post.reviewRequestedAt === null || post.reviewRequestedAt < decision.createdAt)
	return {
		changesRequested,
		entries: entries.map((entry) => ({
			id: entry.id,
			kind: entry.kind,
			body: entry.body,
			authorName: entry.authorName ?? t('history.unknown-author'),
			time: formatDateTime(lang, entry.createdAt, { timeZone: user.timeZone }),
			dateTime: entry.createdAt.toISOString(),
			context: t('review.about-revision', { version: entry.version }),
		})),
	}
}

/** A comment or a request for changes on `post`; answers the form's errors, or redirects to the post. */
export async function handleReviewAction({
	args,
	formData,
	user,
	post,
}: {
	args: Args
	formData: FormData
	user: SessionUser
	post: EditablePost
}): Promise<{ errors: string[] } | Response> {
	const lang = args.params.lang as Lang
	const parsed = reviewSchema.safeParse({ intent: formData.get('intent'), message: formData.get('message') ?? '' })
	if (!parsed.success) return { errors: parsed.error.issues.map((issue) => issue.message) }
	const { intent, message } = parsed.data
	if (intent === 'request-changes') {
		await requirePermission(args, 'news:publish')
		// A post readers can see is changed by editing it, not sent back.
		if (post.status !== 'draft') return { errors: ['newsroom:review.not-a-draft'] }
	}
	const kind = intent === 'request-changes' ? 'changes-requested' : 'comment'
	const added = await addPostReviewEntry({ postId: post.id, authorId: user.id, kind, body: message, now: args.context.now })
	if (!added) notFound()
	if (kind === 'changes-requested') {
		await recordAudit({
			event: 'post_changes_requested',
			actorId: user.id,
			ip: args.context.clientIp,
			details: { postId: post.id, title: post.versions.en?.title ?? post.versions.zh?.title ?? '', version: added.version },
		})
	}
	await notifyConversation({ origin: getSiteOrigin(), postId: post.id, writer: user, kind, body: message })
	return redirect(`${newsroomPaths.post(lang, post.id, intent)}#conversation`)
}
