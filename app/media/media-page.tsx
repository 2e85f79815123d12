/**
 * The newsroom's images page: upload one image and copy the Markdown that
 * shows it in a post. States the limits and, with JavaScript, checks the
 * size before sending. Works without JavaScript.
 */
import { FormProvider, getFormProps, getInputProps, useField, useForm, type FieldMetadata, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormErrors, StatusNotice, SubmitButton } from '#app/ui/forms.tsx'
import type { PageData } from '#app/ui/page-data.ts'
import { ACCEPTED_CONTENT_TYPES, MAX_UPLOAD_BYTES, type MediaError } from './limits.ts'
import type { loadMediaPage } from './upload-page.server.ts'
import type { uploadSchema } from './upload-schema.ts'
import type { z } from 'zod'
import { useDeferredValidation } from '#app/forms/client-validation.ts'
import { Pager } from '#app/ui/pager.tsx'
import { Link } from '#app/ui/link.tsx'

export function MediaPage({
	page: { images, limits, olderHref, newestHref },
	actionData,
}: {
	page: PageData<typeof loadMediaPage>
	actionData: { result: SubmissionResult<string[]>; uploaded: { name: string; url: string; markdown: string } | null } | undefined
}) {
	const { t } = useTranslation(['media', 'validation'])
	const check = useDeferredValidation(() => import('./upload-schema.ts').then((m) => m.uploadSchema), { shouldValidate: 'onSubmit' })
	const [form, fields] = useForm<z.input<typeof uploadSchema>>({
		id: 'upload',
		lastResult: actionData?.result,
		...check.options,
	})
	const uploaded = actionData?.uploaded
	return (
		<div>
			<h1 className="text-2xl font-bold tracking-tight text-navy-900">{t('page.title')}</h1>
			<p className="mt-2 max-w-prose text-slate-600">{t('page.intro')}</p>

			<div className="mt-8 grid gap-10 lg:grid-cols-[1fr_20rem]">
				<section aria-labelledby="upload-heading" className="rounded-lg border border-slate-200 p-5 lg:col-start-2 lg:row-start-1 lg:self-start">
					<h2 id="upload-heading" className="text-lg font-semibold text-navy-900">{t('upload.heading')}</h2>
					<FormProvider context={form.context}>
						<Form method="post" encType="multipart/form-data" {...getFormProps(form)} {...check.formProps} className="mt-4 space-y-4">
							<FormErrors id={form.errorId} errors={form.errors} />
							<FileField field={fields.file} label={t('upload.file')} hint={t('upload.hint', limits)} limits={limits} />
							<SubmitButton>{t('upload.submit')}</SubmitButton>
						</Form>
					</FormProvider>
					{uploaded ? (
						<div className="mt-5 space-y-2" data-testid="upload-done">
							<StatusNotice>{t('upload.done', { name: uploaded.name })}</StatusNotice>
							<MarkdownInput id="uploaded-markdown" value={uploaded.markdown} label={t('upload.doneMarkdown')} />
						</div>
					) : null}
				</section>

				<section aria-labelledby="images-heading" className="min-w-0 lg:col-start-1 lg:row-start-1">
					<h2 id="images-heading" className="text-lg font-semibold text-navy-900">{t('list.heading')}</h2>
					{images.length === 0 ? <p className="mt-3 text-slate-600">{t('list.empty')}</p> : null}
					<ul className="mt-4 grid gap-4 sm:grid-cols-2" data-testid="media-list">
						{images.map((image) => {
							const name = image.name || t('list.untitled')
							return (
								<li key={image.id} className="flex min-w-0 flex-col overflow-hidden rounded-lg border border-slate-200" data-testid="media-item" data-url={image.url}>
									{/* The box is fixed, so nothing moves when the image arrives; the attributes give its shape. */}
									<img
										src={image.url}
										width={image.width}
										height={image.height}
										alt=""
										loading="lazy"
										decoding="async"
										className="h-44 w-full bg-slate-100 object-scale-down"
									/>
									<div className="space-y-1 p-4 text-sm">
										<p className="truncate font-medium text-slate-900" title={name}>{name}</p>
										<p className="text-slate-700">
											{t('list.dimensions', { width: image.widthText, height: image.heightText })} · {image.size}
										</p>
										<p className="text-slate-500">{t('list.uploaded', { name: image.uploader ?? t('list.unknownUploader'), date: image.uploadedAt })}</p>
										<div className="pt-2">
											<MarkdownInput id={`markdown-${image.id}`} value={image.markdown} label={t('list.markdown')} ariaLabel={t('list.markdownFor', { name })} />
										</div>
									</div>
								</li>
							)
						})}
					</ul>
					<Pager
						label={t('list.pagination')}
						newer={newestHref ? { href: newestHref, text: t('list.newest') } : null}
						older={olderHref ? { href: olderHref, text: t('list.older') } : null}
					/>
				</section>
			</div>
		</div>
	)
}

/** A file input whose errors name the limits (the shared fields translate keys without values). */
function FileField({ field, label, hint, limits }: { field: FieldMetadata<File>; label: string; hint: string; limits: { max: string; side: string } }) {
	const [meta] = useField<File>(field.name, { formId: field.formId })
	const { t, i18n } = useTranslation(['media', 'validation'])
	const text = (key: string) => (i18n.exists(key) ? t(key as MediaError, limits) : t('validation:invalid'))
	return (
		<div>
			<label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">
				{label}
			</label>
			<input
				{...getInputProps(meta, { type: 'file', ariaDescribedBy: `${meta.id}-hint` })}
				accept={ACCEPTED_CONTENT_TYPES.join(',')}
				className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-navy-900 file:bg-white file:px-3 file:py-2 file:font-medium file:text-navy-900 hover:file:bg-navy-50"
			/>
			<p id={`${meta.id}-hint`} className="mt-1 text-sm text-slate-500">
				{hint}
			</p>
			{meta.errors?.length ? (
				<ul id={meta.errorId} className="mt-1 space-y-0.5 text-sm text-red-700">
					{meta.errors.map((error) => (
						<li key={error}>{text(error)}</li>
					))}
				</ul>
			) : null}
		</div>
	)
}

/** The snippet to paste into a post, selected whole on focus (with JavaScript). */
function MarkdownInput({ id, value, label, ariaLabel }: { id: string; value: string; label: string; ariaLabel?: string }) {
	return (
		<div>
			<label htmlFor={id} className="block text-xs font-medium uppercase tracking-wide text-slate-500">
				{label}
			</label>
			<input
				id={id}
				type="text"
				readOnly
				value={value}
				aria-label={ariaLabel}
				onFocus={(event) => event.currentTarget.select()}
				className="mt-1 block w-full rounded-md border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-xs text-slate-800"
				data-testid="markdown-snippet"
			/>
		</div>
	)
}
