/**
 * The cache's link to PostgreSQL: every table public pages show notifies on
 * commit (migration 0005), the clock window follows publication times, and
 * the lang cookie decision agrees with the app's own.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { rememberLang } from '#app/i18n/i18next.server.ts'
import { createSql } from '#db/sql.server.ts'
import { publicClockWindow } from '#app/news/publication-window.queries.server.ts'
import { rememberedLang } from './public-cache.server.ts'
import { listenForChanges, PUBLIC_CONTENT_CHANNEL } from './public-content.queries.server.ts'

const sql = createSql(process.env.DATABASE_URL!, { max: 2 })
const heard: string[] = []
let listening = false
let listener: { close(): Promise<void> }

beforeAll(async () => {
	listener = await listenForChanges({
		databaseUrl: process.env.DATABASE_URL!,
		channel: PUBLIC_CONTENT_CHANNEL,
		onChange: (payload) => heard.push(payload),
		onListening: (value) => (listening = value),
		log: () => {},
	})
})
afterAll(async () => {
	await listener.close()
	await sql.end()
})

async function heardAfter(write: () => Promise<unknown>): Promise<string[]> {
	heard.length = 0
	await write()
	// Delivery is asynchronous (after COMMIT): wait for it, or for proof it is not coming.
	const deadline = Date.now() + 500
	while (heard.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5))
	return [...heard]
}

/** Every table whose rows public pages show today (migrations 0005, 0007, 0008 and 0009). */
const PUBLIC_TABLES = [
	'news_posts',
	'news_post_translations',
	'news_post_tags',
	'tags',
	'tag_translations',
	'media',
	'working_groups',
	'working_group_translations',
	'policy_comparisons',
	'policy_comparison_translations',
	'policy_comparison_rows',
	'policy_comparison_row_translations',
	'users',
	// Published drafts of public groups (migration 0009).
	'policy_drafts',
	'policy_draft_sections',
	// Migration 0007: public groups' members and meetings.
	'group_memberships',
	'meetings',
	'meeting_translations',
	'agenda_items',
	'meeting_attendees',
	'meeting_attachments',
	// Migration 0008: published meeting records of public groups, with their sign-offs.
	'meeting_records',
	'meeting_record_translations',
	'meeting_record_decisions',
	'meeting_action_items',
	'meeting_record_revisions',
	'meeting_record_signoffs',
]

describe('public content changes', () => {
	test('every public table carries the trigger', async () => {
		const rows = await sql<{ table: string }[]>`
			select c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid
			where t.tgname = 'public_content_changed' and not t.tgisinternal
		`
		expect(rows.map((r) => r.table).sort()).toEqual([...PUBLIC_TABLES].sort())
	})

	test('a write to a public table is heard by a listening process once it commits, once per transaction', async () => {
		expect(listening).toBe(true)
		expect(await heardAfter(() => sql`update working_groups set sort_order = sort_order`)).toEqual(['working_groups'])
		expect(
			await heardAfter(() =>
				sql.begin(async (tx) => {
					await tx`update news_posts set updated_at = updated_at where id = (select min(id) from news_posts)`
					await tx`update news_posts set updated_at = updated_at where id = (select max(id) from news_posts)`
				}),
			),
		).toEqual(['news_posts'])
		expect(await heardAfter(() => sql`update users set name = name where false`)).toEqual(['users'])
	})

	test('a rolled-back write and writes to private tables are not heard', async () => {
		expect(
			await heardAfter(() =>
				sql
					.begin(async (tx) => {
						await tx`update tags set slug = slug`
						throw new Error('roll back')
					})
					.catch(() => {}),
			),
		).toEqual([])
		expect(await heardAfter(() => sql`insert into audit_events (event) values ('test')`)).toEqual([])
		// A user's password or time zone is on no public page.
		expect(await heardAfter(() => sql`update users set time_zone = time_zone`)).toEqual([])
	})
})

describe('the clock window', () => {
	test('runs from the last publication time at or before now to the next one after it', async () => {
		const [post] = await sql<{ id: string }[]>`
			insert into news_posts (status, published_at) values ('scheduled', '2099-06-01T12:00:00.000250Z') returning id::text
		`
		const before = await publicClockWindow({ db: sql, now: new Date('2099-06-01T11:59:00Z') })
		// Rounded up to the millisecond: public from 12:00:00.001 on.
		expect(before.untilMs).toBe(Date.parse('2099-06-01T12:00:00.001Z'))
		expect(before.fromMs).toBeLessThanOrEqual(Date.parse('2099-06-01T11:59:00Z'))
		const after = await publicClockWindow({ db: sql, now: new Date('2099-06-01T12:00:00.001Z') })
		expect(after.fromMs).toBe(Date.parse('2099-06-01T12:00:00.001Z'))
		expect(after.untilMs).toBeGreaterThan(after.fromMs)
		await sql`delete from news_posts where id = ${post!.id}`
		// Drafts do not count.
		const draft = await sql`insert into news_posts (status) values ('draft') returning id`
		const none = await publicClockWindow({ db: sql, now: new Date('2099-06-01T11:59:00Z') })
		expect(none.untilMs).toBeGreaterThan(Date.parse('2099-06-01T12:00:00.001Z'))
		await sql`delete from news_posts where id = ${draft[0]!.id}`
	})
})

describe('the lang cookie', () => {
	test('is sent exactly when the app would send it', async () => {
		const headers = [
			undefined,
			'',
			'lang=ImVuIg%3D%3D',
			'lang=ImVuIg==',
			'lang="ImVuIg%3D%3D"',
			'lang=InpoIg%3D%3D',
			'lang=garbage',
			'lang=',
			'other=1; lang=ImVuIg%3D%3D',
			'lang=InpoIg%3D%3D; lang=ImVuIg%3D%3D',
		]
		for (const cookieHeader of headers) {
			const request = new Request('http://localhost/en', { headers: cookieHeader === undefined ? {} : { cookie: cookieHeader } })
			const appSends = (await rememberLang(request, 'en')) !== null
			expect(rememberedLang(cookieHeader) !== 'en', String(cookieHeader)).toBe(appSends)
		}
	})
})
