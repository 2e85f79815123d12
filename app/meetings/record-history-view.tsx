/** A record's history page: the versions, and the selected one's changes from the version before it. */
import { useTranslation } from 'react-i18next'
import { DiffView } from '#app/documents/diff-view.tsx'
import { RevisionList } from '#app/documents/revision-list.tsx'
import { HTML_LANG, LANGS } from '#app/i18n/config.ts'
import type { PageData } from '#app/ui/page-data.ts'
import type { loadRecordHistory } from './record-history.server.ts'
import { Link } from '#app/ui/link.tsx'

export function RecordHistory({ page }: { page: PageData<typeof loadRecordHistory> }) {
	const { t } = useTranslation('records')
	const labels = { inserted: t('diff.inserted'), deleted: t('diff.deleted'), before: t('diff.before'), after: t('diff.after') }
	const { selected } = page
	return (
		<div className="mx-auto max-w-6xl px-4 pb-10 pt-6 sm:px-6 sm:pt-10">
			<Link to={page.recordHref} className="text-sm font-medium text-navy-700 hover:underline">
				<span aria-hidden="true">← </span>
				{t('history.back')}
			</Link>
			<h1 className="mt-3 text-balance text-2xl font-bold tracking-tight text-navy-900">{t('history.title', { title: page.title })}</h1>
			<p className="mt-1 max-w-prose text-slate-600">{t('history.intro')}</p>
			<div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
				<RevisionList items={page.items} selectedId={selected?.id ?? null} labels={{ current: t('history.current'), view: t('history.view') }} />
				{selected ? (
					<section aria-labelledby="version-heading" className="min-w-0 space-y-6 rounded-lg border border-slate-200 p-4 sm:p-6" data-testid="history-detail">
						<div>
							<h2 id="version-heading" className="text-lg font-semibold text-navy-900">
								{t('history.changes-in', { version: selected.version })}
							</h2>
							<p className="text-sm text-slate-600">
								{selected.createdAt}
								{selected.signed ? ` · ${t('history.signed')}` : ''}
							</p>
						</div>
						{LANGS.map((l) => (
							<div key={l} className="space-y-3">
								<h3 className="text-sm font-semibold uppercase tracking-wider text-slate-500">{t(`language.${l}`)}</h3>
								<DiffView parts={selected.diffs[l].minutes} lang={HTML_LANG[l]} labels={labels} className="rounded bg-slate-50 p-3 text-sm" />
								<h4 className="text-sm font-medium text-slate-700">{t('history.rows')}</h4>
								<DiffView parts={selected.diffs[l].rows} lang={HTML_LANG[l]} labels={labels} className="rounded bg-slate-50 p-3 text-sm" />
							</div>
						))}
					</section>
				) : (
					<p className="text-sm text-slate-600">{t('history.pick')}</p>
				)}
			</div>
		</div>
	)
}
