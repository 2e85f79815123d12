/**
 * Saving drafts against a real database: concurrent saves merge per section
 * and language (English and Chinese), overlapping ones write nothing until
 * the author chooses, base revisions that are not this draft's are refused,
 * translation counters follow each section, and every save is a revision
 * with its parent.
 */
import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import { encodeCursor, parseCursor, type KeysetCursor } from '#app/http/keyset.queries.server.ts'
import { getDraft, getDraftAccess, getSectionTextAtRevision, listDraftRevisions, listDrafts, listReviewerCandidates } from './drafts.queries.server.ts'
import { readEditorForm, toDraftInput } from './editor-form.ts'
import { sectionMarkdown, textOf, type DraftInput, type DraftSectionText } from './model.ts'
import { changeDraftStatus } from './review.queries.server.ts'
import { createDraft, saveDraft } from './save.queries.server.ts'
import { sectionStates, summarize } from './translation.ts'

const unique = (label: string) => `${label}-${randomBytes(4).toString('hex')}`
const now = new Date('2026-12-01T10:00:00Z')

async function user(role: 'researcher' | 'official' | 'admin' = 'researcher') {
	const id = unique('u')
	await sql`insert into users (id, email, name, role, password_hash) values (${id}, ${`${id}@example.org`}, ${id}, ${role}, 'x')`
	return { id, role }
}

async function group(visibility: 'public' | 'private' = 'public') {
	const [row] = await sql<{ id: string }[]>`insert into working_groups (slug, visibility) values (${unique('g')}, ${visibility}) returning id::text as id`
	return row!.id
}

const text = (heading: string, body: string) => ({ heading, level: 2, body })

function input(sections: DraftSectionText[], translated: string[] = [], title = { en: 'Mutual Recognition Agreement', zh: '市场准入互认协议' }): DraftInput {
	return { title, sections, translated: new Set(translated) }
}

const START = [
	{ id: 'scope', en: text('Scope', 'Certification of power batteries and charging interfaces.'), zh: text('范围', '动力电池和充电接口的认证。') },
	{ id: 'steps', en: text('Steps', 'First, simplify certification. Second, align testing standards.'), zh: text('步骤', '第一，简化认证流程。第二，统一检测标准。') },
]

async function newDraft({ visibility = 'public' as 'public' | 'private' } = {}) {
	const author = await user()
	const groupId = await group(visibility)
	await sql`insert into group_memberships (group_id, user_id, role) values (${groupId}, ${author.id}, 'member')`
	const created = await createDraft({ groupId, actor: author, input: input(START, ['scope.zh', 'steps.zh']), message: 'First draft', now })
	return { ...created, author, groupId }
}

async function current(draftId: string) {
	const draft = (await getDraft(draftId))!
	return { draft, text: textOf(draft.sections) }
}

/** The editor's form fields, as the page's form sends them. */
function editorFormFixture(
	form: FormData,
	{ baseRevision, title, rows }: { baseRevision: string; title: Record<'en' | 'zh', string>; rows: { key: string; en: string; zh: string }[] },
) {
	form.set('baseRevision', baseRevision)
	form.set('title.en', title.en)
	form.set('title.zh', title.zh)
	for (const row of rows) {
		form.append('section', row.key)
		form.set(`text.${row.key}.en`, row.en)
		form.set(`text.${row.key}.zh`, row.zh)
	}
}

function edited(sections: DraftSectionText[], id: string, lang: 'en' | 'zh', body: string): DraftSectionText[] {
	return sections.map((s) => (s.id === id ? { ...s, [lang]: { ...s[lang]!, body } } : s))
}

describe('saving a draft', () => {
	test('two authors saving the same revision: non-overlapping edits merge, in English and in Chinese', async () => {
		const { id, author } = await newDraft()
		const other = await user()
		const { draft } = await current(id)
		const base = draft.revisionId

		const first = await saveDraft({ draftId: id, baseRevisionId: base, actor: other, input: input(edited(START, 'scope', 'zh', '动力电池、换电技术和充电接口的认证。')), now })
		expect(first).toMatchObject({ kind: 'saved', version: 2, merged: null })

		const second = await saveDraft({
			draftId: id,
			baseRevisionId: base,
			actor: author,
			input: input(edited(START, 'steps', 'en', 'First, simplify certification. Second, align testing standards for batteries.')),
			message: 'Batteries',
			now,
		})
		expect(second).toMatchObject({ kind: 'saved', version: 3, merged: { basedOn: 1, changes: [{ sectionId: 'scope', lang: 'zh', change: 'edited' }] } })
		const { text } = await current(id)
		expect(text.find((s) => s.id === 'scope')!.zh!.body).toBe('动力电池、换电技术和充电接口的认证。')
		expect(text.find((s) => s.id === 'steps')!.en!.body).toContain('for batteries')

		const revisions = await listDraftRevisions(id)
		expect(revisions.map((r) => [r.version, r.action, r.basedOnVersion, r.message])).toEqual([
			[3, 'merge', 1, 'Batteries'],
			[2, 'update', 1, ''],
			[1, 'create', null, 'First draft'],
		])
		expect(revisions[0]!.changedFields).toEqual(['section.steps.en'])
	})

	test('overlapping edits write nothing and keep every text; the author\'s choices, made on this version, are saved', async () => {
		const { id, author } = await newDraft()
		const other = await user()
		const base = (await current(id)).draft.revisionId
		await saveDraft({ draftId: id, baseRevisionId: base, actor: other, input: input(edited(START, 'scope', 'zh', '动力电池的认证。')), now })

		const mine = input(edited(START, 'scope', 'zh', '充电接口的认证。'))
		const conflict = await saveDraft({ draftId: id, baseRevisionId: base, actor: author, input: mine, now })
		expect(conflict).toMatchObject({ kind: 'conflict', headVersion: 2, missing: [] })
		if (conflict.kind !== 'conflict') throw new Error('expected a conflict')
		expect(conflict.conflicts.map((c) => [c.key, c.ours, c.theirs, c.base])).toEqual([
			['scope.zh', '## 范围\n\n充电接口的认证。\n', '## 范围\n\n动力电池的认证。\n', '## 范围\n\n动力电池和充电接口的认证。\n'],
		])
		expect((await current(id)).draft.version).toBe(2)
		expect(await listDraftRevisions(id)).toHaveLength(2)

		// Choices without all conflicts chosen: still nothing written.
		expect(await saveDraft({ draftId: id, baseRevisionId: base, mergeVersion: 2, actor: author, input: mine, now })).toMatchObject({ kind: 'conflict', missing: ['scope.zh'] })
		// Choices made against an older version of the draft are asked again.
		const resolved = await saveDraft({
			draftId: id,
			baseRevisionId: base,
			mergeVersion: 2,
			choices: { 'scope.zh': { custom: '## 范围\n\n动力电池和充电接口的统一认证。' } },
			actor: author,
			input: mine,
			now,
		})
		expect(resolved).toMatchObject({ kind: 'saved', version: 3 })
		expect((await current(id)).text[0]!.zh!.body).toBe('动力电池和充电接口的统一认证。')
		const latest = (await current(id)).draft.revisionId
		expect(await saveDraft({ draftId: id, baseRevisionId: latest, actor: other, input: input(edited(START, 'scope', 'zh', '又一次修改。')), now })).toMatchObject({ kind: 'saved', version: 4 })
		expect(await saveDraft({ draftId: id, baseRevisionId: base, mergeVersion: 3, choices: { 'scope.zh': 'ours' }, actor: author, input: mine, now })).toMatchObject({
			kind: 'conflict',
			headVersion: 4,
		})
		expect((await current(id)).draft.version).toBe(4)
	})

	test('what the merge and the author\'s choices make is held to the limits too: a huge custom text writes nothing', async () => {
		const { id, author } = await newDraft()
		const other = await user()
		const base = (await current(id)).draft.revisionId
		await saveDraft({ draftId: id, baseRevisionId: base, actor: other, input: input(edited(START, 'scope', 'en', 'Theirs.')), now })
		const mine = input(edited(START, 'scope', 'en', 'Mine.'))
		const huge = `## Scope\n\n${'Very long. '.repeat(20_000)}`
		const result = await saveDraft({ draftId: id, baseRevisionId: base, mergeVersion: 2, choices: { 'scope.en': { custom: huge } }, actor: author, input: mine, now })
		expect(result).toMatchObject({ kind: 'invalid', errors: [{ key: 'errors.too-long.en', values: { max: 200_000 } }] })
		expect((await current(id)).draft.version).toBe(2)

		// A control character in a conflict's own text is refused when the form is read.
		const form = new FormData()
		form.set('choice.scope.en', 'custom')
		form.set('custom.scope.en', 'bad\u0000text')
		expect(readEditorForm(form).errors).toEqual([{ key: 'errors.control-characters' }])
	})

	test('a base revision that does not exist or belongs to another draft is refused, nothing written', async () => {
		const { id, author } = await newDraft()
		const another = await newDraft()
		const foreign = (await current(another.id)).draft.revisionId
		expect(await saveDraft({ draftId: id, baseRevisionId: foreign, actor: author, input: input(START), now })).toEqual({ kind: 'invalid-base' })
		expect(await saveDraft({ draftId: id, baseRevisionId: '999999999999', actor: author, input: input(START), now })).toEqual({ kind: 'invalid-base' })
		expect(await saveDraft({ draftId: id, baseRevisionId: 'not-an-id', actor: author, input: input(START), now })).toEqual({ kind: 'invalid-base' })
		expect(await saveDraft({ draftId: '999999999999', baseRevisionId: foreign, actor: author, input: input(START), now })).toEqual({ kind: 'not-found' })
		expect((await current(id)).draft.version).toBe(1)
	})

	test('a save that changes nothing writes no revision; a final draft refuses saves', async () => {
		const { id, author } = await newDraft()
		const base = (await current(id)).draft.revisionId
		expect(await saveDraft({ draftId: id, baseRevisionId: base, actor: author, input: input(START), now })).toMatchObject({ kind: 'saved', version: 1, unchanged: true })
		const reviewer = await user('official')
		const toReview = await changeDraftStatus({ draftId: id, expectedVersion: 1, actorId: author.id, to: 'in_review', reviewerIds: [reviewer.id], candidates: new Set([reviewer.id]), now })
		expect(toReview).toMatchObject({ kind: 'changed', version: 2 })
		await sql`insert into policy_draft_reviews (draft_id, reviewer_id, version, decision) values (${id}, ${reviewer.id}, 2, 'approve')`
		expect(await changeDraftStatus({ draftId: id, expectedVersion: 2, actorId: author.id, to: 'final', now })).toMatchObject({ kind: 'changed', status: 'final' })
		expect(await saveDraft({ draftId: id, baseRevisionId: base, actor: author, input: input(edited(START, 'scope', 'en', 'Changed.')), now })).toEqual({ kind: 'locked', status: 'final' })
	})

	test('translation status per section: editing the English outdates the Chinese; marking it translated makes it current', async () => {
		const { id, author } = await newDraft()
		let { draft } = await current(id)
		expect(summarize(draft.sections)).toEqual({ sections: 2, current: 2, outdated: 0, missing: 0 })

		await saveDraft({ draftId: id, baseRevisionId: draft.revisionId, actor: author, input: input(edited(START, 'steps', 'en', 'First, simplify certification. Then align testing standards.')), now })
		;({ draft } = await current(id))
		const steps = draft.sections.find((s) => s.id === 'steps')!
		expect(sectionStates(steps)).toEqual({ en: 'original', zh: 'outdated' })
		expect(summarize(draft.sections)).toMatchObject({ outdated: 1 })
		// What the translation was made from is still there, for the translator's diff.
		expect(await getSectionTextAtRevision({ draftId: id, sectionId: 'steps', lang: 'en', revision: steps.zh!.translatedFromRevision! })).toMatchObject(START[1]!.en)

		const translated = textOf(draft.sections).map((s) => (s.id === 'steps' ? { ...s, zh: text('步骤', '第一，简化认证流程。然后统一检测标准。') } : s))
		await saveDraft({ draftId: id, baseRevisionId: draft.revisionId, actor: author, input: input(translated, ['steps.zh']), now })
		;({ draft } = await current(id))
		expect(sectionStates(draft.sections.find((s) => s.id === 'steps')!)).toEqual({ en: 'original', zh: 'current' })

		// A Chinese section added later is the English one's translation; one with no English is missing a translation.
		const more = [...textOf(draft.sections), { id: 'annex', en: text('Annex', 'Test list.'), zh: null }]
		await saveDraft({ draftId: id, baseRevisionId: draft.revisionId, actor: author, input: input(more), now })
		;({ draft } = await current(id))
		expect(summarize(draft.sections)).toEqual({ sections: 3, current: 2, outdated: 0, missing: 1 })
	})

	test('"translation updated" counts only if nobody changed the source meanwhile', async () => {
		const { id, author } = await newDraft()
		const translator = await user()
		const base = (await current(id)).draft.revisionId
		// The author changes the English source of "scope"...
		await saveDraft({ draftId: id, baseRevisionId: base, actor: author, input: input(edited(START, 'scope', 'en', 'Certification of power batteries.')), now })
		// ...while the translator, on the old text, confirms the Chinese of "scope" and edits "steps".
		const result = await saveDraft({
			draftId: id,
			baseRevisionId: base,
			actor: translator,
			input: input(edited(START, 'steps', 'zh', '第一，简化认证。第二，统一检测标准。'), ['scope.zh']),
			now,
		})
		expect(result).toMatchObject({ kind: 'saved', version: 3 })
		const { draft } = await current(id)
		expect(sectionStates(draft.sections.find((s) => s.id === 'scope')!).zh).toBe('outdated')
	})

	test('the editor form: rows become sections; a typed heading splits a row; forged keys get new ids', async () => {
		const { id } = await newDraft()
		const { draft } = await current(id)
		const form = new FormData()
		editorFormFixture(form, {
			baseRevision: draft.revisionId,
			title: draft.title,
			rows: [
				{ key: 'scope', en: `${sectionMarkdown(draft.sections[0]!.en)}\n## Annex\n\nList.`, zh: `${sectionMarkdown(draft.sections[0]!.zh)}\n## 附件\n\n清单。` },
				{ key: 'steps', en: '', zh: '' },
				{ key: 'zzzzzzzzzz', en: '## Forged\n\nText.', zh: '' },
			],
		})
		const { form: parsed, errors } = readEditorForm(form)
		expect(errors).toEqual([])
		const { input: parsedInput } = toDraftInput(parsed, new Set(draft.sections.map((s) => s.id)))
		expect(parsedInput.sections.map((s) => [s.en?.heading ?? null, s.zh?.heading ?? null])).toEqual([
			['Scope', '范围'],
			['Annex', '附件'],
			['Forged', null],
		])
		expect(parsedInput.sections[0]!.id).toBe('scope')
		expect(parsedInput.sections[2]!.id).not.toBe('zzzzzzzzzz')
	})

	test('lists show drafts only to those who may read them', async () => {
		const open = await newDraft()
		const closed = await newDraft({ visibility: 'private' })
		const stranger = await user()
		const admin = await user('admin')
		const ids = async (actor: { id: string; role: 'researcher' | 'official' | 'admin' } | null) =>
			(await listDrafts({ actor, lang: 'en', limit: 1000 })).items.map((d) => d.id).filter((d) => d === open.id || d === closed.id).sort()
		expect(await ids(null)).toEqual([])
		expect(await ids(stranger)).toEqual([])
		expect(await ids(open.author)).toEqual([open.id])
		expect(await ids(admin)).toEqual([open.id, closed.id].sort())
		expect(await getDraftAccess({ draftId: closed.id, actor: stranger })).toMatchObject({ target: { group: { visibility: 'private', membership: null }, isReviewer: false } })

		await sql`update policy_drafts set status = 'published' where id in ${sql([open.id, closed.id])}`
		expect(await ids(null)).toEqual([open.id])
		expect(await ids(stranger)).toEqual([open.id])
	})

	test('the list pages by a keyset cursor: drafts changed at one instant are each listed once', async () => {
		const { author, groupId } = await newDraft()
		for (let i = 0; i < 4; i++) await createDraft({ groupId, actor: author, input: input(START), message: `Draft ${i}`, now })
		// As one transaction leaves them: one time, with microseconds a JS Date cannot hold.
		await sql`update policy_drafts set updated_at = '2026-12-01T10:00:00.123456Z' where group_id = ${groupId}`
		const expected = (await sql<{ id: string }[]>`select id::text as id from policy_drafts where group_id = ${groupId} order by id desc`).map((r) => r.id)
		const seen: string[] = []
		let before: KeysetCursor | null = null
		for (let guard = 0; guard < 10; guard++) {
			// Through the URL form, as the page does.
			const page: Awaited<ReturnType<typeof listDrafts>> = await listDrafts({ actor: author, lang: 'en', groupId, limit: 2, before: before && parseCursor(encodeCursor(before)) })
			seen.push(...page.items.map((d) => d.id))
			if (!page.older) break
			before = page.older
		}
		expect(seen).toEqual(expected)
		expect(seen).toHaveLength(5)
	})

	test('reviewer candidates: the page offers the group’s people; a request is checked against just what it names', async () => {
		const { id, author, groupId } = await newDraft()
		const observer = await user('official')
		await sql`insert into group_memberships (group_id, user_id, role) values (${groupId}, ${observer.id}, 'observer')`
		const outsider = await user('official')
		const researcher = await user()
		const offered = (await listReviewerCandidates(id, { groupOnly: true })).map((p) => p.id)
		expect(offered.sort()).toEqual([author.id, observer.id].sort())
		const [email] = await sql<{ email: string }[]>`select email from users where id = ${outsider.id}`
		const named = await listReviewerCandidates(id, { among: { ids: [observer.id, researcher.id], email: email!.email } })
		// A researcher outside the group may not review; the official found by address may.
		expect(named.map((p) => p.id).sort()).toEqual([observer.id, outsider.id].sort())
	})

	test('revisions are append-only', async () => {
		const { id } = await newDraft()
		await expect(sql`update policy_draft_revisions set message = 'rewritten' where draft_id = ${id}`).rejects.toThrow(/append-only/)
	})
})
