/** The demo drafts: written through the app's saves, as the issue asks, and seeded once. */
import { describe, expect, test } from 'vitest'
import { sql } from '../client.server.ts'
import { seedContent } from './content/index.ts'
import { seed } from './seed.server.ts'

const TABLES = [
	'policy_drafts',
	'policy_draft_sections',
	'policy_draft_revisions',
	'policy_draft_reviewers',
	'policy_draft_reviews',
	'policy_draft_comments',
	'policy_draft_comment_mentions',
	'group_memberships',
] as const

async function snapshot() {
	const result: Record<string, string[]> = {}
	for (const table of TABLES) {
		const rows = await sql<{ row: string }[]>`select t::text as row from ${sql(table)} t order by 1`
		result[table] = rows.map((r) => r.row)
	}
	return result
}

describe('demo drafts', () => {
	test('two drafts from the paper, each with several revisions by different people, comments (one resolved) and an outdated Chinese section', async () => {
		const drafts = await sql<{ id: string; title: string; status: string; authors: number; revisions: number }[]>`
			select d.id::text as id, d.title_en as title, d.status,
				(select count(distinct author_id)::int from policy_draft_revisions r where r.draft_id = d.id) as authors,
				(select count(*)::int from policy_draft_revisions r where r.draft_id = d.id) as revisions
			from policy_drafts d order by d.id
		`
		expect(drafts.map((d) => d.title)).toEqual(seedContent.drafts.map((d) => d.title.en))
		for (const draft of drafts) {
			expect(draft.authors, draft.title).toBeGreaterThanOrEqual(2)
			expect(draft.revisions, draft.title).toBeGreaterThanOrEqual(2)
		}
		expect(drafts.map((d) => d.status)).toEqual(['drafting', 'published'])

		const outdated = await sql<{ id: string }[]>`
			select s.id from policy_draft_sections s
			where s.zh_translated_from_revision is not null and s.revision_en > s.zh_translated_from_revision
		`
		expect(outdated.map((s) => s.id)).toEqual(['priorities'])

		const [comments] = await sql<{ threads: number; resolved: number; replies: number; mentions: number }[]>`
			select count(*) filter (where parent_id is null)::int as threads,
				count(*) filter (where resolved_at is not null)::int as resolved,
				count(*) filter (where parent_id is not null)::int as replies,
				(select count(*)::int from policy_draft_comment_mentions) as mentions
			from policy_draft_comments
		`
		expect(comments).toEqual({ threads: 3, resolved: 1, replies: 2, mentions: 2 })
	})

	test('seeding again changes nothing', async () => {
		const before = await snapshot()
		await seed({ sql })
		expect(await snapshot()).toEqual(before)
	})
})
