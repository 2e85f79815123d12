/**
 * What the demo drafts' seed (db/seed/drafts.server.ts) needs besides the
 * saves every author makes: finding a demo draft again (seeding is
 * idempotent) and the revision a next save is based on. Groups and their
 * memberships come from the groups feature's own queries.
 */
import { sql } from '#db/client.server.ts'
import type { Queryable } from '#db/sql.server.ts'

/** A draft of the group with this English title (the demo drafts' natural key). */
export async function findDraftIdByTitle({ groupId, titleEn }: { groupId: string; titleEn: string }, db: Queryable = sql): Promise<string | null> {
	const [row] = await db<{ id: string }[]>`
		select id::text as id from policy_drafts where group_id = ${groupId} and title_en = ${titleEn} order by id limit 1
	`
	return row?.id ?? null
}

/** The revision the draft's current version was saved as, and that version (inside the caller's transaction). */
export async function currentRevision(draftId: string, db: Queryable = sql): Promise<{ id: string; version: number }> {
	const [row] = await db<{ id: string; version: number }[]>`
		select r.id::text as id, r.version from policy_drafts d
		join policy_draft_revisions r on r.draft_id = d.id and r.version = d.version
		where d.id = ${draftId}
	`
	if (!row) throw new Error(`Draft ${draftId} has no revision for its version`)
	return row
}
