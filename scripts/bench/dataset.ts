/**
 * The bench's large dataset, generated inside PostgreSQL (generate_series)
 * in batches with a progress bar: ≥ 100,000 news posts in both languages,
 * ≥ 10,000 users, ≥ 1,000,000 audit events, and the lab's work
 * (./dataset-lab.ts): 200 working groups, 20,000 meetings with records,
 * 10,000 policy drafts with ≥ 20 revisions each, all of it in the search
 * index; on top of the demo content.
 *
 * Extensible: a feature that adds tables appends a `DatasetPart` to
 * DATASET_PARTS. The parts' names and sizes and the text of the
 * scripts/bench/dataset*.ts files are part of the cache key
 * (scripts/bench/database.ts), so a change regenerates the dataset.
 */
import type { Sql } from '#db/sql.server.ts'
import { AFFILIATIONS } from './dataset-lab-text.ts'
import { labDraftsPart, labGroupsPart, labMeetingsPart, labSearchPart, newsSearchPart } from './dataset-lab.ts'

export interface DatasetPart {
	name: string
	/** Rows this part adds, for the progress bar and the report; 0 when only the part knows, once it runs. */
	rows: number
	/**
	 * Runs alongside the parts after it (on connections of its own: `url`), its progress shown once
	 * they are done; the generator waits for it before the vacuum.
	 */
	background?: boolean
	/**
	 * `sql`: one connection to the bench database; `url`: its address, for work on connections of
	 * its own. `progress(done, total)`: rows done so far; `total` when the part counts its rows itself.
	 */
	run(context: { sql: Sql; url: string; progress: (done: number, total?: number) => void }): Promise<void>
}

export const BENCH_USERS = 10_000
export const BENCH_POSTS = 100_000
export const BENCH_AUDIT_EVENTS = 1_000_000
const BENCH_TAGS = 60
const BENCH_MEDIA = 2_000
/** Future posts: the cache must keep each page only until the next one is due. */
const BENCH_SCHEDULED_POSTS = 20
const POST_BATCH = 5_000
const AUDIT_BATCH = 100_000
const USER_BATCH = 5_000
/** Every 40th post is a draft; every 7th has no Chinese version (shown with a notice). */
const DRAFT_EVERY = 40
const NO_CHINESE_EVERY = 7
/** The newest post is this recent; each older one this much older. */
const POST_SPACING_MINUTES = 47

/** Every 5th user has no affiliation on file. */
const NO_AFFILIATION_EVERY = 5

/** A generated user's id: `bench-user-<n>`, n from 1. Odd ones are editors, n % 4 = 2 officials. */
export function benchUserId(n: number): string {
	return `bench-user-${n}`
}

async function inBatches({
	total,
	size,
	progress,
	batch,
}: {
	total: number
	size: number
	progress: (done: number) => void
	batch: (from: number, to: number) => Promise<unknown>
}) {
	for (let from = 1; from <= total; from += size) {
		const to = Math.min(total, from + size - 1)
		await batch(from, to)
		progress(to)
	}
}

const users: DatasetPart = {
	name: 'users',
	rows: BENCH_USERS,
	run: ({ sql, progress }) =>
		inBatches({
			total: BENCH_USERS,
			size: USER_BATCH,
			progress,
			// No password: the bench signs in by creating a session row (as e2e/fixtures.ts does).
			batch: (from, to) => sql`
				insert into users (id, email, name, role, password_hash, lang, time_zone, affiliation)
				select 'bench-user-' || g, 'bench-user-' || g || '@bench.example', 'Bench Author ' || g,
					(array['researcher', 'editor', 'official', 'editor'])[1 + g % 4], 'bench-no-password',
					case when g % 3 = 0 then 'zh' else 'en' end, 'America/Los_Angeles',
					case when g % ${NO_AFFILIATION_EVERY} <> 0 then (${AFFILIATIONS}::text[])[1 + g % ${AFFILIATIONS.length}] end
				from generate_series(${from}::int, ${to}::int) g
			`,
		}),
}

const taxonomy: DatasetPart = {
	name: 'tags and media',
	rows: BENCH_TAGS + BENCH_MEDIA,
	async run({ sql, progress }) {
		await sql`insert into tags (slug) select 'bench-topic-' || g from generate_series(1, ${BENCH_TAGS}::int) g`
		await sql`
			insert into tag_translations (tag_id, lang, label)
			select t.id, l.lang, case l.lang when 'en' then 'Topic ' || t.id else '主题' || t.id end
			from tags t cross join (values ('en'), ('zh')) l (lang)
			where t.slug like 'bench-topic-%'
		`
		progress(BENCH_TAGS)
		await sql`
			insert into media (storage_key, content_type, byte_size, width, height, original_name)
			select md5('a' || g) || md5('b' || g) || '.jpg', 'image/jpeg', 120000, 1600, 900, 'cover-' || g || '.jpg'
			from generate_series(1, ${BENCH_MEDIA}::int) g
		`
		progress(BENCH_TAGS + BENCH_MEDIA)
	},
}

const EN_BODY = [
	'## Why it matters',
	'',
	'Zero-emission vehicle policy moves fast in both countries. This note compares the latest rules, the incentives behind them and what the data say about their effect on sales, charging and the grid.',
	'',
	'- Purchase incentives and their phase-out',
	'- Charging build-out by region',
	'- Fleet rules for buses and trucks',
	'',
	'The working group will follow up with a longer analysis and the underlying tables. Readers who want the sources can find them in the references at the end of the full paper.',
].join('\n')

const ZH_BODY = [
	'## 为什么重要',
	'',
	'中美两国的零排放汽车政策都在快速变化。本文比较了最新的规定、背后的激励措施，以及数据所显示的它们对销量、充电设施和电网的影响。',
	'',
	'- 购车补贴及其退坡',
	'- 各地区充电设施建设',
	'- 公交车和卡车的车队规定',
	'',
	'工作组将在后续发布更详细的分析和数据表。需要原始资料的读者可以在完整论文末尾的参考文献中找到。',
].join('\n')

const posts: DatasetPart = {
	name: 'news posts (en + zh)',
	rows: BENCH_POSTS + BENCH_SCHEDULED_POSTS,
	async run({ sql, progress }) {
		await inBatches({
			total: BENCH_POSTS,
			size: POST_BATCH,
			progress,
			batch: async (from, to) => {
				// g = 1 is the newest post; drafts have no publication time.
				const [range] = await sql<{ first: string; last: string }[]>`
					with refs as (
						select
							(select array_agg(id order by id) from working_groups) as groups,
							(select array_agg(id order by id) from media) as media
					), inserted as (
						insert into news_posts (status, published_at, working_group_id, author_id, cover_media_id, created_at, updated_at)
						select
							case when g % ${DRAFT_EVERY} = 0 then 'draft' else 'published' end,
							case when g % ${DRAFT_EVERY} = 0 then null else t end,
							case when g % 3 = 0 then null else refs.groups[1 + g % cardinality(refs.groups)] end,
							'bench-user-' || (1 + g % ${BENCH_USERS}),
							case when g % 4 = 0 then refs.media[1 + g % cardinality(refs.media)] end,
							t, t
						from generate_series(${from}::int, ${to}::int) g
						cross join refs
						cross join lateral (select now() - g * ${POST_SPACING_MINUTES} * interval '1 minute' as t) times
						returning id
					)
					select min(id)::text as first, max(id)::text as last from inserted
				`
				await addVersions({ sql, first: range!.first, last: range!.last })
			},
		})
		const [range] = await sql<{ first: string; last: string }[]>`
			with inserted as (
				insert into news_posts (status, published_at, author_id)
				select 'scheduled', date_trunc('minute', now()) + g * interval '1 day', 'bench-user-2'
				from generate_series(1, ${BENCH_SCHEDULED_POSTS}::int) g
				returning id
			)
			select min(id)::text as first, max(id)::text as last from inserted
		`
		await addVersions({ sql, first: range!.first, last: range!.last })
		progress(BENCH_POSTS + BENCH_SCHEDULED_POSTS)
	},
}

/** Both language versions (English only for some) and up to three tags for posts first..last. */
async function addVersions({ sql, first, last }: { sql: Sql; first: string; last: string }) {
	await sql`
		insert into news_post_translations (post_id, lang, slug, title, summary, body_markdown, seo_description)
		select p.id, 'en', 'bench-post-' || p.id,
			'Policy note ' || p.id || ': ' || (array['charging corridors', 'fleet rules', 'battery supply', 'grid integration', 'purchase incentives'])[1 + p.id % 5],
			'What changed in ' || (array['California', 'Guangdong', 'Beijing', 'New York', 'Shanghai'])[1 + p.id % 5] || ', and what it means for zero-emission vehicles. Reference ' || md5(p.id::text) || '.',
			${EN_BODY} || E'\n\nReference ' || md5(p.id::text) || '.',
			'A policy note on zero-emission vehicles, number ' || p.id || '.'
		from news_posts p where p.id between ${first}::bigint and ${last}::bigint
	`
	await sql`
		insert into news_post_translations (post_id, lang, slug, title, summary, body_markdown, seo_description, translated_from_revision)
		select p.id, 'zh', 'bench-post-' || p.id || '-zh',
			'政策简报 ' || p.id || '：' || (array['充电走廊', '车队规定', '电池供应', '电网整合', '购车补贴'])[1 + p.id % 5],
			(array['加州', '广东', '北京', '纽约', '上海'])[1 + p.id % 5] || '有哪些变化，对零排放汽车意味着什么。编号 ' || md5(p.id::text) || '。',
			${ZH_BODY} || E'\n\n编号 ' || md5(p.id::text) || '。',
			'关于零排放汽车的政策简报，第 ' || p.id || ' 号。',
			1
		from news_posts p where p.id between ${first}::bigint and ${last}::bigint and p.id % ${NO_CHINESE_EVERY} <> 0
	`
	await sql`
		insert into news_post_tags (post_id, tag_id)
		select distinct p.id, tags.ids[1 + (p.id * k) % cardinality(tags.ids)]
		from news_posts p
		cross join (select array_agg(id order by id) as ids from tags) tags
		cross join lateral generate_series(1, (p.id % 4)::int) k
		where p.id between ${first}::bigint and ${last}::bigint
		on conflict do nothing
	`
}

const audit: DatasetPart = {
	name: 'audit events',
	rows: BENCH_AUDIT_EVENTS,
	run: ({ sql, progress }) =>
		inBatches({
			total: BENCH_AUDIT_EVENTS,
			size: AUDIT_BATCH,
			progress,
			batch: (from, to) => sql`
				insert into audit_events (occurred_at, event, actor_id, ip, details)
				select now() - g * interval '1 minute',
					(array['sign_in', 'sign_out', 'profile_updated', 'news_published', 'request_denied'])[1 + g % 5],
					'bench-user-' || (1 + g % ${BENCH_USERS}),
					'198.51.100.' || (g % 250 + 1),
					jsonb_build_object('n', g)
				from generate_series(${from}::int, ${to}::int) g
			`,
		}),
}

/**
 * In order: groups before the news (posts belong to groups); the news' search index as soon as the
 * news exist (in the background: it is the longest part), the other kinds' once their tables are done.
 */
export const DATASET_PARTS: DatasetPart[] = [
	users,
	taxonomy,
	labGroupsPart({ users: BENCH_USERS }),
	posts,
	newsSearchPart,
	audit,
	labMeetingsPart,
	labDraftsPart,
	labSearchPart,
]

/** Runs every part with a progress bar on stderr, then refreshes the planner's statistics and says what there is. */
export async function generateDataset({ sql, url, parts = DATASET_PARTS }: { sql: Sql; url: string; parts?: DatasetPart[] }) {
	const background: { bar: ReturnType<typeof progressBar>; running: Promise<void> }[] = []
	for (const part of parts) {
		const bar = progressBar(part.name, part.rows, { hidden: part.background })
		const running = part.run({ sql, url, progress: bar.update })
		if (part.background) {
			// Awaited below; a failure meanwhile is not an unhandled rejection.
			running.catch(() => {})
			background.push({ bar, running })
			process.stderr.write(`${part.name}: started\n`)
			continue
		}
		await running
		bar.done()
	}
	for (const { bar, running } of background) {
		bar.show()
		await running
		bar.done()
	}
	process.stderr.write('vacuum analyze… ')
	await sql`vacuum analyze`
	process.stderr.write('done\n')
	const sizes = await sql<{ name: string; count: string }[]>`
		select name, count from (values
			('users', (select count(*) from users)), ('working groups', (select count(*) from working_groups)),
			('group memberships', (select count(*) from group_memberships)), ('news posts', (select count(*) from news_posts)),
			('meetings', (select count(*) from meetings)), ('meeting attendees', (select count(*) from meeting_attendees)),
			('meeting records', (select count(*) from meeting_records)), ('record revisions', (select count(*) from meeting_record_revisions)),
			('record sign-offs', (select count(*) from meeting_record_signoffs)), ('policy drafts', (select count(*) from policy_drafts)),
			('draft revisions', (select count(*) from policy_draft_revisions)), ('draft comments', (select count(*) from policy_draft_comments)),
			('search documents', (select count(*) from search_documents)), ('audit events', (select count(*) from audit_events))
		) as t (name, count)
	`
	process.stderr.write(`${sizes.map((row) => `${row.name} ${Number(row.count).toLocaleString('en')}`).join(', ')}\n`)
}

const BAR_WIDTH = 30

function progressBar(label: string, rows: number, { hidden = false }: { hidden?: boolean } = {}) {
	let total = rows
	let current = 0
	let shown = !hidden
	const started = Date.now()
	const tty = process.stderr.isTTY
	let lastPrinted = -1
	let lastPrintedCount = -1
	const render = (done: number) => {
		const share = total === 0 ? 1 : Math.min(done / total, 1)
		const filled = Math.round(share * BAR_WIDTH)
		const seconds = ((Date.now() - started) / 1000).toFixed(1)
		return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${label} ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${seconds}s`
	}
	const print = () => {
		if (tty) process.stderr.write(`\r${render(current)}`)
		else {
			// A log file gets a line per tenth, not a carriage-return stream.
			const tenth = Math.floor((current / Math.max(total, 1)) * 10)
			if (tenth !== lastPrinted) {
				lastPrinted = tenth
				lastPrintedCount = current
				process.stderr.write(`${render(current)}\n`)
			}
		}
	}
	return {
		update(done: number, newTotal?: number) {
			current = done
			if (newTotal !== undefined) total = newTotal
			if (shown) print()
		},
		/** A hidden bar (a part running in the background) starts printing. */
		show() {
			shown = true
			print()
		},
		/** The part's last line, with its time (since it started): what it did, its `rows` or what it counted. */
		done() {
			current = rows > 0 ? rows : current
			total = Math.max(total, current)
			if (tty) process.stderr.write(`\r${render(current)}\n`)
			else if (lastPrintedCount !== current) process.stderr.write(`${render(current)}\n`)
		},
	}
}
