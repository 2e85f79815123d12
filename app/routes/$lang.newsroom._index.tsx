/**
 * Every post the user may work on, most recently changed first: editors see
 * the whole newsroom, researchers their own posts. Filter by workflow step,
 * including "awaiting review"; translation problems are flagged per row.
 */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { newsroomPathsWithoutLang } from '#app/news/links.ts'
import { loadNewsroomList } from '#app/news/newsroom-list.server.ts'
import { StatusBadge } from '#app/news/status-badge.tsx'
import { routeMeta } from '#app/seo/meta.ts'
import { Pager } from '#app/ui/pager.tsx'
import { Link } from '#app/ui/link.tsx'

export const handle = { i18n: ['newsroom'] }

export const loader = (args: LoaderFunctionArgs) => loadNewsroomList(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: newsroomPathsWithoutLang.list, noindex: true })

export default function NewsroomIndex() {
	const { filter, filters, newPostPath, posts, olderHref, ownOnly } = useLoaderData<typeof loader>()
	const { t } = useTranslation('newsroom')
	return (
		<div>
			<div className="flex flex-wrap items-end justify-between gap-4">
				<div>
					<h1 className="text-2xl font-bold tracking-tight text-navy-900">{t('list.title')}</h1>
					<p className="mt-1 text-slate-600">{ownOnly ? t('list.own-intro') : t('list.intro')}</p>
				</div>
				<Link to={newPostPath} className="rounded-md bg-navy-900 px-4 py-2 font-medium text-white hover:bg-navy-700">
					{t('nav.new')}
				</Link>
			</div>

			<nav aria-label={t('list.filter-label')} className="mt-6">
				<ul className="flex flex-wrap gap-2">
					{filters.map(({ value, href }) => (
						<li key={value}>
							<Link
								to={href}
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
								<Link to={post.href} className="font-semibold text-navy-900 underline-offset-2 hover:underline">
									{post.title}
								</Link>
								<p className="mt-1 text-sm text-slate-600">
									{t('list.updated', { time: post.updatedAt })}
									{post.authorName ? ` · ${t('list.by', { name: post.authorName })}` : ''}
								</p>
							</div>
							<div className="flex flex-wrap items-center gap-2 text-sm">
								{post.languages.map(({ lang: l, present, outdated }) => (
									<span
										key={l}
										className={`rounded px-2 py-0.5 ${
											!present ? 'bg-slate-100 text-slate-600 line-through' : outdated ? 'bg-amber-100 text-amber-900' : 'bg-slate-100 text-slate-700'
										}`}
										title={
											!present
												? t('list.language-missing', { language: t(`editor.version.${l}`) })
												: outdated
													? t('list.language-outdated', { language: t(`editor.version.${l}`) })
													: undefined
										}
									>
										{t(`list.language-code.${l}`)}
										{outdated ? ` · ${t('list.outdated')}` : ''}
									</span>
								))}
								<StatusBadge status={post.status} live={post.live} inReview={post.inReview} publishedAt={post.publishedAt} />
							</div>
						</li>
					))}
				</ul>
			)}
			<Pager label={t('list.pagination')} newer={null} older={olderHref ? { href: olderHref, text: t('list.older') } : null} />
		</div>
	)
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
