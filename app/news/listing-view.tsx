/**
 * The public news listing as readers see it: filters (topics, groups), the
 * active ones with a way to clear them, the posts (with an honest note when a
 * post is not in the page's language) and newer/older links.
 */
import { useTranslation } from 'react-i18next'
import { HTML_LANG } from '#app/i18n/config.ts'
import type { PageData } from '#app/ui/page-data.ts'
import type { loadListingPage } from './listing-page.server.ts'
import { FeedIcon } from '#app/ui/site-footer.tsx'
import { Pager } from '#app/ui/pager.tsx'
import { TagLinks } from './tag-links.tsx'
import { Link } from '#app/ui/link.tsx'

const chipClass =
	'inline-flex max-w-full shrink-0 items-center gap-1 whitespace-nowrap rounded-full sm:whitespace-normal border px-3 py-1 text-sm aria-[current=true]:border-navy-900 aria-[current=true]:bg-navy-900 aria-[current=true]:text-white'

export function ListingPage({ page: data }: { page: PageData<typeof loadListingPage> }) {
	const { t } = useTranslation(['news', 'common'])
	const { lang, items, filters } = data
	const filtered = Boolean(filters.tag || filters.group)
	return (
		<div className="mx-auto max-w-6xl px-4 pb-4 pt-10 sm:px-6 sm:pt-14">
			<header className="max-w-3xl">
				<h1 className="text-balance text-3xl font-bold tracking-tight text-navy-900 sm:text-4xl">{data.heading}</h1>
				<p className="mt-3 text-lg text-slate-700">{t('news:list.lead')}</p>
				{filters.group?.groupHref ? (
					// The group filter leads to the group's own page (charter, members, meetings).
					<p className="mt-2">
						<Link to={filters.group.groupHref} className="font-medium text-navy-700 underline underline-offset-2 hover:text-navy-900" data-testid="group-page-link">
							{filters.group.label} →
						</Link>
					</p>
				) : null}
				<p className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600" data-testid="news-subscribe">
					<span>{t('news:list.subscribe')}</span>
					<a href={data.feeds.rss} type="application/rss+xml" className="inline-flex items-center gap-1 font-medium text-navy-700 underline underline-offset-2 hover:text-navy-900">
						<FeedIcon />
						{t('news:feed.rss-link')}
					</a>
					<a href={data.feeds.atom} type="application/atom+xml" className="inline-flex items-center gap-1 font-medium text-navy-700 underline underline-offset-2 hover:text-navy-900">
						<FeedIcon />
						{t('news:feed.atom-link')}
					</a>
				</p>
			</header>

			{/* Keyboard users reach the posts without walking through every filter chip. */}
			<a
				href="#news-results"
				className="sr-only focus:not-sr-only focus:mt-4 focus:inline-block focus:rounded focus:bg-gold-400 focus:px-4 focus:py-2 focus:text-navy-900"
				data-testid="skip-filters"
			>
				{t('news:list.skip-filters')}
			</a>
			{/* Titles, tags and group names of any length (a word longer than the column) wrap instead of widening the page. */}
			<div className="mt-8 [overflow-wrap:anywhere] lg:grid lg:grid-cols-[minmax(0,1fr)_18rem] lg:gap-12">
				<nav aria-label={t('news:list.filters')} className="min-w-0 lg:col-start-2 lg:row-start-1" data-testid="news-filters">
					<FilterGroup heading={t('news:list.topics')} chips={data.tagChips} testId="tag-filters" />
					<FilterGroup heading={t('news:list.groups')} chips={data.groupChips} testId="group-filters" />
				</nav>

				<div id="news-results" tabIndex={-1} className="min-w-0 scroll-mt-4 focus:outline-none lg:col-start-1 lg:row-start-1">
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

					<Pager
						label={t('news:list.pagination')}
						newer={data.newerHref ? { href: data.newerHref, text: t('news:list.newer') } : null}
						older={data.olderHref ? { href: data.olderHref, text: t('news:list.older') } : null}
					/>
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
					<li key={chip.slug} className="shrink-0 sm:max-w-full">
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
