/**
 * The lab's part of the bench dataset (scripts/bench/dataset.ts, issue 14):
 * 200 working groups with members, 20,000 meetings (agenda, attendees, and
 * for most past ones a record: minutes, decisions, action items, review and
 * sign-offs), 10,000 policy drafts with 20–24 revisions each, then the
 * search index over all of it and the news, built by the app's own rebuild.
 *
 * Generated inside PostgreSQL with generate_series, in batches, like the
 * other parts. Every value derives from an id (`id % n` picks from a list of
 * ./dataset-lab-text.ts), so the dataset is the same on every run. The rows
 * are what the app's saves would have written:
 * - revisions are appended, one per version, each holding the snapshot the
 *   app's snapshot function would have taken at that version (the latest
 *   one equals policy_draft_snapshot(id) / meeting_record_snapshot(id) of
 *   the rows as they stand), so history and compare pages work on them;
 * - translation counters follow app/documents/translation-status.ts;
 * - sign-offs carry the SHA-256 the app computes (app/meetings/record-hash.ts)
 *   of the revision they sign: the record page shows them intact;
 * - meetings and drafts get explicit ids (OVERRIDING SYSTEM VALUE) so that
 *   every statement can derive attributes from the id; the identity
 *   sequences are moved past them afterwards.
 * The tables' triggers: revisions, sign-offs, events and reviews refuse
 * UPDATEs (only INSERTs here); the public-cache NOTIFY triggers (0005, 0014)
 * are per statement, so a batch costs one notification, not one per row.
 */
import { Worker } from 'node:worker_threads'
import type postgres from 'postgres'
import type { Sql } from '#db/sql.server.ts'
import { RECORD_HASH_FORMAT, recordContentHash, type RecordSnapshot } from '#app/meetings/record-hash.ts'
import { SEARCH_SOURCES } from '#app/search/sources.server.ts'
import type { SearchKind } from '#app/search/types.ts'
import type { DatasetPart } from './dataset.ts'
import * as text from './dataset-lab-text.ts'

/** A piece of SQL (sql`…`) to interpolate into a statement. */
type Fragment = postgres.PendingQuery<postgres.Row[]>

export const BENCH_GROUPS = 200
/** Group numbers 10, 20, … are private (their meetings, records and drafts are for members only). */
const PRIVATE_GROUP_EVERY = 10
/** Group numbers 25, 75, 125, 175 are archived: public, readable, out of the lists. */
const ARCHIVED_GROUP_EVERY = 50
const ARCHIVED_GROUP_AT = 25
/** People per group: the first writers lead, the rest are members; observers are officials (they review). */
const LEADS_PER_GROUP = 2
const WRITERS_PER_GROUP = 14
const OBSERVERS_PER_GROUP = 6
/** Strides that spread groups' people over the users: most users are in no group, some in two. */
const GROUP_STRIDE = 50
const WRITER_STRIDE = 717
const OBSERVER_GROUP_STRIDE = 13
const OBSERVER_STRIDE = 401

export const MEETINGS_PER_GROUP = 100
export const BENCH_MEETINGS = BENCH_GROUPS * MEETINGS_PER_GROUP
/** Every group meets every two weeks: 75 meetings in the last ~3 years, 25 in the next year. */
const UPCOMING_MEETINGS_PER_GROUP = 25
const MEETING_INTERVAL_DAYS = 14
const CANCELLED_MEETING_EVERY = 40
/** Every 9th meeting has an English title only. */
const ENGLISH_ONLY_MEETING_EVERY = 9
/** Observers attend every 3rd meeting; leads and members all of them. */
const OBSERVERS_ATTEND_EVERY = 3
const MEETING_BATCH = 2_000
/** Past meetings at least this old have a record (all of its review steps are over by now), 4 in 5 of them. */
const RECORD_MIN_AGE_DAYS = 10
const NO_RECORD_EVERY = 5

export const DRAFTS_PER_GROUP = 50
export const BENCH_DRAFTS = BENCH_GROUPS * DRAFTS_PER_GROUP
/** A draft has this many revisions and up to 4 more (saves, then its status moves). */
export const REVISIONS_PER_DRAFT = 20
/** Hours between a draft's saves; drafts were started 40 to 940 days ago. */
const DRAFT_SAVE_HOURS = 20
const DRAFT_BATCH = 500

/** The officials among the generated users: bench-user-<n> with n % 4 = 2 (dataset.ts's users). */
function officialNumber(sql: Sql, index: Fragment, users: number) {
	return sql`(4 * ((${index}) % ${users / 4}) + 2)`
}

/** `list[index % length]` in SQL (`index` a SQL expression). */
function pick(sql: Sql, list: readonly string[], index: Fragment) {
	return sql`(${list as string[]}::text[])[1 + ((${index}) % ${list.length})::int]`
}

/** Each group's writers (leads first) and observers, to pick authors, owners and reviewers from. */
function peopleCte(sql: Sql) {
	return sql`
		people as (
			select group_id,
				array_agg(user_id order by role, user_id) filter (where role <> 'observer') as writers,
				array_agg(user_id order by user_id) filter (where role = 'observer') as officials
			from group_memberships group by group_id
		)
	`
}

export function labGroupsPart({ users }: { users: number }): DatasetPart {
	return {
		name: 'working groups and members',
		rows: BENCH_GROUPS,
		async run({ sql, progress }) {
			const firstWriter = sql`'bench-user-' || (1 + (j - 1) * ${GROUP_STRIDE} % ${users})`
			await sql`
				insert into working_groups (slug, sort_order, visibility, archived_at, created_by, created_at, updated_at)
				select 'bench-group-' || j, 100 + j,
					case when j % ${PRIVATE_GROUP_EVERY} = 0 then 'private' else 'public' end,
					case when j % ${ARCHIVED_GROUP_EVERY} = ${ARCHIVED_GROUP_AT} then now() - interval '30 days' end,
					${firstWriter}, t, t
				from generate_series(1, ${BENCH_GROUPS}::int) j
				cross join lateral (select now() - interval '4 years' + j * interval '1 day' as t) times
			`
			await sql`
				insert into working_group_translations (group_id, lang, name, summary, description)
				select w.id, l.lang,
					case l.lang when 'en' then ${pick(sql, text.GROUP_TOPICS.en, sql`n.j`)} || ' working group ' || n.j
						else ${pick(sql, text.GROUP_TOPICS.zh, sql`n.j`)} || '工作组 ' || n.j end,
					case l.lang when 'en' then ${text.GROUP_SUMMARY.en} else ${text.GROUP_SUMMARY.zh} end,
					case l.lang when 'en' then ${text.GROUP_CHARTER.en} else ${text.GROUP_CHARTER.zh} end
				from working_groups w
				cross join lateral (select substr(w.slug, 13)::int as j) n
				cross join (values ('en'), ('zh')) l (lang)
				where w.slug like 'bench-group-%'
			`
			// A user picked twice for one group keeps the first role.
			await sql`
				insert into group_memberships (group_id, user_id, role, added_by, created_at, updated_at)
				select w.id, 'bench-user-' || p.n, p.role, w.created_by, w.created_at, w.created_at
				from working_groups w
				cross join lateral (select substr(w.slug, 13)::int as j) n
				cross join lateral (
					select 1 + ((n.j - 1) * ${GROUP_STRIDE} + k * ${WRITER_STRIDE}) % ${users} as n,
						case when k < ${LEADS_PER_GROUP} then 'lead' else 'member' end as role, k
					from generate_series(0, ${WRITERS_PER_GROUP - 1}::int) k
					union all
					select ${officialNumber(sql, sql`(n.j - 1) * ${OBSERVER_GROUP_STRIDE} + k * ${OBSERVER_STRIDE}`, users)}, 'observer', ${WRITERS_PER_GROUP} + k
					from generate_series(0, ${OBSERVERS_PER_GROUP - 1}::int) k
				) p
				where w.slug like 'bench-group-%'
				order by w.id, p.k
				on conflict do nothing
			`
			progress(BENCH_GROUPS)
		},
	}
}

/* Meetings and their records */

/** How a meeting's record went, from the meeting's id: outcome, versions, and when each step happened. */
function recordPlan(sql: Sql) {
	return sql`
		cross join lateral (
			select
				case m.id % 20 when 0 then 'draft' when 1 then 'in_review' when 2 then 'approved'
					-- Published, then corrected: the correction is in review, the published version stays public.
					when 3 then 'correction' else 'published' end as outcome,
				case when m.id % 20 = 3 then 2 + (m.id % 2)::int else 1 + (m.id % 3)::int end as versions,
				m.id % 13 <> 0 as has_zh,
				m.ends_at + interval '1 day' as written_at
		) rp0
		cross join lateral (
			select rp0.*,
				-- The version that went to review (and was signed).
				case when rp0.outcome = 'correction' then rp0.versions - 1 else rp0.versions end as reviewed,
				-- The Chinese minutes were not updated in the last save: outdated.
				rp0.has_zh and rp0.versions >= 2 and m.id % 7 = 1 as zh_behind
		) rp1
		cross join lateral (
			select rp1.*,
				rp1.written_at + (rp1.reviewed - 1) * interval '1 day' + interval '1 hour' as requested_at,
				rp1.written_at + rp1.reviewed * interval '1 day' as signed_at,
				rp1.written_at + rp1.reviewed * interval '1 day' + interval '1 hour' as published_at,
				rp1.written_at + (rp1.reviewed + 1) * interval '1 day' + interval '1 hour' as corrected_at
		) rp
	`
}

/** A meeting's records with their meeting, group people and plan (`where` follows). */
function recordsFrom(sql: Sql) {
	return sql`
		meeting_records r
		join meetings m on m.id = r.meeting_id
		join people p on p.group_id = m.group_id
		${recordPlan(sql)}
	`
}

const savedAt = (sql: Sql, version: Fragment) =>
	sql`(case when ${version} <= rp.reviewed then rp.written_at + (${version} - 1) * interval '1 day' else rp.corrected_at end)`
/** The Chinese minutes' revision when the English is at `version`. */
const zhVersion = (sql: Sql, version: Fragment) => sql`(case when rp.zh_behind and ${version} = rp.versions then ${version} - 1 else ${version} end)`

function minutes(sql: Sql, lang: 'en' | 'zh', version: Fragment) {
	const [summary, next, note] =
		lang === 'en'
			? ['## Summary', '## Next steps', 'The group meets again in two weeks. The action items are listed below the minutes.']
			: ['## 纪要', '## 下一步', '工作组两周后再次开会。行动事项列于纪要之后。']
	return sql`concat_ws(E'\n\n', ${summary}::text,
		${pick(sql, text.MINUTES_DISCUSSION[lang], sql`m.id`)}, ${pick(sql, text.MINUTES_DISCUSSION[lang], sql`m.id + 1`)},
		${next}::text, ${note}::text,
		case when ${version} > 1 then '_' || ${version} || ': ' || ${pick(sql, text.MINUTES_CORRECTIONS[lang], sql`m.id + ${version}`)} || '_' end)`
}

/** The `versions` member of a record's snapshot (meeting_record_snapshot) at `version`. */
function versionsJson(sql: Sql, version: Fragment) {
	const zh = zhVersion(sql, version)
	return sql`(
		jsonb_build_object('en', jsonb_build_object('bodyMarkdown', ${minutes(sql, 'en', version)}, 'revision', ${version}, 'translatedFromRevision', null::int))
		|| case when rp.has_zh
			then jsonb_build_object('zh', jsonb_build_object('bodyMarkdown', ${minutes(sql, 'zh', zh)}, 'revision', ${zh}, 'translatedFromRevision', ${zh}))
			else '{}'::jsonb end
	)`
}

export const labMeetingsPart: DatasetPart = {
	name: 'meetings, agendas, attendees and records',
	rows: BENCH_MEETINGS,
	async run({ sql, progress }) {
		const [{ base }] = await sql<[{ base: string }]>`select coalesce(max(id), 0)::text as base from meetings`
		for (let from = 1; from <= BENCH_MEETINGS; from += MEETING_BATCH) {
			const to = Math.min(BENCH_MEETINGS, from + MEETING_BATCH - 1)
			const [lo, hi] = [String(BigInt(base) + BigInt(from)), String(BigInt(base) + BigInt(to))]
			await insertMeetings({ sql, base, from, to, lo, hi })
			await insertRecords({ sql, lo, hi })
			progress(to)
		}
		await sql`select setval(pg_get_serial_sequence('meetings', 'id'), (select max(id) from meetings))`
	},
}

async function insertMeetings({ sql, base, from, to, lo, hi }: { sql: Sql; base: string; from: number; to: number; lo: string; hi: string }) {
	// A group's meetings are consecutive ids: meeting q of group j is q two-week steps from 75 steps ago.
	await sql`
		with ${peopleCte(sql)}
		insert into meetings (id, group_id, version, starts_at, ends_at, time_zone, place, online_url, cancelled_at, created_by, created_at, updated_at, updated_by)
		overriding system value
		select n.id, g.id, case when n.cancelled then 2 else 1 end, t.starts_at, t.starts_at + (60 + 30 * (n.id % 3)) * interval '1 minute',
			case when n.j % 2 = 0 then 'Asia/Shanghai' else 'America/Los_Angeles' end,
			${pick(sql, text.MEETING_PLACES, sql`n.id`)},
			case when n.id % 3 = 0 then '' else 'https://meet.example.org/bench-' || n.id end,
			t.cancelled_at, p.writers[1], t.created_at, coalesce(t.cancelled_at, t.created_at), p.writers[1]
		from generate_series(${from}::int, ${to}::int) s
		cross join lateral (
			select ${base}::bigint + s as id, 1 + (s - 1) / ${MEETINGS_PER_GROUP} as j, (s - 1) % ${MEETINGS_PER_GROUP} as q,
				(${base}::bigint + s) % ${CANCELLED_MEETING_EVERY} = 0 as cancelled
		) n
		join working_groups g on g.slug = 'bench-group-' || n.j
		join people p on p.group_id = g.id
		-- Mornings in the group's zone: 9–11 in Beijing (01–03 UTC) or in Davis (16–18 UTC).
		cross join lateral (
			select date_trunc('day', now())
				+ ((n.q - ${MEETINGS_PER_GROUP - UPCOMING_MEETINGS_PER_GROUP}) * ${MEETING_INTERVAL_DAYS} + n.j % ${MEETING_INTERVAL_DAYS}) * interval '1 day'
				+ ((case when n.j % 2 = 0 then 1 else 16 end) + n.j % 3) * interval '1 hour' as starts_at
		) t0
		cross join lateral (
			select t0.starts_at, least(t0.starts_at - interval '21 days', now() - interval '1 day') as created_at,
				case when n.cancelled then least(t0.starts_at - interval '2 days', now() - interval '1 hour') end as cancelled_at
		) t
	`
	await sql`
		insert into meeting_translations (meeting_id, lang, title)
		select m.id, l.lang, case l.lang when 'en' then ${pick(sql, text.MEETING_TITLES.en, sql`m.id`)} else ${pick(sql, text.MEETING_TITLES.zh, sql`m.id`)} end
		from meetings m cross join (values ('en'), ('zh')) l (lang)
		where m.id between ${lo} and ${hi} and (l.lang = 'en' or m.id % ${ENGLISH_ONLY_MEETING_EVERY} <> 0)
	`
	// 3–6 items: the welcome first, any other business last; now and then an item without Chinese.
	const items = text.AGENDA_ITEMS
	await sql`
		insert into agenda_items (meeting_id, position, title_en, title_zh)
		select m.id, k,
			(${items.en}::text[])[i.n], case when k = last.position and m.id % 11 = 0 then '' else (${items.zh}::text[])[i.n] end
		from meetings m
		cross join lateral (select 2 + (m.id % 4)::int as position) last
		cross join lateral generate_series(0, last.position) k
		cross join lateral (select case when k = 0 then 1 when k = last.position then ${items.en.length} else 2 + ((m.id + k) % ${items.en.length - 2})::int end as n) i
		where m.id between ${lo} and ${hi}
	`
	await sql`
		insert into meeting_attendees (meeting_id, user_id, attendance)
		select m.id, gm.user_id,
			case when m.cancelled_at is not null or m.ends_at > now() then null
				when h.h % 10 = 0 then 'apologies' when h.h % 25 = 1 then 'absent' else 'present' end
		from meetings m
		join group_memberships gm on gm.group_id = m.group_id
		cross join lateral (select hashtext(gm.user_id || ':' || m.id) & 2147483647 as h) h
		where m.id between ${lo} and ${hi} and (gm.role <> 'observer' or m.id % ${OBSERVERS_ATTEND_EVERY} = 0)
	`
}

async function insertRecords({ sql, lo, hi }: { sql: Sql; lo: string; hi: string }) {
	const people = peopleCte(sql)
	const from = recordsFrom(sql)
	// Records by their meeting's id (an index): the meeting ids of this batch.
	const inBatch = sql`r.meeting_id between ${lo} and ${hi}`
	await sql`
		with ${people}
		insert into meeting_records (meeting_id, version, status, review_requested_at, review_requested_by, approved_at,
			published_version, published_at, created_by, created_at, updated_at)
		select m.id, rp.versions,
			case rp.outcome when 'correction' then 'in_review' else rp.outcome end,
			case rp.outcome when 'draft' then null when 'correction' then rp.corrected_at else rp.requested_at end,
			case when rp.outcome <> 'draft' then p.writers[1] end,
			case when rp.outcome in ('approved', 'published') then rp.signed_at end,
			case rp.outcome when 'published' then rp.versions when 'correction' then rp.reviewed end,
			case when rp.outcome in ('published', 'correction') then rp.published_at end,
			p.writers[1], rp.written_at,
			case rp.outcome when 'draft' then ${savedAt(sql, sql`rp.versions`)} when 'in_review' then rp.requested_at
				when 'approved' then rp.signed_at when 'published' then rp.published_at else rp.corrected_at end
		from meetings m
		join people p on p.group_id = m.group_id
		${recordPlan(sql)}
		where m.id between ${lo} and ${hi} and m.cancelled_at is null and m.ends_at < now() - ${RECORD_MIN_AGE_DAYS}::int * interval '1 day'
			and m.id % ${NO_RECORD_EVERY} <> ${NO_RECORD_EVERY - 1}
	`
	const zh = zhVersion(sql, sql`rp.versions`)
	await sql`
		with ${people}
		insert into meeting_record_translations (record_id, lang, body_markdown, revision, translated_from_revision, updated_at)
		select r.id, 'en', ${minutes(sql, 'en', sql`rp.versions`)}, rp.versions, null, ${savedAt(sql, sql`rp.versions`)}
		from ${from} where ${inBatch}
		union all
		select r.id, 'zh', ${minutes(sql, 'zh', zh)}, ${zh}, ${zh}, ${savedAt(sql, zh)}
		from ${from} where ${inBatch} and rp.has_zh
	`
	await sql`
		with ${people}
		insert into meeting_record_decisions (record_id, position, text_en, text_zh)
		select r.id, k, ${pick(sql, text.DECISIONS.en, sql`m.id + k`)}, ${pick(sql, text.DECISIONS.zh, sql`m.id + k`)}
		from ${from} cross join lateral generate_series(0, 1 + (m.id % 3)::int) k
		where ${inBatch}
	`
	// Owners are the group's writers; items due more than two weeks ago are mostly done, the rest open (some overdue).
	await sql`
		with ${people}
		insert into meeting_action_items (record_id, position, text_en, text_zh, owner_id, due_date, status, completed_at)
		select r.id, k, ${pick(sql, text.ACTION_ITEMS.en, sql`m.id + k`)}, ${pick(sql, text.ACTION_ITEMS.zh, sql`m.id + k`)},
			p.writers[1 + ((m.id + k) % cardinality(p.writers))::int], due.d,
			case when due.done then 'done' else 'open' end,
			case when due.done then (due.d - 1)::timestamptz + interval '15 hours' end
		from ${from}
		cross join lateral generate_series(0, (m.id % 3)::int) k
		cross join lateral (
			select (m.starts_at + (14 + 7 * k) * interval '1 day')::date as d,
				(m.starts_at + (14 + 7 * k) * interval '1 day')::date < current_date - 14 and (m.id + k) % 5 <> 0 as done
		) due
		where ${inBatch}
	`
	// Decisions and action items are the same in every version (the content that changed is the minutes),
	// so each revision is the record's snapshot with that version's minutes.
	await sql`
		with ${people}
		insert into meeting_record_revisions (record_id, version, action, changed_fields, snapshot, author_id, created_at, message)
		select r.id, v, case when v = 1 then 'create' else 'update' end,
			case when v = 1 then (case when rp.has_zh then array['actionItems', 'decisions', 'en.created', 'zh.created'] else array['actionItems', 'decisions', 'en.created'] end)
				when rp.has_zh and ${zhVersion(sql, sql`v`)} = v then array['en.body', 'zh.body'] else array['en.body'] end,
			record.snapshot || jsonb_build_object('versions', ${versionsJson(sql, sql`v`)}),
			case when v = 1 then p.writers[1] else p.writers[1 + ((m.id + v) % cardinality(p.writers))::int] end,
			${savedAt(sql, sql`v`)}, ''
		from ${from}
		cross join lateral (select meeting_record_snapshot(r.id) as snapshot) record
		cross join lateral generate_series(1, rp.versions) v
		where ${inBatch}
		order by r.id, v
	`
	await sql`
		with ${people}
		insert into meeting_record_reviewers (record_id, user_id, named_by, named_at)
		select r.id, o.user_id, p.writers[1], rp.requested_at
		from ${from} cross join lateral unnest(p.officials[1:2]) o (user_id)
		where ${inBatch} and rp.outcome <> 'draft'
	`
	// The review trail in order: asked, a comment on the first agenda item now and then, the sign-offs
	// (one so far for records still in review), approved, published, and a correction reopening it.
	const signedByAll = sql`rp.outcome in ('approved', 'published', 'correction')`
	await sql`
		with ${people}
		insert into meeting_record_events (record_id, record_version, event, actor_id, agenda_item_id, body, created_at)
		select r.id, e.version, e.event, e.actor, e.agenda_item, e.body, e.at
		from ${from}
		cross join lateral (select min(a.id) as first_item from agenda_items a where a.meeting_id = m.id) agenda
		cross join lateral (values
			(1, rp.reviewed, 'review_requested', p.writers[1], null::bigint, '', rp.requested_at, rp.outcome <> 'draft'),
			(2, rp.reviewed, 'comment', p.officials[1], agenda.first_item,
				${pick(sql, text.REVIEW_COMMENTS, sql`m.id`)}, rp.requested_at + interval '2 hours', rp.outcome <> 'draft' and m.id % 3 = 0),
			(3, rp.reviewed, 'approved', p.officials[1], null, '', rp.signed_at, rp.outcome <> 'draft'),
			(4, rp.reviewed, 'approved', p.officials[2], null, '', rp.signed_at + interval '1 minute', ${signedByAll}),
			(5, rp.reviewed, 'record_approved', p.officials[2], null, '', rp.signed_at + interval '1 minute', ${signedByAll}),
			(6, rp.reviewed, 'published', p.writers[1], null, '', rp.published_at, rp.outcome in ('published', 'correction')),
			(7, rp.versions, 'review_reopened', p.writers[1], null, '', rp.corrected_at, rp.outcome = 'correction')
		) e (step, version, event, actor, agenda_item, body, at, happened)
		where ${inBatch} and e.happened and e.actor is not null
		order by r.id, e.step
	`
	// Sign-offs: one per `approved` event of the trail above, with the hash the app computes of the
	// signed revision's snapshot.
	const approvals = await sql<{ recordId: string; version: number; signerId: string; signedAt: Date; snapshot: RecordSnapshot }[]>`
		select e.record_id::text as record_id, e.record_version as version, e.actor_id as signer_id, e.created_at as signed_at, rev.snapshot
		from meeting_records r
		join meeting_record_events e on e.record_id = r.id and e.event = 'approved'
		join meeting_record_revisions rev on rev.record_id = e.record_id and rev.version = e.record_version
		where ${inBatch}
		order by e.id
	`
	const hashes = new Map<string, string>()
	for (const { recordId, version, snapshot } of approvals) {
		const key = `${recordId}:${version}`
		if (!hashes.has(key)) hashes.set(key, await recordContentHash({ recordId, version, snapshot }))
	}
	await sql`
		insert into meeting_record_signoffs (record_id, record_version, signer_id, signed_at, content_hash, hash_format)
		select s.record_id, s.version, s.signer, s.at, s.hash, ${RECORD_HASH_FORMAT}
		from unnest(
			${approvals.map((a) => a.recordId)}::bigint[], ${approvals.map((a) => a.version)}::int[], ${approvals.map((a) => a.signerId)}::text[],
			${approvals.map((a) => a.signedAt.toISOString())}::timestamptz[], ${approvals.map((a) => hashes.get(`${a.recordId}:${a.version}`)!)}::text[]
		) with ordinality as s (record_id, version, signer, at, hash, n)
		order by s.n
	`
}

/* Policy drafts */

/**
 * A draft's history, from its id: 3–6 sections, 20–24 revisions: the first
 * creates it, each save changes one section (in turn), every 7th save is a
 * merge; the last 0–3 revisions move its status (in review, final,
 * published). The English is the original; the Chinese follows each save,
 * except that the last save of every 3rd draft left it outdated, and every
 * 7th draft's last section has no Chinese at all.
 */
function draftPlan(sql: Sql) {
	return sql`
		cross join lateral (
			select 3 + (d.id % 4)::int as sections,
				${REVISIONS_PER_DRAFT} + (d.id % 5)::int as revisions,
				(array[0, 0, 0, 0, 1, 1, 2, 3, 3, 3])[1 + (d.id % 10)::int] as moves,
				d.id % 3 = 0 as zh_behind,
				d.id % 7 = 0 as last_section_english_only,
				date_trunc('minute', now()) - (40 + d.id % 900) * interval '1 day' as created_at
		) dp0
		cross join lateral (
			select dp0.*, dp0.revisions - dp0.moves as last_edit,
				(array['drafting', 'in_review', 'final', 'published'])[1 + dp0.moves] as status
		) dp
	`
}

const draftSavedAt = (sql: Sql, version: Fragment) => sql`(dp.created_at + (${version} - 1) * ${DRAFT_SAVE_HOURS}::int * interval '1 hour')`
const basedOn = (sql: Sql, version: Fragment) =>
	sql`(case when ${version} = 1 then null when ${version} <= dp.last_edit and ${version} % 7 = 0 then ${version} - 2 else ${version} - 1 end)`

/** The draft's sections at `version`, one row each, with their text and translation counters. */
function sectionsAt(sql: Sql, version: Fragment) {
	const body = (lang: 'en' | 'zh', revision: Fragment) =>
		sql`${pick(sql, text.SECTION_PARAGRAPHS[lang], sql`d.id + k`)} || E'\n\n' || ${lang === 'en' ? 'Revision ' : '第 '}::text || ${revision}
			|| ${lang === 'en' ? ': ' : ' 稿：'}::text || ${pick(sql, text.SECTION_CHANGES[lang], sql`d.id + k + ${revision}`)}`
	return sql`(
		select k, substr(md5(d.id || ':' || k), 1, 10) as id, c.rev_en, c.rev_zh,
			not (dp.last_section_english_only and k = dp.sections) as has_zh,
			(${text.SECTION_HEADINGS.en}::text[])[k] as heading_en, ${body('en', sql`c.rev_en`)} as body_en,
			(${text.SECTION_HEADINGS.zh}::text[])[k] as heading_zh, ${body('zh', sql`c.rev_zh`)} as body_zh
		from generate_series(1, dp.sections) k
		cross join lateral (select least(${version}, dp.last_edit) as upto) u
		-- Saves 2, 3, … changed sections 1, 2, … in turn.
		cross join lateral (
			select case when u.upto - 1 >= k then (u.upto - 1 - k) / dp.sections + 1 else 0 end as edits,
				(dp.zh_behind and u.upto = dp.last_edit and (dp.last_edit - 2) % dp.sections = k - 1)::int as behind
		) e
		cross join lateral (select 1 + e.edits as rev_en, 1 + e.edits - e.behind as rev_zh) c
	)`
}

export const labDraftsPart: DatasetPart = {
	name: 'policy drafts, sections, revisions, reviews and comments',
	rows: BENCH_DRAFTS,
	async run({ sql, progress }) {
		const [{ base }] = await sql<[{ base: string }]>`select coalesce(max(id), 0)::text as base from policy_drafts`
		for (let from = 1; from <= BENCH_DRAFTS; from += DRAFT_BATCH) {
			const to = Math.min(BENCH_DRAFTS, from + DRAFT_BATCH - 1)
			await insertDrafts({ sql, base, from, to, lo: String(BigInt(base) + BigInt(from)), hi: String(BigInt(base) + BigInt(to)) })
			progress(to)
		}
		await sql`select setval(pg_get_serial_sequence('policy_drafts', 'id'), (select max(id) from policy_drafts))`
	},
}

async function insertDrafts({ sql, base, from, to, lo, hi }: { sql: Sql; base: string; from: number; to: number; lo: string; hi: string }) {
	const people = peopleCte(sql)
	const plan = draftPlan(sql)
	const inBatch = sql`d.id between ${lo} and ${hi}`
	// A group's drafts are consecutive ids, so each group has drafts of every status.
	await sql`
		with ${people}
		insert into policy_drafts (id, group_id, version, status, title_en, title_zh, based_on_version, created_by, created_at, updated_at,
			review_requested_at, published_at)
		overriding system value
		select d.id, g.id, dp.revisions, dp.status,
			${pick(sql, text.DRAFT_TITLES.en, sql`d.id`)} || ', draft ' || d.s, ${pick(sql, text.DRAFT_TITLES.zh, sql`d.id`)} || '（第 ' || d.s || ' 稿）',
			${basedOn(sql, sql`dp.revisions`)}, p.writers[1 + (d.id % cardinality(p.writers))::int],
			dp.created_at, ${draftSavedAt(sql, sql`dp.revisions`)},
			case when dp.moves > 0 then ${draftSavedAt(sql, sql`dp.last_edit + 1`)} end,
			case when dp.status = 'published' then ${draftSavedAt(sql, sql`dp.revisions`)} end
		from (select ${base}::bigint + s as id, s from generate_series(${from}::int, ${to}::int) s) d
		${plan}
		join working_groups g on g.slug = 'bench-group-' || (1 + (d.s - 1) / ${DRAFTS_PER_GROUP})
		join people p on p.group_id = g.id
	`
	await sql`
		insert into policy_draft_sections (draft_id, id, position, level_en, heading_en, body_en, revision_en, en_translated_from_revision,
			level_zh, heading_zh, body_zh, revision_zh, zh_translated_from_revision)
		select d.id, sec.id, sec.k - 1, 2, sec.heading_en, sec.body_en, sec.rev_en, null,
			case when sec.has_zh then 2 end, case when sec.has_zh then sec.heading_zh else '' end,
			case when sec.has_zh then sec.body_zh else '' end, case when sec.has_zh then sec.rev_zh end, case when sec.has_zh then sec.rev_zh end
		from policy_drafts d ${plan}
		cross join lateral ${sectionsAt(sql, sql`d.version`)} sec
		where ${inBatch}
	`
	// Each revision's snapshot as policy_draft_snapshot(id) built it at that version.
	const sections = sectionsAt(sql, sql`v`)
	await sql`
		with ${people}
		insert into policy_draft_revisions (draft_id, version, action, changed_fields, snapshot, author_id, created_at, message)
		select d.id, v,
			case when v = 1 then 'create' when v > dp.last_edit then 'status' when v % 7 = 0 then 'merge' else 'update' end,
			case when v = 1 then '{}'::text[]
				when v = dp.last_edit + 1 then array['reviewers', 'status']
				when v > dp.last_edit then array['status']
				else array['section.' || edited.id || '.en'] || case when edited.zh then array['section.' || edited.id || '.zh'] else '{}'::text[] end
			end,
			jsonb_build_object(
				'groupId', d.group_id::text,
				'status', (array['drafting', 'in_review', 'final', 'published'])[1 + greatest(0, v - dp.last_edit)],
				'title', jsonb_build_object('en', d.title_en, 'zh', d.title_zh),
				'basedOnVersion', ${basedOn(sql, sql`v`)},
				'sections', (
					select jsonb_agg(jsonb_build_object(
						'id', sec.id,
						'en', jsonb_build_object('heading', sec.heading_en, 'level', 2, 'body', sec.body_en, 'revision', sec.rev_en, 'translatedFromRevision', null::int),
						'zh', case when sec.has_zh then jsonb_build_object(
							'heading', sec.heading_zh, 'level', 2, 'body', sec.body_zh, 'revision', sec.rev_zh, 'translatedFromRevision', sec.rev_zh) end
					) order by sec.k)
					from ${sections} sec
				)
			),
			case when v = 1 then d.created_by when v > dp.last_edit then p.writers[1] else p.writers[1 + ((d.id + v) % cardinality(p.writers))::int] end,
			${draftSavedAt(sql, sql`v`)},
			case when v = 1 then 'First draft' when v > dp.last_edit or v % 7 = 0 then '' else ${pick(sql, text.SAVE_MESSAGES, sql`d.id + v`)} end
		from policy_drafts d
		join people p on p.group_id = d.group_id
		${plan}
		cross join lateral generate_series(1, dp.revisions) v
		cross join lateral (
			select substr(md5(d.id || ':' || s.k), 1, 10) as id,
				not (dp.last_section_english_only and s.k = dp.sections) and not (dp.zh_behind and v = dp.last_edit) as zh
			from (select 1 + (v - 2) % dp.sections as k) s
		) edited
		where ${inBatch}
		order by d.id, v
	`
	// Reviewers named when it went to review; both approved the version that became final.
	await sql`
		with ${people}
		insert into policy_draft_reviewers (draft_id, user_id, named_by, named_at)
		select d.id, o.user_id, p.writers[1], ${draftSavedAt(sql, sql`dp.last_edit + 1`)}
		from policy_drafts d join people p on p.group_id = d.group_id ${plan}
		cross join lateral unnest(p.officials[1:2]) o (user_id)
		where ${inBatch} and dp.moves > 0
	`
	await sql`
		with ${people}
		insert into policy_draft_reviews (draft_id, reviewer_id, version, decision, note, created_at)
		select d.id, o.user_id, dp.last_edit + 1,
			case when dp.moves >= 2 then 'approve' else 'request_changes' end,
			case when dp.moves >= 2 then '' else ${text.DRAFT_COMMENTS.review} end,
			${draftSavedAt(sql, sql`dp.last_edit + 1`)} + o.n * interval '2 hours'
		from policy_drafts d join people p on p.group_id = d.group_id ${plan}
		cross join lateral unnest(p.officials[1:2]) with ordinality o (user_id, n)
		where ${inBatch} and (dp.moves >= 2 or (dp.moves = 1 and d.id % 20 = 4 and o.n = 1))
		order by d.id, o.n
	`
	// Every other draft has a thread on its first section with a reply; every 8th thread is resolved.
	await sql`
		with ${people}, threads as (
			insert into policy_draft_comments (draft_id, section_id, lang, quote, version, body, author_id, created_at, resolved_at, resolved_by)
			select d.id, substr(md5(d.id || ':1'), 1, 10), l.lang,
				substr(case l.lang when 'en' then ${pick(sql, text.SECTION_PARAGRAPHS.en, sql`d.id + 1`)} else ${pick(sql, text.SECTION_PARAGRAPHS.zh, sql`d.id + 1`)} end, 1, 60),
				d.version, ${pick(sql, text.DRAFT_COMMENTS.threads, sql`d.id`)}, p.writers[2], d.updated_at + interval '1 hour',
				case when d.id % 8 = 0 then d.updated_at + interval '1 day' end, case when d.id % 8 = 0 then p.writers[1] end
			from policy_drafts d join people p on p.group_id = d.group_id
			cross join lateral (select case when d.id % 4 = 0 then 'en' else 'zh' end as lang) l
			where ${inBatch} and d.id % 2 = 0
			returning id, draft_id, section_id, lang, version, created_at
		)
		insert into policy_draft_comments (draft_id, parent_id, section_id, lang, version, body, author_id, created_at)
		select t.draft_id, t.id, t.section_id, t.lang, t.version, ${pick(sql, text.DRAFT_COMMENTS.replies, sql`t.draft_id`)}, p.writers[1],
			t.created_at + interval '3 hours'
		from threads t join policy_drafts d on d.id = t.draft_id join people p on p.group_id = d.group_id
	`
}

/* Search */

/**
 * The search index, filled the way the app fills it: its own rebuild
 * (app/search/reindex.server.ts, what `npm run search:reindex` runs) over
 * every registered source. The generated rows skipped the features' saves,
 * which index in the same transaction; the rebuild reads the same tables
 * and writes the same rows.
 *
 * Each rebuild runs in a worker thread on its own connection: its time goes
 * to Node (Markdown to plain text and the analyzer: all of the rebuild's CPU
 * but a fifth, measured), while the generator's time goes to PostgreSQL. So
 * the news (~185,000 documents, the longest) are indexed in the background
 * from the moment they exist, while the lab's tables are generated; the
 * lab's kinds are indexed once their tables are complete.
 */
const NEWS_KINDS: readonly SearchKind[] = ['news']
const LAB_KINDS: readonly SearchKind[] = ['group', 'meeting', 'record', 'draft']

export const newsSearchPart = searchIndexPart({ name: "search index: news (the app's rebuild, in the background)", kinds: NEWS_KINDS, background: true })
export const labSearchPart = searchIndexPart({ name: "search index: groups, meetings, records, drafts (the app's rebuild)", kinds: LAB_KINDS })

function searchIndexPart({ name, kinds, background = false }: { name: string; kinds: readonly SearchKind[]; background?: boolean }): DatasetPart {
	return {
		name,
		// The rebuild counts its sources when it starts.
		rows: 0,
		background,
		async run({ url, progress }) {
			const missing = SEARCH_SOURCES.map((source) => source.kind).filter((kind) => ![...NEWS_KINDS, ...LAB_KINDS].includes(kind))
			if (missing.length > 0) throw new Error(`The bench dataset does not index ${missing.join(', ')}: add the kinds to its search parts`)
			let total = 0
			let done = 0
			await runSearchWorker({
				url,
				kinds,
				onEvent: (event) => {
					if (event.type === 'total') total = event.total
					else if (event.type === 'batch') done += event.count
					// The rebuild counts meetings, records and drafts, and writes a document per language.
					progress(done, Math.max(done, total))
				},
			})
		},
	}
}

type WorkerEvent = { type: 'total'; total: number } | { type: 'batch'; count: number } | { type: 'done' }

function runSearchWorker({ url, kinds, onEvent }: { url: string; kinds: readonly SearchKind[]; onEvent: (event: WorkerEvent) => void }) {
	// The worker is TypeScript: it registers tsx before it loads the module (a worker does not inherit the loader).
	const module = new URL('./dataset-search-worker.ts', import.meta.url).href
	const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(module)}) })`, {
		eval: true,
		workerData: { url, kinds },
	})
	return new Promise<void>((resolve, reject) => {
		let finished = false
		worker.on('message', (event: WorkerEvent) => {
			if (event.type === 'done') finished = true
			onEvent(event)
		})
		worker.on('error', reject)
		worker.on('exit', (code) => (finished && code === 0 ? resolve() : reject(new Error(`The search index worker (${kinds.join(', ')}) exited with ${code}`))))
	})
}
