/**
 * A meeting record's page: the minutes in both languages, decisions, action
 * items, the sign-offs with their hashes and what recomputing them says, and
 * (for the group and its reviewers) the review: reviewers and their
 * progress, the trail of comments per agenda item, and the forms to ask for
 * review, comment, request changes, approve and publish.
 *
 * Who reads what: the group, its reviewers and admins read the current
 * version; everyone else who may read the group reads the published version
 * (and its sign-offs), which stays public while a correction is in review.
 */
import { data, redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { parseForm } from '#app/forms/submission.ts'
import { requirePermission } from '#app/auth/auth.server.ts'
import { can } from '#app/auth/permissions.ts'
import { renderMarkdown } from '#app/content/markdown.server.ts'
import { translationState } from '#app/documents/translation-status.ts'
import { groupName } from '#app/groups/public.server.ts'
import { notFound } from '#app/http/errors.ts'
import { DEFAULT_TIME_ZONE, LANGS, otherLang, type Lang } from '#app/i18n/config.ts'
import { formatDate, formatDateTime } from '#app/i18n/format.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { askToConfirm, isConfirmed, type PendingConfirmation } from '#app/ui/confirm.tsx'
import { loadRecordContext, type RecordContext } from './record-access.server.ts'
import { recordCanonicalText, recordContentHash, shortHash, type RecordSnapshot } from './record-hash.ts'
import { recordPaths, recordPathsWithoutLang } from './record-links.ts'
import { approveRecord, commentOnRecord, publishRecord, requestReview, type StepResult } from './record-operations.server.ts'
import { PARSE_OPTIONS, reviewSchema, type ReviewForm } from './record-schema.ts'
import { calendarDate, isOverdue, reviewProgress } from './record-workflow.ts'
import {
	getCurrentSnapshot,
	getUserNames,
	getVersionSnapshot,
	listActionItemStatus,
	listGroupPeople,
	listRecordEvents,
	listReviewers,
	listSignoffs,
} from './records.queries.server.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

export function meetingTitle(titles: Partial<Record<Lang, string>>, lang: Lang): string {
	return titles[lang] ?? titles[otherLang(lang)] ?? ''
}

/** Dates without a time (due dates) are the same day everywhere: shown as written. */
export function formatDueDate(lang: Lang, dueDate: string): string {
	return formatDate(lang, new Date(`${dueDate}T12:00:00Z`), { timeZone: 'UTC' })
}

/** The decisions and action items of a version, ready to show (owners by name; live status where known). */
export async function contentForDisplay({
	lang,
	snapshot,
	statuses,
	today,
}: {
	lang: Lang
	snapshot: RecordSnapshot
	statuses: Map<string, 'open' | 'done'> | null
	today: string
}) {
	const names = await getUserNames({ ids: snapshot.actionItems.map((item) => item.ownerId) })
	return {
		minutes: Object.fromEntries(
			LANGS.map((l) => {
				const version = snapshot.versions[l]
				return [
					l,
					version
						? {
								html: renderMarkdown(version.bodyMarkdown),
								state: translationState(version, snapshot.versions[otherLang(l)]),
								revision: version.revision,
							}
						: null,
				]
			}),
		) as Record<Lang, { html: string; state: ReturnType<typeof translationState>; revision: number } | null>,
		decisions: snapshot.decisions.map((decision) => ({ en: decision.en, zh: decision.zh })),
		actionItems: snapshot.actionItems.map((item) => {
			const status = statuses?.get(item.id) ?? null
			return {
				id: item.id,
				en: item.en,
				zh: item.zh,
				ownerName: names.get(item.ownerId) ?? '',
				due: formatDueDate(lang, item.dueDate),
				dueDate: item.dueDate,
				status,
				overdue: status === 'open' && isOverdue({ dueDate: item.dueDate, today }),
			}
		}),
	}
}

async function readableView(args: Args, ctx: RecordContext) {
	const { actor, record, target } = ctx
	if (can(actor, 'record:read', target)) return 'current' as const
	if (record?.publishedVersion && can(actor, 'record:read', { ...target, status: 'published' })) return 'published' as const
	// Audited, and the same 404 as an unknown meeting.
	await requirePermission(args, 'record:read', target)
	notFound()
}

export async function loadRecordPage(args: Args) {
	const lang = requireLang(args.params)
	const ctx = await loadRecordContext(args)
	const { user, actor, meeting, group, record, target } = ctx
	const view = await readableView(args, ctx)
	const t = await getFixedT(lang, 'records')
	const timeZone = user?.timeZone ?? DEFAULT_TIME_ZONE[lang]
	const title = meetingTitle(meeting.titles, lang)
	const base = {
		lang,
		meta: await pageMeta(lang, { page: t('record.title', { title }), description: t('record.description', { title }) }),
		// Only minutes the public may read belong in search indexes.
		seo: { path: recordPathsWithoutLang.record(meeting.id), noindex: !(view === 'published' || record?.status === 'published') },
		meeting: {
			id: meeting.id,
			title,
			startsAt: formatDateTime(lang, meeting.startsAt, { timeZone }),
			cancelled: meeting.cancelledAt !== null,
			href: recordPaths.meeting(lang, meeting.id),
		},
		group: { name: groupName(group, lang), href: recordPaths.group(lang, group.slug) },
		recordHref: recordPaths.record(lang, meeting.id),
		editHref: can(actor, 'record:edit', target) && !meeting.cancelledAt ? recordPaths.edit(lang, meeting.id) : null,
	}
	if (!record) return { ...base, view: null, record: null, content: null, signoffGroups: [], review: null, historyHref: null }

	const shownVersion = view === 'current' ? record.version : record.publishedVersion!
	const today = calendarDate(args.context.now, timeZone)
	const [snapshot, statusRows, allSignoffs] = await Promise.all([
		view === 'current' ? getCurrentSnapshot({ recordId: record.id }) : getVersionSnapshot({ recordId: record.id, version: shownVersion }),
		listActionItemStatus({ recordId: record.id }),
		listSignoffs({ recordId: record.id }),
	])
	if (!snapshot) notFound()
	const shownHash = await recordContentHash({ recordId: record.id, version: shownVersion, snapshot })
	const content = await contentForDisplay({ lang, snapshot, statuses: new Map(statusRows.map((row) => [row.id, row.status])), today })

	// Each signed version is hashed again from its revision: intact, and does it match what this page shows?
	const signoffs = view === 'current' ? allSignoffs : allSignoffs.filter((s) => s.version === shownVersion)
	const versions = [...new Set(signoffs.map((s) => s.version))]
	const recomputed = new Map<number, string | null>()
	for (const version of versions) {
		// The version shown is the one read above (the published one, for readers): not read twice.
		const signed = view !== 'current' && version === shownVersion ? snapshot : await getVersionSnapshot({ recordId: record.id, version })
		recomputed.set(version, signed ? await recordContentHash({ recordId: record.id, version, snapshot: signed }) : null)
	}
	const time = (date: Date) => formatDateTime(lang, date, { timeZone })
	const signoffGroups = versions.map((version) => ({
		version,
		recomputedHash: recomputed.get(version) ?? null,
		signoffs: signoffs
			.filter((s) => s.version === version)
			.map((s) => ({
				id: s.id,
				signerName: s.signerName,
				signedAt: time(s.signedAt),
				signedAtIso: s.signedAt.toISOString(),
				hash: s.contentHash,
				short: shortHash(s.contentHash),
				format: s.hashFormat,
				intact: recomputed.get(version) === s.contentHash,
				matchesShown: s.contentHash === shownHash,
			})),
	}))

	const review = view === 'current' && actor ? await loadReview({ ctx, lang, time }) : null
	return {
		...base,
		view,
		record: {
			id: record.id,
			status: record.status,
			version: record.version,
			shownVersion,
			publishedVersion: record.publishedVersion,
			/** The current version has no complete approval although an earlier one had. */
			awaitingReapproval: view === 'current' && record.status !== 'approved' && record.status !== 'published' && allSignoffs.length > 0,
			newerInReview: view === 'published' ? false : record.publishedVersion !== null && record.publishedVersion < record.version,
			hash: shownHash,
			shortHash: shortHash(shownHash),
			canonicalText: recordCanonicalText({ recordId: record.id, version: shownVersion, snapshot }),
		},
		content,
		signoffGroups,
		review,
		historyHref: view === 'current' ? recordPaths.history(lang, meeting.id) : null,
	}
}

async function loadReview({ ctx, lang, time }: { ctx: RecordContext; lang: Lang; time: (date: Date) => string }) {
	const { actor, meeting, group, record, target } = ctx
	if (!record || !actor) return null
	const [reviewers, events, signoffs, members] = await Promise.all([
		listReviewers({ recordId: record.id }),
		listRecordEvents({ recordId: record.id }),
		listSignoffs({ recordId: record.id }),
		listGroupPeople({ groupId: group.id }),
	])
	const progress = reviewProgress({
		reviewerIds: reviewers.map((r) => r.userId),
		signoffs: signoffs.map((s) => ({ signerId: s.signerId, version: s.version })),
		version: record.version,
	})
	const agendaTitle = (id: string | null) => {
		const item = meeting.agenda.find((a) => a.id === id)
		return item ? (lang === 'zh' ? item.titleZh || item.titleEn : item.titleEn || item.titleZh) : null
	}
	// Offered: the group's people and whoever was named before (someone from
	// outside, added by address). Not every official of the portal: a lab has
	// hundreds, and the page listed them all (a megabyte of names).
	const named = new Set(reviewers.map((r) => r.userId))
	const candidates = new Map<string, { id: string; name: string; named: boolean; role: string }>()
	for (const person of members) {
		if (person.active) candidates.set(person.id, { id: person.id, name: person.name, named: named.has(person.id), role: person.role })
	}
	for (const reviewer of reviewers) {
		if (reviewer.active && !candidates.has(reviewer.userId)) candidates.set(reviewer.userId, { id: reviewer.userId, name: reviewer.name, named: true, role: reviewer.role })
	}
	return {
		reviewers: reviewers.map((r) => ({ id: r.userId, name: r.name, approved: progress.approved.includes(r.userId) })),
		events: events.map((e) => ({
			id: e.id,
			event: e.event,
			version: e.version,
			actorName: e.actorName,
			agendaTitle: agendaTitle(e.agendaItemId),
			body: e.body,
			at: time(e.createdAt),
		})),
		agenda: meeting.agenda.map((item) => ({ id: item.id, title: (lang === 'zh' ? item.titleZh || item.titleEn : item.titleEn || item.titleZh) })),
		candidates: [...candidates.values()],
		canManageReview: can(actor, 'record:manage-review', target),
		canReview: can(actor, 'record:review', target),
		signedCurrent: signoffs.some((s) => s.signerId === actor.id && s.version === record.version),
	}
}

/** Every review form's question, for the confirmation asked without JavaScript. */
const QUESTIONS: Partial<Record<ReviewForm['intent'], string>> = {
	approve: 'records:confirm.approve',
	'request-changes': 'records:confirm.request-changes',
	publish: 'records:confirm.publish',
}

export async function handleRecordAction(args: Args) {
	const lang = requireLang(args.params)
	const ctx = await loadRecordContext(args)
	const formData = await args.request.formData()
	const intent = String(formData.get('intent') ?? '')
	const submission = parseForm(formData, { schema: reviewSchema, ...PARSE_OPTIONS })
	const permission = intent === 'request-review' || intent === 'publish' ? 'record:manage-review' : 'record:review'
	// Audited 404 for anyone the step is not for (the public included), before anything else is said. A
	// named reviewer whose record just left review is told it moved on (by the operation), not refused.
	const { user } = await requirePermission(args, permission, permission === 'record:review' ? { ...ctx.target, status: 'in_review' } : ctx.target)
	const reply = (status: number, extra: { formErrors?: string[]; fieldErrors?: Record<string, string[]> } = {}, confirm: PendingConfirmation | null = null) =>
		data({ intent, result: submission.reply(extra), confirm }, { status })
	if (submission.status !== 'success') return reply(400)
	const form = submission.value
	const question = QUESTIONS[form.intent]
	if (question && !isConfirmed(formData)) return reply(200, {}, askToConfirm(formData, question).confirm)

	const actor = { id: user.id, role: user.role, name: user.name }
	const common = { scope: ctx.scope, actor, expectedVersion: form.version, now: args.context.now }
	let result: StepResult
	switch (form.intent) {
		case 'request-review':
			result = await requestReview({ ...common, reviewerIds: form.reviewers, reviewerEmail: form.reviewerEmail || null })
			break
		case 'comment':
		case 'request-changes':
			result = await commentOnRecord({ ...common, agendaItemId: form.agendaItemId || null, body: form.body, requestChanges: form.intent === 'request-changes' })
			break
		case 'approve':
			result = await approveRecord({ ...common, shownHash: form.hash })
			break
		case 'publish':
			result = await publishRecord(common)
			break
	}
	switch (result.kind) {
		case 'done':
			return redirect(recordPaths.record(lang, ctx.meeting.id, form.intent))
		case 'conflict':
			return reply(409, { formErrors: ['records:errors.moved-on'] })
		case 'invalid':
			return reply(400, { fieldErrors: result.fieldErrors })
		case 'not-allowed':
			notFound()
	}
}
