/**
 * Saving a news post. Every save is one transaction that
 *   1. bumps the post's version only if it still is the version the editor
 *      loaded (app/documents/versioning: no lost update),
 *   2. writes both language versions, counting a revision for each version
 *      whose text changed and recording which revision of the other version
 *      a translation matches (app/documents/translation-status.ts),
 *   3. applies the workflow step the editor asked for (./workflow.ts),
 *   4. appends a revision with the whole post as it now stands.
 * The caller has checked permission for the step.
 */
import { sql } from '#db/client.server.ts'
import { inTransaction, type Queryable } from '#db/sql.server.ts'
import { LANGS, type Lang } from '#app/i18n/config.ts'
import {
	appendRevision,
	claimVersion,
	describeConflict,
	VersionConflict,
	type ConflictInfo,
} from '#app/documents/versioning.queries.server.ts'
import { nextTranslationCounters, type CarriedTranslation, type VersionChange } from '#app/documents/translation-status.ts'
import { recordAudit, type AuditEvent } from '#app/audit/audit.queries.server.ts'
import { NEWS_POST_TABLES, type RevisionSnapshot, type StoredVersion } from './newsroom.queries.server.ts'
import { isWritten, versionFields, type VersionFields } from './schema.ts'
import { syncPostSearch } from './search.queries.server.ts'
import { nextState, revisionAction, type WorkflowState, type WorkflowStep } from './workflow.ts'

/** What the editor submits, after validation (./schema.ts). */
export interface PostInput {
	workingGroupSlug: string | null
	coverMediaId: string | null
	tags: string[]
	versions: Record<Lang, VersionFields & { slug: string }>
	/** Which version is the original, when the author says (the other is then its translation). */
	original?: Lang | null
}

/** Steps the audit log records: they change what the public sees, or bring back old text. */
const AUDITED_STEPS: Partial<Record<WorkflowStep, AuditEvent>> = {
	publish: 'post_published',
	schedule: 'post_scheduled',
	unpublish: 'post_unpublished',
	archive: 'post_archived',
	restore: 'post_restored',
}

/** What the audit log records of a member's save, in the save's transaction. */
export interface SaveAudit {
	ip: string | null
	/** Fields of someone else's saved change this save replaced ("keep my version" after a conflict). */
	overwrittenFields?: string[]
	/** The revision a restore brought back. */
	restoredVersion?: number
}

export type { ConflictInfo }

export type SaveResult =
	| { kind: 'saved'; id: string; version: number }
	/** Someone saved since `expectedVersion`: nothing was written. */
	| { kind: 'conflict'; current: ConflictInfo }
	/** A problem only the database can see (a slug in use, a past schedule time). */
	| { kind: 'invalid'; fieldErrors: Record<string, string[]> }
	| { kind: 'not-found' }

/** Thrown inside the transaction to roll it back; answered as `invalid`. */
class Invalid extends Error {
	constructor(readonly fieldErrors: Record<string, string[]>) {
		super('invalid news post')
	}
}

const TEXT_FIELDS = ['title', 'summary', 'bodyMarkdown', 'seoDescription'] as const

/**
 * Creates (postId null) or updates a post and applies one workflow step, in
 * one transaction (joining `db`'s when it is one). `actor` null: written by
 * the portal itself (the demo content), without an author.
 */
export async function savePost({
	postId,
	expectedVersion,
	actor,
	input,
	step,
	publishAt = null,
	now,
	carry = null,
	audit = null,
	db = sql,
}: {
	postId: string | null
	expectedVersion: number | null
	actor: { id: string } | null
	input: PostInput
	step: WorkflowStep
	publishAt?: Date | null
	now: Date
	/** A restore: each version's translation status as the restored revision had it. */
	carry?: Partial<Record<Lang, CarriedTranslation | null>> | null
	/** A member's save: publishing steps, restores and overwrites go to the audit log. */
	audit?: SaveAudit | null
	db?: Queryable
}): Promise<SaveResult> {
	try {
		return await inTransaction(db, async (tx) => {
			const isNew = postId === null
			let id: string
			let version: number
			let before: WorkflowState
			if (isNew) {
				const [created] = await tx<{ id: string }[]>`
					insert into news_posts (status, author_id, created_at, updated_at)
					values ('draft', ${actor?.id ?? null}, ${now}, ${now})
					returning id::text as id
				`
				id = created!.id
				version = 1
				before = { status: 'draft', publishedAt: null, reviewRequestedAt: null }
			} else {
				const claimed = await claimVersion<WorkflowState>(tx, {
					tables: NEWS_POST_TABLES,
					id: postId,
					expectedVersion: expectedVersion ?? 0,
					returning: ['status', 'published_at', 'review_requested_at'],
				})
				if (!claimed) return { kind: 'not-found' } as const
				id = postId
				version = claimed.version
				before = claimed
			}

			const changed = new Set<string>()
			await writeVersions(tx, { id, input, now, changed, isNew, carry })
			await writeTags(tx, { id, tags: input.tags, changed })

			const next = nextState({ step, before, publishAt, now })
			if (!next.ok) throw new Invalid(next.fieldErrors)
			const { state } = next
			if (state.status !== before.status) changed.add('status')
			if (+(state.publishedAt ?? 0) !== +(before.publishedAt ?? 0)) changed.add('publishedAt')
			const [previous] = await tx<{ workingGroupSlug: string | null; coverMediaId: string | null }[]>`
				select g.slug as working_group_slug, p.cover_media_id::text as cover_media_id
				from news_posts p left join working_groups g on g.id = p.working_group_id
				where p.id = ${id}
			`
			if ((previous?.workingGroupSlug ?? null) !== input.workingGroupSlug) changed.add('workingGroup')
			if ((previous?.coverMediaId ?? null) !== input.coverMediaId) changed.add('cover')
			await tx`
				update news_posts set
					status = ${state.status},
					published_at = ${state.publishedAt},
					review_requested_at = ${state.reviewRequestedAt},
					working_group_id = (select id from working_groups where slug = ${input.workingGroupSlug}),
					cover_media_id = (select id from media where id = ${input.coverMediaId}::bigint),
					updated_at = ${now}
				where id = ${id}
			`
			await appendRevision(tx, {
				tables: NEWS_POST_TABLES,
				id,
				version,
				action: revisionAction({ isNew, step }),
				changedFields: changed,
				authorId: actor?.id ?? null,
				createdAt: now,
			})
			// Findable exactly when readers can see it: same transaction.
			await syncPostSearch(tx, id)
			if (audit && actor) await auditSave(tx, { id, version, step, input, actor, audit })
			return { kind: 'saved', id, version } as const
		})
	} catch (error) {
		if (error instanceof Invalid) return { kind: 'invalid', fieldErrors: error.fieldErrors }
		if (error instanceof VersionConflict && postId !== null) {
			return {
				kind: 'conflict',
				current: await describeConflict({ tables: NEWS_POST_TABLES, id: postId, sinceVersion: expectedVersion ?? 0 }),
			}
		}
		throw error
	}
}

async function auditSave(
	tx: Queryable,
	{ id, version, step, input, actor, audit }: { id: string; version: number; step: WorkflowStep; input: PostInput; actor: { id: string }; audit: SaveAudit },
) {
	const title = input.versions.en.title || input.versions.zh.title
	const details = { postId: id, title, version }
	const event = AUDITED_STEPS[step]
	if (event) {
		const extra: Record<string, number> = step === 'restore' && audit.restoredVersion ? { restoredVersion: audit.restoredVersion } : {}
		await recordAudit({ event, actorId: actor.id, ip: audit.ip, details: { ...details, ...extra } }, tx)
	}
	if (audit.overwrittenFields?.length) {
		await recordAudit({ event: 'post_overwritten', actorId: actor.id, ip: audit.ip, details: { ...details, fields: audit.overwrittenFields.join(',') } }, tx)
	}
}

/** A version with no slug typed and none to make from a title gets one from the post's number. */
export function fallbackSlug(postId: string): string {
	return `post-${postId}`
}

async function writeVersions(
	tx: Queryable,
	{
		id,
		input,
		now,
		changed,
		isNew,
		carry,
	}: { id: string; input: PostInput; now: Date; changed: Set<string>; isNew: boolean; carry: Partial<Record<Lang, CarriedTranslation | null>> | null },
) {
	for (const lang of LANGS) {
		const version = input.versions[lang]
		if (isWritten(version) && !version.slug) version.slug = fallbackSlug(id)
	}
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

	const changes = {} as Record<Lang, VersionChange>
	for (const lang of LANGS) {
		const version = input.versions[lang]
		const old = existing[lang]
		const written = isWritten(version)
		const fields = { ...version, bodyMarkdown: version.body }
		changes[lang] = {
			before: old ?? null,
			written,
			textChanged: written && (!old || TEXT_FIELDS.some((field) => old[field] !== fields[field])),
			upToDate: version.upToDate,
		}
		if (!written) continue
		if (!old) changed.add(`${lang}.created`)
		else {
			for (const field of [...TEXT_FIELDS, 'slug', 'coverAlt'] as const) {
				if (old[field] !== fields[field]) changed.add(`${lang}.${field}`)
			}
		}
	}
	const counters = nextTranslationCounters({ changes, isNewDocument: isNew, original: input.original ?? null, carry })

	for (const lang of LANGS) {
		const version = input.versions[lang]
		const old = existing[lang]
		const next = counters[lang]
		if (!next) {
			if (old) {
				await tx`delete from news_post_translations where post_id = ${id} and lang = ${lang}`
				changed.add(`${lang}.removed`)
			}
			continue
		}
		if (old && next.translatedFromRevision !== old.translatedFromRevision) changed.add(`${lang}.translatedFrom`)
		await tx`
			insert into news_post_translations (
				post_id, lang, slug, title, summary, body_markdown, seo_description, cover_alt,
				revision, translated_from_revision, created_at, updated_at
			) values (
				${id}, ${lang}, ${version.slug}, ${version.title}, ${version.summary}, ${version.body},
				${version.seoDescription}, ${version.coverAlt}, ${next.revision}, ${next.translatedFromRevision}, ${now}, ${now}
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

/**
 * The demo newsroom (`npm start` only): posts written by the portal itself
 * are given authors, the researcher's drafts asking for review, so every
 * role finds work to do.
 */
export async function assignDemoAuthors(
	{ draftsTo, othersTo }: { draftsTo: string; othersTo: string },
	db: Queryable = sql,
): Promise<void> {
	await inTransaction(db, async (tx) => {
		await tx`
			update news_posts set author_id = ${draftsTo}, review_requested_at = coalesce(review_requested_at, now())
			where status = 'draft' and author_id is null
		`
		await tx`update news_posts set author_id = ${othersTo} where author_id is null`
	})
}
