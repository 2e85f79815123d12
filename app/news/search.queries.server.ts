/**
 * News in the search index (app/search/): every language version of a
 * published or scheduled post, visible to everyone from its publication time
 * (a scheduled post is found at its minute, like it appears); drafts and
 * archived posts are not in the index at all. Kept in the same transaction
 * as the save, so what readers can find changes exactly when the post does.
 */
import type { Queryable } from '#db/sql.server.ts'
import { markdownToPlainText } from '#app/content/markdown.server.ts'
import { LANGS, type Lang } from '#app/i18n/config.ts'
import { indexDocument, removeFromIndex, type SearchDocumentInput, type SearchSource } from '#app/search/public.server.ts'
import { articlePathWithoutLang } from './links.ts'

interface IndexRow {
	id: string
	publishedAt: Date
	lang: Lang
	slug: string
	title: string
	summary: string
	bodyMarkdown: string
	tags: string[]
}

/** Public posts' versions, with their tags' labels in every language (so either script finds them). */
function readRows(db: Queryable, where: ReturnType<Queryable>, limit: number) {
	return db<IndexRow[]>`
		select p.id::text as id, p.published_at, v.lang, v.slug, v.title, v.summary, v.body_markdown,
			coalesce((
				select array_agg(tt.label order by tt.label)
				from news_post_tags pt join tag_translations tt on tt.tag_id = pt.tag_id
				where pt.post_id = p.id
			), '{}') as tags
		from news_posts p
		join news_post_translations v on v.post_id = p.id
		where p.status in ('published', 'scheduled') and p.published_at is not null and ${where}
		order by p.id, v.lang
		limit ${limit}
	`
}

function toDocument(row: IndexRow): SearchDocumentInput {
	return {
		kind: 'news',
		refId: row.id,
		lang: row.lang,
		title: row.title,
		summary: [row.summary, ...row.tags].join('\n'),
		body: markdownToPlainText(row.bodyMarkdown),
		audience: 'public',
		visibleFrom: row.publishedAt,
		date: row.publishedAt,
		urlParts: { path: articlePathWithoutLang(row.slug) },
	}
}

/** Brings the index in line with a post as it now stands (call inside the save's transaction). */
export async function syncPostSearch(tx: Queryable, postId: string): Promise<void> {
	await removeFromIndex(tx, { kind: 'news', refId: postId })
	const rows = await readRows(tx, tx`p.id = ${postId}`, LANGS.length)
	for (const row of rows) await indexDocument(tx, toDocument(row))
}

/** Every public post's versions, for a rebuild (`npm run search:reindex`). */
export const newsSearchSource: SearchSource = {
	kind: 'news',
	async count(tx) {
		const [row] = await tx<{ count: number }[]>`
			select count(*)::int as count from news_post_translations v join news_posts p on p.id = v.post_id
			where p.status in ('published', 'scheduled') and p.published_at is not null
		`
		return row?.count ?? 0
	},
	async readBatch({ tx, cursor, limit }) {
		const [afterId, afterLang] = cursor ? (JSON.parse(cursor) as [string, Lang]) : ['0', '']
		const rows = await readRows(tx, tx`(p.id, v.lang) > (${afterId}::bigint, ${afterLang})`, limit)
		const last = rows.at(-1)
		return { documents: rows.map(toDocument), nextCursor: rows.length === limit && last ? JSON.stringify([last.id, last.lang]) : null }
	},
}
