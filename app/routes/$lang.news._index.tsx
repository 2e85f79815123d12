/**
 * The public news listing: newest first, filtered by topic (`?tag=`) and
 * working group (`?group=`), paged by keyset cursors (`?before=` for older
 * posts, `?after=` for newer). Everything is a plain link rendered on the
 * server, so filtering and paging work without JavaScript.
 */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getUser } from '#app/auth/auth.server.ts'
import { DEFAULT_TIME_ZONE, HTML_LANG } from '#app/i18n/config.ts'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { encodeCursor, listPublicNews, listPublicTags, parseCursor } from '#app/news/articles.queries.server.ts'
import { listWorkingGroups } from '#app/groups/groups.queries.server.ts'
import { articlePath, listingPath, listingPathWithoutLang, type ListingQuery } from '#app/news/links.ts'
import { TagLinks } from '#app/news/tag-links.tsx'
import { SLUG_PATTERN } from '#app/news/schema.ts'
import { formatDate } from '#app/i18n/format.ts'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['news'] }

/** A filter value as the URL gives it: a slug, or nothing (anything else is ignored). */
function slugParam(value: string | null): string | null {
	return value && value.length <= 120 && SLUG_PATTERN.test(value) ? value : null
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const lang = requireLang(params)
	const url = new URL(request.url)
	const tag = slugParam(url.searchParams.get('tag'))
	const group = slugParam(url.searchParams.get('group'))
	// A malformed cursor is no cursor: the first page, never an error.
	const before = parseCursor(url.searchParams.get('before'))
	const after = before ? null : parseCursor(url.searchParams.get('after'))
	const now = context.now

	const [t, user, tags, groups, requested] = await Promise.all([
		getFixedT(lang, ['news', 'common']),
		getUser(request),
		listPublicTags({ lang, now }),
		listWorkingGroups({ lang }),
		listPublicNews({ lang, now, tag, group, before, after }),
	])
	// A cursor past either end (an old bookmark, an edited URL) shows the first page.
	const paged = Boolean(before || after) && requested.items.length > 0
	const page = paged || !(before || after) ? requested : await listPublicNews({ lang, now, tag, group })

	const timeZone = user?.timeZone ?? DEFAULT_TIME_ZONE[lang]
	const filters = { tag, group }
	const tagLabel = tag ? (tags.find((x) => x.slug === tag)?.label ?? tag) : null
	const groupName = group ? (groups.find((x) => x.slug === group)?.name ?? group) : null
	const pageTitle =
		tagLabel && groupName
			? t('news:list.title-tag-group', { label: tagLabel, name: groupName })
			: tagLabel
				? t('news:list.title-tag', { label: tagLabel })
				: groupName
					? t('news:list.title-group', { name: groupName })
					: t('news:list.title')
	const current: ListingQuery = {
		...filters,
		before: paged && before ? encodeCursor(before) : null,
		after: paged && after ? encodeCursor(after) : null,
	}

	return {
		lang,
		meta: { title: t('common:meta.title', { page: pageTitle }), description: t('news:list.description') },
		// Canonical: this page itself, reduced to the parameters that decide
		// what it shows (in a fixed order; tracking parameters and broken
		// cursors dropped). A topic or group listing is a page of its own
		// worth finding, and pointing later pages at the first would hide
		// their posts from search engines (Google's advice for paginated
		// lists is a self-referencing canonical). An empty page is noindex.
		seo: { path: listingPathWithoutLang(current), noindex: page.items.length === 0 },
		heading: pageTitle,
		filters: {
			tag: tag ? { label: tagLabel!, clearHref: listingPath(lang, { group }) } : null,
			group: group ? { label: groupName!, clearHref: listingPath(lang, { tag }) } : null,
		},
		clearHref: listingPath(lang),
		// Choosing a filter keeps the other one and starts from the newest post;
		// choosing the active one again removes it.
		tagChips: tags.map((x) => ({
			slug: x.slug,
			label: x.label,
			count: x.count,
			active: x.slug === tag,
			href: listingPath(lang, { group, tag: x.slug === tag ? null : x.slug }),
		})),
		groupChips: groups.map((g) => ({
			slug: g.slug,
			label: g.name,
			active: g.slug === group,
			href: listingPath(lang, { tag, group: g.slug === group ? null : g.slug }),
		})),
		items: page.items.map((item) => ({
			id: item.id,
			slug: item.slug,
			href: articlePath(lang, item.slug),
			title: item.title,
			summary: item.summary,
			contentLang: item.contentLang,
			// Formatted here, in the reader's time zone: see app/utils/format.ts.
			date: formatDate(lang, item.publishedAt, { timeZone }),
			dateTime: item.publishedAt.toISOString(),
			tags: item.tags.map((x) => ({ ...x, href: listingPath(lang, { tag: x.slug }) })),
			group: item.group ? { name: item.group.name, href: listingPath(lang, { group: item.group.slug }) } : null,
			cover: item.cover,
		})),
		newerHref: page.newer ? listingPath(lang, { ...filters, after: encodeCursor(page.newer) }) : null,
		olderHref: page.older ? listingPath(lang, { ...filters, before: encodeCursor(page.older) }) : null,
	}
}

const chipClass =
	'inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded-full border px-3 py-1 text-sm aria-[current=true]:border-navy-900 aria-[current=true]:bg-navy-900 aria-[current=true]:text-white'

export default function NewsIndex() {
	const data = useLoaderData<typeof loader>()
	const { t } = useTranslation(['news', 'common'])
	const { lang, items, filters } = data
	const filtered = Boolean(filters.tag || filters.group)
	return (
		<div className="mx-auto max-w-6xl px-4 pb-4 pt-10 sm:px-6 sm:pt-14">
			<header className="max-w-3xl">
				<h1 className="text-balance text-3xl font-bold tracking-tight text-navy-900 sm:text-4xl">{data.heading}</h1>
				<p className="mt-3 text-lg text-slate-700">{t('news:list.lead')}</p>
			</header>

			<div className="mt-8 lg:grid lg:grid-cols-[minmax(0,1fr)_18rem] lg:gap-12">
				<nav aria-label={t('news:list.filters')} className="min-w-0 lg:col-start-2 lg:row-start-1" data-testid="news-filters">
					<FilterGroup heading={t('news:list.topics')} chips={data.tagChips} testId="tag-filters" />
					<FilterGroup heading={t('news:list.groups')} chips={data.groupChips} testId="group-filters" />
				</nav>

				<div className="min-w-0 lg:col-start-1 lg:row-start-1">
					{filtered ? (
						<div className="mt-6 flex flex-wrap items-center gap-2 lg:mt-0" data-testid="active-filters">
							<span className="text-sm text-slate-600">{t('news:list.active')}</span>
							{filters.tag ? (
								<ActiveFilter label={t('news:list.active-tag', { label: filters.tag.label })} clearHref={filters.tag.clearHref} />
							) : null}
							{filters.group ? (
								<ActiveFilter label={t('news:list.active-group', { name: filters.group.label })} clearHref={filters.group.clearHref} />
							) : null}
							<Link to={data.clearHref} className="text-sm font-medium text-navy-700 underline underline-offset-2 hover:text-navy-900">
								{t('news:list.clear')}
							</Link>
						</div>
					) : null}

					{items.length === 0 ? (
						<p className="mt-8 rounded-lg bg-slate-50 px-4 py-6 text-slate-700" data-testid="news-empty">
							{filtered ? t('news:list.empty-filtered') : t('news:list.empty')}
						</p>
					) : (
						<ol className="mt-4 divide-y divide-slate-200" data-testid="news-list">
							{items.map((item) => {
								const foreign = item.contentLang !== lang
								return (
									<li key={item.id} className="py-6" data-testid="news-item" data-slug={item.slug}>
										<article className="flex flex-col gap-4 sm:flex-row sm:items-start sm:gap-6">
											<div className="min-w-0 flex-1">
												<p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-500">
													<time dateTime={item.dateTime}>{item.date}</time>
													{item.group ? (
														<Link to={item.group.href} className="font-medium text-leaf-600 hover:underline">
															{item.group.name}
														</Link>
													) : null}
												</p>
												<div lang={foreign ? HTML_LANG[item.contentLang] : undefined}>
													<h2 className="mt-1 text-xl font-semibold leading-snug text-navy-900">
														<Link to={item.href} className="hover:underline">
															{item.title}
														</Link>
													</h2>
													<p className="mt-2 text-slate-700">{item.summary}</p>
												</div>
												{foreign ? (
													<p className="mt-3 inline-block rounded bg-gold-300/30 px-2 py-0.5 text-sm text-slate-800" role="note">
														{t('news:list.not-translated')}
													</p>
												) : null}
												{item.tags.length > 0 ? (
													<TagLinks tags={item.tags} size="sm" className="mt-3" aria-label={t('news:list.item-tags')} />
												) : null}
											</div>
											{/* Above the text on a phone (a wide banner), beside it on wider screens. */}
											{item.cover ? (
												<img
													src={item.cover.url}
													alt={item.cover.alt}
													width={item.cover.width}
													height={item.cover.height}
													loading="lazy"
													decoding="async"
													lang={foreign ? HTML_LANG[item.contentLang] : undefined}
													className="order-first aspect-[2/1] h-auto w-full rounded-md bg-slate-100 object-cover sm:order-none sm:aspect-[3/2] sm:w-48"
												/>
											) : null}
										</article>
									</li>
								)
							})}
						</ol>
					)}

					{data.newerHref || data.olderHref ? (
						<nav aria-label={t('news:list.pagination')} className="mt-6 flex items-center justify-between gap-4 border-t border-slate-200 pt-6">
							{data.newerHref ? (
								<Link to={data.newerHref} rel="prev" className="rounded-md border border-navy-900 px-4 py-2 font-medium text-navy-900 hover:bg-navy-50">
									<span aria-hidden="true">← </span>
									{t('news:list.newer')}
								</Link>
							) : (
								<span />
							)}
							{data.olderHref ? (
								<Link to={data.olderHref} rel="next" className="rounded-md border border-navy-900 px-4 py-2 font-medium text-navy-900 hover:bg-navy-50">
									{t('news:list.older')}
									<span aria-hidden="true"> →</span>
								</Link>
							) : null}
						</nav>
					) : null}
				</div>
			</div>
		</div>
	)
}

function FilterGroup({
	heading,
	chips,
	testId,
}: {
	heading: string
	chips: { slug: string; label: string; active: boolean; href: string; count?: number }[]
	testId: string
}) {
	if (chips.length === 0) return null
	return (
		<section className="mb-5">
			<h2 className="text-sm font-semibold uppercase tracking-wider text-slate-500">{heading}</h2>
			{/* One scrolling row on a phone, so the news stays near the top; wrapped on wider screens. */}
			<ul className="-mx-4 mt-2 flex gap-2 overflow-x-auto px-4 pb-1 sm:mx-0 sm:flex-wrap sm:overflow-visible sm:px-0" data-testid={testId}>
				{chips.map((chip) => (
					<li key={chip.slug} className="shrink-0">
						<Link
							to={chip.href}
							aria-current={chip.active ? 'true' : undefined}
							className={`${chipClass} border-slate-300 text-slate-700 hover:border-navy-700 hover:text-navy-900`}
							data-slug={chip.slug}
						>
							{chip.label}
							{chip.count !== undefined ? <span className="text-xs opacity-70">{chip.count}</span> : null}
						</Link>
					</li>
				))}
			</ul>
		</section>
	)
}

function ActiveFilter({ label, clearHref }: { label: string; clearHref: string }) {
	const { t } = useTranslation('news')
	return (
		<span className="inline-flex items-center gap-1 rounded-full bg-navy-900 py-1 pl-3 pr-1 text-sm text-white">
			{label}
			<Link
				to={clearHref}
				aria-label={t('list.remove-filter', { label })}
				title={t('list.remove-filter', { label })}
				className="inline-flex size-6 items-center justify-center rounded-full hover:bg-white/20"
			>
				<span aria-hidden="true">×</span>
			</Link>
		</span>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error })

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
