/**
 * The newsroom's post list: every post the member may work on, most recently
 * changed first (editors see all, researchers their own), filtered by
 * workflow step or "awaiting review", paged by a keyset cursor.
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '#app/auth/auth.server.ts'
import { can } from '#app/auth/permissions.ts'
import { LANGS } from '#app/i18n/config.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { encodeCursor, parseCursor } from '#app/http/keyset.queries.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { newsroomPaths } from './links.ts'
import { listNewsroomPosts } from './newsroom.queries.server.ts'
import { NEWS_STATUSES, type NewsStatus } from './workflow.ts'

export const NEWSROOM_FILTERS = ['all', 'review', ...NEWS_STATUSES] as const
export type NewsroomFilter = (typeof NEWSROOM_FILTERS)[number]

export async function loadNewsroomList(args: Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>) {
	const lang = requireLang(args.params)
	const { user } = await requirePermission(args, 'news:write')
	const url = new URL(args.request.url)
	const filterParam = url.searchParams.get('status')
	const filter: NewsroomFilter = (NEWSROOM_FILTERS as readonly string[]).includes(filterParam ?? '') ? (filterParam as NewsroomFilter) : 'all'
	const before = parseCursor(url.searchParams.get('before'))
	const ownOnly = !can(user, 'news:publish')
	const [t, page] = await Promise.all([
		getFixedT(lang, 'newsroom'),
		listNewsroomPosts({
			actor: user,
			lang,
			ownOnly,
			status: filter === 'all' || filter === 'review' ? null : (filter as NewsStatus),
			inReview: filter === 'review',
			before,
			now: args.context.now,
		}),
	])
	const time = (date: Date) => formatDateTime(lang, date, { timeZone: user.timeZone })
	const filterHref = (value: NewsroomFilter) => newsroomPaths.list(lang, value === 'all' ? null : value)
	return {
		lang,
		meta: await pageMeta(lang, { page: t('list.title'), description: t('list.description') }),
		filter,
		filters: NEWSROOM_FILTERS.map((value) => ({ value, href: filterHref(value) })),
		newPostPath: newsroomPaths.newPost(lang),
		ownOnly,
		posts: page.items.map((post) => ({
			id: post.id,
			href: newsroomPaths.post(lang, post.id),
			title: post.title,
			status: post.status,
			live: post.live,
			publishedAt: post.publishedAt ? time(post.publishedAt) : null,
			inReview: post.status === 'draft' && post.reviewRequestedAt !== null,
			updatedAt: time(post.updatedAt),
			authorName: post.authorName,
			languages: LANGS.map((l) => ({ lang: l, present: post.languages.includes(l), outdated: post.outdatedLanguages.includes(l) })),
		})),
		olderHref: page.older
			? `${filterHref(filter)}${filter === 'all' ? '?' : '&'}before=${encodeURIComponent(encodeCursor(page.older))}`
			: null,
	}
}
