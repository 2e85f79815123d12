/**
 * The newsroom: posts as editors and researchers work on them. Every save is
 * one transaction that
 *   1. bumps the post's version only if it still is the version the editor
 *      loaded (the check is in the UPDATE's WHERE: no lost update),
 *   2. writes both language versions, counting a revision for each version
 *      whose text changed and recording which revision of the other version
 *      a translation matches,
 *   3. applies the workflow step the editor asked for,
 *   4. appends a revision row with the whole post as it now stands.
 * Permission is decided by the route (app/auth/permissions.ts); queries here
 * scope by author where a researcher may only see their own posts.
 */
import { sql } from '#db/client.server.ts'
import type { Queryable } from '#db/sql.server.ts'
import { LANGS, otherLang, type Lang } from '#app/i18n/config.ts'
import type { Actor } from '#app/auth/permissions.ts'
import { isOutdated } from '#app/news/articles.queries.server.ts'
import { isWritten, type EditorIntent, type NewsStatus, type VersionFields } from '#app/news/schema.ts'


/** A language version as stored (and as a revision's snapshot holds it). */
export interface StoredVersion {
	slug: string
	title: string
	summary: string
	bodyMarkdown: string
	seoDescription: string
	coverAlt: string
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
	reviewRequestedAt: Date | null
	authorId: string | null
	authorName: string | null
	workingGroupSlug: string | null
	coverMediaId: string | null
	tags: string[]
	versions: Partial<Record<Lang, EditableVersion>>
	updatedAt: Date
}

export async function getEditablePost(id: string): Promise<EditablePost | null> {
	if (!/^\d{1,18}$/.test(id)) return null
	const [post] = await sql<Omit<EditablePost, 'versions'>[]>`
		select p.id::text as id, p.version, p.status, p.published_at, p.review_requested_at,
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
}: {
	actor: NonNullable<Actor>
	lang: Lang
	ownOnly: boolean
	status?: NewsStatus | null
	inReview?: boolean
	before?: { updatedAt: Date; id: string } | null
	limit?: number
}): Promise<{ items: NewsroomListItem[]; older: { updatedAt: Date; id: string } | null }> {
	const rows = await sql<NewsroomListItem[]>`
		select p.id::text as id, p.status, p.published_at, p.review_requested_at, p.updated_at,
			u.name as author_name,
			t.title,
			(select array_agg(lang order by lang) from news_post_translations where post_id = p.id) as languages,
			coalesce((
				select array_agg(v.lang order by v.lang)
				from news_post_translations v
				join news_post_translations o on o.post_id = v.post_id and o.lang <> v.lang
				where v.post_id = p.id and v.translated_from_revision is not null
					and o.revision > v.translated_from_revision
			), '{}') as outdated_languages
		from news_posts p
		left join users u on u.id = p.author_id
		cross join lateral (
			select title from news_post_translations where post_id = p.id order by (lang = ${lang}) desc limit 1
		) t
		where true
			${ownOnly ? sql`and p.author_id = ${actor.id}` : sql``}
			${status ? sql`and p.status = ${status}` : sql``}
			${inReview ? sql`and p.review_requested_at is not null and p.status = 'draft'` : sql``}
			${before ? sql`and (p.updated_at, p.id) < (${before.updatedAt}, ${before.id}::bigint)` : sql``}
		order by p.updated_at desc, p.id desc
		limit ${limit + 1}
	`
	const items = rows.slice(0, limit)
	const last = items.at(-1)
	return { items, older: rows.length > limit && last ? { updatedAt: last.updatedAt, id: last.id } : null }
}

/** What the editor submits, after validation (app/news/schema.ts). */
export interface PostInput {
	workingGroupSlug: string | null
	coverMediaId: string | null
	tags: string[]
	versions: Record<Lang, VersionFields & { slug: string }>
}

export type WorkflowStep = Exclude<EditorIntent, 'preview'> | 'restore'

export type SaveResult =
	| { kind: 'saved'; id: string; version: number }
	/** Someone saved since `expectedVersion`: nothing was written. */
	| { kind: 'conflict'; current: ConflictInfo }
	/** A problem only the database can see (a slug in use, a past schedule time). */
	| { kind: 'invalid'; fieldErrors: Record<string, string[]> }
	| { kind: 'not-found' }

export interface ConflictInfo {
	version: number
	savedAt: Date
	savedBy: string | null
	/** Fields changed by the saves the editor has not seen. */
	changedFields: string[]
}

class Invalid extends Error {
	constructor(readonly fieldErrors: Record<string, string[]>) {
		super('invalid news post')
	}
}
class Conflict extends Error {
	constructor() {
		super('version conflict')
	}
}

/**
 * Creates (postId null) or updates a post and applies one workflow step, in
 * one transaction. The caller has checked permission for the step.
 */
export async function savePost({
	postId,
	expectedVersion,
	actor,
	input,
	step,
	publishAt = null,
	now,
}: {
	postId: string | null
	expectedVersion: number | null
	actor: NonNullable<Actor>
	input: PostInput
	step: WorkflowStep
	publishAt?: Date | null
	now: Date
}): Promise<SaveResult> {
	try {
		return await sql.begin(async (tx) => {
			let id: string
			let version: number
			let before: { status: NewsStatus; publishedAt: Date | null; reviewRequestedAt: Date | null }
			if (postId === null) {
				const [created] = await tx<{ id: string }[]>`
					insert into news_posts (status, author_id, created_at, updated_at)
					values ('draft', ${actor.id}, ${now}, ${now})
					returning id::text as id
				`
				id = created!.id
				version = 1
				before = { status: 'draft', publishedAt: null, reviewRequestedAt: null }
			} else {
				// The lost-update guard: only the version the editor loaded may be replaced.
				const [bumped] = await tx<{ version: number; status: NewsStatus; publishedAt: Date | null; reviewRequestedAt: Date | null }[]>`
					update news_posts set version = version + 1
					where id = ${postId} and version = ${expectedVersion ?? 0}
					returning version, status, published_at, review_requested_at
				`
				if (!bumped) {
					const [exists] = await tx`select 1 from news_posts where id = ${postId}`
					if (!exists) return { kind: 'not-found' } as const
					throw new Conflict()
				}
				id = postId
				version = bumped.version
				before = bumped
			}

			const changed = new Set<string>()
			await writeVersions(tx, { id, input, now, changed, isNew: postId === null })
			await writeTags(tx, { id, tags: input.tags, changed })

			const next = nextState({ step, before, publishAt, now })
			if (next.status !== before.status) changed.add('status')
			if (+(next.publishedAt ?? 0) !== +(before.publishedAt ?? 0)) changed.add('publishedAt')
			const [previous] = await tx<{ workingGroupSlug: string | null; coverMediaId: string | null }[]>`
				select g.slug as working_group_slug, p.cover_media_id::text as cover_media_id
				from news_posts p left join working_groups g on g.id = p.working_group_id
				where p.id = ${id}
			`
			if ((previous?.workingGroupSlug ?? null) !== input.workingGroupSlug) changed.add('workingGroup')
			if ((previous?.coverMediaId ?? null) !== input.coverMediaId) changed.add('cover')
			await tx`
				update news_posts set
					status = ${next.status},
					published_at = ${next.publishedAt},
					review_requested_at = ${next.reviewRequestedAt},
					working_group_id = (select id from working_groups where slug = ${input.workingGroupSlug}),
					cover_media_id = (select id from media where id = ${input.coverMediaId}::bigint),
					updated_at = ${now}
				where id = ${id}
			`
			await tx`
				insert into news_post_revisions (post_id, version, action, changed_fields, snapshot, author_id, created_at)
				values (
					${id}, ${version}, ${postId === null ? 'create' : step === 'save' ? 'update' : step},
					${[...changed].sort()}, news_post_snapshot(${id}), ${actor.id}, ${now}
				)
			`
			return { kind: 'saved', id, version } as const
		})
	} catch (error) {
		if (error instanceof Invalid) return { kind: 'invalid', fieldErrors: error.fieldErrors }
		if (error instanceof Conflict && postId !== null) {
			return { kind: 'conflict', current: await describeConflict({ postId, sinceVersion: expectedVersion ?? 0 }) }
		}
		throw error
	}
}

function nextState({
	step,
	before,
	publishAt,
	now,
}: {
	step: WorkflowStep
	before: { status: NewsStatus; publishedAt: Date | null; reviewRequestedAt: Date | null }
	publishAt: Date | null
	now: Date
}): { status: NewsStatus; publishedAt: Date | null; reviewRequestedAt: Date | null } {
	switch (step) {
		case 'save':
		case 'restore':
			return before
		case 'submit':
			return { ...before, reviewRequestedAt: now }
		case 'publish':
			// Re-publishing keeps the original date; a first publication is dated now.
			return {
				status: 'published',
				publishedAt: before.status === 'published' && before.publishedAt ? before.publishedAt : now,
				reviewRequestedAt: null,
			}
		case 'schedule':
			if (!publishAt || publishAt <= now) throw new Invalid({ publishAt: ['newsroom:errors.schedule-in-past'] })
			return { status: 'scheduled', publishedAt: publishAt, reviewRequestedAt: null }
		case 'unpublish':
			return { status: 'draft', publishedAt: null, reviewRequestedAt: null }
		case 'archive':
			return { status: 'archived', publishedAt: before.publishedAt, reviewRequestedAt: null }
	}
}

const TEXT_FIELDS = ['title', 'summary', 'bodyMarkdown', 'seoDescription'] as const

async function writeVersions(
	tx: Queryable,
	{ id, input, now, changed, isNew }: { id: string; input: PostInput; now: Date; changed: Set<string>; isNew: boolean },
) {
	const current = await tx<(StoredVersion & { lang: Lang })[]>`
		select lang, slug, title, summary, body_markdown, seo_description, cover_alt, revision, translated_from_revision
		from news_post_translations where post_id = ${id}
		for update
	`
	const existing = Object.fromEntries(current.map((row) => [row.lang, row])) as Partial<Record<Lang, (typeof current)[number]>>

	const errors: Record<string, string[]> = {}
	for (const lang of LANGS) {
		const version = input.versions[lang]
		if (!isWritten(version)) continue
		const [taken] = await tx`
			select 1 from news_post_translations where lang = ${lang} and slug = ${version.slug} and post_id <> ${id}
		`
		if (taken) errors[`${lang}.slug`] = ['newsroom:errors.slug-taken']
	}
	if (Object.keys(errors).length > 0) throw new Invalid(errors)

	// First the revision counters, since each translation records the other's.
	const revision: Partial<Record<Lang, number>> = {}
	for (const lang of LANGS) {
		const version = input.versions[lang]
		if (!isWritten(version)) continue
		const old = existing[lang]
		const fields = { ...version, bodyMarkdown: version.body }
		const textChanged = !old || TEXT_FIELDS.some((field) => old[field] !== fields[field])
		revision[lang] = old ? old.revision + (textChanged ? 1 : 0) : 1
		if (!old) changed.add(`${lang}.created`)
		else {
			for (const field of [...TEXT_FIELDS, 'slug', 'coverAlt'] as const) {
				if (old[field] !== fields[field]) changed.add(`${lang}.${field}`)
			}
		}
	}

	for (const lang of LANGS) {
		const version = input.versions[lang]
		const old = existing[lang]
		if (!isWritten(version)) {
			if (old) {
				await tx`delete from news_post_translations where post_id = ${id} and lang = ${lang}`
				changed.add(`${lang}.removed`)
			}
			continue
		}
		const other = otherLang(lang)
		const otherRevision = revision[other] ?? null
		let translatedFrom: number | null
		if (otherRevision === null) translatedFrom = null
		else if (version.upToDate) translatedFrom = otherRevision
		// A version added to a post that already had the other one is its translation.
		else if (!old && !isNew && existing[other]) translatedFrom = otherRevision
		else translatedFrom = old?.translatedFromRevision ?? null
		if (old && translatedFrom !== old.translatedFromRevision) changed.add(`${lang}.translatedFrom`)

		await tx`
			insert into news_post_translations (
				post_id, lang, slug, title, summary, body_markdown, seo_description, cover_alt,
				revision, translated_from_revision, created_at, updated_at
			) values (
				${id}, ${lang}, ${version.slug}, ${version.title}, ${version.summary}, ${version.body},
				${version.seoDescription}, ${version.coverAlt}, ${revision[lang]!}, ${translatedFrom}, ${now}, ${now}
			)
			on conflict (post_id, lang) do update set
				slug = excluded.slug, title = excluded.title, summary = excluded.summary,
				body_markdown = excluded.body_markdown, seo_description = excluded.seo_description,
				cover_alt = excluded.cover_alt, revision = excluded.revision,
				translated_from_revision = excluded.translated_from_revision,
				updated_at = case when news_post_translations.revision = excluded.revision
					then news_post_translations.updated_at else excluded.updated_at end
		`
	}
}

async function writeTags(tx: Queryable, { id, tags, changed }: { id: string; tags: string[]; changed: Set<string> }) {
	const before = await tx<{ slug: string }[]>`
		select t.slug from news_post_tags pt join tags t on t.id = pt.tag_id where pt.post_id = ${id} order by t.slug
	`
	const wanted = [...new Set(tags)].sort()
	if (before.map((row) => row.slug).join(',') === wanted.join(',')) return
	changed.add('tags')
	await tx`delete from news_post_tags where post_id = ${id}`
	if (wanted.length > 0) {
		await tx`
			insert into news_post_tags (post_id, tag_id)
			select ${id}, id from tags where slug in ${tx(wanted)}
		`
	}
}

async function describeConflict({ postId, sinceVersion }: { postId: string; sinceVersion: number }): Promise<ConflictInfo> {
	const rows = await sql<{ version: number; createdAt: Date; authorName: string | null; changedFields: string[] }[]>`
		select r.version, r.created_at, u.name as author_name, r.changed_fields
		from news_post_revisions r left join users u on u.id = r.author_id
		where r.post_id = ${postId} and r.version > ${sinceVersion}
		order by r.version desc
	`
	const [latest] = rows
	const [post] = await sql<{ version: number; updatedAt: Date }[]>`
		select version, updated_at from news_posts where id = ${postId}
	`
	return {
		version: post?.version ?? latest?.version ?? sinceVersion,
		savedAt: latest?.createdAt ?? post?.updatedAt ?? new Date(0),
		savedBy: latest?.authorName ?? null,
		changedFields: [...new Set(rows.flatMap((row) => row.changedFields))].sort(),
	}
}

export interface RevisionSummary {
	id: string
	version: number
	action: string
	changedFields: string[]
	authorName: string | null
	createdAt: Date
}

export async function listRevisions(postId: string): Promise<RevisionSummary[]> {
	return sql<RevisionSummary[]>`
		select r.id::text as id, r.version, r.action, r.changed_fields, u.name as author_name, r.created_at
		from news_post_revisions r left join users u on u.id = r.author_id
		where r.post_id = ${postId}
		order by r.version desc
	`
}

export interface RevisionSnapshot {
	status: NewsStatus
	publishedAt: string | null
	workingGroupId: string | null
	coverMediaId: string | null
	tags: string[]
	versions: Partial<Record<Lang, StoredVersion>>
}

export async function getRevision({
	postId,
	revisionId,
}: {
	postId: string
	revisionId: string
}): Promise<(RevisionSummary & { snapshot: RevisionSnapshot }) | null> {
	if (!/^\d{1,18}$/.test(revisionId)) return null
	const [row] = await sql<(RevisionSummary & { snapshot: RevisionSnapshot })[]>`
		select r.id::text as id, r.version, r.action, r.changed_fields, u.name as author_name, r.created_at, r.snapshot
		from news_post_revisions r left join users u on u.id = r.author_id
		where r.post_id = ${postId} and r.id = ${revisionId}
	`
	return row ?? null
}

/** A stored version as the editor's fields (all empty for a version not written). */
export function versionFields(version: StoredVersion | undefined) {
	return {
		slug: version?.slug ?? '',
		title: version?.title ?? '',
		summary: version?.summary ?? '',
		body: version?.bodyMarkdown ?? '',
		seoDescription: version?.seoDescription ?? '',
		coverAlt: version?.coverAlt ?? '',
	}
}

/** A revision's content as editor input: restoring is saving it again. */
export async function revisionAsInput(snapshot: RevisionSnapshot): Promise<PostInput> {
	const [group] = snapshot.workingGroupId
		? await sql<{ slug: string }[]>`select slug from working_groups where id = ${snapshot.workingGroupId}`
		: []
	const versions = {} as PostInput['versions']
	for (const lang of LANGS) versions[lang] = { ...versionFields(snapshot.versions[lang]), upToDate: false }
	return {
		workingGroupSlug: group?.slug ?? null,
		coverMediaId: snapshot.coverMediaId,
		tags: snapshot.tags,
		versions,
	}
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
