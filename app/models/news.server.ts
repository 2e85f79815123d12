/**
 * News posts as the public sees them. A post missing the reader's language
 * is shown in the other one, flagged so the page can say so honestly.
 */
import { sql } from '#db/client.server.ts'
import type { Lang } from '#app/i18n/config.ts'

export interface NewsTeaser {
	id: string
	/** The language the title and summary are written in. */
	contentLang: Lang
	slug: string
	title: string
	summary: string
	publishedAt: Date
}

/**
 * The one rule for what the public sees: published posts, and scheduled ones
 * whose time has come by `now` (the request's clock). No job flips a
 * scheduled post; this comparison is what makes it appear. Used as a
 * fragment inside every public query, with the post aliased `p`.
 */
export function publicPostCondition(now: Date) {
	return sql`p.status in ('published', 'scheduled') and p.published_at <= ${now}`
}

export async function listLatestNews({
	lang,
	limit,
	now = new Date(),
}: {
	lang: Lang
	limit: number
	/** Injectable clock: what counts as published depends on it. */
	now?: Date
}): Promise<NewsTeaser[]> {
	return sql<NewsTeaser[]>`
		select p.id::text as id, t.lang as content_lang, t.slug, t.title, t.summary, p.published_at
		from news_posts p
		cross join lateral (
			select lang, slug, title, summary
			from news_post_translations
			where post_id = p.id
			order by (lang = ${lang}) desc
			limit 1
		) t
		where ${publicPostCondition(now)}
		order by p.published_at desc, p.id desc
		limit ${limit}
	`
}
