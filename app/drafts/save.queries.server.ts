/**
 * Saving a policy draft: no save ever overwrites another unseen. Each save is
 * one transaction that
 *   1. locks the draft and reads it as it is now ("theirs");
 *   2. when the author's text was based on an older version, three-way merges
 *      it with what was saved since (./draft-merge.ts: per section and per
 *      language). Changes that do not overlap merge by themselves; if any
 *      overlap, nothing is written and the conflicts go back to the author,
 *      unless the save carries the author's choice for each of them (made
 *      against this very version);
 *   3. bumps the version (the check inside the UPDATE, documents/versioning),
 *      writes the sections with their translation counters
 *      (documents/translation-status.ts, per section), and appends the
 *      revision with its message and parent (`basedOnVersion`).
 * The caller has checked `draft:edit`; the status is checked again here,
 * under the lock, since someone may have finalised the draft meanwhile.
 */
import { sql } from '#db/client.server.ts'
import { inTransaction, type Queryable } from '#db/sql.server.ts'
import type { DraftStatus } from '#app/auth/permissions.ts'
import { appendRevision, claimVersion } from '#app/documents/versioning.queries.server.ts'
import { nextTranslationCounters, type VersionChange } from '#app/documents/translation-status.ts'
import { LANGS, otherLang, type Lang } from '#app/i18n/config.ts'
import { mergeDrafts, MissingChoice, resolveDraftMerge, type DraftChoice, type DraftConflict, type MergedInChange } from './draft-merge.ts'
import { DRAFT_TABLES, getRevisionById, listSections } from './drafts.queries.server.ts'
import { limitProblems, sameText, textOf, type DraftInput, type DraftSectionText, type DraftText, type StoredSection, type StoredSectionText } from './model.ts'
import { syncDraftSearch } from './search.queries.server.ts'

export type { DraftInput }


export type SaveResult =
	| {
			kind: 'saved'
			version: number
			/** Set when the save was merged with others' saves: what they brought in. */
			merged: { basedOn: number; changes: MergedInChange[] } | null
			/** Nothing differed from the draft as it was: no revision was written. */
			unchanged: boolean
	  }
	/** Overlapping changes: nothing was written. `missing` names conflicts a resolving save left without a choice. */
	| { kind: 'conflict'; headVersion: number; conflicts: DraftConflict[]; mergedIn: MergedInChange[]; missing: string[] }
	/** The base version is not one of this draft's (or lies in its future). */
	| { kind: 'invalid-base' }
	/** Final or published meanwhile: only moving it back to drafting reopens it. */
	| { kind: 'locked'; status: DraftStatus }
	/** Someone saved since a restore was asked for (a restore never merges). */
	| { kind: 'moved' }
	/** The merged (or chosen) text breaks a limit (model.ts): nothing was written. */
	| { kind: 'invalid'; errors: ReturnType<typeof limitProblems> }
	| { kind: 'not-found' }

const EDITABLE: readonly DraftStatus[] = ['drafting', 'in_review']

export async function saveDraft({
	draftId,
	baseRevisionId,
	mergeVersion = null,
	choices = {},
	actor,
	input,
	message = '',
	action = 'update',
	now,
	db = sql,
}: {
	draftId: string
	/** The revision the author's text started from (its id: a revision of another draft is refused). */
	baseRevisionId: string
	/** The version the author's conflict choices were made against. */
	mergeVersion?: number | null
	choices?: Readonly<Record<string, DraftChoice>>
	actor: { id: string } | null
	input: DraftInput
	message?: string
	/** 'restore': the text of an old revision, saved only onto the version it was asked on. */
	action?: 'update' | 'restore'
	now: Date
	db?: Queryable
}): Promise<SaveResult> {
	return inTransaction(db, async (tx) => {
		const [head] = await tx<{ version: number; status: DraftStatus; titleEn: string; titleZh: string }[]>`
			select version, status, title_en, title_zh from policy_drafts where id = ${draftId} for update
		`
		if (!head) return { kind: 'not-found' } as const
		if (!EDITABLE.includes(head.status)) return { kind: 'locked', status: head.status } as const
		const base = await getRevisionById({ draftId, revisionId: baseRevisionId }, tx)
		if (!base) return { kind: 'invalid-base' } as const
		const baseVersion = base.version

		const current = await listSections(draftId, tx, { lock: true })
		const theirs: DraftText = { title: { en: head.titleEn, zh: head.titleZh }, sections: textOf(current) }
		let text: DraftText = input
		let merged: { basedOn: number; changes: MergedInChange[] } | null = null
		/** Per language: sections whose text the author did not see (others changed it since base). */
		let changedSinceBase: (id: string, lang: Lang) => boolean = () => false

		if (baseVersion !== head.version) {
			if (action === 'restore') return { kind: 'moved' } as const
			const baseText: DraftText = { title: base.snapshot.title, sections: textOf(base.snapshot.sections) }
			const merge = mergeDrafts({ base: baseText, ours: input, theirs })
			const resolving = mergeVersion === head.version
			if (!merge.clean && !resolving) {
				return { kind: 'conflict', headVersion: head.version, conflicts: merge.conflicts, mergedIn: merge.mergedIn, missing: [] } as const
			}
			try {
				text = resolveDraftMerge(merge, choices)
			} catch (error) {
				if (!(error instanceof MissingChoice)) throw error
				return { kind: 'conflict', headVersion: head.version, conflicts: merge.conflicts, mergedIn: merge.mergedIn, missing: error.keys } as const
			}
			merged = { basedOn: baseVersion, changes: merge.mergedIn }
			const baseById = new Map(baseText.sections.map((section) => [section.id, section]))
			const headById = new Map(theirs.sections.map((section) => [section.id, section]))
			changedSinceBase = (id, lang) => !sameText(baseById.get(id)?.[lang], headById.get(id)?.[lang])
		}

		// The author's text was checked; what the merge and their choices made of it is checked again.
		const problems = limitProblems(text)
		if (problems.length > 0) return { kind: 'invalid', errors: problems } as const

		const changed = new Set<string>()
		for (const lang of LANGS) if (text.title[lang] !== theirs.title[lang]) changed.add(`title.${lang}`)
		const rows = withCounters({ text, current, translated: input.translated, changedSinceBase, changed })
		// Reordered: the sections kept from before stand in another order.
		const written = new Set(rows.map((row) => row.id))
		const stored = new Set(current.map((section) => section.id))
		const keptBefore = current.filter((section) => written.has(section.id)).map((section) => section.id)
		const keptNow = rows.filter((row) => stored.has(row.id)).map((row) => row.id)
		if (keptBefore.join() !== keptNow.join()) changed.add('sections.order')
		if (changed.size === 0) return { kind: 'saved', version: head.version, merged, unchanged: true } as const

		const claimed = await claimVersion(tx, { tables: DRAFT_TABLES, id: draftId, expectedVersion: head.version })
		if (!claimed) return { kind: 'not-found' } as const
		await tx`
			update policy_drafts set title_en = ${text.title.en}, title_zh = ${text.title.zh},
				based_on_version = ${baseVersion}, updated_at = ${now}
			where id = ${draftId}
		`
		await writeSections(tx, { draftId, rows })
		await appendRevision(tx, {
			tables: DRAFT_TABLES,
			id: draftId,
			version: claimed.version,
			action: action === 'restore' ? 'restore' : merged ? 'merge' : 'update',
			changedFields: changed,
			authorId: actor?.id ?? null,
			createdAt: now,
			message,
		})
		await syncDraftSearch(tx, draftId)
		return { kind: 'saved', version: claimed.version, merged, unchanged: false } as const
	})
}

/**
 * Each section of the text to write, with its translation counters decided
 * against the draft as stored; records what changed. A language confirmed as
 * translated counts only if nobody changed the other language of that
 * section since the author loaded it (they confirmed against what they saw).
 */
function withCounters({
	text,
	current,
	translated,
	changedSinceBase,
	changed,
}: {
	text: DraftText
	current: readonly StoredSection[]
	translated: ReadonlySet<string>
	changedSinceBase: (id: string, lang: Lang) => boolean
	changed: Set<string>
}): StoredSection[] {
	const before = new Map(current.map((section) => [section.id, section]))
	const kept = new Set(text.sections.map((section) => section.id))
	for (const section of current) if (!kept.has(section.id)) changed.add(`section.${section.id}.removed`)

	return text.sections.map((section: DraftSectionText) => {
		const old = before.get(section.id)
		if (!old) changed.add(`section.${section.id}.added`)
		const changes = {} as Record<Lang, VersionChange>
		for (const lang of LANGS) {
			const stored = old?.[lang] ?? null
			const written = section[lang] !== null
			const textChanged = written && !sameText(stored, section[lang])
			if (old && (textChanged || (stored && !written))) changed.add(`section.${section.id}.${lang}`)
			changes[lang] = {
				before: stored ? { revision: stored.revision, translatedFromRevision: stored.translatedFromRevision } : null,
				written,
				textChanged,
				upToDate: translated.has(`${section.id}.${lang}`) && !changedSinceBase(section.id, otherLang(lang)),
			}
		}
		const counters = nextTranslationCounters({ changes, isNewDocument: !old })
		const result: StoredSection = { id: section.id, en: null, zh: null }
		for (const lang of LANGS) {
			const next = counters[lang]
			const value = section[lang]
			if (!next || !value) continue
			const stored = old?.[lang]
			if (old && stored && !changes[lang].textChanged && next.translatedFromRevision !== stored.translatedFromRevision) {
				changed.add(`section.${section.id}.${lang}.translated`)
			}
			result[lang] = { ...value, ...next } satisfies StoredSectionText
		}
		return result
	})
}

async function writeSections(tx: Queryable, { draftId, rows }: { draftId: string; rows: readonly StoredSection[] }) {
	await tx`delete from policy_draft_sections where draft_id = ${draftId}`
	if (rows.length === 0) return
	const values = rows.map((section, position) => ({
		draft_id: draftId,
		id: section.id,
		position,
		level_en: section.en?.level ?? null,
		heading_en: section.en?.heading ?? '',
		body_en: section.en?.body ?? '',
		revision_en: section.en?.revision ?? null,
		en_translated_from_revision: section.en?.translatedFromRevision ?? null,
		level_zh: section.zh?.level ?? null,
		heading_zh: section.zh?.heading ?? '',
		body_zh: section.zh?.body ?? '',
		revision_zh: section.zh?.revision ?? null,
		zh_translated_from_revision: section.zh?.translatedFromRevision ?? null,
	}))
	await tx`insert into policy_draft_sections ${tx(values)}`
}

/**
 * A new draft in a group, with its first revision. The group was checked by
 * the caller (`draft:create`). The text's sections need ids already.
 */
export async function createDraft({
	groupId,
	actor,
	input,
	message = '',
	now,
	db = sql,
}: {
	groupId: string
	actor: { id: string } | null
	input: DraftInput
	message?: string
	now: Date
	db?: Queryable
}): Promise<{ id: string; version: number }> {
	return inTransaction(db, async (tx) => {
		const [created] = await tx<{ id: string }[]>`
			insert into policy_drafts (group_id, title_en, title_zh, created_by, created_at, updated_at)
			values (${groupId}, ${input.title.en}, ${input.title.zh}, ${actor?.id ?? null}, ${now}, ${now})
			returning id::text as id
		`
		const id = created!.id
		const changed = new Set<string>()
		const rows = withCounters({ text: input, current: [], translated: input.translated, changedSinceBase: () => false, changed })
		await writeSections(tx, { draftId: id, rows })
		await appendRevision(tx, {
			tables: DRAFT_TABLES,
			id,
			version: 1,
			action: 'create',
			changedFields: [],
			authorId: actor?.id ?? null,
			createdAt: now,
			message,
		})
		await syncDraftSearch(tx, id)
		return { id, version: 1 }
	})
}
