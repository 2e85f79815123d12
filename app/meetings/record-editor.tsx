/**
 * The minutes editor: English | 中文 Markdown side by side, then decisions
 * and action items as rows (each bilingual; an item has an owner from the
 * group and a due date). Empty rows are offered to fill in; emptying a row
 * removes it. A plain form: it works without JavaScript, and with it the
 * typing is kept in the browser and leaving with unsaved changes asks first.
 */
import { FormProvider, getFormProps, getInputProps, useForm, type DefaultValue, type SubmissionResult } from '@conform-to/react'
import { Form, useLocation } from '@remix-run/react'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { HTML_LANG, LANGS, otherLang } from '#app/i18n/config.ts'
import { CheckboxField, FieldErrors, FormErrors, SelectField, SubmitButton, TextareaField, TextField } from '#app/ui/forms.tsx'
import { KeptTypingNotice, useUnsavedChanges } from '#app/ui/unsaved-changes.tsx'
import type { PageData } from '#app/ui/page-data.ts'
import type { loadRecordEditor } from './record-editor.server.ts'
import { PARSE_OPTIONS, type RecordEditorForm, type RecordEditorFormInput } from './record-schema.ts'
import { useDeferredValidation } from '#app/forms/client-validation.ts'
import { Link } from '#app/ui/link.tsx'

export interface RecordEditorActionData {
	result: SubmissionResult<string[]>
	conflict: { version: number; savedBy: string | null; savedAt: string } | null
}

export function RecordEditor({ page, actionData }: { page: PageData<typeof loadRecordEditor>; actionData: RecordEditorActionData | undefined }) {
	const { t } = useTranslation('records')
	const formRef = useRef<HTMLFormElement>(null)
	const { pathname } = useLocation()
	const check = useDeferredValidation(() => import('./record-schema.ts').then((m) => m.recordEditorSchema), { shouldValidate: 'onSubmit', shouldRevalidate: 'onInput', parse: PARSE_OPTIONS })
	const [form, fields] = useForm<RecordEditorFormInput, RecordEditorForm>({
		id: `meeting-record-${page.meetingId}`,
		lastResult: actionData?.result,
		defaultValue: page.defaultValue as DefaultValue<RecordEditorFormInput>,
		...check.options,
	})
	const unsaved = useUnsavedChanges({
		formRef,
		documentKey: `meeting-record-${page.meetingId}`,
		savedVersion: String(page.version ?? 0),
		saved: false,
	})
	const conflict = actionData?.conflict
	return (
		<div className="mx-auto max-w-6xl px-4 pb-10 pt-6 sm:px-6 sm:pt-10">
			<Link to={page.recordHref} className="text-sm font-medium text-navy-700 hover:underline">
				<span aria-hidden="true">← </span>
				{t('editor.back')}
			</Link>
			<h1 className="mt-3 text-balance text-2xl font-bold tracking-tight text-navy-900">{t('editor.heading', { title: page.title })}</h1>
			<p className="mt-1 max-w-prose text-slate-600">{page.status === 'approved' || page.status === 'published' ? t('editor.reapproval-warning') : t('editor.intro')}</p>
			{page.cancelled ? (
				<p role="note" className="mt-4 rounded-md border border-gold-400 bg-gold-300/30 px-4 py-3 text-sm text-slate-800">
					{t('record.cancelled')}
				</p>
			) : null}
			{unsaved.kept ? (
				<div className="mt-4">
					<KeptTypingNotice kept={unsaved.kept} keptAtText={unsaved.kept.keptAt.toLocaleString()} />
				</div>
			) : null}
			<FormProvider context={form.context}>
				<Form method="post" {...getFormProps(form)} {...check.formProps} ref={formRef} onSubmit={unsaved.submitHandler(form.onSubmit)} className="mt-6 space-y-8">
					<input type="hidden" name={fields.version.name} value={String(page.defaultValue.version ?? '')} />
					<FormErrors id={form.errorId} errors={form.errors}>
						{conflict ? (
							<div className="mt-2 space-y-2" data-testid="conflict">
								<p>{conflict.savedBy ? t('conflict.by', { name: conflict.savedBy, time: conflict.savedAt }) : t('conflict.anonymous', { time: conflict.savedAt })}</p>
								<p>{t('conflict.choices')}</p>
								<div className="flex flex-wrap gap-2">
									<a href={pathname} target="_blank" rel="noopener" className="rounded-md border border-red-700 px-3 py-1.5 font-medium text-red-800 hover:bg-red-100">
										{t('conflict.open-current')}
									</a>
									<button type="submit" name="overwrite" value={conflict.version} className="rounded-md bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800">
										{t('conflict.keep-mine')}
									</button>
								</div>
							</div>
						) : null}
					</FormErrors>

					<div className="grid gap-6 lg:grid-cols-2">
						{LANGS.map((lang) => {
							const version = fields[lang].getFieldset()
							const state = page.translation[lang]
							return (
								<fieldset key={lang} className="min-w-0 space-y-4 rounded-lg border border-slate-200 p-4 sm:p-6">
									<legend className="px-1 text-base font-semibold text-navy-900">{t(`editor.minutes.${lang}`)}</legend>
									<p className="text-sm text-slate-600">
										{state ? t(`translation.${state.state}`, { language: t(`language-name.${otherLang(lang)}`) }) : t('translation.missing')}
									</p>
									<TextareaField label={t('editor.body')} field={version.body} rows={14} hint={t('editor.body-hint')} className="font-mono text-sm" lang={HTML_LANG[lang]} />
									<CheckboxField label={t(`editor.up-to-date.${lang}`)} field={version.upToDate} />
								</fieldset>
							)
						})}
					</div>

					<fieldset className="space-y-4 rounded-lg border border-slate-200 p-4 sm:p-6">
						<legend className="px-1 text-base font-semibold text-navy-900">{t('record.decisions')}</legend>
						<p className="text-sm text-slate-600">{t('editor.rows-hint')}</p>
						{fields.decisions.getFieldList().map((decision, index) => {
							const row = decision.getFieldset()
							return (
								<div key={decision.key} className="grid gap-3 border-t border-slate-100 pt-3 sm:grid-cols-2" data-testid="decision-row">
									<input type="hidden" name={row.id.name} value={String(row.id.initialValue ?? '')} />
									<TextField label={t('editor.decision', { n: index + 1, language: t('language-name.en') })} field={row.en} lang="en" />
									<TextField label={t('editor.decision', { n: index + 1, language: t('language-name.zh') })} field={row.zh} lang="zh-CN" />
								</div>
							)
						})}
						<FieldErrors id={fields.decisions.errorId} errors={fields.decisions.errors} />
					</fieldset>

					<fieldset className="space-y-4 rounded-lg border border-slate-200 p-4 sm:p-6">
						<legend className="px-1 text-base font-semibold text-navy-900">{t('record.action-items')}</legend>
						<p className="text-sm text-slate-600">{t('editor.rows-hint')}</p>
						{fields.actionItems.getFieldList().map((item, index) => {
							const row = item.getFieldset()
							return (
								<div key={item.key} className="grid gap-3 border-t border-slate-100 pt-3 sm:grid-cols-2" data-testid="action-item-row">
									<input type="hidden" name={row.id.name} value={String(row.id.initialValue ?? '')} />
									<TextField label={t('editor.item', { n: index + 1, language: t('language-name.en') })} field={row.en} lang="en" />
									<TextField label={t('editor.item', { n: index + 1, language: t('language-name.zh') })} field={row.zh} lang="zh-CN" />
									<SelectField label={t('editor.owner')} field={row.ownerId} options={[{ value: '', label: t('editor.choose-owner') }, ...page.owners]} />
									<DateField label={t('editor.due')} field={row.dueDate} />
								</div>
							)
						})}
						<FieldErrors id={fields.actionItems.errorId} errors={fields.actionItems.errors} />
					</fieldset>

					<div className="flex flex-wrap gap-3">
						<SubmitButton>{t('editor.save')}</SubmitButton>
						<Link to={page.recordHref} className="inline-flex items-center rounded-md border border-slate-400 px-4 py-2 font-medium text-slate-800 hover:bg-slate-50">
							{t('editor.cancel')}
						</Link>
					</div>
				</Form>
			</FormProvider>
		</div>
	)
}

function DateField({ label, field }: { label: string; field: Parameters<typeof getInputProps>[0] }) {
	const props = getInputProps(field, { type: 'date' })
	return (
		<div>
			<label htmlFor={field.id} className="block text-sm font-medium text-slate-800">
				{label}
			</label>
			<input
				{...props}
				className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm focus:border-navy-600 focus:outline-none focus:ring-2 focus:ring-navy-600/30 aria-[invalid=true]:border-red-600"
			/>
			<FieldErrors id={field.errorId} errors={field.errors} />
		</div>
	)
}

