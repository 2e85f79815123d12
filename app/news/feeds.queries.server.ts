/**
 * News as feeds and the sitemap see it. A feed is in one language, so it
 * lists only posts written (or translated) in that language; the sitemap
 * lists every public language version with its alternates. What counts as
 * public is `publicPostCondition`, and nothing else.
 */
import { sql } from '#db/client.server.ts'
import type { Lang } from '#app/i18n/config.ts'
import { publicPostCondition } from './articles.queries.server.ts'

export interface FeedEntry {
	/** The post's id: with `lang`, a stable identity that survives slug edits. */
	postId: string
	lang: Lang
	slug: string
	title: string
	summary: string
	bodyMarkdown: string
	publishedAt: Date
	/** The last change readers could notice: never earlier than publication. */
	updatedAt: Date
	/** Null when the author's account is gone or none was recorded. */
	authorName: string | null
	/** Labels in `lang`; a tag not yet translated is left out, never shown in the other language. */
	tags: string[]
}

export async function listFeedEntries({
	lang,
	now,
	limit,
}: {
	lang: Lang
	/** The request's clock: a scheduled post is in the feed once its time has come. */
	now: Date
	limit: number
}): Promise<FeedEntry[]> {
	return sql<FeedEntry[]>`
		select
			p.id::text as post_id,
			t.lang,
			t.slug,
			t.title,
			t.summary,
			t.body_markdown,
			p.published_at,
			-- A post scheduled weeks ahead was last edited before it went out;
			-- readers first saw it at publication.
			greatest(p.published_at, p.updated_at, t.updated_at) as updated_at,
			u.name as author_name,
			array(
				select tt.label
				from news_post_tags pt
				join tag_translations tt on tt.tag_id = pt.tag_id and tt.lang = t.lang
				where pt.post_id = p.id
				order by tt.label
			) as tags
		from news_posts p
		join news_post_translations t on t.post_id = p.id and t.lang = ${lang}
		left join users u on u.id = p.author_id
		where ${publicPostCondition(now)}
		order by p.published_at desc, p.id desc
		limit ${limit}
	`
}

export interface SitemapVersion {
	lang: Lang
	slug: string
	updatedAt: Date
}

export interface SitemapPost {
	postId: string
	/** The language versions that exist, in `LANGS` order (`en` before `zh`). */
	versions: SitemapVersion[]
}

/**
 * One sitemap holds at most 50,000 URLs; two versions per post and the
 * static pages stay under it. Beyond that the sitemap needs an index file.
 */
export const SITEMAP_POST_LIMIT = 24_000

export async function listSitemapEntries({
	now,
	limit = SITEMAP_POST_LIMIT,
}: {
	now: Date
	limit?: number
}): Promise<SitemapPost[]> {
	const rows = await sql<(SitemapVersion & { postId: string })[]>`
		select p.id::text as post_id, t.lang, t.slug, greatest(p.published_at, p.updated_at, t.updated_at) as updated_at
		from (
			select p.id, p.published_at, p.updated_at
			from news_posts p
			where ${publicPostCondition(now)}
			order by p.published_at desc, p.id desc
			limit ${limit}
		) p
		join news_post_translations t on t.post_id = p.id
		order by p.published_at desc, p.id desc, t.lang
	`
	const posts: SitemapPost[] = []
	for (const { postId, ...version } of rows) {
		const last = posts.at(-1)
		if (last?.postId === postId) last.versions.push(version)
		else posts.push({ postId, versions: [version] })
	}
	return posts
}
