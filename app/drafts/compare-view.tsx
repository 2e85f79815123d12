/**
 * Two revisions compared (or, in the translation view, each outdated
 * translation's source changes): per section and language, insertions and
 * deletions marked with <ins>/<del>, their words announced to screen readers
 * and struck through or underlined (never colour alone); inline on phones,
 * in two columns on wide screens (documents/diff-view.tsx).
 */
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DiffView } from '#app/documents/diff-view.tsx'
import { HTML_LANG, LANGS } from '#app/i18n/config.ts'
import type { PageData } from '#app/ui/page-data.ts'
import type { loadComparePage } from './compare-page.server.ts'
import { useDiffLabels } from './diff-labels.ts'
import { Link } from '#app/ui/link.tsx'

type Page = PageData<typeof loadComparePage>

const select =
	'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-navy-600 focus:outline-none focus:ring-2 focus:ring-navy-600/30'

export function ComparePage({ page }: { page: Page }) {
	const { t } = useTranslation('drafts')
	return (
		<div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
			<nav aria-label={t('compare.links')} className="flex flex-wrap gap-4 text-sm">
				<Link to={page.paths.draft} className="font-medium text-navy-700 hover:underline">
					<span aria-hidden="true">← </span>
					{t('history.back')}
				</Link>
				<Link to={page.paths.history} className="font-medium text-navy-700 hover:underline">
					{t('draft.history')}
				</Link>
			</nav>
			<h1 className="mt-3 text-balance text-2xl font-bold tracking-tight text-navy-900">
				{page.view === 'translation' ? t('compare.translation-title', { title: page.title }) : t('compare.title', { title: page.title })}
			</h1>
			{page.view === 'translation' ? <TranslationChanges page={page} /> : <RevisionComparison page={page} />}
		</div>
	)
}

function RevisionComparison({ page }: { page: Page }) {
	const { t } = useTranslation('drafts')
	const labels = useDiffLabels()
	const comparison = page.comparison!
	return (
		<>
			<Form method="get" className="mt-6 grid gap-4 rounded-lg border border-slate-200 p-4 sm:grid-cols-3 sm:items-end">
				{(['from', 'to'] as const).map((side) => (
					<div key={side}>
						<label htmlFor={`compare-${side}`} className="block text-sm font-medium text-slate-800">
							{t(`compare.${side}`)}
						</label>
						<select id={`compare-${side}`} name={side} defaultValue={comparison[side].id} className={select}>
							{page.revisionOptions.map((option) => (
								<option key={option.id} value={option.id}>
									{option.label}
								</option>
							))}
						</select>
					</div>
				))}
				<button type="submit" className="rounded-md border border-navy-900 px-4 py-2 font-medium text-navy-900 hover:bg-navy-50">
					{t('compare.submit')}
				</button>
			</Form>
			<p className="mt-4 text-slate-700" data-testid="compare-summary">
				{t('compare.summary', {
					from: comparison.from.version,
					to: comparison.to.version,
					count: comparison.changedSections,
				})}
			</p>
			{LANGS.some((l) => comparison.titles[l].changed) ? (
				<section aria-labelledby="title-changes" className="mt-6 rounded-lg border border-slate-200 p-4">
					<h2 id="title-changes" className="font-semibold text-navy-900">
						{t('compare.titles')}
					</h2>
					{LANGS.filter((l) => comparison.titles[l].changed).map((l) => (
						<div key={l} className="mt-2">
							<p className="text-sm font-medium text-slate-600">{t(`column.${l}`)}</p>
							<DiffView parts={comparison.titles[l].parts} lang={HTML_LANG[l]} labels={labels} layout="inline" />
						</div>
					))}
				</section>
			) : null}
			<div className="mt-6 space-y-4">
				{comparison.sections.map((section) => (
					<section key={section.id} aria-label={section.heading ?? t('changes.untitled')} className="rounded-lg border border-slate-200 p-4" data-testid="compare-section">
						<h2 className="font-semibold text-navy-900">{section.heading ?? t('changes.untitled')}</h2>
						{LANGS.map((l) => {
							const diff = section.diffs[l]
							if (!diff) return null
							return (
								<div key={l} className="mt-3" data-lang={l} data-change={diff.change}>
									<p className="text-sm text-slate-600">
										<span className="font-medium text-slate-800">{t(`column.${l}`)}</span>
										{' · '}
										{diff.change === 'changed'
											? t('compare.changed', { inserted: diff.inserted, deleted: diff.deleted })
											: t(`compare.${diff.change}`)}
									</p>
									{diff.change !== 'unchanged' ? (
										<DiffView parts={diff.parts} lang={HTML_LANG[l]} labels={labels} className="mt-2 rounded bg-slate-50 p-3 text-slate-800" />
									) : null}
								</div>
							)
						})}
					</section>
				))}
			</div>
		</>
	)
}

function TranslationChanges({ page }: { page: Page }) {
	const { t } = useTranslation('drafts')
	const labels = useDiffLabels()
	if (page.outdated.length === 0) return <p className="mt-6 text-slate-700">{t('compare.translation-none')}</p>
	return (
		<div className="mt-6 space-y-4">
			<p className="max-w-prose text-slate-700">{t('compare.translation-intro')}</p>
			{page.outdated.map((item) => (
				<section key={`${item.id}.${item.lang}`} className="rounded-lg border border-amber-300 p-4" data-testid="translation-change">
					<h2 className="font-semibold text-navy-900">{item.heading ?? t('changes.untitled')}</h2>
					<p className="mt-1 text-sm text-slate-700">
						{t('compare.translation-line', {
							translation: t(`language.${item.lang}`),
							source: t(`language.${item.change.source}`),
							from: item.change.fromRevision,
							to: item.change.toRevision,
						})}
					</p>
					<DiffView parts={item.change.parts} lang={HTML_LANG[item.change.source]} labels={labels} className="mt-2 rounded bg-slate-50 p-3 text-slate-800" />
				</section>
			))}
		</div>
	)
}
