/** When what the public sees of the news changes with the clock alone: for the response cache. */
import { sql } from '#db/client.server.ts'
import type { Queryable } from '#db/sql.server.ts'
import type { ClockWindow } from '#app/http/response-cache.server.ts'

export type { ClockWindow }

/**
 * Public pages change with the clock only when a post's publication time
 * passes (publicPostCondition in ./articles.queries.server.ts): between the
 * last such time at or before `now` and the next one after it, every page
 * reads the same. Two lookups on the partial index news_posts_public_idx.
 * A post is public when `published_at <= now` at millisecond precision, so
 * a boundary is its time rounded up to the millisecond.
 */
export async function publicClockWindow({ now, db = sql }: { now: Date; db?: Queryable }): Promise<ClockWindow> {
	const [row] = await db<{ fromMs: string | null; untilMs: string | null }[]>`
		select
			(select ceil(extract(epoch from max(published_at)) * 1000)::bigint from news_posts
				where status in ('published', 'scheduled') and published_at <= ${now})::text as from_ms,
			(select ceil(extract(epoch from min(published_at)) * 1000)::bigint from news_posts
				where status in ('published', 'scheduled') and published_at > ${now})::text as until_ms
	`
	return {
		fromMs: row?.fromMs ? Number(row.fromMs) : Number.NEGATIVE_INFINITY,
		untilMs: row?.untilMs ? Number(row.untilMs) : Number.POSITIVE_INFINITY,
	}
}
