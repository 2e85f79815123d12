/**
 * The demo minutes (demo mode): each Table 2 group's past meeting has
 * approved bilingual minutes with decisions and action items, signed with
 * hashes that recompute from the signed revision; the private group's
 * minutes wait for the demo official; seeding again changes nothing.
 */
import { describe, expect, test } from 'vitest'
import { sql } from '../client.server.ts'
import { recordContentHash } from '#app/meetings/record-hash.ts'
import { getVersionSnapshot } from '#app/meetings/records.queries.server.ts'
import { listReviewQueue } from '#app/meetings/review-queue.queries.server.ts'
import { seedDemoAccounts } from './accounts.server.ts'
import { records } from './content/records.ts'

describe('demo minutes', () => {
	test('approved in both languages for the four groups, in review for the demo official in the private one; idempotent', async () => {
		await seedDemoAccounts({ sql })
		const rows = await sql<{ id: string; slug: string; status: string; version: number; langs: string[]; decisions: number; items: number }[]>`
			select r.id::text as id, g.slug, r.status, r.version,
				(select array_agg(lang order by lang) from meeting_record_translations where record_id = r.id) as langs,
				(select count(*)::int from meeting_record_decisions where record_id = r.id) as decisions,
				(select count(*)::int from meeting_action_items where record_id = r.id) as items
			from meeting_records r join meetings m on m.id = r.meeting_id join working_groups g on g.id = m.group_id
			order by g.sort_order
		`
		expect(rows.map((r) => [r.slug, r.status])).toEqual([
			['tariff-coordination', 'published'],
			['technical-cooperation', 'approved'],
			['market-access', 'published'],
			['multilateral-dialogue', 'published'],
			['steering-committee', 'in_review'],
		])
		for (const row of rows) {
			expect(row.langs).toEqual(['en', 'zh'])
			expect(row.decisions).toBeGreaterThan(0)
			expect(row.items).toBeGreaterThan(0)
		}
		// Every sign-off's hash recomputes from the revision it signed.
		const signoffs = await sql<{ recordId: string; version: number; contentHash: string }[]>`
			select record_id::text as record_id, record_version as version, content_hash from meeting_record_signoffs
		`
		expect(signoffs.length).toBe(records.filter((r) => r.outcome !== 'in_review').reduce((n, r) => n + r.reviewerEmails.length, 0))
		for (const signoff of signoffs) {
			const snapshot = await getVersionSnapshot({ recordId: signoff.recordId, version: signoff.version })
			expect(await recordContentHash({ recordId: signoff.recordId, version: signoff.version, snapshot: snapshot! })).toBe(signoff.contentHash)
		}
		// The demo official has the private group's minutes to review.
		const [official] = await sql<{ id: string }[]>`select id from users where email = 'official@zevlab.example'`
		const queue = await listReviewQueue({ userId: official!.id, lang: 'en' })
		expect(queue.map((q) => [q.groupSlug, q.groupVisibility])).toEqual([['steering-committee', 'private']])
		// The demo researcher has an overdue action item.
		const [overdue] = await sql<{ count: number }[]>`
			select count(*)::int as count from meeting_action_items a join users u on u.id = a.owner_id
			where u.email = 'researcher@zevlab.example' and a.due_date < current_date and a.status = 'open'
		`
		expect(overdue!.count).toBeGreaterThan(0)

		const before = await sql<{ n: number }[]>`select (select count(*) from meeting_record_revisions) + (select count(*) from meeting_record_events) as n`
		await seedDemoAccounts({ sql })
		const after = await sql<{ n: number }[]>`select (select count(*) from meeting_record_revisions) + (select count(*) from meeting_record_events) as n`
		expect(after).toEqual(before)
	})
})
