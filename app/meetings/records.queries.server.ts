/**
 * Reading meeting records: the record of a meeting, its content now and at
 * any version (the revision's snapshot), its reviewers, sign-offs and review
 * trail, and the people of its group (action item owners, reviewers). The
 * tables are described once as `RECORD_TABLES` for the shared versioning
 * mechanism (app/documents/versioning.queries.server.ts).
 */
import { sql } from '#db/client.server.ts'
import type { Queryable } from '#db/sql.server.ts'
import type { GroupRole, RecordStatus, Role } from '#app/auth/permissions.ts'
import type { DocumentTables } from '#app/documents/versioning.queries.server.ts'
import type { Lang } from '#app/i18n/config.ts'
import type { RecordSnapshot } from './record-hash.ts'

export const RECORD_TABLES: DocumentTables = {
	documents: 'meeting_records',
	revisions: 'meeting_record_revisions',
	foreignKey: 'record_id',
	snapshotFunction: 'meeting_record_snapshot',
}

export interface RecordRow {
	id: string
	meetingId: string
	version: number
	status: RecordStatus
	reviewRequestedAt: Date | null
	reviewRequestedBy: string | null
	approvedAt: Date | null
	publishedVersion: number | null
	publishedAt: Date | null
	createdAt: Date
	updatedAt: Date
}

const recordColumns = (db: Queryable) => db`
	r.id::text as id, r.meeting_id::text as meeting_id, r.version, r.status, r.review_requested_at, r.review_requested_by,
	r.approved_at, r.published_version, r.published_at, r.created_at, r.updated_at
`

export async function getRecordByMeeting({ meetingId }: { meetingId: string }, db: Queryable = sql): Promise<RecordRow | null> {
	if (!/^\d{1,18}$/.test(meetingId)) return null
	const [row] = await db<RecordRow[]>`select ${recordColumns(db)} from meeting_records r where r.meeting_id = ${meetingId}`
	return row ?? null
}

/** The meeting's record, locked until the caller's transaction ends: review steps decide on what cannot move under them. */
export async function lockRecordByMeeting({ meetingId }: { meetingId: string }, tx: Queryable): Promise<RecordRow | null> {
	const [row] = await tx<RecordRow[]>`select ${recordColumns(tx)} from meeting_records r where r.meeting_id = ${meetingId} for update`
	return row ?? null
}

/** The content as it stands (the same SQL function a revision's snapshot comes from). */
export async function getCurrentSnapshot({ recordId }: { recordId: string }, db: Queryable = sql): Promise<RecordSnapshot> {
	const [row] = await db<{ snapshot: RecordSnapshot }[]>`select meeting_record_snapshot(${recordId}) as snapshot`
	return row!.snapshot
}

/** The content a version had: its revision's snapshot; null when there is no such version. */
export async function getVersionSnapshot(
	{ recordId, version }: { recordId: string; version: number },
	db: Queryable = sql,
): Promise<RecordSnapshot | null> {
	const [row] = await db<{ snapshot: RecordSnapshot }[]>`
		select snapshot from meeting_record_revisions where record_id = ${recordId} and version = ${version}
	`
	return row?.snapshot ?? null
}

export interface PersonRow {
	id: string
	name: string
	email: string
	role: Role
	lang: Lang
	/** Their role in the record's group; null when they are not a member. */
	membership: GroupRole | null
	active: boolean
}

const personColumns = (db: Queryable) => db`u.id, u.name, u.email, u.role, u.lang, m.role as membership, u.deactivated_at is null as active`

/** The group's members (every group role), by name. */
export async function listGroupPeople({ groupId }: { groupId: string }, db: Queryable = sql): Promise<PersonRow[]> {
	return db<PersonRow[]>`
		select ${personColumns(db)}
		from group_memberships m join users u on u.id = m.user_id
		where m.group_id = ${groupId}
		order by lower(u.name), u.id
	`
}

/** The account with this address (lower-cased, as stored), with how it stands in the group; null if none. */
export async function getPersonByEmail({ email, groupId }: { email: string; groupId: string }, db: Queryable = sql): Promise<PersonRow | null> {
	const [row] = await db<PersonRow[]>`
		select ${personColumns(db)}
		from users u left join group_memberships m on m.user_id = u.id and m.group_id = ${groupId}
		where u.email = ${email}
	`
	return row ?? null
}

/** These users (unknown ids are left out), with how they stand in the group. */
export async function getPeople({ ids, groupId }: { ids: readonly string[]; groupId: string }, db: Queryable = sql): Promise<PersonRow[]> {
	if (ids.length === 0) return []
	return db<PersonRow[]>`
		select ${personColumns(db)}
		from users u left join group_memberships m on m.user_id = u.id and m.group_id = ${groupId}
		where u.id in ${db(ids as string[])}
	`
}

export async function listReviewers({ recordId }: { recordId: string }, db: Queryable = sql) {
	return db<{ userId: string; name: string; email: string; lang: Lang; role: Role; active: boolean; namedAt: Date }[]>`
		select rv.user_id, u.name, u.email, u.lang, u.role, u.deactivated_at is null as active, rv.named_at
		from meeting_record_reviewers rv join users u on u.id = rv.user_id
		where rv.record_id = ${recordId}
		order by lower(u.name), u.id
	`
}

export async function isNamedReviewer({ recordId, userId }: { recordId: string; userId: string }, db: Queryable = sql): Promise<boolean> {
	const [row] = await db`select 1 from meeting_record_reviewers where record_id = ${recordId} and user_id = ${userId}`
	return Boolean(row)
}

export interface SignoffRow {
	id: string
	version: number
	signerId: string
	signerName: string
	signedAt: Date
	contentHash: string
	hashFormat: string
}

/** Every sign-off of the record, newest version first, then in the order given. */
export async function listSignoffs({ recordId }: { recordId: string }, db: Queryable = sql): Promise<SignoffRow[]> {
	return db<SignoffRow[]>`
		select s.id::text as id, s.record_version as version, s.signer_id, u.name as signer_name, s.signed_at, s.content_hash, s.hash_format
		from meeting_record_signoffs s join users u on u.id = s.signer_id
		where s.record_id = ${recordId}
		order by s.record_version desc, s.id
	`
}

export type RecordEventKind = 'review_requested' | 'comment' | 'changes_requested' | 'approved' | 'record_approved' | 'published' | 'review_reopened'

export interface RecordEventRow {
	id: string
	version: number
	event: RecordEventKind
	actorName: string | null
	agendaItemId: string | null
	body: string
	createdAt: Date
}

/** The review trail, oldest first. */
export async function listRecordEvents({ recordId }: { recordId: string }, db: Queryable = sql): Promise<RecordEventRow[]> {
	return db<RecordEventRow[]>`
		select e.id::text as id, e.record_version as version, e.event, u.name as actor_name, e.agenda_item_id::text as agenda_item_id, e.body, e.created_at
		from meeting_record_events e left join users u on u.id = e.actor_id
		where e.record_id = ${recordId}
		order by e.id
	`
}

/** Live status of the record's action items (status is not part of the versioned content). */
export async function listActionItemStatus({ recordId }: { recordId: string }, db: Queryable = sql) {
	return db<{ id: string; status: 'open' | 'done' }[]>`
		select id::text as id, status from meeting_action_items where record_id = ${recordId}
	`
}

/** Names of users by id, for showing owners of a version's action items. */
export async function getUserNames({ ids }: { ids: readonly string[] }, db: Queryable = sql): Promise<Map<string, string>> {
	if (ids.length === 0) return new Map()
	const rows = await db<{ id: string; name: string }[]>`select id, name from users where id in ${db([...new Set(ids)])}`
	return new Map(rows.map((row) => [row.id, row.name]))
}

