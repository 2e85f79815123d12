/**
 * The search page as readers see it: the query form (with its filters, so
 * everything works without JavaScript), why an empty or useless query found
 * nothing, how the results were matched, the results with highlighted
 * snippets in either script, filters with counts, and page numbers.
 */
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { HTML_LANG } from '#app/i18n/config.ts'
import type { PageData } from '#app/ui/page-data.ts'
import type { loadSearchPage } from './search-page.server.ts'
import { Link } from '#app/ui/link.tsx'

const chipClass =
	'inline-flex items-center gap-1 rounded-full border border-slate-300 px-3 py-1 text-sm text-slate-700 hover:border-navy-700 aria-[current=true]:border-navy-900 aria-[current=true]:bg-navy-900 aria-[current=true]:text-white'

export function SearchPage({ page: data }: { page: PageData<typeof loadSearchPage> }) {
	const { t } = useTranslation('search')
	const { filters } = data
	return (
		<div className="mx-auto max-w-6xl px-4 pb-8 pt-10 sm:px-6">
			<h1 className="text-3xl font-bold tracking-tight text-navy-900">{t('heading')}</h1>
			<Form method="get" role="search" className="mt-6 space-y-4" data-testid="search-form">
				<div className="flex flex-col gap-2 sm:flex-row">
					<label htmlFor="search-q" className="sr-only">
						{t('label')}
					</label>
					<input
						id="search-q"
						name="q"
						type="search"
						defaultValue={data.q}
						maxLength={500}
						placeholder={t('placeholder')}
						className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2 text-base focus:border-navy-600 focus:outline-none focus:ring-2 focus:ring-navy-600/30"
					/>
					<button type="submit" className="rounded-md bg-navy-900 px-5 py-2 font-medium text-white hover:bg-navy-700">
						{t('submit')}
					</button>
				</div>
				{Object.entries(filters.hidden).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
				<fieldset className="flex flex-wrap items-end gap-3 text-sm">
					<legend className="sr-only">{t('dates')}</legend>
					<label className="flex flex-col gap-1 text-slate-700">
						{t('from')}
						<input type="date" name="from" defaultValue={filters.from} className="rounded-md border border-slate-300 px-2 py-1.5" />
					</label>
					<label className="flex flex-col gap-1 text-slate-700">
						{t('to')}
						<input type="date" name="to" defaultValue={filters.to} className="rounded-md border border-slate-300 px-2 py-1.5" />
					</label>
				</fieldset>
			</Form>

			{data.status === 'empty' ? (
				<p className="mt-8 rounded-lg bg-slate-50 px-4 py-6 text-slate-700" data-testid="search-empty">
					{t(`empty.${data.emptyReason ?? 'blank'}`)}
				</p>
			) : (
				<div className="mt-8 lg:grid lg:grid-cols-[minmax(0,1fr)_16rem] lg:gap-10">
					<section aria-labelledby="results-heading" className="min-w-0">
						<h2 id="results-heading" className="text-lg font-semibold text-navy-900" data-testid="search-total">
							{t('results', { count: data.total, total: data.totalText })}
						</h2>
						{data.match === 'any' ? <p className="mt-2 text-sm text-slate-600">{t('match.any')}</p> : null}
						{data.match === 'fuzzy' ? <p className="mt-2 text-sm text-slate-600">{t('match.fuzzy')}</p> : null}
						{data.truncated ? <p className="mt-2 text-sm text-slate-600">{t('truncated')}</p> : null}
						{data.clearHref && (filters.kinds.some((k) => k.active) || filters.langs.some((l) => l.active) || filters.groups.some((g) => g.active) || filters.from || filters.to) ? (
							<p className="mt-2 text-sm">
								<Link to={data.clearHref} className="font-medium text-navy-700 underline">
									{t('clear')}
								</Link>
							</p>
						) : null}
						<ol className="mt-4 divide-y divide-slate-200" data-testid="search-results">
							{data.results.map((result) => (
								<li key={result.key} className="py-5" data-kind={result.kind}>
									<p className="flex flex-wrap gap-x-3 text-sm text-slate-500">
										<span className="font-medium text-leaf-600">{t(`kinds.${result.kind}`)}</span>
										<time dateTime={result.dateTime}>{result.date}</time>
										{result.group ? <span>{result.group}</span> : null}
									</p>
									<div lang={result.contentLang === data.lang ? undefined : HTML_LANG[result.contentLang]}>
										{/* Escaped by the search module; only <mark> is markup (app/search/snippet.ts). */}
										<h3 className="mt-1 text-lg font-semibold text-navy-900 [&_mark]:bg-gold-300/60 [&_mark]:text-inherit">
											<Link to={result.href} className="hover:underline" dangerouslySetInnerHTML={{ __html: result.titleHtml }} />
										</h3>
										<p className="mt-1 text-slate-700 [&_mark]:bg-gold-300/60 [&_mark]:text-inherit" dangerouslySetInnerHTML={{ __html: result.snippetHtml }} />
									</div>
								</li>
							))}
						</ol>
						{data.pages.length > 1 ? (
							<nav aria-label={t('pages')} className="mt-6 flex flex-wrap gap-2 border-t border-slate-200 pt-6">
								{data.pages.map((p) => (
									<Link key={p.number} to={p.href} aria-current={p.current ? 'page' : undefined} className="rounded-md border border-slate-300 px-3 py-1 aria-[current=page]:bg-navy-900 aria-[current=page]:text-white">
										{p.label}
									</Link>
								))}
							</nav>
						) : null}
					</section>
					<nav aria-label={t('filters')} className="mt-8 space-y-5 lg:mt-0" data-testid="search-filters">
						<FilterList heading={t('by-type')} items={filters.kinds.map((k) => ({ ...k, label: t(`kinds.${k.value}`) }))} />
						<FilterList heading={t('by-language')} items={filters.langs.map((l) => ({ ...l, label: t(`languages.${l.value}`) }))} />
						<FilterList heading={t('by-group')} items={filters.groups} />
					</nav>
				</div>
			)}
		</div>
	)
}

function FilterList({ heading, items }: { heading: string; items: { value: string; label: string; count: string; active: boolean; href: string }[] }) {
	if (items.length === 0) return null
	return (
		<section>
			<h3 className="text-sm font-semibold uppercase tracking-wider text-slate-500">{heading}</h3>
			<ul className="mt-2 flex flex-wrap gap-2">
				{items.map((item) => (
					<li key={item.value}>
						<Link to={item.href} aria-current={item.active ? 'true' : undefined} className={chipClass} data-value={item.value}>
							{item.label}
							<span className="text-xs opacity-70">{item.count}</span>
						</Link>
					</li>
				))}
			</ul>
		</section>
	)
}
