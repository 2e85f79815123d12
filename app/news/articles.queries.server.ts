/**
 * News posts as the public sees them. A post missing the reader's language
 * is shown in the other one, flagged so the page can say so honestly; a
 * translation whose original changed after it was made is flagged outdated.
 *
 * What the public may see is decided in one place, `publicPostCondition`.
 */
import { sql } from '#db/client.server.ts'
import type { Actor } from '#app/auth/permissions.ts'
import { readableGroupCondition } from '#app/groups/public.server.ts'
import { exactCursorTime, type KeysetCursor } from '#app/http/keyset.queries.server.ts'
import { LANGS, otherLang, type Lang } from '#app/i18n/config.ts'
import { isOutdated } from '#app/documents/translation-status.ts'
import { mediaUrl } from '#app/media/public.ts'

/**
 * The one rule for what the public sees: published posts, and scheduled ones
 * whose time has come by `now` (the request's clock). No job flips a
 * scheduled post; this comparison is what makes it appear. Used as a
 * fragment inside every public query, with the post aliased `p` (or `alias`).
 */
export function publicPostCondition(now: Date, alias = 'p') {
	const post = sql(alias)
	return sql`${post}.status in ('published', 'scheduled') and ${post}.published_at <= ${now}`
}

export interface NewsTeaser {
	id: string
	/** The language the title and summary are written in. */
	contentLang: Lang
	slug: string
	title: string
	summary: string
	publishedAt: Date
}

export interface TagLabel {
	slug: string
	label: string
}

export interface NewsCover {
	url: string
	width: number
	height: number
	/** In `contentLang`, like the title. */
	alt: string
}

export interface NewsListItem extends NewsTeaser {
	tags: TagLabel[]
	group: { slug: string; name: string } | null
	cover: NewsCover | null
}

export const NEWS_PAGE_SIZE = 9

/** The version a reader of `lang` is shown: theirs, else the other language. */
function readerVersion(lang: Lang) {
	return sql`
		cross join lateral (
			select lang, slug, title, summary, cover_alt
			from news_post_translations
			where post_id = p.id
			order by (lang = ${lang}) desc
			limit 1
		) t
	`
}

function tagLabels(lang: Lang) {
	return sql`
		coalesce((
			select json_agg(json_build_object('slug', tg.slug, 'label', tl.label) order by tl.label)
			from news_post_tags pt
			join tags tg on tg.id = pt.tag_id
			cross join lateral (
				select label from tag_translations
				where tag_id = tg.id
				order by (lang = ${lang}) desc
				limit 1
			) tl
			where pt.post_id = p.id
		), '[]'::json)
	`
}

export async function listLatestNews({
	lang,
	limit,
	now,
}: {
	lang: Lang
	limit: number
	/** Injectable clock: what counts as published depends on it. */
	now: Date
}): Promise<NewsTeaser[]> {
	return sql<NewsTeaser[]>`
		select p.id::text as id, t.lang as content_lang, t.slug, t.title, t.summary, p.published_at
		from news_posts p
		${readerVersion(lang)}
		where ${publicPostCondition(now)}
		order by p.published_at desc, p.id desc
		limit ${limit}
	`
}

/**
 * A post's working group, joined only when the reader may see it: a
 * private group's name never reaches someone outside it (the post itself
 * is public; its group is not).
 */
function readableGroupJoin(lang: Lang, actor: Actor) {
	return sql`
		left join working_groups g on g.id = p.working_group_id and ${readableGroupCondition(actor)}
		left join working_group_translations gt on gt.group_id = g.id and gt.lang = ${lang}
	`
}

/** The working-group and cover columns both public queries select. */
interface GroupAndCoverColumns {
	groupSlug: string | null
	groupName: string | null
	coverKey: string | null
	coverWidth: number | null
	coverHeight: number | null
}

function toGroup({ groupSlug, groupName }: GroupAndCoverColumns): NewsListItem['group'] {
	return groupSlug ? { slug: groupSlug, name: groupName ?? groupSlug } : null
}

/** The cover with its alt text in the language of the version shown. */
function toCover({ coverKey, coverWidth, coverHeight }: GroupAndCoverColumns, alt: string): NewsCover | null {
	return coverKey && coverWidth && coverHeight ? { url: mediaUrl(coverKey), width: coverWidth, height: coverHeight, alt } : null
}

interface ListRow extends NewsTeaser, GroupAndCoverColumns {
	tags: TagLabel[]
	coverAlt: string
}

function toListItem(row: ListRow): NewsListItem {
	const { groupSlug: _gs, groupName: _gn, coverKey: _ck, coverWidth: _cw, coverHeight: _ch, coverAlt, ...rest } = row
	return { ...rest, group: toGroup(row), cover: toCover(row, coverAlt) }
}

/**
 * One page of the public listing, newest first. `before` pages to older
 * posts, `after` back to newer ones; both are keyset conditions on the
 * partial index `news_posts_public_idx`.
 */
export async function listPublicNews({
	lang,
	now,
	tag = null,
	group = null,
	before = null,
	after = null,
	limit = NEWS_PAGE_SIZE,
	actor = null,
}: {
	lang: Lang
	now: Date
	/** Who reads: a post's group shows, and filters, only when they may see it. */
	actor?: Actor
	tag?: string | null
	group?: string | null
	before?: KeysetCursor | null
	after?: KeysetCursor | null
	limit?: number
}): Promise<{ items: NewsListItem[]; newer: KeysetCursor | null; older: KeysetCursor | null }> {
	const backwards = Boolean(after && !before)
	const rows = await sql<ListRow[]>`
		select
			p.id::text as id, p.published_at, t.lang as content_lang, t.slug, t.title, t.summary,
			${tagLabels(lang)} as tags,
			g.slug as group_slug, gt.name as group_name,
			m.storage_key as cover_key, m.width as cover_width, m.height as cover_height, t.cover_alt
		from news_posts p
		${readerVersion(lang)}
		${readableGroupJoin(lang, actor)}
		left join media m on m.id = p.cover_media_id
		where ${publicPostCondition(now)}
			${tag ? sql`and exists (
				select 1 from news_post_tags pt join tags tg on tg.id = pt.tag_id
				where pt.post_id = p.id and tg.slug = ${tag}
			)` : sql``}
			${group ? sql`and g.slug = ${group}` : sql``}
			${before ? sql`and (p.published_at, p.id) < (${exactCursorTime(before, 'news_posts', 'published_at')}, ${before.id}::bigint)` : sql``}
			${backwards && after ? sql`and (p.published_at, p.id) > (${exactCursorTime(after, 'news_posts', 'published_at')}, ${after.id}::bigint)` : sql``}
		order by ${backwards ? sql`p.published_at asc, p.id asc` : sql`p.published_at desc, p.id desc`}
		limit ${limit + 1}
	`
	const hasMore = rows.length > limit
	const page = rows.slice(0, limit).map(toListItem)
	if (backwards) page.reverse()
	const first = page[0]
	const last = page.at(-1)
	const cursorOf = (item: NewsListItem): KeysetCursor => ({ at: item.publishedAt, id: item.id })
	// Going forward, newer pages exist when we started from a cursor; going
	// back, older pages exist because we came from one.
	const hasNewer = backwards ? hasMore : Boolean(before)
	const hasOlder = backwards ? true : hasMore
	return {
		items: page,
		newer: hasNewer && first ? cursorOf(first) : null,
		older: hasOlder && last ? cursorOf(last) : null,
	}
}

/** A language version's text: what the newsroom stores and readers read. */
export interface VersionText {
	slug: string
	title: string
	summary: string
	bodyMarkdown: string
	seoDescription: string
	coverAlt: string
}

export interface ArticleVersion extends VersionText {
	lang: Lang
	updatedAt: Date
}

export interface PublicArticle {
	id: string
	publishedAt: Date
	updatedAt: Date
	/** The version shown: the reader's language, or the other one when it is missing. */
	content: ArticleVersion
	/** The reader's language has no version: the page says so. */
	missingTranslation: boolean
	/** The reader's version was translated from an original that has changed since. */
	outdatedTranslation: boolean
	/** Slug of each existing version, for hreflang and the language switcher. */
	slugs: Partial<Record<Lang, string>>
	/** The other language's version, for "read the original" links. */
	other: { lang: Lang; slug: string; title: string } | null
	tags: TagLabel[]
	group: { slug: string; name: string } | null
	cover: NewsCover | null
	authorName: string | null
}

export type ArticleLookup =
	| { kind: 'found'; article: PublicArticle }
	/** The post has a version in the reader's language under another slug. */
	| { kind: 'redirect'; slug: string }
	| { kind: 'not-found' }

interface VersionRow extends ArticleVersion {
	revision: number
	translatedFromRevision: number | null
}

/**
 * The public article a reader of `lang` asked for by slug. A slug of either
 * language finds the post, so a shared link keeps working after the reader
 * switches language: it redirects to the reader's version when one exists.
 */
export async function getPublicArticle({
	lang,
	slug,
	now,
	actor = null,
}: {
	lang: Lang
	slug: string
	now: Date
	/** Who reads: the post's group shows only when they may see it. */
	actor?: Actor
}): Promise<ArticleLookup> {
	const [post] = await sql<
		({ id: string; publishedAt: Date; updatedAt: Date; tags: TagLabel[]; authorName: string | null } & GroupAndCoverColumns)[]
	>`
		select p.id::text as id, p.published_at, p.updated_at, ${tagLabels(lang)} as tags,
			g.slug as group_slug, gt.name as group_name,
			m.storage_key as cover_key, m.width as cover_width, m.height as cover_height,
			u.name as author_name
		from news_post_translations s
		join news_posts p on p.id = s.post_id
		${readableGroupJoin(lang, actor)}
		left join media m on m.id = p.cover_media_id
		left join users u on u.id = p.author_id
		where s.slug = ${slug} and ${publicPostCondition(now)}
		order by (s.lang = ${lang}) desc
		limit 1
	`
	if (!post) return { kind: 'not-found' }

	const versionRows = await sql<VersionRow[]>`
		select lang, slug, title, summary, body_markdown, seo_description, cover_alt, updated_at,
			revision, translated_from_revision
		from news_post_translations
		where post_id = ${post.id}
	`
	const versions = Object.fromEntries(versionRows.map((v) => [v.lang, v])) as Partial<Record<Lang, VersionRow>>
	const own = versions[lang]
	if (own && own.slug !== slug) return { kind: 'redirect', slug: own.slug }
	const otherVersion = versions[otherLang(lang)]
	const shown = own ?? otherVersion
	if (!shown) return { kind: 'not-found' }

	const { revision: _r, translatedFromRevision: _t, ...content } = shown
	const slugs: Partial<Record<Lang, string>> = {}
	for (const l of LANGS) if (versions[l]) slugs[l] = versions[l].slug
	return {
		kind: 'found',
		article: {
			id: post.id,
			publishedAt: post.publishedAt,
			updatedAt: [post.updatedAt, ...versionRows.map((v) => v.updatedAt)].reduce((a, b) => (a > b ? a : b)),
			content,
			missingTranslation: !own,
			outdatedTranslation: isOutdated(own, otherVersion),
			slugs,
			other: otherVersion ? { lang: otherVersion.lang, slug: otherVersion.slug, title: otherVersion.title } : null,
			tags: post.tags,
			group: toGroup(post),
			cover: toCover(post, content.coverAlt),
			authorName: post.authorName,
		},
	}
}

/**
 * Other public posts worth reading next: those sharing the most tags, then
 * the same working group, then the newest. Only three small candidate sets
 * are ranked (the posts sharing a tag, the group's newest, the newest), never
 * every public post: whatever the full ranking would put first is in one of
 * them.
 */
export async function listRelatedNews({
	postId,
	lang,
	now,
	limit = 3,
}: {
	postId: string
	lang: Lang
	now: Date
	limit?: number
}): Promise<NewsTeaser[]> {
	return sql<NewsTeaser[]>`
		with target as (select working_group_id from news_posts where id = ${postId}),
		shared as (
			select b.post_id, count(*)::int as shared
			from news_post_tags a join news_post_tags b on b.tag_id = a.tag_id and b.post_id <> a.post_id
			where a.post_id = ${postId}
			group by b.post_id
		),
		ranked as (
			select p.id, coalesce(s.shared, 0) as shared,
				(p.working_group_id is not null and p.working_group_id = (select working_group_id from target)) as same_group,
				p.published_at
			from news_posts p left join shared s on s.post_id = p.id
			where p.id in (
				(select s2.post_id from shared s2 join news_posts p2 on p2.id = s2.post_id
					where ${publicPostCondition(now, 'p2')}
					order by s2.shared desc,
						(p2.working_group_id is not null and p2.working_group_id = (select working_group_id from target)) desc,
						p2.published_at desc, p2.id desc
					limit ${limit})
				union
				(select p3.id from news_posts p3
					where p3.working_group_id = (select working_group_id from target) and ${publicPostCondition(now, 'p3')} and p3.id <> ${postId}
					order by p3.published_at desc, p3.id desc
					limit ${limit})
				union
				(select p4.id from news_posts p4
					where ${publicPostCondition(now, 'p4')} and p4.id <> ${postId}
					order by p4.published_at desc, p4.id desc
					limit ${limit})
			)
		)
		select p.id::text as id, t.lang as content_lang, t.slug, t.title, t.summary, p.published_at
		from ranked r
		join news_posts p on p.id = r.id
		${readerVersion(lang)}
		order by r.shared desc, r.same_group desc, p.published_at desc, p.id desc
		limit ${limit}
	`
}

export interface TagWithCount extends TagLabel {
	count: number
}

/** Tags that label at least one public post, for the listing's filter. */
export async function listPublicTags({ lang, now }: { lang: Lang; now: Date }): Promise<TagWithCount[]> {
	return sql<TagWithCount[]>`
		select tg.slug, tl.label, count(*)::int as count
		from tags tg
		join news_post_tags pt on pt.tag_id = tg.id
		join news_posts p on p.id = pt.post_id
		cross join lateral (
			select label from tag_translations where tag_id = tg.id order by (lang = ${lang}) desc limit 1
		) tl
		where ${publicPostCondition(now)}
		group by tg.slug, tl.label
		order by tl.label
	`
}
