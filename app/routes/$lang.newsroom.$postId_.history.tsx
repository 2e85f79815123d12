/**
 * A post's revisions: who saved, when, what it did and which fields it
 * changed. Any revision can be read as it was saved and its text restored;
 * restoring saves a new revision (history is never rewritten) and, like any
 * save, refuses if someone saved since the page was loaded.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RevisionList } from '#app/documents/revision-list.tsx'
import { HTML_LANG, LANGS } from '#app/i18n/config.ts'
import { loadHistoryPage, restoreRevision } from '#app/news/history.server.ts'
import { newsroomPathsWithoutLang } from '#app/news/links.ts'
import { routeMeta } from '#app/seo/meta.ts'
import { FormErrors, SubmitButton } from '#app/ui/forms.tsx'

export const handle = { i18n: ['newsroom'] }

export const loader = (args: LoaderFunctionArgs) => loadHistoryPage(args)

export const action = (args: ActionFunctionArgs) => restoreRevision(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: data ? newsroomPathsWithoutLang.history(data.id) : newsroomPathsWithoutLang.list, noindex: true })

export default function PostHistory() {
	const { title, version, editPath, items, selected } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('newsroom')
	return (
		<div>
			<Link to={editPath} className="text-sm font-medium text-navy-700 underline">
				{t('history.back')}
			</Link>
			<h1 className="mt-3 text-balance text-2xl font-bold tracking-tight text-navy-900">{t('history.title', { title })}</h1>
			<p className="mt-1 max-w-prose text-slate-600">{t('history.intro')}</p>
			<FormErrors id="restore-errors" errors={actionData?.errors} />

			<div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
				<RevisionList items={items} selectedId={selected?.id ?? null} labels={{ current: t('history.current'), view: t('history.view') }} />

				{selected ? (
					<section aria-labelledby="snapshot-heading" className="min-w-0 rounded-lg border border-slate-200 p-4 sm:p-6">
						<h2 id="snapshot-heading" className="text-lg font-semibold text-navy-900">
							{t('history.snapshot-heading', { version: selected.version })}
						</h2>
						<p className="text-sm text-slate-600">{selected.createdAt}</p>
						{LANGS.map((l) => {
							const v = selected.versions[l]
							return (
								<div key={l} className="mt-5">
									<h3 className="text-sm font-semibold uppercase tracking-wider text-slate-500">{t(`editor.version.${l}`)}</h3>
									{v ? (
										<div lang={HTML_LANG[l]}>
											<p className="mt-1 font-semibold text-navy-900">{v.title}</p>
											<p className="text-sm text-slate-500">{v.path}</p>
											<p className="mt-2 text-slate-700">{v.summary}</p>
											<pre className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-3 text-sm text-slate-800">{v.bodyMarkdown}</pre>
										</div>
									) : (
										<p className="mt-1 text-sm text-slate-500">{t('history.no-version')}</p>
									)}
								</div>
							)
						})}
						{selected.version !== version ? (
							<Form method="post" className="mt-6 space-y-2 border-t border-slate-200 pt-4">
								<input type="hidden" name="revisionId" value={selected.id} />
								<input type="hidden" name="version" value={version} />
								<p className="text-sm text-slate-600">{t('history.restore-hint')}</p>
								<SubmitButton>{t('history.restore')}</SubmitButton>
							</Form>
						) : null}
					</section>
				) : null}
			</div>
		</div>
	)
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
