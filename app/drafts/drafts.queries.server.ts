/**
 * Reading policy drafts: one draft with its sections, who may do what with
 * it (the target `can` decides on), lists for readers and group pages,
 * revisions, and the text a translation was made from. Writes are in
 * save.queries.server.ts, comments.queries.server.ts and
 * review.queries.server.ts.
 *
 * Lists filter in SQL: a draft leaves the database only for those who may
 * read it (work in progress: the group's members, its reviewers and admins;
 * published drafts: whoever may read the group).
 */
import { sql } from '#db/client.server.ts'
import type { Queryable } from '#db/sql.server.ts'
import type { Actor, DraftStatus, GroupRole, GroupVisibility, ReviewedTarget } from '#app/auth/permissions.ts'
import { getRevision, listRevisions, type DocumentTables, type RevisionSummary } from '#app/documents/versioning.queries.server.ts'
import type { Lang } from '#app/i18n/config.ts'
import { exactCursorTime, type KeysetCursor } from '#app/http/keyset.queries.server.ts'
import type { DraftSnapshot, StoredSection } from './model.ts'

export const DRAFT_TABLES: DocumentTables = {
	documents: 'policy_drafts',
	revisions: 'policy_draft_revisions',
	foreignKey: 'draft_id',
	snapshotFunction: 'policy_draft_snapshot',
}

const ID_PATTERN = /^\d{1,18}$/

/** A draft as `actor` stands to it: what permission checks need, before anything else is read. */
export interface DraftAccess {
	id: string
	groupId: string
	groupSlug: string
	status: DraftStatus
	version: number
	target: ReviewedTarget<DraftStatus>
}

/** Null for an unknown id; the caller asks `can` (requirePermission) what the actor may do. */
export async function getDraftAccess({ draftId, actor }: { draftId: string; actor: Actor }, db: Queryable = sql): Promise<DraftAccess | null> {
	if (!ID_PATTERN.test(draftId)) return null
	const [row] = await db<
		{ id: string; groupId: string; groupSlug: string; status: DraftStatus; version: number; visibility: GroupVisibility; membership: GroupRole | null; isReviewer: boolean }[]
	>`
		select d.id::text as id, d.group_id::text as group_id, g.slug as group_slug, d.status, d.version, g.visibility,
			m.role as membership,
			exists (select 1 from policy_draft_reviewers r where r.draft_id = d.id and r.user_id = ${actor?.id ?? null}) as is_reviewer
		from policy_drafts d
		join working_groups g on g.id = d.group_id
		left join group_memberships m on m.group_id = g.id and m.user_id = ${actor?.id ?? null}
		where d.id = ${draftId}
	`
	if (!row) return null
	return {
		id: row.id,
		groupId: row.groupId,
		groupSlug: row.groupSlug,
		status: row.status,
		version: row.version,
		target: { group: { visibility: row.visibility, membership: row.membership }, status: row.status, isReviewer: row.isReviewer },
	}
}

export interface SectionRow {
	id: string
	levelEn: number | null
	headingEn: string
	bodyEn: string
	revisionEn: number | null
	enTranslatedFromRevision: number | null
	levelZh: number | null
	headingZh: string
	bodyZh: string
	revisionZh: number | null
	zhTranslatedFromRevision: number | null
}

export function toStoredSection(row: SectionRow): StoredSection {
	return {
		id: row.id,
		en:
			row.levelEn === null
				? null
				: { heading: row.headingEn, level: row.levelEn, body: row.bodyEn, revision: row.revisionEn ?? 1, translatedFromRevision: row.enTranslatedFromRevision },
		zh:
			row.levelZh === null
				? null
				: { heading: row.headingZh, level: row.levelZh, body: row.bodyZh, revision: row.revisionZh ?? 1, translatedFromRevision: row.zhTranslatedFromRevision },
	}
}

/** The sections of a draft in order (inside a save's transaction: `db`). */
export async function listSections(draftId: string, db: Queryable = sql, { lock = false } = {}): Promise<StoredSection[]> {
	const rows = await db<SectionRow[]>`
		select id, level_en, heading_en, body_en, revision_en, en_translated_from_revision,
			level_zh, heading_zh, body_zh, revision_zh, zh_translated_from_revision
		from policy_draft_sections where draft_id = ${draftId}
		order by position
		${lock ? db`for update` : db``}
	`
	return rows.map(toStoredSection)
}

export interface Draft {
	id: string
	version: number
	/** The revision the current version was saved as: what an editor's save is based on. */
	revisionId: string
	status: DraftStatus
	title: Record<Lang, string>
	group: { id: string; slug: string; visibility: GroupVisibility; name: Record<Lang, string> }
	createdByName: string | null
	createdAt: Date
	updatedAt: Date
	reviewRequestedAt: Date | null
	publishedAt: Date | null
	sections: StoredSection[]
}

export async function getDraft(draftId: string): Promise<Draft | null> {
	if (!ID_PATTERN.test(draftId)) return null
	const [row] = await sql<
		{
			id: string
			version: number
			revisionId: string
			status: DraftStatus
			titleEn: string
			titleZh: string
			groupId: string
			groupSlug: string
			visibility: GroupVisibility
			groupNameEn: string | null
			groupNameZh: string | null
			createdByName: string | null
			createdAt: Date
			updatedAt: Date
			reviewRequestedAt: Date | null
			publishedAt: Date | null
		}[]
	>`
		select d.id::text as id, d.version,
			(select r.id::text from policy_draft_revisions r where r.draft_id = d.id and r.version = d.version) as revision_id,
			d.status, d.title_en, d.title_zh,
			g.id::text as group_id, g.slug as group_slug, g.visibility,
			(select name from working_group_translations where group_id = g.id and lang = 'en') as group_name_en,
			(select name from working_group_translations where group_id = g.id and lang = 'zh') as group_name_zh,
			u.name as created_by_name, d.created_at, d.updated_at, d.review_requested_at, d.published_at
		from policy_drafts d
		join working_groups g on g.id = d.group_id
		left join users u on u.id = d.created_by
		where d.id = ${draftId}
	`
	if (!row) return null
	return {
		id: row.id,
		version: row.version,
		revisionId: row.revisionId,
		status: row.status,
		title: { en: row.titleEn, zh: row.titleZh },
		group: {
			id: row.groupId,
			slug: row.groupSlug,
			visibility: row.visibility,
			name: { en: row.groupNameEn ?? row.groupSlug, zh: row.groupNameZh ?? row.groupNameEn ?? row.groupSlug },
		},
		createdByName: row.createdByName,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt,
		reviewRequestedAt: row.reviewRequestedAt,
		publishedAt: row.publishedAt,
		sections: await listSections(draftId),
	}
}

/**
 * The SQL condition "`actor` may read the draft aliased `d` (in group `g`)",
 * the list form of permissions.ts's `draft:read`: published drafts of groups
 * the actor may read, and work in progress for the group's members, the
 * draft's reviewers and admins.
 */
function readableDraftCondition(actor: Actor) {
	if (actor?.role === 'admin') return sql`true`
	if (!actor) return sql`(d.status = 'published' and g.visibility = 'public')`
	const member = sql`exists (select 1 from group_memberships gm where gm.group_id = g.id and gm.user_id = ${actor.id})`
	const reviewer = sql`exists (select 1 from policy_draft_reviewers r where r.draft_id = d.id and r.user_id = ${actor.id})`
	return sql`(${member} or ${reviewer} or (d.status = 'published' and g.visibility = 'public'))`
}

/** Whether a section's language is outdated, or missing, as SQL over `s` (translation-status.ts's rule). */
const outdatedCondition = () => sql`(
	(s.en_translated_from_revision is not null and s.revision_zh > s.en_translated_from_revision)
	or (s.zh_translated_from_revision is not null and s.revision_en > s.zh_translated_from_revision)
)`
const missingCondition = () => sql`(s.level_en is null or s.level_zh is null)`

export const TRANSLATION_FILTERS = ['complete', 'outdated', 'missing'] as const
export type TranslationFilter = (typeof TRANSLATION_FILTERS)[number]

export interface DraftListRow {
	id: string
	status: DraftStatus
	title: Record<Lang, string>
	groupSlug: string
	groupName: string
	updatedAt: Date
	sections: number
	outdated: number
	missing: number
}

/** Drafts a page of the list shows. */
export const DRAFTS_PAGE_SIZE = 50

/** Drafts `actor` may read, most recently changed first, filtered; a page of them, from `before` on. */
export async function listDrafts({
	actor,
	lang,
	groupSlug = null,
	groupId = null,
	status = null,
	translation = null,
	before = null,
	limit = DRAFTS_PAGE_SIZE,
}: {
	actor: Actor
	lang: Lang
	groupSlug?: string | null
	groupId?: string | null
	status?: DraftStatus | null
	translation?: TranslationFilter | null
	before?: KeysetCursor | null
	limit?: number
}): Promise<{ items: DraftListRow[]; older: KeysetCursor | null }> {
	const rows = await sql<(Omit<DraftListRow, 'title'> & { titleEn: string; titleZh: string })[]>`
		select d.id::text as id, d.status, d.title_en, d.title_zh, g.slug as group_slug,
			coalesce(t.name, g.slug) as group_name, d.updated_at, c.sections, c.outdated, c.missing
		from policy_drafts d
		join working_groups g on g.id = d.group_id
		left join working_group_translations t on t.group_id = g.id and t.lang = ${lang}
		cross join lateral (
			select count(*)::int as sections,
				count(*) filter (where ${outdatedCondition()})::int as outdated,
				count(*) filter (where ${missingCondition()})::int as missing
			from policy_draft_sections s where s.draft_id = d.id
		) c
		where ${readableDraftCondition(actor)}
			${groupSlug ? sql`and g.slug = ${groupSlug}` : sql``}
			${groupId ? sql`and g.id = ${groupId}` : sql``}
			${status ? sql`and d.status = ${status}` : sql``}
			${translation === 'outdated' ? sql`and c.outdated > 0` : sql``}
			${translation === 'missing' ? sql`and c.missing > 0` : sql``}
			${translation === 'complete' ? sql`and c.outdated = 0 and c.missing = 0` : sql``}
			${before ? sql`and (d.updated_at, d.id) < (${exactCursorTime(before, 'policy_drafts', 'updated_at')}, ${before.id}::bigint)` : sql``}
		order by d.updated_at desc, d.id desc
		limit ${limit + 1}
	`
	const items = rows.slice(0, limit).map(({ titleEn, titleZh, ...row }) => ({ ...row, title: { en: titleEn, zh: titleZh } }))
	const last = items.at(-1)
	return { items, older: rows.length > limit && last ? { at: last.updatedAt, id: last.id } : null }
}

export interface GroupOption {
	id: string
	slug: string
	name: string
	visibility: GroupVisibility
}

/** Groups whose drafts `actor` may read (for the list's filter). */
export async function listReadableGroups({ actor, lang }: { actor: Actor; lang: Lang }): Promise<GroupOption[]> {
	const readable =
		actor?.role === 'admin'
			? sql`true`
			: actor
				? sql`(g.visibility = 'public' or exists (select 1 from group_memberships gm where gm.group_id = g.id and gm.user_id = ${actor.id}))`
				: sql`g.visibility = 'public'`
	return sql<GroupOption[]>`
		select g.id::text as id, g.slug, coalesce(t.name, g.slug) as name, g.visibility
		from working_groups g
		left join working_group_translations t on t.group_id = g.id and t.lang = ${lang}
		where ${readable} and g.archived_at is null
		order by g.sort_order, g.slug
	`
}

/** Groups where `actor` may start a draft: theirs as lead or member; every group for an admin. */
export async function listCreatableGroups({ actor, lang }: { actor: NonNullable<Actor>; lang: Lang }): Promise<(GroupOption & { membership: GroupRole | null })[]> {
	return sql<(GroupOption & { membership: GroupRole | null })[]>`
		select g.id::text as id, g.slug, coalesce(t.name, g.slug) as name, g.visibility, m.role as membership
		from working_groups g
		left join working_group_translations t on t.group_id = g.id and t.lang = ${lang}
		left join group_memberships m on m.group_id = g.id and m.user_id = ${actor.id}
		where g.archived_at is null
			and ${actor.role === 'admin' ? sql`true` : sql`m.role in ('lead', 'member')`}
		order by g.sort_order, g.slug
	`
}

export interface Person {
	id: string
	name: string
	email: string
	lang: Lang
	role: string
	/** Their role in the draft's group; null for a named official outside it. */
	membership: GroupRole | null
}

/**
 * Who takes part in a draft: the group's members and the draft's reviewers
 * (active accounts only). They can be @mentioned; members and officials can
 * be named reviewers.
 */
export async function listParticipants(draftId: string, db: Queryable = sql): Promise<Person[]> {
	return db<Person[]>`
		select u.id, u.name, u.email, u.lang, u.role, m.role as membership
		from users u
		join policy_drafts d on d.id = ${draftId}
		left join group_memberships m on m.group_id = d.group_id and m.user_id = u.id
		where u.deactivated_at is null
			and (m.role is not null or exists (select 1 from policy_draft_reviewers r where r.draft_id = d.id and r.user_id = u.id))
		order by u.name, u.id
	`
}

/**
 * Who may be named a reviewer of this draft: active members of its group
 * and active officials, group members first. A page offers only the group's
 * people (`groupOnly`: a lab has hundreds of officials); a request to name
 * reviewers is checked against just the ids and the address it names
 * (`among`).
 */
export async function listReviewerCandidates(
	draftId: string,
	{ groupOnly = false, among = null }: { groupOnly?: boolean; among?: { ids: readonly string[]; email: string | null } | null } = {},
): Promise<Person[]> {
	return sql<Person[]>`
		select u.id, u.name, u.email, u.lang, u.role, m.role as membership
		from users u
		join policy_drafts d on d.id = ${draftId}
		left join group_memberships m on m.group_id = d.group_id and m.user_id = u.id
		where u.deactivated_at is null and (m.role is not null or u.role = 'official')
			${groupOnly ? sql`and m.role is not null` : sql``}
			${among ? sql`and (u.id = any(${[...among.ids]}::text[]) or u.email = ${among.email})` : sql``}
		order by (m.role is null), u.name, u.id
	`
}

export type DraftRevisionSummary = RevisionSummary & { basedOnVersion: number | null }

/** Newest first, each with the version its save started from (its parent). */
export async function listDraftRevisions(draftId: string): Promise<DraftRevisionSummary[]> {
	const [revisions, parents] = await Promise.all([
		listRevisions({ tables: DRAFT_TABLES, id: draftId }),
		sql<{ version: number; basedOnVersion: number | null }[]>`
			select version, (snapshot->>'basedOnVersion')::int as based_on_version
			from policy_draft_revisions where draft_id = ${draftId}
		`,
	])
	const parentOf = new Map(parents.map((row) => [row.version, row.basedOnVersion]))
	return revisions.map((revision) => ({ ...revision, basedOnVersion: parentOf.get(revision.version) ?? null }))
}

export type DraftRevision = RevisionSummary & { snapshot: DraftSnapshot }

/** One revision of this draft by its id; null for another draft's or an unknown one. */
export async function getDraftRevision({ draftId, revisionId }: { draftId: string; revisionId: string }): Promise<DraftRevision | null> {
	return getRevision<DraftSnapshot>({ tables: DRAFT_TABLES, id: draftId, revisionId })
}

/** A revision of this draft by id, with its version and snapshot (`db`: inside a save); null for another draft's. */
export async function getRevisionById(
	{ draftId, revisionId }: { draftId: string; revisionId: string },
	db: Queryable = sql,
): Promise<{ id: string; version: number; snapshot: DraftSnapshot } | null> {
	if (!ID_PATTERN.test(revisionId)) return null
	const [row] = await db<{ id: string; version: number; snapshot: DraftSnapshot }[]>`
		select id::text as id, version, snapshot from policy_draft_revisions where draft_id = ${draftId} and id = ${revisionId}
	`
	return row ?? null
}

/** The ids of the revisions of some versions of a draft. */
export async function revisionIdsOfVersions({ draftId, versions }: { draftId: string; versions: readonly number[] }): Promise<Map<number, string>> {
	if (versions.length === 0) return new Map()
	const rows = await sql<{ id: string; version: number }[]>`
		select id::text as id, version from policy_draft_revisions where draft_id = ${draftId} and version = any(${[...versions]}::int[])
	`
	return new Map(rows.map((row) => [row.version, row.id]))
}

/**
 * A section's text in `lang` as it was at that language's `revision` (the
 * newest revision of the draft that held it): what a translation was made
 * from, so the translator sees what changed in the source since.
 */
export async function getSectionTextAtRevision({
	draftId,
	sectionId,
	lang,
	revision,
}: {
	draftId: string
	sectionId: string
	lang: Lang
	revision: number
}): Promise<{ heading: string; level: number; body: string } | null> {
	const [row] = await sql<{ text: { heading: string; level: number; body: string } }[]>`
		select s.elem->${lang} as text
		from policy_draft_revisions r, jsonb_array_elements(r.snapshot->'sections') s(elem)
		where r.draft_id = ${draftId} and s.elem->>'id' = ${sectionId}
			and (s.elem->${lang}->>'revision')::int = ${revision}
		order by r.version desc
		limit 1
	`
	return row?.text ?? null
}

/**
 * The latest heading every section of the draft ever had, in `lang` (else
 * the other language's): names for sections in history lines and notices,
 * removed ones included.
 */
export async function listSectionHeadings({ draftId, lang }: { draftId: string; lang: Lang }): Promise<Map<string, string>> {
	const other = lang === 'en' ? 'zh' : 'en'
	const rows = await sql<{ id: string; heading: string | null }[]>`
		select distinct on (s.elem->>'id') s.elem->>'id' as id,
			coalesce(nullif(s.elem->${lang}->>'heading', ''), nullif(s.elem->${other}->>'heading', '')) as heading
		from policy_draft_revisions r, jsonb_array_elements(r.snapshot->'sections') s(elem)
		where r.draft_id = ${draftId}
		order by s.elem->>'id', r.version desc
	`
	return new Map(rows.flatMap((row) => (row.heading ? [[row.id, row.heading] as const] : [])))
}
