/**
 * Loads the demo policy drafts through the app's own functions (the saves,
 * status moves, review decisions and comments real authors make), so demo
 * drafts have real revisions, translation counters and threads. Idempotent:
 * a draft whose group already has one with its English title is left alone.
 */
import { randomBytes } from 'node:crypto'
import { createUser, getActiveUserByEmail } from '#app/accounts/users.queries.server.ts'
import { hashPassword } from '#app/auth/password.server.ts'
import { insertComment, setThreadResolved } from '#app/drafts/comments.queries.server.ts'
import { currentRevision, findDraftIdByTitle } from '#app/drafts/demo.queries.server.ts'
import { ensureMembership, findGroupIdBySlug } from '#app/groups/groups.queries.server.ts'
import { parseSectionMarkdown, type DraftSectionText, type SectionText } from '#app/drafts/model.ts'
import { changeDraftStatus, recordReviewDecision } from '#app/drafts/review.queries.server.ts'
import { createDraft, saveDraft } from '#app/drafts/save.queries.server.ts'
import type { Queryable } from '../sql.server.ts'
import type { SeedDraft, SeedDraftPerson, SeedSectionText } from './types.ts'

/** The co-authors, made once; their password is random and thrown away (they never sign in). */
async function ensurePeople(people: readonly SeedDraftPerson[], db: Queryable): Promise<Map<string, { id: string; name: string }>> {
	const ids = new Map<string, { id: string; name: string }>()
	let passwordHash: string | null = null
	for (const person of people) {
		let user = await getActiveUserByEmail(person.email, db)
		if (!user) {
			passwordHash ??= await hashPassword(randomBytes(32).toString('base64url'))
			await createUser({ email: person.email, name: person.name, role: 'researcher', passwordHash, lang: person.lang, timeZone: person.timeZone, ifEmailTaken: 'skip' }, db)
			user = await getActiveUserByEmail(person.email, db)
		}
		if (user) ids.set(person.key, { id: user.id, name: user.name })
	}
	return ids
}

function sectionText(markdown: SeedSectionText): SectionText | null {
	if (markdown === null) return null
	const [first] = parseSectionMarkdown(markdown)
	return first ?? null
}

export async function ensureDrafts({ people, drafts, db }: { people: readonly SeedDraftPerson[]; drafts: readonly SeedDraft[]; db: Queryable }) {
	const users = await ensurePeople(people, db)
	const who = (key: string) => {
		const user = users.get(key)
		if (!user) throw new Error(`Seed draft: unknown person ${key}`)
		return user
	}
	for (const draft of drafts) {
		const groupId = await findGroupIdBySlug(draft.groupSlug, db)
		if (!groupId) throw new Error(`Seed draft ${draft.key}: no group ${draft.groupSlug}`)
		for (const member of draft.members) await ensureMembership({ groupId, userId: who(member.person).id, role: member.role }, db)
		if (await findDraftIdByTitle({ groupId, titleEn: draft.title.en }, db)) continue
		await writeDraft({ draft, groupId, who, db })
	}
}

async function writeDraft({ draft, groupId, who, db }: { draft: SeedDraft; groupId: string; who: (key: string) => { id: string; name: string }; db: Queryable }) {
	const translation = draft.original === 'en' ? 'zh' : 'en'
	let sections: DraftSectionText[] = draft.sections.map((s) => ({ id: s.id, en: sectionText(s.en), zh: sectionText(s.zh) }))
	const { id } = await createDraft({
		groupId,
		actor: who(draft.created.by),
		input: { title: draft.title, sections, translated: new Set(sections.filter((s) => s.en && s.zh).map((s) => `${s.id}.${translation}`)) },
		message: draft.created.message,
		now: new Date(draft.created.at),
		db,
	})

	for (const revision of draft.revisions) {
		for (const change of revision.changes) {
			const existing = sections.find((s) => s.id === change.id)
			const next: DraftSectionText = {
				id: change.id,
				en: change.en === undefined ? (existing?.en ?? null) : sectionText(change.en),
				zh: change.zh === undefined ? (existing?.zh ?? null) : sectionText(change.zh),
			}
			sections = existing ? sections.map((s) => (s.id === change.id ? next : s)) : [...sections, next]
		}
		const base = await currentRevision(id, db)
		const saved = await saveDraft({
			draftId: id,
			baseRevisionId: base.id,
			actor: who(revision.by),
			input: { title: draft.title, sections, translated: new Set(revision.translated ?? []) },
			message: revision.message,
			now: new Date(revision.at),
			db,
		})
		if (saved.kind !== 'saved') throw new Error(`Seed draft ${draft.key}: ${saved.kind}`)
	}

	if (draft.publication) {
		const { by, reviewers, requestedAt, approvedAt, publishedAt } = draft.publication
		const reviewerIds = reviewers.map((key) => who(key).id)
		const move = async (to: 'in_review' | 'final' | 'published', at: string) => {
			const { version } = await currentRevision(id, db)
			const result = await changeDraftStatus(
				{ draftId: id, expectedVersion: version, actorId: who(by).id, to, reviewerIds, candidates: new Set(reviewerIds), now: new Date(at) },
				db,
			)
			if (result.kind !== 'changed') throw new Error(`Seed draft ${draft.key}: ${to}: ${result.kind}`)
			return result.version
		}
		const inReview = await move('in_review', requestedAt)
		for (const reviewerId of reviewerIds) {
			await recordReviewDecision({ draftId: id, reviewerId, version: inReview, decision: 'approve', note: '', now: new Date(approvedAt) }, db)
		}
		await move('final', approvedAt)
		await move('published', publishedAt)
	}

	const { version } = await currentRevision(id, db)
	for (const comment of draft.comments) {
		const threadId = await insertComment(
			{
				draftId: id,
				sectionId: comment.section,
				lang: comment.lang,
				quote: comment.quote,
				version,
				body: comment.body,
				authorId: who(comment.by).id,
				mentionIds: (comment.mentions ?? []).map((key) => who(key).id),
				now: new Date(comment.at),
			},
			db,
		)
		for (const reply of comment.replies ?? []) {
			await insertComment(
				{ draftId: id, parentId: threadId, sectionId: comment.section, lang: comment.lang, version, body: reply.body, authorId: who(reply.by).id, mentionIds: [], now: new Date(reply.at) },
				db,
			)
		}
		if (comment.resolved) await setThreadResolved({ draftId: id, commentId: threadId, by: who(comment.resolved.by).id, now: new Date(comment.resolved.at) }, db)
	}
}
