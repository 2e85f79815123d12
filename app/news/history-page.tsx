/**
 * A post's history: the revisions, newest first, and the selected one's
 * changes as word-level diffs against the revision before it (inline on a
 * phone, side by side on a wide screen), with a restore that asks first
 * when the post is public.
 */
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DiffView } from '#app/documents/diff-view.tsx'
import { RevisionList } from '#app/documents/revision-list.tsx'
import { HTML_LANG } from '#app/i18n/config.ts'
import { ConfirmationBox, ConfirmSubmit } from '#app/ui/confirm.tsx'
import { FormErrors, SubmitButton } from '#app/ui/forms.tsx'
import type { PageData } from '#app/ui/page-data.ts'
import type { loadHistoryPage, RestoreAnswer } from './history.server.ts'
import { Link } from '#app/ui/link.tsx'

export function HistoryPage({ page, actionData }: { page: PageData<typeof loadHistoryPage>; actionData: RestoreAnswer | undefined }) {
	const { t } = useTranslation('newsroom')
	const { title, version, editPath, items, selected } = page
	const labels = { inserted: t('diff.inserted'), deleted: t('diff.deleted'), before: t('diff.before'), after: t('diff.after') }
	return (
		<div>
			<Link to={editPath} className="text-sm font-medium text-navy-700 underline">
				{t('history.back')}
			</Link>
			<h1 className="mt-3 text-balance text-2xl font-bold tracking-tight text-navy-900">{t('history.title', { title })}</h1>
			<p className="mt-1 max-w-prose text-slate-600">{t('history.intro')}</p>
			<FormErrors id="restore-errors" errors={actionData?.errors.length ? actionData.errors : undefined} />
			{actionData?.confirm ? (
				<div className="mt-4">
					<ConfirmationBox pending={actionData.confirm} question={t('confirm.restore-public')} cancelHref={selected ? `?revision=${selected.id}` : '?'} />
				</div>
			) : null}

			<div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.6fr)]">
				<RevisionList items={items} selectedId={selected?.id ?? null} labels={{ current: t('history.current'), view: t('history.view') }} />

				{selected ? (
					<section aria-labelledby="snapshot-heading" className="min-w-0 rounded-lg border border-slate-200 p-4 sm:p-6" data-testid="revision-changes">
						<h2 id="snapshot-heading" className="text-lg font-semibold text-navy-900">
							{t('history.changes-heading', { version: selected.version })}
						</h2>
						<p className="text-sm text-slate-600">
							{selected.createdAt}
							{selected.previousVersion ? ` · ${t('history.compared-with', { version: selected.previousVersion })}` : ''}
						</p>
						{selected.previousVersion === null ? <p className="mt-3 text-sm text-slate-600">{t('history.first-revision')}</p> : null}
						{selected.diffs.length === 0 ? <p className="mt-3 text-sm text-slate-600">{t('history.no-text-change')}</p> : null}
						{selected.diffs.map((diff) => (
							<div key={`${diff.lang}.${diff.field}`} className="mt-5" data-testid="field-diff" data-field={`${diff.lang}.${diff.field}`}>
								<h3 className="text-sm font-semibold text-slate-700">{diff.label}</h3>
								<DiffView parts={diff.parts} lang={HTML_LANG[diff.lang]} labels={labels} className="mt-1 rounded bg-slate-50 p-2 text-sm text-slate-800" />
							</div>
						))}
						{selected.otherChanges.length > 0 ? (
							<p className="mt-5 text-sm text-slate-700">{t('history.other-changes', { fields: selected.otherChanges.join(t('list-separator')) })}</p>
						) : null}
						{selected.version !== version ? (
							<Form method="post" className="mt-6 space-y-2 border-t border-slate-200 pt-4">
								<input type="hidden" name="revision" value={selected.version} />
								<input type="hidden" name="version" value={version} />
								<p className="text-sm text-slate-600">{t('history.restore-hint')}</p>
								<p className="text-sm text-slate-600">{t('history.translation-carried')}</p>
								{page.public ? (
									<>
										<p className="text-sm font-medium text-amber-900">{t('history.restore-public-hint')}</p>
										<ConfirmSubmit question={t('confirm.restore-public')} variant="primary">
											{t('history.restore')}
										</ConfirmSubmit>
									</>
								) : (
									<SubmitButton>{t('history.restore')}</SubmitButton>
								)}
							</Form>
						) : null}
					</section>
				) : null}
			</div>
		</div>
	)
}
