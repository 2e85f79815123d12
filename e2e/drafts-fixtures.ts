/**
 * Policy drafts for e2e tests, written through the app's own functions (the
 * drafts' save, status moves), in a working group of the test's own with
 * members in each group role: a draft in exactly the state authors' clicks
 * would leave it. A private group's visibility is set in SQL (there is no
 * group administration yet).
 */
import { randomBytes } from 'node:crypto'
import { ensureMembership } from '#app/groups/groups.queries.server.ts'
import { parseSectionMarkdown, type DraftSectionText } from '#app/drafts/model.ts'
import { changeDraftStatus } from '#app/drafts/review.queries.server.ts'
import { createDraft } from '#app/drafts/save.queries.server.ts'
import { createUser, getDb, type TestUser } from './fixtures.ts'

process.env.DATABASE_URL ??= process.env.E2E_DATABASE_URL

export const DRAFT_SECTIONS = [
	{
		id: 'scope',
		en: '## Scope\n\nThe mechanism covers electric vehicles and their core components.',
		zh: '## 范围\n\n该机制涵盖电动汽车及其核心零部件。',
	},
	{
		id: 'steps',
		en: '## Steps\n\nFirst, simplify certification. Second, align testing standards.',
		zh: '## 步骤\n\n第一，简化认证流程。第二，统一检测标准。',
	},
] as const

export interface TestDraft {
	id: string
	groupId: string
	groupSlug: string
	titles: { en: string; zh: string }
	lead: TestUser
	member: TestUser
	observer: TestUser
	/** An official named reviewer, not a member of the group. */
	reviewer: TestUser
}

/** A group (public or private) with a lead, a member and an observer, and one draft in it. */
export async function createTestDraft({
	visibility = 'public',
	status = 'drafting',
	lang = 'en',
}: { visibility?: 'public' | 'private'; status?: 'drafting' | 'in_review' | 'published'; lang?: 'en' | 'zh' } = {}): Promise<TestDraft> {
	const suffix = randomBytes(4).toString('hex')
	const slug = `e2e-drafts-${suffix}`
	const [group] = await getDb()<{ id: string }[]>`
		insert into working_groups (slug, visibility, sort_order) values (${slug}, ${visibility}, 100) returning id::text as id
	`
	await getDb()`
		insert into working_group_translations (group_id, lang, name, summary, description)
		values (${group!.id}, 'en', ${`E2E group ${suffix}`}, '', ''), (${group!.id}, 'zh', ${`测试工作组 ${suffix}`}, '', '')
	`
	const lead = await createUser({ role: 'researcher', lang, name: `Lead ${suffix}` })
	const member = await createUser({ role: 'researcher', lang: lang === 'en' ? 'zh' : 'en', name: `Member ${suffix}` })
	const observer = await createUser({ role: 'official', lang, name: `Observer ${suffix}` })
	const reviewer = await createUser({ role: 'official', lang, name: `Reviewer ${suffix}` })
	await ensureMembership({ groupId: group!.id, userId: lead.id, role: 'lead' })
	await ensureMembership({ groupId: group!.id, userId: member.id, role: 'member' })
	await ensureMembership({ groupId: group!.id, userId: observer.id, role: 'observer' })

	const sections: DraftSectionText[] = DRAFT_SECTIONS.map((s) => ({ id: s.id, en: parseSectionMarkdown(s.en)[0]!, zh: parseSectionMarkdown(s.zh)[0]! }))
	const titles = { en: `Tariff Coordination Mechanism ${suffix}`, zh: `关税协调机制 ${suffix}` }
	const { id } = await createDraft({
		groupId: group!.id,
		actor: lead,
		input: { title: titles, sections, translated: new Set(sections.map((s) => `${s.id}.zh`)) },
		message: 'E2E draft',
		now: new Date(),
	})
	if (status !== 'drafting') {
		await changeDraftStatus({ draftId: id, expectedVersion: 1, actorId: lead.id, to: 'in_review', reviewerIds: [reviewer.id], candidates: new Set([reviewer.id]), now: new Date() })
	}
	if (status === 'published') {
		await getDb()`insert into policy_draft_reviews (draft_id, reviewer_id, version, decision) values (${id}, ${reviewer.id}, 2, 'approve')`
		await changeDraftStatus({ draftId: id, expectedVersion: 2, actorId: lead.id, to: 'final', now: new Date() })
		await changeDraftStatus({ draftId: id, expectedVersion: 3, actorId: lead.id, to: 'published', now: new Date() })
	}
	return { id, groupId: group!.id, groupSlug: slug, titles, lead, member, observer, reviewer }
}

/** Names the reviewer of a drafting draft (moves it to review). */
export async function nameReviewer(draft: TestDraft) {
	const [row] = await getDb()<{ version: number }[]>`select version from policy_drafts where id = ${draft.id}`
	await changeDraftStatus({
		draftId: draft.id,
		expectedVersion: row!.version,
		actorId: draft.lead.id,
		to: 'in_review',
		reviewerIds: [draft.reviewer.id],
		candidates: new Set([draft.reviewer.id]),
		now: new Date(),
	})
}

/** The newest email of a kind to an address, as the outbox holds it (sent after the response, so wait). */
export async function waitForDraftEmail(to: string, kind: 'draft_mention' | 'draft_review_request'): Promise<{ subject: string; body: string }> {
	const deadline = Date.now() + 15_000
	while (Date.now() < deadline) {
		const [row] = await getDb()<{ subject: string; body_text: string }[]>`
			select subject, body_text from email_outbox where to_email = ${to} and kind = ${kind} order by id desc limit 1
		`
		if (row) return { subject: row.subject, body: row.body_text }
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
	throw new Error(`No ${kind} email to ${to} arrived`)
}
