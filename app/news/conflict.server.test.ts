/** After a conflict: what the other editor changed, field by field, and saving with the choices. */
import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import { choiceName } from './conflict-names.ts'
import { describePostConflict, readConflictChoices, resolvePostConflict } from './conflict.server.ts'
import { savePost, type PostInput } from './post-save.queries.server.ts'

const unique = (label: string) => `${label}-${randomBytes(4).toString('hex')}`
const NOW = new Date('2026-11-23T18:00:00Z')

async function insertEditor() {
	const id = unique('user')
	await sql`insert into users (id, email, name, role, password_hash) values (${id}, ${`${id}@example.org`}, ${`Editor ${id}`}, 'editor', 'x')`
	return { id }
}

function input(en: Partial<PostInput['versions']['en']>, tags: string[] = []): PostInput {
	const empty = { slug: '', title: '', summary: '', body: '', seoDescription: '', coverAlt: '', upToDate: false }
	return { workingGroupSlug: null, coverMediaId: null, tags, versions: { en: { ...empty, ...en }, zh: empty } }
}

/** Version 1 by one editor, version 2 by "them": the state a second editor on version 1 meets. */
async function contested() {
	const [me, them] = [await insertEditor(), await insertEditor()]
	const slug = unique('contested')
	const base = { slug, title: 'Base title', summary: 'Base summary', body: 'First paragraph.\n\nSecond paragraph.' }
	const created = await savePost({ postId: null, expectedVersion: null, actor: me, input: input(base), step: 'save', now: NOW })
	if (created.kind !== 'saved') throw new Error(created.kind)
	const theirs = await savePost({
		postId: created.id,
		expectedVersion: 1,
		actor: them,
		input: input({ ...base, title: 'Their title', body: 'First paragraph, theirs.\n\nSecond paragraph.', summary: 'Their summary' }),
		step: 'save',
		now: NOW,
	})
	if (theirs.kind !== 'saved') throw new Error(theirs.kind)
	return { id: created.id, base, me, them }
}

describe('describePostConflict', () => {
	test('lists what they changed and I changed differently, merging different places and defaulting to theirs where I changed nothing', async () => {
		const { id, base } = await contested()
		// I changed the title and the second paragraph; the summary I left alone.
		const mine = input({ ...base, title: 'My title', body: 'First paragraph.\n\nSecond paragraph, mine.' })
		const view = await describePostConflict({ postId: id, baseVersion: 1, mine })
		expect(view?.theirVersion).toBe(2)
		const byField = Object.fromEntries(view!.fields.map((f) => [f.field, f]))
		expect(Object.keys(byField).sort()).toEqual(['en.body', 'en.summary', 'en.title'])
		expect(byField['en.title']).toMatchObject({ choice: 'mine', merged: null })
		expect(byField['en.body']).toMatchObject({ choice: 'merged', merged: 'First paragraph, theirs.\n\nSecond paragraph, mine.' })
		// Only they changed the summary: taking theirs is the default, so nothing of theirs is undone unasked.
		expect(byField['en.summary']).toMatchObject({ choice: 'theirs' })
		expect(byField['en.title']!.theirChange.some((part) => part.kind === 'insert' && part.text.includes('Their'))).toBe(true)
	})
})

describe('resolvePostConflict', () => {
	test('applies the choices: mine kept (and reported as overwriting), theirs taken, both merged', async () => {
		const { id, base } = await contested()
		const mine = input({ ...base, title: 'My title', body: 'First paragraph.\n\nSecond paragraph, mine.' })
		const form = new FormData()
		form.set(choiceName('en.title'), 'mine')
		form.set(choiceName('en.body'), 'merged')
		form.set(choiceName('en.summary'), 'theirs')
		const resolved = await resolvePostConflict({ postId: id, baseVersion: 1, theirVersion: 2, mine, choices: readConflictChoices(form) })
		expect(resolved?.overwritten).toEqual(['en.title'])
		expect(resolved?.input.versions.en).toMatchObject({
			title: 'My title',
			summary: 'Their summary',
			body: 'First paragraph, theirs.\n\nSecond paragraph, mine.',
		})
	})

	test('a forged "merged" for text that does not merge keeps mine; no choice for a field only they changed takes theirs', async () => {
		const { id, base } = await contested()
		const mine = input({ ...base, title: 'My title' })
		const resolved = await resolvePostConflict({ postId: id, baseVersion: 1, theirVersion: 2, mine, choices: { 'en.title': 'merged' } })
		expect(resolved?.input.versions.en.title).toBe('My title')
		expect(resolved?.input.versions.en.summary).toBe('Their summary')
		expect(resolved?.input.versions.en.body).toBe('First paragraph, theirs.\n\nSecond paragraph.')
	})

	test('refuses when the post moved on again since the choices were offered', async () => {
		const { id, base, them } = await contested()
		const again = await savePost({ postId: id, expectedVersion: 2, actor: them, input: input({ ...base, title: 'Third' }), step: 'save', now: NOW })
		expect(again.kind).toBe('saved')
		expect(await resolvePostConflict({ postId: id, baseVersion: 1, theirVersion: 2, mine: input(base), choices: {} })).toBeNull()
	})
})
