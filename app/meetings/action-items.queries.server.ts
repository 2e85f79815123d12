/**
 * A member's own action items across groups, and their owner marking one
 * done (or open again). Only items of groups the owner still belongs to are
 * listed: the text of a private group's minutes is for its members.
 */
import { sql } from '#db/client.server.ts'
import type { Queryable } from '#db/sql.server.ts'
import type { Lang } from '#app/i18n/config.ts'

export interface OwnActionItem {
	id: string
	en: string
	zh: string
	dueDate: string
	meetingId: string
	meetingTitle: string
	meetingStartsAt: Date
	groupName: string
	groupSlug: string
}

export const OWN_ITEMS_MAX = 200

/** Open items owned by `userId`, soonest due first (the page puts overdue ones on top). */
export async function listOwnOpenActionItems(
	{ userId, lang, limit = OWN_ITEMS_MAX }: { userId: string; lang: Lang; limit?: number },
	db: Queryable = sql,
): Promise<OwnActionItem[]> {
	return db<OwnActionItem[]>`
		select a.id::text as id, a.text_en as en, a.text_zh as zh, to_char(a.due_date, 'YYYY-MM-DD') as due_date,
			m.id::text as meeting_id, mt.title as meeting_title, m.starts_at as meeting_starts_at,
			gt.name as group_name, g.slug as group_slug
		from meeting_action_items a
		join meeting_records r on r.id = a.record_id
		join meetings m on m.id = r.meeting_id
		join working_groups g on g.id = m.group_id
		join group_memberships gm on gm.group_id = g.id and gm.user_id = a.owner_id
		cross join lateral (
			select title from meeting_translations where meeting_id = m.id order by (lang = ${lang}) desc limit 1
		) mt
		cross join lateral (
			select name from working_group_translations where group_id = g.id order by (lang = ${lang}) desc limit 1
		) gt
		where a.owner_id = ${userId} and a.status = 'open'
		order by a.due_date, a.id
		limit ${Math.max(1, Math.min(limit, OWN_ITEMS_MAX))}
	`
}

/** The owner marks their item done or open again; false when it is not theirs (or not there). */
export async function setOwnActionItemStatus(
	{ itemId, ownerId, status, now }: { itemId: string; ownerId: string; status: 'open' | 'done'; now: Date },
	db: Queryable = sql,
): Promise<boolean> {
	const rows = await db`
		update meeting_action_items a set status = ${status}, completed_at = ${status === 'done' ? now : null}
		where a.id = ${itemId} and a.owner_id = ${ownerId}
			and exists (
				select 1 from meeting_records r join meetings m on m.id = r.meeting_id
				join group_memberships gm on gm.group_id = m.group_id and gm.user_id = a.owner_id
				where r.id = a.record_id
			)
		returning a.id
	`
	return rows.length > 0
}
