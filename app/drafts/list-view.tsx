/**
 * The drafts list: filters (a GET form, so it works without JavaScript and
 * every filtered list has an address), then each draft with its group,
 * status, translation summary and when it last changed.
 */
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { HTML_LANG } from '#app/i18n/config.ts'
import type { PageData } from '#app/ui/page-data.ts'
import { DraftStatusBadge, TranslationSummaryLine } from './badges.tsx'
import type { loadDraftListPage } from './list-page.server.ts'
import { DRAFT_STATUSES } from './model.ts'
import { Pager } from '#app/ui/pager.tsx'
import { Link } from '#app/ui/link.tsx'

const select =
	'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-navy-600 focus:outline-none focus:ring-2 focus:ring-navy-600/30'

export function DraftListPage({ page }: { page: PageData<typeof loadDraftListPage> }) {
	const { t } = useTranslation('drafts')
	return (
		<div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
			<div className="flex flex-wrap items-end justify-between gap-4">
				<div>
					<h1 className="text-3xl font-bold tracking-tight text-navy-900">{t('list.title')}</h1>
					<p className="mt-2 max-w-prose text-slate-700">{page.signedIn ? t('list.intro-member') : t('list.intro-public')}</p>
				</div>
				{page.newHref ? (
					<Link to={page.newHref} className="rounded-md bg-navy-900 px-4 py-2 font-medium text-white hover:bg-navy-700">
						{t('list.new')}
					</Link>
				) : null}
			</div>

			<Form method="get" className="mt-6 grid gap-4 rounded-lg border border-slate-200 p-4 sm:grid-cols-4 sm:items-end" aria-label={t('list.filters')}>
				<div>
					<label htmlFor="filter-group" className="block text-sm font-medium text-slate-800">
						{t('list.group')}
					</label>
					<select id="filter-group" name="group" defaultValue={page.filters.group ?? ''} className={select}>
						<option value="">{t('list.all-groups')}</option>
						{page.groups.map((group) => (
							<option key={group.slug} value={group.slug}>
								{group.name}
							</option>
						))}
					</select>
				</div>
				<div>
					<label htmlFor="filter-status" className="block text-sm font-medium text-slate-800">
						{t('list.status')}
					</label>
					<select id="filter-status" name="status" defaultValue={page.filters.status ?? ''} className={select}>
						<option value="">{t('list.all-statuses')}</option>
						{DRAFT_STATUSES.map((status) => (
							<option key={status} value={status}>
								{t(`status.${status}`)}
							</option>
						))}
					</select>
				</div>
				<div>
					<label htmlFor="filter-translation" className="block text-sm font-medium text-slate-800">
						{t('list.translation')}
					</label>
					<select id="filter-translation" name="translation" defaultValue={page.filters.translation ?? ''} className={select}>
						<option value="">{t('list.any-translation')}</option>
						{(['complete', 'outdated', 'missing'] as const).map((value) => (
							<option key={value} value={value}>
								{t(`list.translation-${value}`)}
							</option>
						))}
					</select>
				</div>
				<button type="submit" className="rounded-md border border-navy-900 px-4 py-2 font-medium text-navy-900 hover:bg-navy-50">
					{t('list.apply')}
				</button>
			</Form>

			{page.drafts.length === 0 ? (
				<p className="mt-8 text-slate-600" data-testid="drafts-empty">
					{t('list.empty')}
				</p>
			) : (
				<ul className="mt-8 divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="drafts-list">
					{page.drafts.map((draft) => (
						<li key={draft.id} className="p-4 sm:p-5">
							<p className="text-sm font-semibold uppercase tracking-wider text-leaf-600">{draft.group}</p>
							<h2 className="mt-1 text-lg font-semibold leading-snug text-navy-900" lang={draft.titleLang === page.lang ? undefined : HTML_LANG[draft.titleLang]}>
								<Link to={draft.href} className="hover:underline">
									{draft.title}
								</Link>
							</h2>
							<div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2">
								<DraftStatusBadge status={draft.status} />
								<TranslationSummaryLine summary={draft.summary} />
								<time dateTime={draft.updatedDateTime} className="text-sm text-slate-500">
									{t('draft.updated', { time: draft.updated })}
								</time>
							</div>
						</li>
					))}
				</ul>
			)}
			<Pager
				label={t('list.pagination')}
				newer={page.newestHref ? { href: page.newestHref, text: t('list.newest') } : null}
				older={page.olderHref ? { href: page.olderHref, text: t('list.older') } : null}
			/>
		</div>
	)
}
