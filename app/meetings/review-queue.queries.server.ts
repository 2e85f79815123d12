/**
 * A reviewer's queue: records in review that name them and that they have
 * not yet signed in their current version, oldest request first, with the
 * group and meeting they belong to.
 */
import { sql } from '#db/client.server.ts'
import type { Queryable } from '#db/sql.server.ts'
import type { Lang } from '#app/i18n/config.ts'

export interface QueueItem {
	recordId: string
	meetingId: string
	version: number
	meetingTitle: string
	meetingStartsAt: Date
	groupName: string
	groupSlug: string
	groupVisibility: 'public' | 'private'
	waitingSince: Date
	/** Who asked for the review (null: unknown, or the seed). */
	requestedBy: string | null
}

export const QUEUE_MAX = 200

export async function listReviewQueue(
	{ userId, lang, limit = QUEUE_MAX }: { userId: string; lang: Lang; limit?: number },
	db: Queryable = sql,
): Promise<QueueItem[]> {
	return db<QueueItem[]>`
		select r.id::text as record_id, m.id::text as meeting_id, r.version, mt.title as meeting_title, m.starts_at as meeting_starts_at,
			gt.name as group_name, g.slug as group_slug, g.visibility as group_visibility,
			coalesce(r.review_requested_at, r.updated_at) as waiting_since, u.name as requested_by
		from meeting_record_reviewers rv
		join meeting_records r on r.id = rv.record_id
		join meetings m on m.id = r.meeting_id
		join working_groups g on g.id = m.group_id
		left join users u on u.id = r.review_requested_by
		cross join lateral (
			select title from meeting_translations where meeting_id = m.id order by (lang = ${lang}) desc limit 1
		) mt
		cross join lateral (
			select name from working_group_translations where group_id = g.id order by (lang = ${lang}) desc limit 1
		) gt
		where rv.user_id = ${userId} and r.status = 'in_review'
			and not exists (
				select 1 from meeting_record_signoffs s
				where s.record_id = r.id and s.record_version = r.version and s.signer_id = rv.user_id
			)
		order by waiting_since asc, r.id asc
		limit ${Math.max(1, Math.min(limit, QUEUE_MAX))}
	`
}
