/**
 * Every post the user may work on, most recently changed first: editors see
 * the whole newsroom, researchers their own posts. Filter by workflow step,
 * including "awaiting review"; translation problems are flagged per row.
 */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requirePermission } from '#app/auth/auth.server.ts'
import { can } from '#app/auth/permissions.ts'
import { StatusBadge } from '#app/news/status-badge.tsx'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { localizePath, requireLang } from '#app/i18n/lang.ts'
import { parseCursor, encodeCursor } from '#app/news/articles.queries.server.ts'
import { listNewsroomPosts } from '#app/news/newsroom.queries.server.ts'
import { NEWS_STATUSES, type NewsStatus } from '#app/news/schema.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['newsroom'] }

const FILTERS = ['all', 'review', ...NEWS_STATUSES] as const
type Filter = (typeof FILTERS)[number]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const lang = requireLang(params)
	const { user } = await requirePermission({ request, context }, 'news:write')
	const url = new URL(request.url)
	const filterParam = url.searchParams.get('status')
	const filter: Filter = (FILTERS as readonly string[]).includes(filterParam ?? '') ? (filterParam as Filter) : 'all'
	const cursor = parseCursor(url.searchParams.get('before'))
	const actor = { id: user.id, role: user.role }
	const [t, page] = await Promise.all([
		getFixedT(lang, ['newsroom', 'common']),
		listNewsroomPosts({
			actor,
			lang,
			ownOnly: !can(actor, 'news:publish'),
			status: filter === 'all' || filter === 'review' ? null : (filter as NewsStatus),
			inReview: filter === 'review',
			before: cursor ? { updatedAt: cursor.publishedAt, id: cursor.id } : null,
		}),
	])
	const time = (date: Date) => formatDateTime(lang, date, { timeZone: user.timeZone })
	return {
		lang,
		meta: { title: t('common:meta.title', { page: t('newsroom:list.title') }), description: t('newsroom:list.description') },
		filter,
		ownOnly: !can(actor, 'news:publish'),
		posts: page.items.map((post) => ({
			id: post.id,
			title: post.title,
			status: post.status,
			// A scheduled post whose time has come is public: say so.
			live: post.status === 'published' || (post.status === 'scheduled' && post.publishedAt !== null && post.publishedAt <= context.now),
			publishedAt: post.publishedAt ? time(post.publishedAt) : null,
			inReview: post.status === 'draft' && post.reviewRequestedAt !== null,
			updatedAt: time(post.updatedAt),
			authorName: post.authorName,
			languages: post.languages,
			outdated: post.outdatedLanguages,
		})),
		older: page.older ? encodeCursor({ publishedAt: page.older.updatedAt, id: page.older.id }) : null,
	}
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: '/newsroom', noindex: true })

export default function NewsroomIndex() {
	const { lang, filter, posts, older, ownOnly } = useLoaderData<typeof loader>()
	const { t } = useTranslation('newsroom')
	const filterHref = (value: Filter) => localizePath(lang, value === 'all' ? '/newsroom' : `/newsroom?status=${value}`)
	return (
		<div>
			<div className="flex flex-wrap items-end justify-between gap-4">
				<div>
					<h1 className="text-2xl font-bold tracking-tight text-navy-900">{t('list.title')}</h1>
					<p className="mt-1 text-slate-600">{ownOnly ? t('list.own-intro') : t('list.intro')}</p>
				</div>
				<Link to={localizePath(lang, '/newsroom/new')} className="rounded-md bg-navy-900 px-4 py-2 font-medium text-white hover:bg-navy-700">
					{t('nav.new')}
				</Link>
			</div>

			<nav aria-label={t('list.filter-label')} className="mt-6">
				<ul className="flex flex-wrap gap-2">
					{FILTERS.map((value) => (
						<li key={value}>
							<Link
								to={filterHref(value)}
								aria-current={value === filter ? 'page' : undefined}
								className="block rounded-full border border-slate-300 px-3 py-1 text-sm text-slate-700 hover:border-navy-600 aria-[current=page]:border-navy-900 aria-[current=page]:bg-navy-900 aria-[current=page]:text-white"
							>
								{t(`filters.${value}`)}
							</Link>
						</li>
					))}
				</ul>
			</nav>

			{posts.length === 0 ? (
				<p className="mt-8 rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-600">{t('list.empty')}</p>
			) : (
				<ul className="mt-6 divide-y divide-slate-200 rounded-lg border border-slate-200">
					{posts.map((post) => (
						<li key={post.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
							<div className="min-w-0">
								<Link to={localizePath(lang, `/newsroom/${post.id}`)} className="font-semibold text-navy-900 underline-offset-2 hover:underline">
									{post.title}
								</Link>
								<p className="mt-1 text-sm text-slate-600">
									{t('list.updated', { time: post.updatedAt })}
									{post.authorName ? ` · ${t('list.by', { name: post.authorName })}` : ''}
								</p>
							</div>
							<div className="flex flex-wrap items-center gap-2 text-sm">
								{(['en', 'zh'] as const).map((l) => (
									<span
										key={l}
										className={`rounded px-2 py-0.5 ${
											!post.languages.includes(l)
												? 'bg-slate-100 text-slate-400 line-through'
												: post.outdated.includes(l)
													? 'bg-amber-100 text-amber-900'
													: 'bg-slate-100 text-slate-700'
										}`}
										title={
											!post.languages.includes(l)
												? t('list.language-missing', { language: t(`editor.version.${l}`) })
												: post.outdated.includes(l)
													? t('list.language-outdated', { language: t(`editor.version.${l}`) })
													: undefined
										}
									>
										{t(`list.language-code.${l}`)}
										{post.outdated.includes(l) ? ` · ${t('list.outdated')}` : ''}
									</span>
								))}
								<StatusBadge status={post.status} live={post.live} inReview={post.inReview} publishedAt={post.publishedAt} />
							</div>
						</li>
					))}
				</ul>
			)}
			{older ? (
				<p className="mt-6">
					<Link
						to={`${filterHref(filter)}${filter === 'all' ? '?' : '&'}before=${encodeURIComponent(older)}`}
						className="font-medium text-navy-700 underline"
					>
						{t('list.older')}
					</Link>
				</p>
			) : null}
		</div>
	)
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
