/**
 * Meeting records against a real database: saves with the version check,
 * the review cycle with two reviewers, sign-offs whose hashes recompute from
 * the stored revision, re-approval after an edit, and the emails each step
 * queues in its recipients' languages.
 */
import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import type { GroupTarget, Role } from '#app/auth/permissions.ts'
import { listOwnOpenActionItems, setOwnActionItemStatus } from './action-items.queries.server.ts'
import { recordContentHash } from './record-hash.ts'
import { approveRecord, commentOnRecord, publishRecord, requestReview, saveRecordContent, type RecordScope } from './record-operations.server.ts'
import type { RecordInput } from './record-save.queries.server.ts'
import { getCurrentSnapshot, getRecordByMeeting, getVersionSnapshot, listReviewers, listSignoffs } from './records.queries.server.ts'
import { listReviewQueue } from './review-queue.queries.server.ts'

const unique = (label: string) => `${label}-${randomBytes(4).toString('hex')}`
const NOW = new Date('2026-11-20T12:00:00Z')
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000)

async function user(role: Role, { lang = 'en', name = unique('user') }: { lang?: 'en' | 'zh'; name?: string } = {}) {
	const id = unique('u')
	await sql`insert into users (id, email, name, role, password_hash, lang) values (${id}, ${`${id}@example.org`}, ${name}, ${role}, 'x', ${lang})`
	return { id, role, name, email: `${id}@example.org` }
}

async function setup({ visibility = 'public' as 'public' | 'private' } = {}) {
	const slug = unique('g')
	const [g] = await sql<{ id: string }[]>`insert into working_groups (slug, visibility) values (${slug}, ${visibility}) returning id::text as id`
	await sql`insert into working_group_translations (group_id, lang, name, summary, description) values (${g!.id}, 'en', 'Tariffs', '', ''), (${g!.id}, 'zh', '关税', '', '')`
	const lead = await user('researcher', { lang: 'zh' })
	const member = await user('researcher')
	const official = await user('official')
	const official2 = await user('official', { lang: 'zh' })
	await sql`insert into group_memberships (group_id, user_id, role) values (${g!.id}, ${lead.id}, 'lead'), (${g!.id}, ${member.id}, 'member')`
	const [m] = await sql<{ id: string }[]>`
		insert into meetings (group_id, starts_at, ends_at, time_zone) values (${g!.id}, ${NOW}, ${later(60)}, 'America/Los_Angeles') returning id::text as id
	`
	await sql`insert into meeting_translations (meeting_id, lang, title) values (${m!.id}, 'en', 'Tariff talk'), (${m!.id}, 'zh', '关税会谈')`
	const [agenda] = await sql<{ id: string }[]>`insert into agenda_items (meeting_id, position, title_en, title_zh) values (${m!.id}, 0, 'Batteries', '电池') returning id::text as id`
	const scopeFor = (membership: GroupTarget['membership']): RecordScope => ({
		meetingId: m!.id,
		groupId: g!.id,
		group: { visibility, membership },
		meetingTitles: { en: 'Tariff talk', zh: '关税会谈' },
		groupNames: { en: 'Tariffs', zh: '关税' },
		origin: 'https://portal.example',
	})
	return { groupId: g!.id, meetingId: m!.id, agendaItemId: agenda!.id, lead, member, official, official2, scopeFor }
}

function input(body: string, items: RecordInput['actionItems'] = []): RecordInput {
	return {
		versions: { en: { body, upToDate: false }, zh: { body: `${body}（中文）`, upToDate: true } },
		decisions: [{ en: 'Adopt the plan', zh: '通过计划' }],
		actionItems: items,
	}
}

async function outbox(to: string) {
	return sql<{ kind: string; subject: string; bodyText: string }[]>`select kind, subject, body_text from email_outbox where to_email = ${to} order by id`
}

describe('saving a record', () => {
	test('the first save starts it; later saves carry the version; a stale version writes nothing', async () => {
		const s = await setup()
		const scope = s.scopeFor('member')
		const first = await saveRecordContent({ scope, actor: s.member, expectedVersion: null, input: input('Opening'), now: NOW })
		expect(first).toMatchObject({ kind: 'saved', version: 1, status: 'draft' })
		const second = await saveRecordContent({ scope, actor: s.member, expectedVersion: 1, input: input('Second'), now: later(1) })
		expect(second).toMatchObject({ kind: 'saved', version: 2 })
		// Someone still on version 1: a conflict naming who saved, and the stored text is theirs, not the stale one.
		const stale = await saveRecordContent({ scope, actor: s.lead, expectedVersion: 1, input: input('Stale'), now: later(2) })
		expect(stale).toMatchObject({ kind: 'conflict', current: { version: 2, savedBy: s.member.name } })
		const snapshot = await getCurrentSnapshot({ recordId: (await getRecordByMeeting({ meetingId: s.meetingId }))!.id })
		expect(snapshot.versions.en?.bodyMarkdown).toBe('Second')
		// A second "new record" on the same meeting is a conflict too.
		expect(await saveRecordContent({ scope, actor: s.lead, expectedVersion: null, input: input('Mine'), now: later(3) })).toMatchObject({ kind: 'conflict' })
		// Saving what is already saved makes no version.
		expect(await saveRecordContent({ scope, actor: s.member, expectedVersion: 2, input: input('Second'), now: later(4) })).toMatchObject({ kind: 'unchanged', version: 2 })
	})

	test('translation counters: the translation confirmed up to date points at the original’s revision', async () => {
		const s = await setup()
		await saveRecordContent({ scope: s.scopeFor('member'), actor: s.member, expectedVersion: null, input: input('One'), now: NOW })
		const edited: RecordInput = { ...input('One'), versions: { en: { body: 'One, revised', upToDate: false }, zh: { body: 'One（中文）', upToDate: false } } }
		await saveRecordContent({ scope: s.scopeFor('member'), actor: s.member, expectedVersion: 1, input: edited, now: later(1) })
		const record = (await getRecordByMeeting({ meetingId: s.meetingId }))!
		const snapshot = await getCurrentSnapshot({ recordId: record.id })
		expect(snapshot.versions.en).toMatchObject({ revision: 2 })
		// The Chinese was made from English revision 1; English is at 2 now: outdated.
		expect(snapshot.versions.zh).toMatchObject({ revision: 1, translatedFromRevision: 1 })
	})

	test('owners must be members of the group; a cancelled meeting has no minutes', async () => {
		const s = await setup()
		const items = [{ id: '', en: 'Write', zh: '', ownerId: s.official.id, dueDate: '2026-12-01', formIndex: 3 }]
		expect(await saveRecordContent({ scope: s.scopeFor('member'), actor: s.member, expectedVersion: null, input: input('x', items), now: NOW })).toEqual({
			kind: 'invalid',
			fieldErrors: { 'actionItems[3].ownerId': ['records:errors.owner-not-member'] },
		})
		expect(await getRecordByMeeting({ meetingId: s.meetingId })).toBeNull()
		await sql`update meetings set cancelled_at = ${NOW} where id = ${s.meetingId}`
		expect(await saveRecordContent({ scope: s.scopeFor('member'), actor: s.member, expectedVersion: null, input: input('x'), now: NOW })).toEqual({ kind: 'cancelled' })
	})

	test('an action item keeps its status through edits; its owner hears of it once, in their language', async () => {
		const s = await setup()
		const item = { id: '', en: 'Draft the letter', zh: '起草信函', ownerId: s.lead.id, dueDate: '2026-11-01' }
		const saved = await saveRecordContent({ scope: s.scopeFor('member'), actor: s.member, expectedVersion: null, input: input('x', [item]), now: NOW })
		if (saved.kind !== 'saved') throw new Error(saved.kind)
		const mail = await outbox(s.lead.email)
		expect(mail).toHaveLength(1)
		expect(mail[0]).toMatchObject({ kind: 'action_item_assigned' })
		expect(mail[0]!.subject).toContain('关税会谈')
		expect(mail[0]!.bodyText).toContain('起草信函')
		const [own] = await listOwnOpenActionItems({ userId: s.lead.id, lang: 'en' })
		expect(own).toMatchObject({ en: 'Draft the letter', meetingTitle: 'Tariff talk', groupName: 'Tariffs' })
		expect(await setOwnActionItemStatus({ itemId: own!.id, ownerId: s.member.id, status: 'done', now: NOW })).toBe(false)
		expect(await setOwnActionItemStatus({ itemId: own!.id, ownerId: s.lead.id, status: 'done', now: NOW })).toBe(true)
		// An edit of the text keeps the item (and its status), and tells nobody again.
		await saveRecordContent({ scope: s.scopeFor('member'), actor: s.member, expectedVersion: 1, input: input('x', [{ ...item, id: own!.id, en: 'Draft the letter now' }]), now: later(1) })
		const [status] = await sql<{ status: string }[]>`select status from meeting_action_items where id = ${own!.id}`
		expect(status?.status).toBe('done')
		expect(await outbox(s.lead.email)).toHaveLength(1)
	})
})

describe('the review cycle', () => {
	test('two reviewers: changes requested, then both approve; sign-offs hash the signed revision; an edit needs approval again', async () => {
		const s = await setup()
		const lead = { ...s.lead }
		await saveRecordContent({ scope: s.scopeFor('lead'), actor: lead, expectedVersion: null, input: input('Minutes'), now: NOW })
		const review = await requestReview({ scope: s.scopeFor('lead'), actor: lead, expectedVersion: 1, reviewerIds: [s.official.id, s.official2.id], now: later(1) })
		expect(review).toEqual({ kind: 'done', status: 'in_review' })
		expect((await outbox(s.official.email)).map((m) => m.kind)).toEqual(['record_review_requested'])
		expect((await outbox(s.official2.email))[0]!.subject).toContain('待审阅')
		expect((await listReviewQueue({ userId: s.official.id, lang: 'en' })).map((q) => q.meetingId)).toEqual([s.meetingId])

		const reviewer = (who: typeof s.official) => ({ scope: { ...s.scopeFor(null) }, actor: who })
		expect(await commentOnRecord({ ...reviewer(s.official), expectedVersion: 1, agendaItemId: s.agendaItemId, body: 'Check the battery figure', requestChanges: false, now: later(2) })).toEqual({
			kind: 'done',
			status: 'in_review',
		})
		expect(await commentOnRecord({ ...reviewer(s.official), expectedVersion: 1, agendaItemId: null, body: 'Please fix', requestChanges: true, now: later(3) })).toEqual({
			kind: 'done',
			status: 'draft',
		})
		expect((await outbox(s.lead.email)).map((m) => m.kind)).toContain('record_changes_requested')
		// In draft, nobody may sign.
		const record = (await getRecordByMeeting({ meetingId: s.meetingId }))!
		const hash1 = await recordContentHash({ recordId: record.id, version: 1, snapshot: (await getVersionSnapshot({ recordId: record.id, version: 1 }))! })
		expect(await approveRecord({ ...reviewer(s.official), expectedVersion: 1, shownHash: hash1, now: later(4) })).toEqual({ kind: 'conflict' })

		await saveRecordContent({ scope: s.scopeFor('lead'), actor: lead, expectedVersion: 1, input: input('Minutes, fixed'), now: later(5) })
		await requestReview({ scope: s.scopeFor('lead'), actor: lead, expectedVersion: 2, reviewerIds: [s.official.id, s.official2.id], now: later(6) })
		const hash2 = await recordContentHash({ recordId: record.id, version: 2, snapshot: (await getVersionSnapshot({ recordId: record.id, version: 2 }))! })
		expect(hash2).not.toBe(hash1)
		// A hash the reviewer was not shown (of another version) signs nothing.
		expect(await approveRecord({ ...reviewer(s.official), expectedVersion: 2, shownHash: hash1, now: later(7) })).toEqual({ kind: 'conflict' })
		expect(await approveRecord({ ...reviewer(s.official), expectedVersion: 2, shownHash: hash2, now: later(7) })).toEqual({ kind: 'done', status: 'in_review' })
		// Someone not named may not sign.
		expect(await approveRecord({ scope: s.scopeFor('member'), actor: s.member, expectedVersion: 2, shownHash: hash2, now: later(8) })).toEqual({ kind: 'not-allowed' })
		expect(await approveRecord({ ...reviewer(s.official2), expectedVersion: 2, shownHash: hash2, now: later(8) })).toEqual({ kind: 'done', status: 'approved' })
		expect((await outbox(s.lead.email)).map((m) => m.kind)).toContain('record_approved')
		expect(await listReviewQueue({ userId: s.official.id, lang: 'en' })).toEqual([])

		const signoffs = await listSignoffs({ recordId: record.id })
		expect(signoffs.map((x) => [x.version, x.contentHash])).toEqual([
			[2, hash2],
			[2, hash2],
		])
		// Sign-offs are never changed.
		await expect(sql`update meeting_record_signoffs set content_hash = ${'0'.repeat(64)} where record_id = ${record.id}`).rejects.toThrow(/append-only/)

		expect(await publishRecord({ scope: s.scopeFor('lead'), actor: lead, expectedVersion: 2, now: later(9) })).toEqual({ kind: 'done', status: 'published' })
		expect((await outbox(s.member.email)).map((m) => m.kind)).toContain('record_published')

		// An edit after publication: version 3, back in review with the same reviewers, the published version 2 stays.
		const edit = await saveRecordContent({ scope: s.scopeFor('lead'), actor: lead, expectedVersion: 2, input: input('Minutes, corrected'), now: later(10) })
		expect(edit).toMatchObject({ kind: 'saved', version: 3, status: 'in_review', reopenedReview: true })
		const after = (await getRecordByMeeting({ meetingId: s.meetingId }))!
		expect(after).toMatchObject({ status: 'in_review', version: 3, publishedVersion: 2 })
		expect((await outbox(s.official2.email)).filter((m) => m.kind === 'record_review_requested')).toHaveLength(3)
		const hash3 = await recordContentHash({ recordId: record.id, version: 3, snapshot: await getCurrentSnapshot({ recordId: record.id }) })
		expect(hash3).not.toBe(hash2)
		// The signed version still recomputes to what was signed.
		expect(await recordContentHash({ recordId: record.id, version: 2, snapshot: (await getVersionSnapshot({ recordId: record.id, version: 2 }))! })).toBe(hash2)
		await approveRecord({ ...reviewer(s.official), expectedVersion: 3, shownHash: hash3, now: later(11) })
		expect(await approveRecord({ ...reviewer(s.official2), expectedVersion: 3, shownHash: hash3, now: later(12) })).toEqual({ kind: 'done', status: 'approved' })
	})

	test('a reviewer must be allowed to see the group: for a private group, its members and observers', async () => {
		const s = await setup({ visibility: 'private' })
		await saveRecordContent({ scope: s.scopeFor('lead'), actor: s.lead, expectedVersion: null, input: input('Private'), now: NOW })
		expect(await requestReview({ scope: s.scopeFor('lead'), actor: s.lead, expectedVersion: 1, reviewerIds: [s.official.id], now: later(1) })).toEqual({
			kind: 'invalid',
			fieldErrors: { reviewers: ['records:errors.reviewer-cannot-read'] },
		})
		expect((await getRecordByMeeting({ meetingId: s.meetingId }))!.status).toBe('draft')
		await sql`insert into group_memberships (group_id, user_id, role) values (${s.groupId}, ${s.official.id}, 'observer')`
		expect(await requestReview({ scope: s.scopeFor('lead'), actor: s.lead, expectedVersion: 1, reviewerIds: [s.official.id], now: later(2) })).toEqual({
			kind: 'done',
			status: 'in_review',
		})
		// Only a lead names reviewers.
		expect(await requestReview({ scope: s.scopeFor('member'), actor: s.member, expectedVersion: 1, reviewerIds: [s.official.id], now: later(3) })).toEqual({ kind: 'not-allowed' })
	})

	test('a reviewer from outside the group by address: found, named and told; an unknown or unreadable address is refused alike', async () => {
		const s = await setup()
		await saveRecordContent({ scope: s.scopeFor('lead'), actor: s.lead, expectedVersion: null, input: input('Public'), now: NOW })
		const unknown = { kind: 'invalid', fieldErrors: { reviewerEmail: ['records:errors.reviewer-email-unknown'] } }
		expect(await requestReview({ scope: s.scopeFor('lead'), actor: s.lead, expectedVersion: 1, reviewerIds: [], reviewerEmail: 'nobody-here@example.org', now: later(1) })).toEqual(unknown)
		const gone = await user('official')
		await sql`update users set deactivated_at = ${NOW} where id = ${gone.id}`
		expect(await requestReview({ scope: s.scopeFor('lead'), actor: s.lead, expectedVersion: 1, reviewerIds: [], reviewerEmail: gone.email, now: later(2) })).toEqual(unknown)
		expect((await getRecordByMeeting({ meetingId: s.meetingId }))!.status).toBe('draft')

		expect(await requestReview({ scope: s.scopeFor('lead'), actor: s.lead, expectedVersion: 1, reviewerIds: [s.official.id], reviewerEmail: s.official2.email, now: later(3) })).toEqual({
			kind: 'done',
			status: 'in_review',
		})
		expect((await listReviewers({ recordId: (await getRecordByMeeting({ meetingId: s.meetingId }))!.id })).map((r) => r.userId).sort()).toEqual([s.official.id, s.official2.id].sort())
		expect((await outbox(s.official2.email)).map((m) => m.kind)).toContain('record_review_requested')

		// A private group's record: an address outside the group is refused in the same words.
		const closed = await setup({ visibility: 'private' })
		await saveRecordContent({ scope: closed.scopeFor('lead'), actor: closed.lead, expectedVersion: null, input: input('Private'), now: NOW })
		expect(await requestReview({ scope: closed.scopeFor('lead'), actor: closed.lead, expectedVersion: 1, reviewerIds: [], reviewerEmail: closed.official.email, now: later(4) })).toEqual(unknown)
	})

	test('a comment on an agenda item of another meeting is refused', async () => {
		const s = await setup()
		const other = await setup()
		await saveRecordContent({ scope: s.scopeFor('lead'), actor: s.lead, expectedVersion: null, input: input('x'), now: NOW })
		await requestReview({ scope: s.scopeFor('lead'), actor: s.lead, expectedVersion: 1, reviewerIds: [s.official.id], now: later(1) })
		expect(
			await commentOnRecord({ scope: s.scopeFor(null), actor: s.official, expectedVersion: 1, agendaItemId: other.agendaItemId, body: 'Hm', requestChanges: false, now: later(2) }),
		).toEqual({ kind: 'invalid', fieldErrors: { agendaItemId: ['records:errors.agenda-item-unknown'] } })
	})
})
