/**
 * The group form: slug and visibility (when creating; visibility also for
 * admins later), then name, summary and charter in both languages side by
 * side. Admins archive or restore the group below it (archiving asks first).
 * Typing is kept in the browser and leaving asks first.
 */
import { FormProvider, getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form, useLocation } from '@remix-run/react'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { HTML_LANG, LANGS, type Lang } from '#app/i18n/config.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import { ConfirmationBox, ConfirmSubmit, type PendingConfirmation } from '#app/ui/confirm.tsx'
import { FormErrors, SelectField, SubmitButton, TextareaField, TextField } from '#app/ui/forms.tsx'
import { KeptTypingNotice, useUnsavedChanges } from '#app/ui/unsaved-changes.tsx'
import type { groupCreateSchema } from './schema.ts'
import type { z } from 'zod'
import { useDeferredValidation } from '#app/forms/client-validation.ts'
import { Link } from '#app/ui/link.tsx'

export interface GroupEditorProps {
	lang: Lang
	formKey: string
	defaultValue: { slug: string; visibility: string; en: { name: string; summary: string; description: string }; zh: { name: string; summary: string; description: string } }
	isNew: boolean
	canChangeVisibility: boolean
	archive: { archived: boolean } | null
	cancelHref: string
	actionData: { result?: SubmissionResult<string[]>; confirm?: PendingConfirmation } | undefined
}

export function GroupEditor({ lang, formKey, defaultValue, isNew, canChangeVisibility, archive, cancelHref, actionData }: GroupEditorProps) {
	const { t } = useTranslation(['groups', 'common'])
	const { pathname } = useLocation()
	const formRef = useRef<HTMLFormElement>(null)
	// One form for both: a new group's schema also asks for the slug, which an existing group's form does not show.
	const check = useDeferredValidation(
		() => import('./schema.ts').then((m) => (isNew ? m.groupCreateSchema : (m.groupEditSchema as unknown as typeof m.groupCreateSchema))),
		{ shouldValidate: 'onSubmit', shouldRevalidate: 'onInput' },
	)
	const [form, fields] = useForm<z.input<typeof groupCreateSchema>>({
		id: formKey,
		lastResult: actionData?.result,
		defaultValue,
		...check.options,
	})
	const unsaved = useUnsavedChanges({ formRef, documentKey: formKey, savedVersion: formKey, saved: false })
	const formProps = getFormProps(form)
	return (
		<div className="space-y-6">
			{unsaved.kept ? <KeptTypingNotice kept={unsaved.kept} keptAtText={formatDateTime(lang, unsaved.kept.keptAt)} /> : null}
			{actionData?.confirm ? <ConfirmationBox pending={actionData.confirm} question={t('groups:editor.archive-question')} cancelHref={pathname} /> : null}
			<FormProvider context={form.context}>
				<Form
					method="post"
					{...formProps}
					{...check.formProps}
					ref={formRef}
					className="space-y-8"
					onSubmit={unsaved.submitHandler(formProps.onSubmit)}
				>
					<FormErrors id={form.errorId} errors={form.errors} />
					{isNew || canChangeVisibility ? (
						<fieldset className="grid gap-5 rounded-lg border border-slate-200 p-4 sm:grid-cols-2 sm:p-6">
							<legend className="px-1 text-sm font-semibold text-navy-900">{t('groups:editor.settings')}</legend>
							{isNew ? <TextField label={t('groups:editor.slug')} field={fields.slug} hint={t('groups:editor.slug-hint')} /> : null}
							<SelectField
								label={t('groups:editor.visibility')}
								field={fields.visibility}
								options={[
									{ value: 'public', label: t('groups:editor.visibility-public') },
									{ value: 'private', label: t('groups:editor.visibility-private') },
								]}
							/>
						</fieldset>
					) : null}
					<div className="grid gap-6 lg:grid-cols-2">
						{LANGS.map((l) => {
							const text = fields[l].getFieldset()
							return (
								<fieldset key={l} lang={HTML_LANG[l]} className="min-w-0 space-y-4 rounded-lg border border-slate-200 p-4 sm:p-6">
									<legend lang={HTML_LANG[lang]} className="px-1 text-base font-semibold text-navy-900">
										{t(`groups:editor.version.${l}`)}
									</legend>
									<TextField label={t('groups:editor.name')} field={text.name} />
									<TextareaField label={t('groups:editor.summary')} field={text.summary} rows={3} />
									<TextareaField label={t('groups:editor.charter')} field={text.description} rows={12} hint={t('groups:editor.charter-hint')} className="font-mono text-sm" />
								</fieldset>
							)
						})}
					</div>
					<div className="flex flex-wrap items-center gap-3">
						<SubmitButton>{isNew ? t('groups:editor.create') : t('groups:editor.save')}</SubmitButton>
						<Link to={cancelHref} className="font-medium text-navy-700 underline underline-offset-2">
							{t('groups:editor.back')}
						</Link>
					</div>
				</Form>
			</FormProvider>
			{archive ? (
				<Form method="post" className="rounded-lg border border-amber-300 p-4 sm:p-6" data-testid="archive-group">
					<h2 className="font-semibold text-navy-900">{archive.archived ? t('groups:editor.restore-heading') : t('groups:editor.archive-heading')}</h2>
					<p className="mt-1 text-sm text-slate-700">{archive.archived ? t('groups:editor.restore-hint') : t('groups:editor.archive-hint')}</p>
					<div className="mt-3">
						{archive.archived ? (
							<SubmitButton name="intent" value="restore" variant="secondary">
								{t('groups:editor.restore')}
							</SubmitButton>
						) : (
							<ConfirmSubmit name="intent" value="archive" question={t('groups:editor.archive-question')}>
								{t('groups:editor.archive')}
							</ConfirmSubmit>
						)}
					</div>
				</Form>
			) : null}
		</div>
	)
}
