/**
 * What the public sees of meetings beyond single pages: the sitemap's
 * entries and, for the response cache, when the clock alone changes a
 * public page (a meeting moves from "upcoming" to "past" when it ends).
 * Public means: a public group's, not archived.
 */
import { sql } from '#db/client.server.ts'
import type { Queryable } from '#db/sql.server.ts'
import type { ClockWindow } from '#app/http/response-cache.server.ts'

export async function listPublicMeetingsForSitemap(): Promise<{ id: string; updatedAt: Date }[]> {
	return sql<{ id: string; updatedAt: Date }[]>`
		select m.id::text as id, m.updated_at
		from meetings m join working_groups g on g.id = m.group_id
		where g.visibility = 'public' and g.archived_at is null
		order by m.starts_at desc, m.id desc
	`
}

/**
 * Between the last public meeting end at or before `now` and the next one
 * after it, lists of meetings read the same. A meeting is past once
 * `ends_at <= now` (millisecond precision): a boundary is its end rounded
 * up to the millisecond.
 */
export async function meetingsClockWindow({ now, db = sql }: { now: Date; db?: Queryable }): Promise<ClockWindow> {
	const [row] = await db<{ fromMs: string | null; untilMs: string | null }[]>`
		select
			(select ceil(extract(epoch from max(m.ends_at)) * 1000)::bigint from meetings m join working_groups g on g.id = m.group_id
				where g.visibility = 'public' and m.ends_at <= ${now})::text as from_ms,
			(select ceil(extract(epoch from min(m.ends_at)) * 1000)::bigint from meetings m join working_groups g on g.id = m.group_id
				where g.visibility = 'public' and m.ends_at > ${now})::text as until_ms
	`
	return {
		fromMs: row?.fromMs ? Number(row.fromMs) : Number.NEGATIVE_INFINITY,
		untilMs: row?.untilMs ? Number(row.untilMs) : Number.POSITIVE_INFINITY,
	}
}
