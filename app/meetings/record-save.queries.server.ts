/**
 * Saving a meeting record's content. One transaction that
 *   1. starts the record (the first save) or locks it and checks that it
 *      still is the version the editor loaded (no lost update: a conflict
 *      writes nothing and the editor keeps every character typed),
 *   2. stops when nothing changed (no new version, no new approval needed),
 *   3. bumps the version (claimVersion), writes both languages' minutes with
 *      their translation counters, the decisions and the action items (kept
 *      by id, so an item's done/open status survives edits of its text),
 *   4. moves an approved or published record back into review with the same
 *      reviewers (./record-workflow.ts),
 *   5. appends a revision with the record's whole content.
 * The caller has checked that the actor may edit the record.
 */
import { sql } from '#db/client.server.ts'
import { inTransaction, type Queryable } from '#db/sql.server.ts'
import { LANGS, type Lang } from '#app/i18n/config.ts'
import { nextTranslationCounters, type TranslationCounters, type VersionChange } from '#app/documents/translation-status.ts'
import { appendRevision, claimVersion, describeConflict, VersionConflict, type ConflictInfo } from '#app/documents/versioning.queries.server.ts'
import { RECORD_TABLES } from './records.queries.server.ts'
import type { RecordStatus } from './record-workflow.ts'
import { statusAfterEdit } from './record-workflow.ts'
import { syncMeetingSearch } from './search.queries.server.ts'

export interface RecordInput {
	versions: Record<Lang, { body: string; upToDate: boolean }>
	decisions: { en: string; zh: string }[]
	/** `formIndex`: the row's place in the editor's form, where an error about it is shown. */
	actionItems: { id: string; en: string; zh: string; ownerId: string; dueDate: string; formIndex?: number }[]
}

export type RecordSaveResult =
	| {
			kind: 'saved'
			id: string
			version: number
			status: RecordStatus
			/** An approved or published record went back into review. */
			reopenedReview: boolean
			/** Action items given to an owner by this save (new, or a new owner). */
			assigned: { itemId: string; ownerId: string; en: string; zh: string; dueDate: string }[]
	  }
	/** Nothing differs from what is saved: no new version. */
	| { kind: 'unchanged'; id: string; version: number }
	| { kind: 'conflict'; current: ConflictInfo }
	| { kind: 'invalid'; fieldErrors: Record<string, string[]> }
	| { kind: 'cancelled' }
	| { kind: 'not-found' }

class Invalid extends Error {
	constructor(readonly fieldErrors: Record<string, string[]>) {
		super('invalid meeting record')
	}
}

class Cancelled extends Error {}

interface StoredTranslation extends TranslationCounters {
	lang: Lang
	bodyMarkdown: string
}

interface StoredItem {
	id: string
	en: string
	zh: string
	ownerId: string
	dueDate: string
}

export async function saveRecord({
	meetingId,
	expectedVersion,
	actor,
	input,
	now,
	db = sql,
}: {
	meetingId: string
	/** Null: the editor started a new record. */
	expectedVersion: number | null
	actor: { id: string }
	input: RecordInput
	now: Date
	db?: Queryable
}): Promise<RecordSaveResult> {
	let recordId: string | null = null
	try {
		return await inTransaction(db, async (tx) => {
			// A cancelled meeting has no minutes; the lock keeps it from being cancelled under this save.
			const [meeting] = await tx<{ groupId: string; cancelledAt: Date | null }[]>`
				select group_id::text as group_id, cancelled_at from meetings where id = ${meetingId} for share
			`
			if (!meeting) return { kind: 'not-found' } as const
			if (meeting.cancelledAt) throw new Cancelled()

			let status: RecordStatus
			let isNew = false
			if (expectedVersion === null) {
				const [created] = await tx<{ id: string }[]>`
					insert into meeting_records (meeting_id, created_by, created_at, updated_at)
					values (${meetingId}, ${actor.id}, ${now}, ${now})
					on conflict (meeting_id) do nothing
					returning id::text as id
				`
				if (!created) {
					// Someone started this record first: theirs is kept, and the editor told.
					const [existing] = await tx<{ id: string }[]>`select id::text as id from meeting_records where meeting_id = ${meetingId}`
					recordId = existing!.id
					throw new VersionConflict()
				}
				recordId = created.id
				status = 'draft'
				isNew = true
			} else {
				const [locked] = await tx<{ id: string; version: number; status: RecordStatus }[]>`
					select id::text as id, version, status from meeting_records where meeting_id = ${meetingId} for update
				`
				if (!locked) return { kind: 'not-found' } as const
				recordId = locked.id
				if (locked.version !== expectedVersion) throw new VersionConflict()
				status = locked.status
			}
			const id = recordId

			await checkOwners(tx, { groupId: meeting.groupId, items: input.actionItems })

			const changed = new Set<string>()
			const translations = await tx<StoredTranslation[]>`
				select lang, body_markdown, revision, translated_from_revision from meeting_record_translations where record_id = ${id}
			`
			const existing = Object.fromEntries(translations.map((row) => [row.lang, row])) as Partial<Record<Lang, StoredTranslation>>
			const changes = {} as Record<Lang, VersionChange>
			for (const lang of LANGS) {
				const wanted = input.versions[lang]
				const old = existing[lang]
				const written = wanted.body.trim() !== ''
				changes[lang] = { before: old ?? null, written, textChanged: written && old?.bodyMarkdown !== wanted.body, upToDate: wanted.upToDate }
				if (written && !old) changed.add(`${lang}.created`)
				else if (!written && old) changed.add(`${lang}.removed`)
				else if (written && old && old.bodyMarkdown !== wanted.body) changed.add(`${lang}.body`)
			}
			const counters = nextTranslationCounters({ changes, isNewDocument: isNew })
			for (const lang of LANGS) {
				const old = existing[lang]
				const next = counters[lang]
				if (old && next && next.translatedFromRevision !== old.translatedFromRevision) changed.add(`${lang}.translatedFrom`)
			}

			const decisions = await tx<{ en: string; zh: string }[]>`
				select text_en as en, text_zh as zh from meeting_record_decisions where record_id = ${id} order by position
			`
			if (JSON.stringify(decisions) !== JSON.stringify(input.decisions.map(({ en, zh }) => ({ en, zh })))) changed.add('decisions')
			const items = await tx<StoredItem[]>`
				select id::text as id, text_en as en, text_zh as zh, owner_id, to_char(due_date, 'YYYY-MM-DD') as due_date
				from meeting_action_items where record_id = ${id} order by position
			`
			const storedById = new Map(items.map((item) => [item.id, item]))
			// An id that is not one of this record's items (stale or forged) makes a new item.
			const wantedItems = input.actionItems.map((item) => ({ ...item, id: storedById.has(item.id) ? item.id : '' }))
			const itemKey = (item: StoredItem) => JSON.stringify([item.id, item.en, item.zh, item.ownerId, item.dueDate])
			if (items.map(itemKey).join('\n') !== wantedItems.map(itemKey).join('\n')) changed.add('actionItems')

			if (!isNew && changed.size === 0) {
				return { kind: 'unchanged', id, version: expectedVersion! } as const
			}

			const next = statusAfterEdit(status)
			// Published minutes leave `published` before the version moves past the published one (a CHECK says so).
			if (next.status !== status) await tx`update meeting_records set status = ${next.status} where id = ${id}`
			let version = 1
			if (!isNew) {
				const claimed = await claimVersion(tx, { tables: RECORD_TABLES, id, expectedVersion: expectedVersion! })
				version = claimed!.version
			}

			for (const lang of LANGS) {
				const next = counters[lang]
				if (!next) {
					await tx`delete from meeting_record_translations where record_id = ${id} and lang = ${lang}`
					continue
				}
				await tx`
					insert into meeting_record_translations (record_id, lang, body_markdown, revision, translated_from_revision, updated_at)
					values (${id}, ${lang}, ${input.versions[lang].body}, ${next.revision}, ${next.translatedFromRevision}, ${now})
					on conflict (record_id, lang) do update set
						body_markdown = excluded.body_markdown, revision = excluded.revision,
						translated_from_revision = excluded.translated_from_revision,
						updated_at = case when meeting_record_translations.revision = excluded.revision
							then meeting_record_translations.updated_at else excluded.updated_at end
				`
			}

			if (changed.has('decisions')) {
				await tx`delete from meeting_record_decisions where record_id = ${id}`
				for (const [position, decision] of input.decisions.entries()) {
					await tx`
						insert into meeting_record_decisions (record_id, position, text_en, text_zh)
						values (${id}, ${position}, ${decision.en}, ${decision.zh})
					`
				}
			}

			const assigned: Extract<RecordSaveResult, { kind: 'saved' }>['assigned'] = []
			if (changed.has('actionItems')) {
				const keep = wantedItems.filter((item) => item.id).map((item) => item.id)
				await tx`
					delete from meeting_action_items where record_id = ${id}
					${keep.length > 0 ? tx`and id not in ${tx(keep)}` : tx``}
				`
				for (const [position, item] of wantedItems.entries()) {
					if (item.id) {
						await tx`
							update meeting_action_items set position = ${position}, text_en = ${item.en}, text_zh = ${item.zh},
								owner_id = ${item.ownerId}, due_date = ${item.dueDate}
							where id = ${item.id} and record_id = ${id}
						`
						if (storedById.get(item.id)!.ownerId !== item.ownerId) assigned.push({ itemId: item.id, ownerId: item.ownerId, en: item.en, zh: item.zh, dueDate: item.dueDate })
					} else {
						const [inserted] = await tx<{ id: string }[]>`
							insert into meeting_action_items (record_id, position, text_en, text_zh, owner_id, due_date)
							values (${id}, ${position}, ${item.en}, ${item.zh}, ${item.ownerId}, ${item.dueDate})
							returning id::text as id
						`
						assigned.push({ itemId: inserted!.id, ownerId: item.ownerId, en: item.en, zh: item.zh, dueDate: item.dueDate })
					}
				}
			}

			await tx`
				update meeting_records set
					status = ${next.status},
					updated_at = ${now}
					${next.reopensReview ? tx`, review_requested_at = ${now}, review_requested_by = ${actor.id}, approved_at = null` : tx``}
				where id = ${id}
			`
			await appendRevision(tx, {
				tables: RECORD_TABLES,
				id,
				version,
				action: isNew ? 'create' : 'update',
				changedFields: changed,
				authorId: actor.id,
				createdAt: now,
			})
			if (next.reopensReview) {
				await tx`
					insert into meeting_record_events (record_id, record_version, event, actor_id, created_at)
					values (${id}, ${version}, 'review_reopened', ${actor.id}, ${now})
				`
			}
			await syncMeetingSearch(tx, meetingId)
			return { kind: 'saved', id, version, status: next.status, reopenedReview: next.reopensReview, assigned } as const
		})
	} catch (error) {
		if (error instanceof Invalid) return { kind: 'invalid', fieldErrors: error.fieldErrors }
		if (error instanceof Cancelled) return { kind: 'cancelled' }
		if (error instanceof VersionConflict && recordId !== null) {
			return { kind: 'conflict', current: await describeConflict({ tables: RECORD_TABLES, id: recordId, sinceVersion: expectedVersion ?? 0 }) }
		}
		throw error
	}
}

/** Every owner must be an active member of the group (any group role): only they can read the record. */
async function checkOwners(tx: Queryable, { groupId, items }: { groupId: string; items: RecordInput['actionItems'] }) {
	const ids = [...new Set(items.map((item) => item.ownerId))]
	if (ids.length === 0) return
	const members = await tx<{ id: string }[]>`
		select u.id from users u join group_memberships m on m.user_id = u.id and m.group_id = ${groupId}
		where u.id in ${tx(ids)} and u.deactivated_at is null
	`
	const allowed = new Set(members.map((member) => member.id))
	const errors: Record<string, string[]> = {}
	items.forEach((item, index) => {
		if (!allowed.has(item.ownerId)) errors[`actionItems[${item.formIndex ?? index}].ownerId`] = ['records:errors.owner-not-member']
	})
	if (Object.keys(errors).length > 0) throw new Invalid(errors)
}
