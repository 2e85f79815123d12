/**
 * One draft's page: both languages side by side, aligned by section, with
 * each section's translation state and the draft's translation summary;
 * for those who work on it, comment threads per section, the review panel
 * and links to edit, history, compare and exports. Published drafts of public
 * groups are public; everything else is for the group, its reviewers and
 * admins (404 for anyone else).
 *
 * Its action handles comments (new thread, reply, resolve, reopen) and the
 * review (send for review naming reviewers, approve or request changes,
 * final, publish, back to drafting), each behind its own permission.
 */
import { data, redirect } from '@remix-run/node'
import { z } from 'zod'
import { requirePermission } from '#app/auth/auth.server.ts'
import { can } from '#app/auth/permissions.ts'
import { idField, isUserId, optionalEmailAddress, text } from '#app/forms/fields.ts'
import { notFound } from '#app/http/errors.ts'
import { getSiteOrigin } from '#app/http/site.server.ts'
import { LANGS, type Lang } from '#app/i18n/config.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { askToConfirm, isConfirmed } from '#app/ui/confirm.tsx'
import { requireDraft, type Args, type DraftContext } from './access.server.ts'
import { addComment, resolveThread, threadsOf } from './comments.server.ts'
import { listComments } from './comments.queries.server.ts'
import { getDraft, listParticipants, listReviewerCandidates, type Draft } from './drafts.queries.server.ts'
import { draftTitle } from './editor-page.server.ts'
import { draftPaths, draftPathsWithoutLang } from './links.ts'
import { DRAFT_STATUSES, MAX_COMMENT_CHARS, MAX_QUOTE_CHARS, MAX_REVIEW_NOTE_CHARS, sectionHeading } from './model.ts'
import { renderSection } from './render.server.ts'
import { moveDraft } from './review.server.ts'
import { listReviewDecisions, listReviewers, recordReviewDecision, REVIEW_DECISIONS, STATUS_MOVES } from './review.queries.server.ts'
import { sectionStates, summarize } from './translation.ts'

export async function loadDraftPage(args: Args) {
	const context = await requireDraft(args, 'draft:read')
	const draft = await getDraft(context.access.id)
	if (!draft) notFound()
	return buildDraftPage({ context, draft })
}

async function buildDraftPage({ context, draft }: { context: DraftContext; draft: Draft }) {
	const { lang, actor, access, timeZone } = context
	const t = await getFixedT(lang, 'drafts')
	const title = draftTitle(draft, lang)
	const time = (date: Date) => formatDateTime(lang, date, { timeZone })
	const may = {
		edit: can(actor, 'draft:edit', access.target),
		comment: can(actor, 'draft:comment', access.target),
		manageReview: can(actor, 'draft:manage-review', access.target),
		review: can(actor, 'draft:review', access.target),
		// History, comparisons and old revisions: those who read the work in progress.
		readWork: can(actor, 'draft:read', { ...access.target, status: 'drafting' }),
	}
	const [comments, participants, reviewers, decisions, candidates] = await Promise.all([
		may.comment ? listComments(draft.id) : [],
		may.comment ? listParticipants(draft.id) : [],
		may.readWork ? listReviewers(draft.id) : [],
		may.readWork ? listReviewDecisions(draft.id) : [],
		may.manageReview && draft.status === 'drafting' ? listReviewerCandidates(draft.id, { groupOnly: true }) : [],
	])
	const threads = threadsOf({ comments, sections: draft.sections }).map((thread) => ({
		...thread,
		resolved: thread.resolved ? { at: time(thread.resolved.at), by: thread.resolved.by } : null,
		comments: thread.comments.map((comment) => ({ ...comment, createdAt: time(comment.createdAt), mayResolve: may.manageReview || comment.authorId === actor?.id })),
	}))
	const sectionIds = new Set(draft.sections.map((s) => s.id))
	const summary = summarize(draft.sections)

	return {
		lang,
		meta: await pageMeta(lang, { page: title, description: t('draft.description', { group: draft.group.name[lang] }) }),
		seo: { path: draftPathsWithoutLang.draft(draft.id), noindex: draft.status !== 'published' },
		draft: {
			id: draft.id,
			title: draft.title,
			displayTitle: title,
			status: draft.status,
			version: draft.version,
			group: { name: draft.group.name[lang], slug: draft.group.slug, visibility: draft.group.visibility },
			updated: time(draft.updatedAt),
			updatedDateTime: draft.updatedAt.toISOString(),
			createdByName: draft.createdByName,
		},
		summary,
		sections: draft.sections.map((section, index) => ({
			id: section.id,
			number: index + 1,
			heading: sectionHeading(section, lang),
			states: sectionStates(section),
			// Rendered and sanitized by the site's one renderer: what the editor's preview shows.
			html: Object.fromEntries(LANGS.map((l) => [l, renderSection(section[l])])) as Record<Lang, string>,
		})),
		may,
		threads: threads.filter((thread) => sectionIds.has(thread.sectionId)),
		orphanThreads: threads.filter((thread) => !sectionIds.has(thread.sectionId)),
		mentionNames: participants.filter((p) => p.id !== actor?.id).map((p) => p.name),
		review: {
			reviewers: reviewers.map((r) => ({
				id: r.id,
				name: r.name,
				latest: r.latest ? { ...r.latest, createdAt: time(r.latest.createdAt), current: r.latest.version === draft.version } : null,
			})),
			decisions: decisions.map((d) => ({ ...d, createdAt: time(d.createdAt) })),
			// The group's people, and whoever was named before (an official from outside, added by address).
			candidates: [
				...candidates.map((c) => ({ id: c.id, name: c.name, membership: c.membership, named: reviewers.some((r) => r.id === c.id) })),
				...reviewers.filter((r) => r.active && !candidates.some((c) => c.id === r.id)).map((r) => ({ id: r.id, name: r.name, membership: null, named: true })),
			],
			moves: may.manageReview ? STATUS_MOVES[draft.status] : [],
			allApproved: reviewers.length > 0 && reviewers.every((r) => r.latest?.decision === 'approve' && r.latest.version === draft.version),
			isReviewer: access.target.isReviewer,
		},
		paths: {
			draft: draftPaths.draft(lang, draft.id),
			edit: draftPaths.edit(lang, draft.id),
			history: draftPaths.history(lang, draft.id),
			compare: draftPaths.compare(lang, draft.id),
			translation: draftPaths.compare(lang, draft.id, { view: 'translation' }),
			print: draftPaths.print(lang, draft.id),
			printSequential: draftPaths.print(lang, draft.id, { layout: 'sequential' }),
			markdown: draftPaths.export(lang, draft.id, 'markdown'),
			docx: draftPaths.export(lang, draft.id, 'docx'),
			list: draftPaths.list(lang),
		},
		limits: { comment: MAX_COMMENT_CHARS, quote: MAX_QUOTE_CHARS, note: MAX_REVIEW_NOTE_CHARS },
	}
}

const commentSchema = z.object({
	sectionId: z.string().regex(/^[0-9a-z]{1,32}$/),
	lang: z.enum(['en', 'zh']),
	quote: text({ max: MAX_QUOTE_CHARS * 2 }),
	body: text({ max: MAX_COMMENT_CHARS, tooLong: 'drafts:errors.comment-too-long' }),
})
const replySchema = z.object({ parentId: idField, body: text({ max: MAX_COMMENT_CHARS, tooLong: 'drafts:errors.comment-too-long' }) })
const threadSchema = z.object({ commentId: idField })
const moveSchema = z.object({
	to: z.enum(DRAFT_STATUSES),
	version: z.coerce.number().int().positive().max(2_147_483_647),
	reviewerEmail: optionalEmailAddress(),
})
const decisionSchema = z.object({
	decision: z.enum(REVIEW_DECISIONS),
	version: z.coerce.number().int().positive().max(2_147_483_647),
	note: text({ max: MAX_REVIEW_NOTE_CHARS, tooLong: 'drafts:errors.note-too-long' }),
})

/** What a refused form gets back: its message and everything typed into it. */
export interface DraftPageActionData {
	intent: string
	/** The form it was (a section's new thread, a thread's reply). */
	target: string | null
	error: string
	values: Record<string, string>
	/** The reviewers ticked, when sending for review was refused (a form field repeated, which `values` cannot hold). */
	checked?: string[]
	confirm?: ReturnType<typeof askToConfirm>['confirm']
}

function refuse(body: DraftPageActionData, status = 400) {
	return data(body, { status })
}

export async function handleDraftPageAction(args: Args) {
	const context = await requireDraft(args, 'draft:read')
	const { lang, access } = context
	const formData = await args.request.formData()
	const intent = String(formData.get('intent') ?? '')
	const values = Object.fromEntries([...formData].filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
	const now = args.context.now
	const back = (hash = '') => redirect(`${draftPaths.draft(lang, access.id)}${hash}`)

	if (intent === 'comment' || intent === 'reply') {
		const { user } = await requirePermission(args, 'draft:comment', access.target)
		const draft = await getDraft(access.id)
		if (!draft) notFound()
		const parsed = intent === 'comment' ? commentSchema.safeParse(values) : replySchema.safeParse(values)
		const target = intent === 'comment' ? `section-${values.sectionId ?? ''}` : `thread-${values.parentId ?? ''}`
		if (!parsed.success) return refuse({ intent, target, error: issueOf(parsed.error), values })
		if (!parsed.data.body) return refuse({ intent, target, error: 'drafts:errors.comment-required', values })
		const input = parsed.data
		const result = await addComment({
			draft,
			author: user,
			sectionId: 'sectionId' in input ? input.sectionId : '',
			lang: 'lang' in input ? input.lang : 'en',
			quote: 'quote' in input ? input.quote : '',
			body: input.body,
			parentId: 'parentId' in input ? input.parentId : null,
			origin: getSiteOrigin(),
			now,
		})
		if (!result.ok) return refuse({ intent, target, error: `drafts:errors.${result.error}`, values }, result.error === 'quote-not-found' ? 409 : 404)
		return back(`#comment-${result.commentId}`)
	}

	if (intent === 'resolve' || intent === 'reopen') {
		const { user } = await requirePermission(args, 'draft:comment', access.target)
		const parsed = threadSchema.safeParse(values)
		if (!parsed.success) return refuse({ intent, target: null, error: 'drafts:errors.thread-not-found', values }, 404)
		const done = await resolveThread({
			draftId: access.id,
			commentId: parsed.data.commentId,
			actorId: user.id,
			mayManage: can(user, 'draft:manage-review', access.target),
			resolved: intent === 'resolve',
			now,
		})
		if (!done) return refuse({ intent, target: `thread-${parsed.data.commentId}`, error: 'drafts:errors.thread-not-yours', values }, 403)
		return back(`#comment-${parsed.data.commentId}`)
	}

	if (intent === 'move') {
		const { user } = await requirePermission(args, 'draft:manage-review', access.target)
		const parsed = moveSchema.safeParse(values)
		const reviewerIds = formData.getAll('reviewers').filter(isUserId)
		if (!parsed.success) return refuse({ intent, target: 'review', error: issueOf(parsed.error), values, checked: reviewerIds })
		const { to, version, reviewerEmail } = parsed.data
		// Publishing, and taking a final or published draft back, ask first.
		if ((to === 'published' || (to === 'drafting' && access.status !== 'in_review')) && !isConfirmed(formData)) {
			const question = to === 'published' ? 'drafts:review.confirm-publish' : 'drafts:review.confirm-reopen'
			return data({ intent, target: 'review', error: '', values, ...askToConfirm(formData, question) } satisfies DraftPageActionData)
		}
		const draft = await getDraft(access.id)
		if (!draft) notFound()
		const result = await moveDraft({ draft, actor: user, to, expectedVersion: version, reviewerIds, reviewerEmail: reviewerEmail || null, origin: getSiteOrigin(), now })
		if (result.kind === 'changed') return back('#review')
		if (result.kind === 'not-found') notFound()
		const error = result.kind === 'moved' ? 'drafts:errors.moved' : `drafts:errors.review.${result.reason}`
		return refuse({ intent, target: 'review', error, values, checked: reviewerIds }, result.kind === 'moved' ? 409 : 400)
	}

	if (intent === 'decide') {
		const { user } = await requirePermission(args, 'draft:review', access.target)
		const parsed = decisionSchema.safeParse(values)
		if (!parsed.success) return refuse({ intent, target: 'review', error: issueOf(parsed.error), values })
		const outcome = await recordReviewDecision({ draftId: access.id, reviewerId: user.id, ...parsed.data, now })
		if (outcome === 'recorded') return back('#review')
		return refuse({ intent, target: 'review', error: outcome === 'moved' ? 'drafts:errors.moved-review' : 'drafts:errors.not-reviewing', values }, 409)
	}

	return refuse({ intent, target: null, error: 'drafts:errors.invalid', values })
}

/** The first problem with a form, as a translation key (bounded fields carry theirs). */
function issueOf(error: z.ZodError): string {
	const message = error.issues[0]?.message ?? ''
	return message.includes(':') ? message : 'drafts:errors.invalid'
}
