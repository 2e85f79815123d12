/**
 * A draft's history: the revisions (newest first), a form to compare any
 * two, and the selected revision as it was saved, with its exports and a
 * restore button that asks first.
 */
import { Form, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RevisionList } from '#app/documents/revision-list.tsx'
import { HTML_LANG, LANGS } from '#app/i18n/config.ts'
import { ConfirmationBox, ConfirmSubmit, type PendingConfirmation } from '#app/ui/confirm.tsx'
import { StatusNotice } from '#app/ui/forms.tsx'
import type { PageData } from '#app/ui/page-data.ts'
import { SectionStateBadge, TranslationSummaryLine } from './badges.tsx'
import type { loadHistoryPage } from './history-page.server.ts'
import { Link } from '#app/ui/link.tsx'

const select =
	'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-navy-600 focus:outline-none focus:ring-2 focus:ring-navy-600/30'
const linkClass = 'font-medium text-navy-700 underline underline-offset-2 hover:text-navy-900'

export function HistoryPage({ page }: { page: PageData<typeof loadHistoryPage> }) {
	const { t } = useTranslation('drafts')
	const actionData = useActionData<{ error: string | null; confirm: PendingConfirmation | null }>()
	const { selected } = page
	return (
		<div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
			<Link to={page.paths.draft} className="text-sm font-medium text-navy-700 hover:underline">
				<span aria-hidden="true">← </span>
				{t('history.back')}
			</Link>
			<h1 className="mt-3 text-balance text-2xl font-bold tracking-tight text-navy-900">{t('history.title', { title: page.title })}</h1>
			<p className="mt-1 max-w-prose text-slate-600">{t('history.intro')}</p>
			{page.restored && !actionData ? <StatusNotice className="mt-4">{t('history.restored')}</StatusNotice> : null}
			{actionData?.error ? (
				<p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
					{t(actionData.error.replace(/^drafts:/, '') as 'errors.invalid')}
				</p>
			) : null}
			{actionData?.confirm ? (
				<div className="mt-4">
					<ConfirmationBox pending={actionData.confirm} question={t('history.confirm-restore', { version: selected?.version ?? '' })} cancelHref={page.paths.history} />
				</div>
			) : null}

			<Form method="get" action={page.paths.compare} className="mt-6 grid gap-4 rounded-lg border border-slate-200 p-4 sm:grid-cols-3 sm:items-end" data-testid="compare-form">
				<div>
					<label htmlFor="compare-from" className="block text-sm font-medium text-slate-800">
						{t('compare.from')}
					</label>
					<select id="compare-from" name="from" defaultValue={page.defaultCompare.from} className={select}>
						{page.revisionOptions.map((option) => (
							<option key={option.id} value={option.id}>
								{option.label}
							</option>
						))}
					</select>
				</div>
				<div>
					<label htmlFor="compare-to" className="block text-sm font-medium text-slate-800">
						{t('compare.to')}
					</label>
					<select id="compare-to" name="to" defaultValue={page.defaultCompare.to} className={select}>
						{page.revisionOptions.map((option) => (
							<option key={option.id} value={option.id}>
								{option.label}
							</option>
						))}
					</select>
				</div>
				<button type="submit" className="rounded-md border border-navy-900 px-4 py-2 font-medium text-navy-900 hover:bg-navy-50">
					{t('compare.submit')}
				</button>
			</Form>

			<div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.6fr)]">
				<RevisionList items={page.items} selectedId={selected?.id ?? null} labels={{ current: t('history.current'), view: t('history.view') }} />
				{selected ? (
					<section aria-labelledby="snapshot-heading" className="min-w-0 rounded-lg border border-slate-200 p-4 sm:p-6" data-testid="revision">
						<h2 id="snapshot-heading" className="text-lg font-semibold text-navy-900">
							{t('history.snapshot-heading', { version: selected.version })}
						</h2>
						<p className="text-sm text-slate-600">
							{selected.createdAt} · {selected.authorName ? t('history.by', { name: selected.authorName }) : t('history.unknown-author')}
						</p>
						{selected.message ? <p className="mt-1 text-sm text-slate-700">“{selected.message}”</p> : null}
						<div className="mt-2">
							<TranslationSummaryLine summary={selected.summary} />
						</div>
						<nav aria-label={t('history.revision-links')} className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
							{selected.paths.comparePrevious ? (
								<Link to={selected.paths.comparePrevious} className={linkClass}>
									{t('history.compare-previous')}
								</Link>
							) : null}
							{selected.paths.compareCurrent ? (
								<Link to={selected.paths.compareCurrent} className={linkClass}>
									{t('history.compare-current')}
								</Link>
							) : null}
							<a href={selected.paths.docx} className={linkClass} download>
								{t('draft.export-docx')}
							</a>
							<a href={selected.paths.markdown} className={linkClass} download>
								{t('draft.export-markdown')}
							</a>
							<Link to={selected.paths.print} className={linkClass}>
								{t('draft.print')}
							</Link>
						</nav>
						<div className="mt-4 grid gap-4 lg:grid-cols-2">
							{LANGS.map((l) => (
								<p key={l} lang={HTML_LANG[l]} className="text-lg font-semibold text-navy-900">
									{selected.title[l]}
								</p>
							))}
						</div>
						<div className="divide-y divide-slate-200">
							{selected.sections.map((section) => (
								<div key={section.id} className="grid gap-4 py-4 lg:grid-cols-2">
									{LANGS.map((l) => (
										<div key={l} lang={HTML_LANG[l]} className="min-w-0">
											{section.states[l] === 'outdated' || section.states[l] === 'missing' ? (
												<p className="mb-1" lang={HTML_LANG[page.lang]}>
													<SectionStateBadge state={section.states[l]} lang={l} />
												</p>
											) : null}
											{/* Rendered and sanitized on the server. */}
											{section.html[l] ? <div className="prose" dangerouslySetInnerHTML={{ __html: section.html[l] }} /> : null}
										</div>
									))}
								</div>
							))}
						</div>
						{page.mayRestore && selected.version !== page.version ? (
							<Form method="post" className="mt-6 space-y-2 border-t border-slate-200 pt-4">
								<input type="hidden" name="revisionId" value={selected.id} />
								<input type="hidden" name="baseRevision" value={page.currentRevision} />
								<p className="text-sm text-slate-600">{t('history.restore-hint')}</p>
								<ConfirmSubmit question={t('history.confirm-restore', { version: selected.version })} variant="primary">
									{t('history.restore')}
								</ConfirmSubmit>
							</Form>
						) : null}
					</section>
				) : null}
			</div>
		</div>
	)
}
