/**
 * Meetings and their records (minutes) in the search index (app/search/),
 * kept in the same transaction as every save that changes what readers may
 * find.
 *
 * - A meeting (title, place, agenda) is read by whoever may read its group
 *   (meetings.queries.server.ts): everyone for a public group, the members
 *   (and admins) for a private one. A cancelled meeting stays readable.
 * - A record (minutes, decisions) is read as record-page.server.ts shows it:
 *   the group's members read the current version; everyone else who may
 *   read the group reads the published version. So the published text of a
 *   public group's record is found by everyone (ref id: the meeting's id),
 *   and a newer version still in review only by the members (`<id>:working`);
 *   a record never published, or of a private group, only by the members.
 *   Named reviewers who are not members are not given it (the index has no
 *   audience for them): they find less than they may read, never more.
 */
import type { Queryable } from '#db/sql.server.ts'
import { markdownToPlainText } from '#app/content/markdown.server.ts'
import { LANGS, otherLang, type Lang } from '#app/i18n/config.ts'
import {
	groupAudience,
	indexDocument,
	removeFromIndex,
	type SearchAudience,
	type SearchDocumentInput,
	type SearchSource,
} from '#app/search/public.server.ts'
import { meetingPathsWithoutLang } from './links.ts'
import type { RecordSnapshot } from './record-hash.ts'
import { recordPathsWithoutLang } from './record-links.ts'
import { getCurrentSnapshot, getRecordByMeeting, getVersionSnapshot } from './records.queries.server.ts'

/** The ref id of a record version only members see, beside the published one everyone sees. */
const WORKING_SUFFIX = ':working'

interface MeetingRow {
	id: string
	groupId: string
	groupVisibility: string
	startsAt: Date
	place: string
	titles: Partial<Record<Lang, string>> | null
	agenda: { en: string; zh: string }[] | null
}

async function readMeetingRow(db: Queryable, meetingId: string): Promise<MeetingRow | null> {
	const [row] = await db<MeetingRow[]>`
		select m.id::text as id, m.group_id::text as group_id, g.visibility as group_visibility, m.starts_at, m.place,
			(select json_object_agg(t.lang, t.title) from meeting_translations t where t.meeting_id = m.id) as titles,
			(select json_agg(json_build_object('en', a.title_en, 'zh', a.title_zh) order by a.position)
				from agenda_items a where a.meeting_id = m.id) as agenda
		from meetings m
		join working_groups g on g.id = m.group_id
		where m.id = ${meetingId}
	`
	return row ?? null
}

/** The title in `lang`, else the other language's (a record or an agenda written in one language only). */
const titleIn = (titles: Partial<Record<Lang, string>>, lang: Lang) => titles[lang] || titles[otherLang(lang)] || ''

function meetingDocuments(row: MeetingRow): SearchDocumentInput[] {
	const titles = row.titles ?? {}
	const agenda = row.agenda ?? []
	return LANGS.filter((lang) => titles[lang]).map((lang) => ({
		kind: 'meeting',
		refId: row.id,
		lang,
		title: titles[lang]!,
		summary: row.place,
		body: agenda.map((item) => item[lang] || item[otherLang(lang)]).join('\n'),
		audience: groupAudience({ groupVisibility: row.groupVisibility, publicInGroup: true }),
		groupId: row.groupId,
		date: row.startsAt,
		urlParts: { path: meetingPathsWithoutLang.meeting(row.id) },
	}))
}

function recordDocuments(
	row: MeetingRow,
	{ refId, snapshot, audience }: { refId: string; snapshot: RecordSnapshot; audience: SearchAudience },
): SearchDocumentInput[] {
	const titles = row.titles ?? {}
	return LANGS.flatMap((lang) => {
		const minutes = snapshot.versions[lang]?.bodyMarkdown ?? ''
		const decisions = snapshot.decisions.map((decision) => decision[lang]).filter(Boolean)
		if (!minutes.trim() && decisions.length === 0) return []
		return [
			{
				kind: 'record' as const,
				refId,
				lang,
				title: titleIn(titles, lang),
				summary: decisions.join('\n'),
				body: markdownToPlainText(minutes),
				audience,
				groupId: row.groupId,
				date: row.startsAt,
				urlParts: { path: recordPathsWithoutLang.record(row.id) },
			},
		]
	})
}

async function documentsOf(db: Queryable, meetingId: string): Promise<SearchDocumentInput[]> {
	const row = await readMeetingRow(db, meetingId)
	if (!row) return []
	const documents = meetingDocuments(row)
	const record = await getRecordByMeeting({ meetingId }, db)
	if (!record) return documents
	const published =
		record.publishedVersion !== null && row.groupVisibility === 'public'
			? await getVersionSnapshot({ recordId: record.id, version: record.publishedVersion }, db)
			: null
	if (published) {
		documents.push(...recordDocuments(row, { refId: row.id, snapshot: published, audience: 'public' }))
		if (record.version > record.publishedVersion!) {
			const current = await getCurrentSnapshot({ recordId: record.id }, db)
			documents.push(...recordDocuments(row, { refId: `${row.id}${WORKING_SUFFIX}`, snapshot: current, audience: 'members' }))
		}
	} else {
		const current = await getCurrentSnapshot({ recordId: record.id }, db)
		documents.push(...recordDocuments(row, { refId: row.id, snapshot: current, audience: 'members' }))
	}
	return documents
}

/**
 * Brings the index in line with a meeting and its record as they now stand
 * (call inside the save's transaction: a meeting's save, a record's save or
 * review step).
 */
export async function syncMeetingSearch(tx: Queryable, meetingId: string): Promise<void> {
	await removeFromIndex(tx, { kind: 'meeting', refId: meetingId })
	await removeFromIndex(tx, { kind: 'record', refId: meetingId })
	await removeFromIndex(tx, { kind: 'record', refId: `${meetingId}${WORKING_SUFFIX}` })
	for (const doc of await documentsOf(tx, meetingId)) await indexDocument(tx, doc)
}

/** The same, for the record by its own id. */
export async function syncRecordSearch(tx: Queryable, recordId: string): Promise<void> {
	const [row] = await tx<{ meetingId: string }[]>`select meeting_id::text as meeting_id from meeting_records where id = ${recordId}`
	if (row) await syncMeetingSearch(tx, row.meetingId)
}

/** Every meeting of the group, with its record (the group's visibility changed). */
async function syncGroup(tx: Queryable, groupId: string): Promise<void> {
	const rows = await tx<{ id: string }[]>`select id::text as id from meetings where group_id = ${groupId} order by id`
	for (const row of rows) await syncMeetingSearch(tx, row.id)
}

/** A rebuild's source over the meetings' ids: the documents of `kind` those meetings give. */
function sourceOf(kind: 'meeting' | 'record', from: 'meetings' | 'meeting_records'): SearchSource {
	return {
		kind,
		async count(tx) {
			const [row] = await tx<{ count: number }[]>`select count(*)::int as count from ${tx(from)}`
			return row?.count ?? 0
		},
		async readBatch({ tx, cursor, limit }) {
			const after = cursor ?? '0'
			const ids =
				kind === 'meeting'
					? await tx<{ id: string }[]>`select id::text as id from meetings where id > ${after}::bigint order by id limit ${limit}`
					: await tx<{ id: string }[]>`
							select meeting_id::text as id from meeting_records where meeting_id > ${after}::bigint order by meeting_id limit ${limit}
						`
			const documents: SearchDocumentInput[] = []
			for (const { id } of ids) documents.push(...(await documentsOf(tx, id)).filter((doc) => doc.kind === kind))
			return { documents, nextCursor: ids.length === limit ? ids.at(-1)!.id : null }
		},
		// A meeting's sync covers its record: one source re-indexes both.
		...(kind === 'meeting' ? { syncGroup } : {}),
	}
}

/** Every meeting, for a rebuild (`npm run search:reindex`). */
export const meetingSearchSource = sourceOf('meeting', 'meetings')
/** Every meeting record, for a rebuild. */
export const recordSearchSource = sourceOf('record', 'meeting_records')
