/** The demo content: loaded in both languages, and idempotent. */
import { describe, expect, test } from 'vitest'
import { sql } from '../client.server.ts'
import { seedContent } from './content/index.ts'
import { DEMO_ACCOUNTS, seedDemoAccounts } from './accounts.server.ts'
import { demoGroupMembers, demoMemberships } from './content/groups.ts'
import { isDatabaseEmpty, seed, seedMeetingTimes } from './seed.server.ts'

const TABLES = [
	'working_groups',
	'working_group_translations',
	'news_posts',
	'news_post_translations',
	'policy_comparisons',
	'policy_comparison_translations',
	'policy_comparison_rows',
	'policy_comparison_row_translations',
	'tags',
	'tag_translations',
	'news_post_tags',
	'news_post_revisions',
	'group_memberships',
	'meetings',
	'meeting_translations',
	'agenda_items',
	'meeting_attendees',
] as const

/** Every row of every seeded table, as text: equal snapshots, equal data. */
async function snapshot() {
	const result: Record<string, string[]> = {}
	for (const table of TABLES) {
		const rows = await sql<{ row: string }[]>`select t::text as row from ${sql(table)} t order by 1`
		result[table] = rows.map((r) => r.row)
	}
	return result
}

describe('seed', () => {
	// Each test file starts from the seeded template (db/testing).
	test('loads the working groups, the news article and Table 1 in both languages', async () => {
		const groups = await sql<{ slug: string; langs: string[] }[]>`
			select g.slug, array_agg(t.lang order by t.lang) as langs
			from working_groups g join working_group_translations t on t.group_id = g.id
			group by g.slug, g.sort_order order by g.sort_order
		`
		expect(groups).toEqual([
			{ slug: 'tariff-coordination', langs: ['en', 'zh'] },
			{ slug: 'technical-cooperation', langs: ['en', 'zh'] },
			{ slug: 'market-access', langs: ['en', 'zh'] },
			{ slug: 'multilateral-dialogue', langs: ['en', 'zh'] },
			{ slug: 'steering-committee', langs: ['en', 'zh'] },
		])
		const [rows] = await sql<{ en: number; zh: number }[]>`
			select count(*) filter (where lang = 'en')::int as en, count(*) filter (where lang = 'zh')::int as zh
			from policy_comparison_row_translations
		`
		expect(rows).toEqual({ en: 6, zh: 6 })
		const [article] = await sql<{ title: string }[]>`
			select title from news_post_translations where lang = 'zh' and slug = 'california-china-zev-partnership'
		`
		expect(article?.title).toMatch(/零排放/)
		expect(await isDatabaseEmpty(sql)).toBe(false)
	})

	test("news: workflow states, tags, translation status and the revisions the newsroom's saves made", async () => {
		const posts = await sql<{ slug: string; status: string; tags: string[]; revisions: number }[]>`
			select v.slug, p.status,
				coalesce((select array_agg(t.slug order by t.slug) from news_post_tags pt join tags t on t.id = pt.tag_id where pt.post_id = p.id), '{}') as tags,
				(select count(*)::int from news_post_revisions r where r.post_id = p.id) as revisions
			from news_posts p
			cross join lateral (select slug from news_post_translations where post_id = p.id order by lang limit 1) v
		`
		expect(posts).toHaveLength(seedContent.newsPosts.length)
		// One save per post, and one more where the original was revised after its translation.
		for (const post of seedContent.newsPosts) {
			const row = posts.find((p) => p.slug === (post.text.en ?? post.text.zh)!.slug)
			expect(row?.revisions, post.key).toBe(post.revisedOriginal ? 2 : 1)
		}
		expect(posts.filter((p) => p.status === 'draft')).toHaveLength(1)
		expect(posts.filter((p) => p.status === 'scheduled')).toHaveLength(1)
		for (const post of seedContent.newsPosts) {
			const row = posts.find((p) => p.slug === (post.text.en ?? post.text.zh)!.slug)
			expect(row?.tags, post.key).toEqual([...post.tags].sort())
		}
		// Translations point at their original's first revision; one original moved on since.
		const outdated = await sql<{ key: string }[]>`
			select v.slug as key from news_post_translations v
			join news_post_translations o on o.post_id = v.post_id and o.lang <> v.lang
			where v.translated_from_revision is not null and o.revision > v.translated_from_revision
		`
		expect(outdated.map((o) => o.key)).toEqual(
			seedContent.newsPosts.filter((p) => p.revisedOriginal).map((p) => p.text[p.original === 'en' ? 'zh' : 'en']!.slug),
		)
	})

	test('demo accounts: one per role; the researcher wrote the draft awaiting review, the editor the rest', async () => {
		await seedDemoAccounts({ sql })
		await seedDemoAccounts({ sql })
		const accounts = await sql<{ email: string }[]>`select email from users where email like '%@zevlab.example' order by email`
		// One per role, and the working groups' invented demo members.
		expect(accounts.map((a) => a.email)).toEqual([...DEMO_ACCOUNTS, ...demoGroupMembers].map((a) => a.email).sort())
		const posts = await sql<{ status: string; author: string; inReview: boolean }[]>`
			select p.status, u.email as author, p.review_requested_at is not null as in_review
			from news_posts p join users u on u.id = p.author_id
		`
		expect(posts).toHaveLength(seedContent.newsPosts.length)
		for (const post of posts) {
			expect(post.author).toBe(post.status === 'draft' ? 'researcher@zevlab.example' : 'editor@zevlab.example')
			expect(post.inReview).toBe(post.status === 'draft')
		}
	})

	test('meetings: every group has a past and an upcoming one with an agenda in both languages; the fifth group is private', async () => {
		const rows = await sql<{ slug: string; visibility: string; past: number; upcoming: number; untitled: number; agendaGaps: number }[]>`
			select g.slug, g.visibility,
				count(*) filter (where m.ends_at <= now())::int as past,
				count(*) filter (where m.starts_at > now())::int as upcoming,
				count(*) filter (where (select count(*) from meeting_translations t where t.meeting_id = m.id) < 2)::int as untitled,
				count(*) filter (where exists (select 1 from agenda_items a where a.meeting_id = m.id and (a.title_en = '' or a.title_zh = '')))::int as agenda_gaps
			from working_groups g join meetings m on m.group_id = g.id
			group by g.slug, g.visibility, g.sort_order order by g.sort_order
		`
		expect(rows).toEqual(
			['tariff-coordination', 'technical-cooperation', 'market-access', 'multilateral-dialogue', 'steering-committee'].map((slug) => ({
				slug,
				visibility: slug === 'steering-committee' ? 'private' : 'public',
				past: 1,
				upcoming: 1,
				untitled: 0,
				agendaGaps: 0,
			})),
		)
	})

	test('demo meeting times fall on their weekday and wall-clock time, on the right side of now, across DST changes', () => {
		const meeting = seedContent.meetings.find((m) => m.timeZone === 'America/Los_Angeles' && m.weeksFromNow > 0)!
		// A week in which Davis leaves daylight saving time (Sunday 1 November 2026).
		for (const now of [new Date('2026-10-28T12:00:00Z'), new Date('2026-11-03T07:30:00Z'), new Date('2027-03-10T20:00:00Z')]) {
			for (const weeksFromNow of [-2, -1, 1, 3]) {
				const { startsAt, endsAt } = seedMeetingTimes({ ...meeting, weeksFromNow }, now)
				const local = new Intl.DateTimeFormat('en-US', { timeZone: meeting.timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(startsAt)
				expect(local).toBe(`${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][meeting.weekday]} ${meeting.time}`)
				expect(weeksFromNow > 0 ? startsAt > now : endsAt < now).toBe(true)
				const days = (startsAt.getTime() - now.getTime()) / 86_400_000
				expect(Math.abs(days)).toBeLessThanOrEqual(7 * Math.abs(weeksFromNow) + 1)
				expect(Math.abs(days)).toBeGreaterThan(7 * (Math.abs(weeksFromNow) - 1) - 1)
			}
		}
	})

	test('demo mode: members in the groups with their roles, and each meeting’s attendees, with attendance for past meetings', async () => {
		await seedDemoAccounts({ sql })
		const memberships = await sql<{ slug: string; email: string; role: string }[]>`
			select g.slug, u.email, m.role from group_memberships m join working_groups g on g.id = m.group_id join users u on u.id = m.user_id
		`
		expect(memberships).toHaveLength(demoMemberships.length)
		expect(memberships).toContainEqual({ slug: 'technical-cooperation', email: 'researcher@zevlab.example', role: 'lead' })
		expect(memberships).toContainEqual({ slug: 'steering-committee', email: 'official@zevlab.example', role: 'observer' })
		const [affiliated] = await sql<{ count: number }[]>`select count(*)::int as count from users where affiliation is not null and email like '%@zevlab.example'`
		expect(affiliated?.count).toBe(demoGroupMembers.length)
		const attendance = await sql<{ past: boolean; recorded: number; total: number }[]>`
			select m.ends_at <= now() as past, count(a.attendance)::int as recorded, count(*)::int as total
			from meetings m join meeting_attendees a on a.meeting_id = m.id group by 1 order by 1
		`
		expect(attendance[0]).toMatchObject({ past: false, recorded: 0 })
		expect(attendance[1]).toMatchObject({ past: true })
		expect(attendance[1]!.recorded).toBe(attendance[1]!.total)
	})

	test('seeding again changes nothing', async () => {
		const before = await snapshot()
		expect(before.news_posts).toHaveLength(seedContent.newsPosts.length)
		await seed({ sql })
		await seed({ sql })
		expect(await snapshot()).toEqual(before)
	})

	test('an emptied database is recognised as empty, and seeding fills it again', async () => {
		await sql`delete from news_posts`
		await sql`delete from working_groups`
		expect(await isDatabaseEmpty(sql)).toBe(true)
		await seed({ sql })
		expect(await isDatabaseEmpty(sql)).toBe(false)
	})
})
