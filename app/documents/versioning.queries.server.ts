/**
 * The shared mechanism of versioned documents (news posts; meeting minutes and
 * policy drafts next), over per-feature tables of one pattern (see
 * db/migrations/0004_documents.sql and docs/decisions/014-versioned-documents.md):
 *
 *   claimVersion    inside a save's transaction, bumps the document's version
 *                   only if it still is the version the editor loaded: the
 *                   check is in the UPDATE's WHERE, so two saves of one
 *                   version can never both succeed (no lost update);
 *   appendRevision  records the save: who, when, what it did, which fields
 *                   changed, and the whole document as its snapshot function
 *                   builds it (revisions are never changed);
 *   describeConflict, listRevisions, getRevision: what history and the
 *                   conflict notice show.
 *
 * Table and column names come from the feature's `DocumentTables`, a constant
 * in code, never from a request; postgres.js quotes them as identifiers.
 */
import { sql } from '#db/client.server.ts'
import type { Queryable } from '#db/sql.server.ts'

export interface DocumentTables {
	/** The documents, with `id bigint` and `version integer`. */
	documents: string
	/** Their revisions (append-only), keyed by `foreignKey` and `version`. */
	revisions: string
	foreignKey: string
	/** `<name>(id) returns jsonb`: the whole document, as a revision records it. */
	snapshotFunction: string
}

/** Someone saved since the version the editor loaded: nothing may be written. */
export class VersionConflict extends Error {
	constructor() {
		super('version conflict')
	}
}

/**
 * Bumps `id`'s version from `expectedVersion`, returning the new version and
 * the `returning` columns as they were before this save changes them. Null
 * when the document does not exist; throws VersionConflict when it moved on.
 */
export async function claimVersion<Row extends object = Record<string, never>>(
	tx: Queryable,
	{
		tables,
		id,
		expectedVersion,
		returning = [],
	}: { tables: DocumentTables; id: string; expectedVersion: number; returning?: string[] },
): Promise<(Row & { version: number }) | null> {
	const columns = returning.length > 0 ? tx`, ${tx(returning)}` : tx``
	const [bumped] = await tx<(Row & { version: number })[]>`
		update ${tx(tables.documents)} set version = version + 1
		where id = ${id} and version = ${expectedVersion}
		returning version ${columns}
	`
	if (bumped) return bumped
	const [exists] = await tx`select 1 from ${tx(tables.documents)} where id = ${id}`
	if (!exists) return null
	throw new VersionConflict()
}

export async function appendRevision(
	tx: Queryable,
	{
		tables,
		id,
		version,
		action,
		changedFields,
		authorId,
		createdAt,
		message = '',
	}: {
		tables: DocumentTables
		id: string
		version: number
		action: string
		changedFields: Iterable<string>
		authorId: string | null
		createdAt: Date
		message?: string
	},
): Promise<void> {
	await tx`
		insert into ${tx(tables.revisions)} (${tx(tables.foreignKey)}, version, action, changed_fields, snapshot, author_id, created_at, message)
		values (
			${id}, ${version}, ${action}, ${[...changedFields].sort()},
			${tx(tables.snapshotFunction)}(${id}), ${authorId}, ${createdAt}, ${message}
		)
	`
}

export interface ConflictInfo {
	version: number
	savedAt: Date
	savedBy: string | null
	/** Fields changed by the saves the editor has not seen. */
	changedFields: string[]
}

/** What happened since `sinceVersion`: for the conflict notice. */
export async function describeConflict({
	tables,
	id,
	sinceVersion,
}: {
	tables: DocumentTables
	id: string
	sinceVersion: number
}): Promise<ConflictInfo> {
	const rows = await sql<{ version: number; createdAt: Date; authorName: string | null; changedFields: string[] }[]>`
		select r.version, r.created_at, u.name as author_name, r.changed_fields
		from ${sql(tables.revisions)} r left join users u on u.id = r.author_id
		where r.${sql(tables.foreignKey)} = ${id} and r.version > ${sinceVersion}
		order by r.version desc
	`
	const [latest] = rows
	const [document] = await sql<{ version: number }[]>`select version from ${sql(tables.documents)} where id = ${id}`
	return {
		version: document?.version ?? latest?.version ?? sinceVersion,
		savedAt: latest?.createdAt ?? new Date(0),
		savedBy: latest?.authorName ?? null,
		changedFields: [...new Set(rows.flatMap((row) => row.changedFields))].sort(),
	}
}

export interface RevisionSummary {
	id: string
	version: number
	action: string
	changedFields: string[]
	message: string
	authorName: string | null
	createdAt: Date
}

/** Newest first. */
export async function listRevisions({ tables, id }: { tables: DocumentTables; id: string }): Promise<RevisionSummary[]> {
	return sql<RevisionSummary[]>`
		select r.id::text as id, r.version, r.action, r.changed_fields, r.message, u.name as author_name, r.created_at
		from ${sql(tables.revisions)} r left join users u on u.id = r.author_id
		where r.${sql(tables.foreignKey)} = ${id}
		order by r.version desc
	`
}

/** One revision of `id` with its snapshot; null for an id of another document or none. */
export async function getRevision<Snapshot>({
	tables,
	id,
	revisionId,
}: {
	tables: DocumentTables
	id: string
	revisionId: string
}): Promise<(RevisionSummary & { snapshot: Snapshot }) | null> {
	if (!/^\d{1,18}$/.test(revisionId)) return null
	const [row] = await sql<(RevisionSummary & { snapshot: Snapshot })[]>`
		select r.id::text as id, r.version, r.action, r.changed_fields, r.message, u.name as author_name, r.created_at, r.snapshot
		from ${sql(tables.revisions)} r left join users u on u.id = r.author_id
		where r.${sql(tables.foreignKey)} = ${id} and r.id = ${revisionId}
	`
	return row ?? null
}

/**
 * The revision that saved `version` of `id` (what an editor had loaded when
 * they started from that version); null when there is none. Pages address
 * revisions by this number, the one they show ("Revision 4").
 */
export async function getRevisionByVersion<Snapshot>({
	tables,
	id,
	version,
}: {
	tables: DocumentTables
	id: string
	version: number
}): Promise<(RevisionSummary & { snapshot: Snapshot }) | null> {
	if (!Number.isSafeInteger(version) || version < 1 || !/^\d{1,18}$/.test(id)) return null
	const [row] = await sql<(RevisionSummary & { snapshot: Snapshot })[]>`
		select r.id::text as id, r.version, r.action, r.changed_fields, r.message, u.name as author_name, r.created_at, r.snapshot
		from ${sql(tables.revisions)} r left join users u on u.id = r.author_id
		where r.${sql(tables.foreignKey)} = ${id} and r.version = ${version}
	`
	return row ?? null
}
