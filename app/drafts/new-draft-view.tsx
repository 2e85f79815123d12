/**
 * Starting a draft: its group, both titles, and each language's Markdown
 * (headings split it into sections; the languages are paired section by
 * section, so they must have as many headings, or one may stay empty to be
 * translated later). What is typed is kept in the browser as it is typed,
 * and leaving asks first.
 */
import { Form } from '@remix-run/react'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { HTML_LANG, LANGS } from '#app/i18n/config.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import type { PageData } from '#app/ui/page-data.ts'
import { KeptTypingNotice, useUnsavedChanges } from '#app/ui/unsaved-changes.tsx'
import type { FormMessage } from './editor-form.ts'
import type { loadNewDraftPage, NewDraftForm } from './new-page.server.ts'
import { MAX_MESSAGE_CHARS, MAX_TITLE_CHARS } from './model.ts'
import { Link } from '#app/ui/link.tsx'

const field =
	'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-navy-600 focus:outline-none focus:ring-2 focus:ring-navy-600/30'

export function NewDraftPage({
	page,
	actionData,
}: {
	page: PageData<typeof loadNewDraftPage>
	actionData: { form: NewDraftForm; errors: FormMessage[] } | undefined
}) {
	const { t } = useTranslation('drafts')
	const formRef = useRef<HTMLFormElement>(null)
	const unsaved = useUnsavedChanges({ formRef, documentKey: 'policy-draft-new', savedVersion: '0', saved: false })
	const form = actionData?.form.group ? actionData.form : page.form
	return (
		<div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
			<Link to={page.listHref} className="text-sm font-medium text-navy-700 hover:underline">
				<span aria-hidden="true">← </span>
				{t('draft.all')}
			</Link>
			<h1 className="mt-3 text-2xl font-bold tracking-tight text-navy-900">{t('new.title')}</h1>
			<p className="mt-2 max-w-prose text-slate-700">{t('new.intro')}</p>
			{unsaved.kept ? (
				<div className="mt-4">
					<KeptTypingNotice kept={unsaved.kept} keptAtText={formatDateTime(page.lang, unsaved.kept.keptAt)} />
				</div>
			) : null}
			{actionData?.errors.length ? (
				<div role="alert" className="mt-4 space-y-1 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800" data-testid="editor-errors">
					{actionData.errors.map((error) => (
						<p key={error.key}>{t(error.key as 'errors.invalid', error.values ?? {})}</p>
					))}
				</div>
			) : null}
			<Form method="post" ref={formRef} className="mt-6 space-y-6">
				<div className="grid gap-4 sm:grid-cols-2">
					<div>
						<label htmlFor="group" className="block text-sm font-medium text-slate-800">
							{t('new.group')}
						</label>
						<select id="group" name="group" defaultValue={form.group} className={field}>
							{page.groups.map((group) => (
								<option key={group.slug} value={group.slug}>
									{group.name}
								</option>
							))}
						</select>
					</div>
					<fieldset>
						<legend className="block text-sm font-medium text-slate-800">{t('new.original')}</legend>
						<div className="mt-3 flex gap-5">
							{LANGS.map((l) => (
								<label key={l} className="flex items-center gap-2 text-sm">
									<input type="radio" name="original" value={l} defaultChecked={form.original === l} className="size-4" />
									{t(`column.${l}`)}
								</label>
							))}
						</div>
					</fieldset>
				</div>
				<div className="grid gap-6 lg:grid-cols-2">
					{LANGS.map((l) => (
						<fieldset key={l} className="min-w-0 space-y-4 rounded-lg border border-slate-200 p-4">
							<legend className="px-1 font-semibold text-navy-900">{t(`column.${l}`)}</legend>
							<div>
								<label htmlFor={`title-${l}`} className="block text-sm font-medium text-slate-800">
									{t(`edit.title-in.${l}`)}
								</label>
								<input id={`title-${l}`} name={`title.${l}`} lang={HTML_LANG[l]} defaultValue={form.title[l]} maxLength={MAX_TITLE_CHARS} className={field} />
							</div>
							<div>
								<label htmlFor={`body-${l}`} className="block text-sm font-medium text-slate-800">
									{t(`new.body.${l}`)}
								</label>
								<textarea id={`body-${l}`} name={`body.${l}`} lang={HTML_LANG[l]} defaultValue={form.body[l]} rows={18} className={`${field} font-mono text-sm`} aria-describedby="body-hint" />
							</div>
						</fieldset>
					))}
				</div>
				<p id="body-hint" className="max-w-prose text-sm text-slate-600">
					{t('new.body-hint')}
				</p>
				<div>
					<label htmlFor="message" className="block text-sm font-medium text-slate-800">
						{t('edit.message')}
					</label>
					<input id="message" name="message" defaultValue={form.message} maxLength={MAX_MESSAGE_CHARS} className={field} />
				</div>
				<button type="submit" className="rounded-md bg-navy-900 px-4 py-2 font-medium text-white hover:bg-navy-700">
					{t('new.create')}
				</button>
			</Form>
		</div>
	)
}
