/**
 * Groups, meetings, meeting records and policy drafts in the search index,
 * each saved through its own feature: who finds what (results, totals and
 * kind counts) per role and group membership, and a save that hides a
 * document hides it in the same transaction.
 */
import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import { createUser } from '#app/accounts/users.queries.server.ts'
import { changeDraftStatus, recordReviewDecision } from '#app/drafts/review.queries.server.ts'
import { createDraft, saveDraft } from '#app/drafts/save.queries.server.ts'
import { currentRevision } from '#app/drafts/demo.queries.server.ts'
import { listMemberGroupIds } from '#app/groups/access.queries.server.ts'
import { ensureMembership, insertGroup, setGroupVisibility, updateGroupTexts } from '#app/groups/groups.queries.server.ts'
import { insertMeeting, type MeetingInput } from '#app/meetings/meeting-save.queries.server.ts'
import { saveRecord, type RecordInput } from '#app/meetings/record-save.queries.server.ts'
import { setRecordStatus } from '#app/meetings/review.queries.server.ts'
import { searchDocuments } from './search.queries.server.ts'
import type { SearchKind, SearchReader } from './types.ts'

const NOW = new Date('2026-11-23T18:00:00Z')
const word = () => `zq${randomBytes(4).toString('hex')}`

let publicGroup = ''
let privateGroup = ''
let publicMember = ''
let privateMember = ''
let outsider = ''
let admin = ''

type Who = 'anonymous' | 'outsider' | 'publicMember' | 'privateMember' | 'admin'
const WHO: Who[] = ['anonymous', 'outsider', 'publicMember', 'privateMember', 'admin']

/** The reader as the search page builds it: their groups read per request. */
async function reader(who: Who): Promise<SearchReader> {
	if (who === 'anonymous') return null
	const userId = { outsider, publicMember, privateMember, admin }[who]
	return { userId, isAdmin: who === 'admin', groupIds: await listMemberGroupIds(userId) }
}

/** What `who` finds for `q`: ref ids (deduplicated, sorted), the total, and the kind counts. */
async function find(q: string, who: Who, lang: 'en' | 'zh' = 'en') {
	const answer = await searchDocuments({ q, lang, reader: await reader(who), now: NOW, pageSize: 50 })
	return {
		refs: [...new Set(answer.results.map((r) => `${r.kind}:${r.refId}`))].sort(),
		total: answer.total,
		kinds: answer.facets.kind as Partial<Record<SearchKind, number>>,
	}
}

/** For each reader, what they find: exactly `expected[who]` (kind:refId), with totals and counts to match. */
async function expectFound(q: string, expected: Record<Who, string[]>) {
	for (const who of WHO) {
		const found = await find(q, who)
		expect({ who, refs: found.refs }).toEqual({ who, refs: [...expected[who]].sort() })
		// Totals and counts reveal nothing either: they count rows (one per language), never more than was shown.
		const kinds = Object.values(found.kinds).reduce((a, b) => a + (b ?? 0), 0)
		expect({ who, kinds }).toEqual({ who, kinds: found.total })
		if (expected[who].length === 0) expect({ who, total: found.total }).toEqual({ who, total: 0 })
	}
}

const person = (key: string, role: 'researcher' | 'admin' = 'researcher') =>
	createUser({ email: `${key}-${word()}@kinds.test`, name: key, role, passwordHash: 'x', lang: 'en', timeZone: 'UTC' })

async function group(slug: string, visibility: 'public' | 'private', en: string, zh: string) {
	const id = await insertGroup({
		slug,
		visibility,
		createdBy: null,
		texts: {
			en: { name: `Group ${en}`, summary: `Summary about ${en}`, description: `The **charter** of ${en}.` },
			zh: { name: `${zh}工作组`, summary: `关于${zh}`, description: `${zh}章程` },
		},
	})
	return id!
}

function meetingInput(en: string, zh: string): MeetingInput {
	return {
		titles: { en: `Meeting ${en}`, zh: `${zh}会议` },
		startsAt: new Date('2026-12-01T09:00:00Z'),
		endsAt: new Date('2026-12-01T10:00:00Z'),
		timeZone: 'UTC',
		place: 'Room 1',
		onlineUrl: '',
		agenda: [{ titleEn: `Agenda ${en} item`, titleZh: `${zh}议程` }],
		attendeeIds: [],
	}
}

function recordInput(en: string, zh: string): RecordInput {
	return {
		versions: { en: { body: `Minutes on ${en}.`, upToDate: false }, zh: { body: `关于${zh}的纪要。`, upToDate: true } },
		decisions: [{ en: `Decided ${en}`, zh: `决定${zh}` }],
		actionItems: [],
	}
}

beforeAll(async () => {
	publicMember = await person('public-member')
	privateMember = await person('private-member')
	outsider = await person('outsider')
	admin = await person('admin', 'admin')
	publicGroup = await group(`kinds-public-${word()}`, 'public', 'shared', '共享')
	privateGroup = await group(`kinds-private-${word()}`, 'private', 'secret', '机密')
	await ensureMembership({ groupId: publicGroup, userId: publicMember, role: 'member' })
	await ensureMembership({ groupId: privateGroup, userId: privateMember, role: 'lead' })
})

describe('working groups', () => {
	test('a public group is found by everyone, a private one by its members and admins, in both languages', async () => {
		const en = word()
		const pub = await group(`kinds-${en}-a`, 'public', en, '鲲鹏')
		const priv = await group(`kinds-${en}-b`, 'private', en, '鲲鹏')
		await ensureMembership({ groupId: priv, userId: privateMember, role: 'member' })
		const everyone = [`group:${pub}`]
		const all = [`group:${pub}`, `group:${priv}`]
		await expectFound(en, { anonymous: everyone, outsider: everyone, publicMember: everyone, privateMember: all, admin: all })
		expect((await find('鲲鹏工作组', 'anonymous', 'zh')).refs).toContain(`group:${pub}`)
		expect((await find('鲲鹏工作组', 'anonymous', 'zh')).refs).not.toContain(`group:${priv}`)
	})

	test('an edit of the texts is found at once; the old words are gone', async () => {
		const [before, after] = [word(), word()]
		const id = await group(`kinds-${before}`, 'public', before, '白鹭')
		await updateGroupTexts({
			groupId: id,
			texts: { en: { name: `Group ${after}`, summary: '', description: '' }, zh: { name: '白鹭', summary: '', description: '' } },
		})
		expect((await find(before, 'anonymous')).refs).toEqual([])
		expect((await find(after, 'anonymous')).refs).toEqual([`group:${id}`])
	})
})

describe('meetings and their records', () => {
	test('a meeting follows its group: public for a public group, members only for a private one', async () => {
		const en = word()
		const pub = await insertMeeting({ groupId: publicGroup, input: meetingInput(en, '鸿雁'), actorId: null, now: NOW }, sql)
		const priv = await insertMeeting({ groupId: privateGroup, input: meetingInput(en, '鸿雁'), actorId: null, now: NOW }, sql)
		const everyone = [`meeting:${pub}`]
		const all = [`meeting:${pub}`, `meeting:${priv}`]
		await expectFound(en, { anonymous: everyone, outsider: everyone, publicMember: everyone, privateMember: all, admin: all })
		// The agenda is searched too, in Chinese inside compounds.
		expect((await find('鸿雁议程', 'anonymous', 'zh')).refs).toEqual(everyone)
		expect((await find('鸿雁议程', 'privateMember', 'zh')).refs).toEqual(all.sort())
	})

	test('a record is for the members until published; then its published text is everyone’s, a newer version the members’ only', async () => {
		const [first, second] = [word(), word()]
		const meetingId = await insertMeeting({ groupId: publicGroup, input: meetingInput(first, '天鹅'), actorId: null, now: NOW }, sql)
		const saved = await saveRecord({ meetingId, expectedVersion: null, actor: { id: publicMember }, input: recordInput(first, '天鹅纪要'), now: NOW })
		if (saved.kind !== 'saved') throw new Error(saved.kind)
		const members = [`meeting:${meetingId}`, `record:${meetingId}`]
		const meetingOnly = [`meeting:${meetingId}`]
		await expectFound(first, { anonymous: meetingOnly, outsider: meetingOnly, publicMember: members, privateMember: meetingOnly, admin: members })
		expect((await find('天鹅纪要', 'anonymous', 'zh')).refs).toEqual([])

		await sql.begin(async (tx) => {
			await setRecordStatus(tx, { recordId: saved.id, status: 'in_review', now: NOW })
			await setRecordStatus(tx, { recordId: saved.id, status: 'approved', now: NOW })
			await setRecordStatus(tx, { recordId: saved.id, status: 'published', now: NOW })
		})
		await expectFound(first, { anonymous: members, outsider: members, publicMember: members, privateMember: members, admin: members })
		expect((await find('天鹅纪要', 'anonymous', 'zh')).refs).toEqual([`record:${meetingId}`])

		// A correction: the public keeps reading (and finding) the published version until it is published again.
		const edited = await saveRecord({ meetingId, expectedVersion: saved.version, actor: { id: publicMember }, input: recordInput(second, '天鹅纪要'), now: NOW })
		if (edited.kind !== 'saved') throw new Error(edited.kind)
		const working = [`record:${meetingId}:working`]
		await expectFound(second, { anonymous: [], outsider: [], publicMember: working, privateMember: [], admin: working })
		expect((await find(first, 'anonymous')).refs).toEqual(members)
	})

	test('a private group’s published record stays with its members', async () => {
		const en = word()
		const meetingId = await insertMeeting({ groupId: privateGroup, input: meetingInput(`${en}x`, '苍鹭'), actorId: null, now: NOW }, sql)
		const saved = await saveRecord({ meetingId, expectedVersion: null, actor: { id: privateMember }, input: recordInput(en, '苍鹭'), now: NOW })
		if (saved.kind !== 'saved') throw new Error(saved.kind)
		await sql.begin((tx) => setRecordStatus(tx, { recordId: saved.id, status: 'published', now: NOW }))
		const found = [`record:${meetingId}`]
		await expectFound(en, { anonymous: [], outsider: [], publicMember: [], privateMember: found, admin: found })
	})
})

describe('policy drafts', () => {
	async function draft(groupId: string, en: string, zh: string) {
		return createDraft({
			groupId,
			actor: null,
			input: {
				title: { en: `Draft ${en}`, zh: `${zh}草案` },
				sections: [{ id: 's1', en: { heading: 'Scope', level: 1, body: `Text on **${en}**.` }, zh: { heading: '范围', level: 1, body: `关于${zh}的条文。` } }],
				translated: new Set(['s1.zh']),
			},
			now: NOW,
		})
	}

	async function publish(draftId: string) {
		const move = async (to: 'in_review' | 'final' | 'published') => {
			const { version } = await currentRevision(draftId)
			const result = await changeDraftStatus({ draftId, expectedVersion: version, actorId: publicMember, to, reviewerIds: [outsider], candidates: new Set([outsider]), now: NOW })
			if (result.kind !== 'changed') throw new Error(`${to}: ${result.kind}`)
			return result.version
		}
		const version = await move('in_review')
		await recordReviewDecision({ draftId, reviewerId: outsider, version, decision: 'approve', note: '', now: NOW })
		await move('final')
		await move('published')
	}

	test('work in progress is the members’; published in a public group, everyone’s; in a private group, still the members’', async () => {
		const en = word()
		const pub = await draft(publicGroup, en, '孔雀')
		const priv = await draft(privateGroup, en, '孔雀')
		const none: string[] = []
		await expectFound(en, { anonymous: none, outsider: none, publicMember: [`draft:${pub.id}`], privateMember: [`draft:${priv.id}`], admin: [`draft:${pub.id}`, `draft:${priv.id}`] })
		await publish(pub.id)
		await publish(priv.id)
		const everyone = [`draft:${pub.id}`]
		await expectFound(en, { anonymous: everyone, outsider: everyone, publicMember: everyone, privateMember: [`draft:${pub.id}`, `draft:${priv.id}`], admin: [`draft:${pub.id}`, `draft:${priv.id}`] })
		// Both languages' sections are searched.
		expect((await find('孔雀的条文', 'anonymous', 'zh')).refs).toEqual(everyone)
	})

	test('an edit is found at once, with the old words gone', async () => {
		const [before, after] = [word(), word()]
		const created = await draft(publicGroup, before, '画眉')
		const base = await currentRevision(created.id)
		const saved = await saveDraft({
			draftId: created.id,
			baseRevisionId: base.id,
			actor: null,
			input: { title: { en: `Draft ${after}`, zh: '画眉草案' }, sections: [], translated: new Set() },
			now: NOW,
		})
		expect(saved.kind).toBe('saved')
		expect((await find(before, 'publicMember')).refs).toEqual([])
		expect((await find(after, 'publicMember')).refs).toEqual([`draft:${created.id}`])
	})
})

describe('a group made private', () => {
	test('hides the group and everything in it from the public in the same transaction (a rollback leaves them found)', async () => {
		const en = word()
		const id = await group(`kinds-turning-${en}`, 'public', en, '朱鹮')
		await ensureMembership({ groupId: id, userId: publicMember, role: 'lead' })
		const meetingId = await insertMeeting({ groupId: id, input: meetingInput(en, '朱鹮'), actorId: null, now: NOW }, sql)
		const saved = await saveRecord({ meetingId, expectedVersion: null, actor: { id: publicMember }, input: recordInput(en, '朱鹮'), now: NOW })
		if (saved.kind !== 'saved') throw new Error(saved.kind)
		await sql.begin((tx) => setRecordStatus(tx, { recordId: saved.id, status: 'published', now: NOW }))
		const everything = [`group:${id}`, `meeting:${meetingId}`, `record:${meetingId}`].sort()
		expect((await find(en, 'anonymous')).refs).toEqual(everything)

		// Inside the save's transaction the index has changed already; rolled back, nothing changed.
		const rolledBack = new Error('roll back')
		await expect(
			sql.begin(async (tx) => {
				await setGroupVisibility({ groupId: id, visibility: 'private' }, tx)
				const rows = await tx<{ audience: string }[]>`select distinct audience from search_documents where group_id = ${id}`
				expect(rows.map((row) => row.audience)).toEqual(['members'])
				throw rolledBack
			}),
		).rejects.toBe(rolledBack)
		expect((await find(en, 'anonymous')).refs).toEqual(everything)

		await setGroupVisibility({ groupId: id, visibility: 'private' })
		const found = await find(en, 'outsider')
		expect(found).toEqual({ refs: [], total: 0, kinds: {} })
		expect((await find(en, 'anonymous')).total).toBe(0)
		expect((await find(en, 'publicMember')).refs).toEqual(everything)

		// Public again: the published record and the meeting come back, for everyone.
		await setGroupVisibility({ groupId: id, visibility: 'public' })
		expect((await find(en, 'anonymous')).refs).toEqual(everything)
	})
})
