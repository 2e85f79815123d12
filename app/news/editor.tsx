/**
 * The side-by-side bilingual editor (English | 中文). One form holds both
 * language versions, the post's tags, group and cover, and every workflow
 * button; the server decides which buttons the user may press. Preview is a
 * submit too (rendered by the same sanitizing renderer readers get), so it
 * works without JavaScript and never loses what was typed.
 */
import { FormProvider, getCollectionProps, getFormProps, useForm, type DefaultValue, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { Form, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CheckboxField, FieldErrors, FormErrors, SelectField, SubmitButton, TextareaField, TextField } from '#app/ui/forms.tsx'
import { HTML_LANG, LANGS, otherLang, type Lang } from '#app/i18n/config.ts'
import { fieldLabel } from './field-labels.ts'
import { newsPostSchema, type NewsPostFormInput } from './schema.ts'
import type { NewsStatus } from './workflow.ts'

export interface EditorVersionState {
	revision: number
	translatedFromRevision: number | null
	outdated: boolean
}

export interface EditorProps {
	formId: string
	defaultValue: DefaultValue<NewsPostFormInput>
	post: {
		status: NewsStatus
		reviewRequested: boolean
		versions: Partial<Record<Lang, EditorVersionState>>
	} | null
	options: {
		groups: { value: string; label: string }[]
		tags: { slug: string; label: string }[]
		media: { value: string; label: string }[]
	}
	canPublish: boolean
	/** The editor's time zone, named next to the schedule field. */
	timeZone: string
	actionData:
		| {
				result: SubmissionResult<string[]>
				preview: Record<Lang, string> | null
				conflict: { version: number; savedBy: string | null; savedAt: string; changedFields: string[] } | null
		  }
		| undefined
}

export function NewsEditor({ formId, defaultValue, post, options, canPublish, timeZone, actionData }: EditorProps) {
	const { t } = useTranslation('newsroom')
	const [form, fields] = useForm<NewsPostFormInput>({
		id: formId,
		lastResult: actionData?.result,
		defaultValue,
		// Not on blur: an error appearing as focus leaves a field would push the
		// buttons down under the pointer, and a click on "Publish" would miss.
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: newsPostSchema }),
	})
	const conflict = actionData?.conflict
	const preview = actionData?.preview
	const status = post?.status ?? 'draft'
	const { pathname } = useLocation()
	return (
		<FormProvider context={form.context}>
			<Form method="post" {...getFormProps(form)} className="space-y-8">
				{/* A plain Enter in a text field saves; it never publishes. */}
				<button type="submit" name="intent" value="save" hidden tabIndex={-1} aria-hidden="true" />
				<input type="hidden" name={fields.version.name} value={String(defaultValue?.version ?? '')} />

				<FormErrors id={form.errorId} errors={form.errors}>
					{conflict ? (
						<div className="mt-2 space-y-2">
							<p>
								{conflict.savedBy
									? t('conflict.by', { name: conflict.savedBy, time: conflict.savedAt })
									: t('conflict.anonymous', { time: conflict.savedAt })}
							</p>
							{conflict.changedFields.length > 0 ? (
								<p>{t('conflict.fields', { fields: conflict.changedFields.map((f) => fieldLabel(t, f)).join(t('list-separator')) })}</p>
							) : null}
							<p>{t('conflict.choices')}</p>
							<div className="flex flex-wrap gap-2">
								<a href={pathname} target="_blank" rel="noopener" className="rounded-md border border-red-700 px-3 py-1.5 font-medium text-red-800 hover:bg-red-100">
									{t('conflict.open-current')}
								</a>
								<button
									type="submit"
									name="overwrite"
									value={conflict.version}
									className="rounded-md bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800"
								>
									{t('conflict.keep-mine')}
								</button>
							</div>
						</div>
					) : null}
				</FormErrors>

				<fieldset className="grid gap-5 rounded-lg border border-slate-200 p-4 sm:grid-cols-2 sm:p-6">
					<legend className="px-1 text-sm font-semibold text-navy-900">{t('editor.details')}</legend>
					<SelectField
						label={t('editor.group')}
						field={fields.workingGroup}
						options={[{ value: '', label: t('editor.no-group') }, ...options.groups]}
					/>
					<SelectField
						label={t('editor.cover')}
						field={fields.coverMediaId}
						options={[{ value: '', label: t('editor.no-cover') }, ...options.media]}
					/>
					<fieldset className="sm:col-span-2">
						<legend className="text-sm font-medium text-slate-800">{t('editor.tags')}</legend>
						<div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
							{getCollectionProps(fields.tags, { type: 'checkbox', options: options.tags.map((tag) => tag.slug) }).map((props, i) => (
								<label key={props.key} className="flex items-center gap-2 text-sm text-slate-800">
									<input {...props} key={undefined} className="size-4 rounded border-slate-300" />
									{options.tags[i]?.label}
								</label>
							))}
						</div>
						<FieldErrors id={fields.tags.errorId} errors={fields.tags.errors} />
					</fieldset>
				</fieldset>

				<div className="grid gap-6 lg:grid-cols-2">
					{LANGS.map((lang) => {
						const version = fields[lang].getFieldset()
						const state = post?.versions[lang]
						const other = otherLang(lang)
						return (
							<fieldset key={lang} lang={HTML_LANG[lang]} className="min-w-0 space-y-4 rounded-lg border border-slate-200 p-4 sm:p-6">
								<legend lang={undefined} className="px-1 text-base font-semibold text-navy-900">
									{t(`editor.version.${lang}`)}
								</legend>
								<TranslationState lang={lang} state={state} otherExists={Boolean(post?.versions[other])} />
								<TextField label={t('editor.title')} field={version.title} />
								<TextField label={t('editor.slug')} field={version.slug} hint={t('editor.slug-hint')} />
								<TextareaField label={t('editor.summary')} field={version.summary} rows={3} />
								<TextareaField
									label={t('editor.body')}
									field={version.body}
									rows={16}
									hint={t('editor.body-hint')}
									className="font-mono text-sm"
								/>
								{preview ? (
									<section aria-label={t('editor.preview-of', { language: t(`editor.version.${lang}`) })} className="rounded-md border border-dashed border-navy-600/40 bg-slate-50 p-4">
										<p className="text-xs font-semibold uppercase tracking-wider text-slate-500">{t('editor.preview')}</p>
										{preview[lang] ? (
											// Rendered and sanitized on the server by the readers' renderer.
											<div className="prose-news mt-2" dangerouslySetInnerHTML={{ __html: preview[lang] }} />
										) : (
											<p className="mt-2 text-sm text-slate-500">{t('editor.preview-empty')}</p>
										)}
									</section>
								) : null}
								<TextareaField label={t('editor.seo-description')} field={version.seoDescription} rows={2} hint={t('editor.seo-hint')} />
								<TextField label={t('editor.cover-alt')} field={version.coverAlt} />
								<CheckboxField
									label={t(`editor.up-to-date.${lang}`)}
									field={version.upToDate}
									hint={t('editor.up-to-date-hint')}
								/>
							</fieldset>
						)
					})}
				</div>

				<fieldset className="space-y-4 rounded-lg border border-slate-200 p-4 sm:p-6">
					<legend className="px-1 text-sm font-semibold text-navy-900">{t('editor.actions')}</legend>
					<div className="flex flex-wrap gap-3">
						<SubmitButton name="intent" value="save">
							{status === 'draft' ? t('actions.save-draft') : t('actions.save')}
						</SubmitButton>
						<SubmitButton name="intent" value="preview" variant="secondary">
							{t('actions.preview')}
						</SubmitButton>
						{!canPublish && status === 'draft' ? (
							<SubmitButton name="intent" value="submit" variant="secondary">
								{post?.reviewRequested ? t('actions.resubmit') : t('actions.submit')}
							</SubmitButton>
						) : null}
						{canPublish && status !== 'published' ? (
							<SubmitButton name="intent" value="publish" variant="secondary">
								{t('actions.publish')}
							</SubmitButton>
						) : null}
						{canPublish && (status === 'published' || status === 'scheduled') ? (
							<SubmitButton name="intent" value="unpublish" variant="secondary">
								{t('actions.unpublish')}
							</SubmitButton>
						) : null}
						{canPublish && status !== 'archived' && post ? (
							<SubmitButton name="intent" value="archive" variant="danger">
								{t('actions.archive')}
							</SubmitButton>
						) : null}
					</div>
					{canPublish ? (
						<div className="flex flex-wrap items-end gap-3 border-t border-slate-200 pt-4">
							<div className="w-full max-w-xs">
								<TextField
									label={t('editor.publish-at', { timeZone: timeZone.replaceAll('_', ' ') })}
									field={fields.publishAt}
									type="datetime-local"
								/>
							</div>
							<SubmitButton name="intent" value="schedule" variant="secondary">
								{status === 'scheduled' ? t('actions.reschedule') : t('actions.schedule')}
							</SubmitButton>
						</div>
					) : null}
				</fieldset>
			</Form>
		</FormProvider>
	)
}

function TranslationState({ lang, state, otherExists }: { lang: Lang; state: EditorVersionState | undefined; otherExists: boolean }) {
	const { t } = useTranslation('newsroom')
	const other = otherLang(lang)
	let text: string
	let tone = 'bg-slate-100 text-slate-700'
	if (!state) text = t('translation.missing')
	else if (!otherExists || state.translatedFromRevision === null) text = t('translation.original', { revision: state.revision })
	else if (state.outdated) {
		text = t(`translation.outdated.${other}`, { from: state.translatedFromRevision })
		tone = 'bg-amber-100 text-amber-900'
	} else {
		text = t(`translation.current.${other}`, { from: state.translatedFromRevision })
		tone = 'bg-leaf-50 text-leaf-800'
	}
	return <p className={`inline-block rounded px-2 py-1 text-sm ${tone}`}>{text}</p>
}
