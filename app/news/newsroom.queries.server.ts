/**
 * The newsroom's reads: posts as editors and researchers work on them, their
 * revisions and the tags the editor offers. Saves are in
 * post-save.queries.server.ts. Permission is decided by the caller
 * (app/auth/permissions.ts); `ownOnly` scopes a researcher's list to their
 * own posts. Whether a post is public now ("live") is computed by the same
 * SQL rule the public pages use.
 */
import { sql } from '#db/client.server.ts'
import { rowLimit, type Queryable } from '#db/sql.server.ts'
import { LANGS, otherLang, type Lang } from '#app/i18n/config.ts'
import type { Actor } from '#app/auth/permissions.ts'
import { mediaUrl } from '#app/media/public.ts'
import {
	getRevision as getDocumentRevision,
	getRevisionByVersion as getDocumentRevisionByVersion,
	listRevisions as listDocumentRevisions,
	type DocumentTables,
	type RevisionSummary,
} from '#app/documents/versioning.queries.server.ts'
import { isOutdated } from '#app/documents/translation-status.ts'
import { exactCursorTime, type KeysetCursor } from '#app/http/keyset.queries.server.ts'
import { publicPostCondition, type VersionText } from './articles.queries.server.ts'
import type { NewsStatus } from './workflow.ts'

/** News posts in the shared versioned-document pattern (app/documents/). */
export const NEWS_POST_TABLES: DocumentTables = {
	documents: 'news_posts',
	revisions: 'news_post_revisions',
	foreignKey: 'post_id',
	snapshotFunction: 'news_post_snapshot',
}

/** A language version as stored (and as a revision's snapshot holds it). */
export interface StoredVersion extends VersionText {
	revision: number
	translatedFromRevision: number | null
}

export interface EditableVersion extends StoredVersion {
	/** The other version has been revised since this one was translated from it. */
	outdated: boolean
}

export interface EditablePost {
	id: string
	version: number
	status: NewsStatus
	publishedAt: Date | null
	/** The public can read it at `now`: published, or scheduled and its time has come. */
	live: boolean
	reviewRequestedAt: Date | null
	authorId: string | null
	authorName: string | null
	workingGroupSlug: string | null
	coverMediaId: string | null
	tags: string[]
	versions: Partial<Record<Lang, EditableVersion>>
	updatedAt: Date
}

export function isPostId(id: string): boolean {
	return /^\d{1,18}$/.test(id)
}

export async function getEditablePost(id: string, { now = new Date() }: { now?: Date } = {}): Promise<EditablePost | null> {
	if (!isPostId(id)) return null
	const [post] = await sql<Omit<EditablePost, 'versions'>[]>`
		select p.id::text as id, p.version, p.status, p.published_at, p.review_requested_at,
			(${publicPostCondition(now)}) as live,
			p.author_id, u.name as author_name, g.slug as working_group_slug,
			p.cover_media_id::text as cover_media_id, p.updated_at,
			coalesce((
				select array_agg(t.slug order by t.slug)
				from news_post_tags pt join tags t on t.id = pt.tag_id
				where pt.post_id = p.id
			), '{}') as tags
		from news_posts p
		left join users u on u.id = p.author_id
		left join working_groups g on g.id = p.working_group_id
		where p.id = ${id}
	`
	if (!post) return null
	const rows = await sql<(StoredVersion & { lang: Lang })[]>`
		select lang, slug, title, summary, body_markdown, seo_description, cover_alt, revision, translated_from_revision
		from news_post_translations
		where post_id = ${id}
	`
	const byLang = Object.fromEntries(rows.map((row) => [row.lang, row])) as Partial<Record<Lang, (typeof rows)[number]>>
	const versions: Partial<Record<Lang, EditableVersion>> = {}
	for (const lang of LANGS) {
		const row = byLang[lang]
		if (!row) continue
		const { lang: _lang, ...fields } = row
		versions[lang] = { ...fields, outdated: isOutdated(row, byLang[otherLang(lang)]) }
	}
	return { ...post, versions }
}

export interface NewsroomListItem {
	id: string
	status: NewsStatus
	publishedAt: Date | null
	live: boolean
	reviewRequestedAt: Date | null
	updatedAt: Date
	authorName: string | null
	title: string
	languages: Lang[]
	outdatedLanguages: Lang[]
}

export const NEWSROOM_PAGE_SIZE = 30

/**
 * Posts in the newsroom, most recently changed first. Researchers see only
 * their own; `status` narrows to one step; `inReview` to posts awaiting an
 * editor. Keyset pagination on (updated_at, id).
 */
export async function listNewsroomPosts({
	actor,
	lang,
	ownOnly,
	status = null,
	inReview = false,
	before = null,
	limit = NEWSROOM_PAGE_SIZE,
	now = new Date(),
}: {
	actor: NonNullable<Actor>
	lang: Lang
	ownOnly: boolean
	status?: NewsStatus | null
	inReview?: boolean
	before?: KeysetCursor | null
	limit?: number
	now?: Date
}): Promise<{ items: NewsroomListItem[]; older: KeysetCursor | null }> {
	const rows = await sql<NewsroomListItem[]>`
		select p.id::text as id, p.status, p.published_at, p.review_requested_at, p.updated_at,
			(${publicPostCondition(now)}) as live,
			u.name as author_name,
			tr.title, tr.languages, tr.outdated_languages
		from news_posts p
		left join users u on u.id = p.author_id
		-- A post's translations read once for all three (three subqueries a row cost the page
		-- twice the database time): the title in the page's language first, the languages, and
		-- those translated from an older revision than another language has now.
		cross join lateral (
			select (array_agg(v.title order by (v.lang = ${lang}) desc, v.lang))[1] as title,
				array_agg(v.lang order by v.lang) as languages,
				coalesce(array_agg(v.lang order by v.lang) filter (where v.translated_from_revision < v.newest_other), '{}') as outdated_languages
			from (
				select lang, title, translated_from_revision,
					max(revision) over (order by lang rows between unbounded preceding and unbounded following exclude current row) as newest_other
				from news_post_translations where post_id = p.id
			) v
			having count(*) > 0
		) tr
		where true
			${ownOnly ? sql`and p.author_id = ${actor.id}` : sql``}
			${status ? sql`and p.status = ${status}` : sql``}
			${inReview ? sql`and p.review_requested_at is not null and p.status = 'draft'` : sql``}
			${before ? sql`and (p.updated_at, p.id) < (${exactCursorTime(before, 'news_posts', 'updated_at')}, ${before.id}::bigint)` : sql``}
		order by p.updated_at desc, p.id desc
		${rowLimit(sql, limit + 1)}
	`
	const items = rows.slice(0, limit)
	const last = items.at(-1)
	return { items, older: rows.length > limit && last ? { at: last.updatedAt, id: last.id } : null }
}

export type { RevisionSummary }

export function listRevisions(postId: string): Promise<RevisionSummary[]> {
	return listDocumentRevisions({ tables: NEWS_POST_TABLES, id: postId })
}

/** A post as a revision recorded it (built by `news_post_snapshot` in SQL). */
export interface RevisionSnapshot {
	status: NewsStatus
	publishedAt: string | null
	workingGroupId: string | null
	coverMediaId: string | null
	tags: string[]
	versions: Partial<Record<Lang, StoredVersion>>
}

export function getRevision({ postId, revisionId }: { postId: string; revisionId: string }) {
	return getDocumentRevision<RevisionSnapshot>({ tables: NEWS_POST_TABLES, id: postId, revisionId })
}

export interface TagOption {
	slug: string
	label: string
}

export async function listTagOptions(lang: Lang): Promise<TagOption[]> {
	return sql<TagOption[]>`
		select t.slug, tl.label
		from tags t
		cross join lateral (
			select label from tag_translations where tag_id = t.id order by (lang = ${lang}) desc limit 1
		) tl
		order by tl.label
	`
}

/** The post one of whose versions has this slug, if any (the seed's natural key). */
export async function findPostIdBySlug({ lang, slug }: { lang: Lang; slug: string }, db: Queryable = sql): Promise<string | null> {
	const [row] = await db<{ postId: string }[]>`
		select post_id::text as post_id from news_post_translations where lang = ${lang} and slug = ${slug}
	`
	return row?.postId ?? null
}

/** An uploaded image as a cover, for the editor's preview (null: no such image). */
export async function getCoverImage(mediaId: string): Promise<{ url: string; width: number; height: number } | null> {
	if (!/^\d{1,18}$/.test(mediaId)) return null
	const [row] = await sql<{ storageKey: string; width: number; height: number }[]>`
		select storage_key, width, height from media where id = ${mediaId}
	`
	return row ? { url: mediaUrl(row.storageKey), width: row.width, height: row.height } : null
}

/** A post's revision by the number pages show ("Revision 4"). */
export function getRevisionByNumber({ postId, version }: { postId: string; version: number }) {
	return getDocumentRevisionByVersion<RevisionSnapshot>({ tables: NEWS_POST_TABLES, id: postId, version })
}
