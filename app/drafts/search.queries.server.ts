/**
 * Policy drafts in the search index (app/search/): each language version of
 * a draft's title and sections. Who finds it follows `draft:read`
 * (app/auth/permissions.ts): a published draft of a public group is found
 * by everyone; anything else (work in progress, or any draft of a private
 * group) only by the group's members (and admins). Named reviewers who are
 * not members are not given it (the index has no audience for them): they
 * find less than they may read, never more. Kept in the same transaction
 * as every save and status change.
 */
import type { Queryable } from '#db/sql.server.ts'
import { markdownToPlainText } from '#app/content/markdown.server.ts'
import { LANGS, otherLang, type Lang } from '#app/i18n/config.ts'
import {
	groupAudience,
	indexDocument,
	removeFromIndex,
	type SearchDocumentInput,
	type SearchSource,
} from '#app/search/public.server.ts'
import { draftPathsWithoutLang } from './links.ts'

interface DraftRow {
	id: string
	groupId: string
	groupVisibility: string
	status: string
	publishedAt: Date | null
	updatedAt: Date
	titleEn: string
	titleZh: string
	sections: { headingEn: string; bodyEn: string; hasEn: boolean; headingZh: string; bodyZh: string; hasZh: boolean }[] | null
}

function readRows(db: Queryable, where: ReturnType<Queryable>, limit: number) {
	return db<DraftRow[]>`
		select d.id::text as id, d.group_id::text as group_id, g.visibility as group_visibility, d.status,
			d.published_at, d.updated_at, d.title_en, d.title_zh,
			(select json_agg(json_build_object(
					'heading_en', s.heading_en, 'body_en', s.body_en, 'has_en', s.level_en is not null,
					'heading_zh', s.heading_zh, 'body_zh', s.body_zh, 'has_zh', s.level_zh is not null
				) order by s.position)
				from policy_draft_sections s where s.draft_id = d.id) as sections
		from policy_drafts d
		join working_groups g on g.id = d.group_id
		where ${where}
		order by d.id
		limit ${limit}
	`
}

function toDocuments(row: DraftRow): SearchDocumentInput[] {
	const titles: Record<Lang, string> = { en: row.titleEn, zh: row.titleZh }
	const sections = row.sections ?? []
	return LANGS.flatMap((lang) => {
		const text = sections
			.filter((s) => (lang === 'en' ? s.hasEn : s.hasZh))
			.map((s) => (lang === 'en' ? [s.headingEn, markdownToPlainText(s.bodyEn)] : [s.headingZh, markdownToPlainText(s.bodyZh)]).filter(Boolean).join('\n'))
		if (!titles[lang] && text.length === 0) return []
		return [
			{
				kind: 'draft' as const,
				refId: row.id,
				lang,
				title: titles[lang] || titles[otherLang(lang)],
				body: text.join('\n\n'),
				audience: groupAudience({ groupVisibility: row.groupVisibility, publicInGroup: row.status === 'published' }),
				groupId: row.groupId,
				date: row.publishedAt ?? row.updatedAt,
				urlParts: { path: draftPathsWithoutLang.draft(row.id) },
			},
		]
	})
}

/** Brings the index in line with the draft as it now stands (call inside the save's transaction). */
export async function syncDraftSearch(tx: Queryable, draftId: string): Promise<void> {
	await removeFromIndex(tx, { kind: 'draft', refId: draftId })
	const [row] = await readRows(tx, tx`d.id = ${draftId}`, 1)
	if (row) for (const doc of toDocuments(row)) await indexDocument(tx, doc)
}

/** Every draft, for a rebuild (`npm run search:reindex`). */
export const draftSearchSource: SearchSource = {
	kind: 'draft',
	async count(tx) {
		const [row] = await tx<{ count: number }[]>`select count(*)::int as count from policy_drafts`
		return row?.count ?? 0
	},
	async readBatch({ tx, cursor, limit }) {
		const rows = await readRows(tx, tx`d.id > ${cursor ?? '0'}::bigint`, limit)
		return { documents: rows.flatMap(toDocuments), nextCursor: rows.length === limit ? rows.at(-1)!.id : null }
	},
	async syncGroup(tx, groupId) {
		const rows = await readRows(tx, tx`d.group_id = ${groupId}`, 100_000)
		for (const row of rows) {
			await removeFromIndex(tx, { kind: 'draft', refId: row.id })
			for (const doc of toDocuments(row)) await indexDocument(tx, doc)
		}
	},
}
