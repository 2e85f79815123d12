/**
 * The home page as readers see it: the lab, its goals, the latest news, the
 * working groups and Table 1 as an accessible table.
 */
import { useTranslation } from 'react-i18next'
import { HTML_LANG } from '#app/i18n/config.ts'
import { articlePath, listingPath } from '#app/news/public.ts'
import type { PageData } from '#app/ui/page-data.ts'
import type { loadHomePage } from './home-page.server.ts'
import { Link } from '#app/ui/link.tsx'

export function HomePage({ page: { figures, news, groups, comparison, lang } }: { page: PageData<typeof loadHomePage> }) {
	const { t } = useTranslation(['home', 'common'])
	return (
		<>
			<section className="bg-gradient-to-b from-navy-50 to-white">
				<div className="mx-auto max-w-6xl px-4 pb-12 pt-12 sm:px-6 sm:pt-20">
					<p className="text-sm font-semibold uppercase tracking-wider text-leaf-600">{t('home:hero.eyebrow')}</p>
					<h1 className="mt-3 max-w-3xl text-balance text-3xl font-bold tracking-tight text-navy-900 sm:text-5xl sm:leading-tight">
						{t('home:hero.heading')}
					</h1>
					<p className="mt-5 max-w-2xl text-lg text-slate-700">{t('home:hero.lead')}</p>
					<div className="mt-8 flex flex-wrap gap-3">
						<Link to="#groups" className="rounded-md bg-navy-900 px-5 py-2.5 font-medium text-white hover:bg-navy-700">
							{t('home:hero.ctaGroups')}
						</Link>
						<Link
							to="#comparison"
							className="rounded-md border border-navy-900 px-5 py-2.5 font-medium text-navy-900 hover:bg-navy-50"
						>
							{t('home:hero.ctaComparison')}
						</Link>
					</div>
				</div>
			</section>

			<section aria-labelledby="figures-heading" className="mx-auto max-w-6xl px-4 sm:px-6">
				<h2 id="figures-heading" className="sr-only">
					{t('home:figures.heading')}
				</h2>
				<dl className="grid grid-cols-1 gap-4 min-[480px]:grid-cols-2 lg:grid-cols-4">
					{figures.map((figure) => (
						<div key={figure.key} className="flex flex-col-reverse rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
							<dt className="mt-1 text-sm text-slate-600">{t(`home:figures.${figure.key}.label`)}</dt>
							<dd className="text-3xl font-bold tracking-tight text-navy-900">{figure.value}</dd>
						</div>
					))}
				</dl>
				<p className="mt-3 text-sm text-slate-500">{t('home:figures.note')}</p>
			</section>

			<section id="news" aria-labelledby="news-heading" className="mx-auto mt-16 max-w-6xl scroll-mt-4 px-4 sm:px-6">
				<div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
					<h2 id="news-heading" className="text-2xl font-bold tracking-tight text-navy-900">
						{t('home:news.heading')}
					</h2>
					<Link to={listingPath(lang)} className="font-medium text-navy-700 hover:underline">
						{t('home:news.all')}
						<span aria-hidden="true"> →</span>
					</Link>
				</div>
				{news.length === 0 ? (
					<p className="mt-4 text-slate-600">{t('home:news.empty')}</p>
				) : (
					<ul className="mt-6 grid gap-6 md:grid-cols-3">
						{news.map((post) => (
							<li key={post.id} className="flex flex-col rounded-lg border border-slate-200 p-5" data-testid="news-teaser">
								<time dateTime={post.dateTime} className="text-sm text-slate-500">
									{post.date}
								</time>
								<div lang={post.contentLang === lang ? undefined : HTML_LANG[post.contentLang]} className="mt-2">
									<h3 className="text-lg font-semibold leading-snug text-navy-900">
										<Link to={articlePath(lang, post.slug)} className="hover:underline">
											{post.title}
										</Link>
									</h3>
									<p className="mt-2 text-slate-700">{post.summary}</p>
								</div>
								{post.contentLang === lang ? null : (
									<p className="mt-3 rounded bg-gold-300/30 px-2 py-1 text-sm text-slate-800" role="note">
										{t('home:news.notTranslated')}
									</p>
								)}
							</li>
						))}
					</ul>
				)}
			</section>

			<section id="groups" aria-labelledby="groups-heading" className="mx-auto mt-16 max-w-6xl scroll-mt-4 px-4 sm:px-6">
				<h2 id="groups-heading" className="text-2xl font-bold tracking-tight text-navy-900">
					{t('home:groups.heading')}
				</h2>
				<p className="mt-2 max-w-3xl text-slate-700">{t('home:groups.lead')}</p>
				<ol className="mt-6 grid gap-4 sm:grid-cols-2">
					{groups.map((group, index) => (
						<li key={group.slug} className="flex gap-4 rounded-lg bg-navy-50 p-5" data-testid="working-group">
							<span aria-hidden="true" className="flex size-9 shrink-0 items-center justify-center rounded-full bg-navy-900 font-semibold text-gold-400">
								{index + 1}
							</span>
							<div>
								<h3 className="text-lg font-semibold text-navy-900">
									<Link to={group.href} className="hover:underline">
										{group.name}
									</Link>
								</h3>
								<p className="mt-1 text-slate-700">{group.summary}</p>
							</div>
						</li>
					))}
				</ol>
			</section>

			{comparison ? (
				<section id="comparison" aria-labelledby="comparison-heading" className="mx-auto mt-16 max-w-6xl scroll-mt-4 px-4 sm:px-6">
					<h2 id="comparison-heading" className="text-2xl font-bold tracking-tight text-navy-900">
						{t('home:comparison.heading')}
					</h2>
					<p className="mt-2 text-slate-700">{t('home:comparison.lead')}</p>
					{/* On a phone: one card per element, China and the USA stacked, nothing to scroll. */}
					<div className="mt-6 sm:hidden" data-testid="comparison-cards">
						<p className="rounded-t-lg bg-navy-50 px-4 py-3 font-semibold text-navy-900">{t('home:comparison.caption')}</p>
						<ul className="divide-y divide-slate-200 rounded-b-lg border border-t-0 border-slate-200">
							{comparison.rows.map((row) => (
								<li key={row.key} className="px-4 py-3" data-testid="comparison-card">
									<h3 className="font-semibold text-navy-900">{row.element}</h3>
									<div className="mt-2 space-y-2 text-sm">
										<p className="text-slate-700">
											<span className="block font-semibold text-slate-600">{t('home:comparison.china')}</span>
											{row.china}
										</p>
										<p className="text-slate-700">
											<span className="block font-semibold text-slate-600">{t('home:comparison.usa')}</span>
											{row.usa}
										</p>
									</div>
								</li>
							))}
						</ul>
					</div>
					{/* From `sm:` a table; focusable so keyboard users can scroll it if it is still too wide. */}
					<div
						className="mt-6 hidden overflow-x-auto rounded-lg border border-slate-200 sm:block"
						role="region"
						aria-label={t('home:comparison.regionLabel')}
						tabIndex={0}
						data-testid="comparison-table"
					>
						<table className="w-full min-w-[36rem] border-collapse text-left text-sm sm:text-base">
							<caption className="caption-top bg-navy-50 px-4 py-3 text-left font-semibold text-navy-900">
								{t('home:comparison.caption')}
							</caption>
							<thead className="bg-navy-900 text-white">
								<tr>
									<th scope="col" className="w-1/5 px-4 py-3 font-semibold">
										{t('home:comparison.element')}
									</th>
									<th scope="col" className="w-2/5 px-4 py-3 font-semibold">
										{t('home:comparison.china')}
									</th>
									<th scope="col" className="w-2/5 px-4 py-3 font-semibold">
										{t('home:comparison.usa')}
									</th>
								</tr>
							</thead>
							<tbody>
								{comparison.rows.map((row) => (
									<tr key={row.key} className="border-t border-slate-200 align-top even:bg-slate-50">
										<th scope="row" className="px-4 py-3 font-semibold text-navy-900">
											{row.element}
										</th>
										<td className="px-4 py-3 text-slate-700">{row.china}</td>
										<td className="px-4 py-3 text-slate-700">{row.usa}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
					<p className="mt-3 text-sm text-slate-500">{t('home:comparison.source', { source: comparison.source })}</p>
				</section>
			) : null}
		</>
	)
}
