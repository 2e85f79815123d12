/**
 * The newsroom's images: upload one and copy the Markdown that shows it in a
 * post. For writers (researchers, editors, admins); everyone else gets a
 * 404. The server decides what an upload is from its bytes (see
 * app/models/media.server.ts); the page states the limits and, with
 * JavaScript, checks size before sending. Works without JavaScript.
 */
import { FormProvider, getFormProps, getInputProps, useField, useForm, type FieldMetadata } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import {
	data,
	MaxPartSizeExceededError,
	unstable_composeUploadHandlers,
	unstable_createMemoryUploadHandler,
	unstable_parseMultipartFormData,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
	type UploadHandler,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { requirePermission } from '#app/auth/auth.server.ts'
import { FormErrors, StatusNotice, SubmitButton } from '#app/ui/forms.tsx'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { localizePath, requireLang } from '#app/i18n/lang.ts'
import { listMedia, storeImage } from '#app/media/media.queries.server.ts'
import { formatBytes, formatDateTime, formatNumber } from '#app/i18n/format.ts'
import { ACCEPTED_CONTENT_TYPES, MAX_IMAGE_SIDE_PX, MAX_UPLOAD_BYTES, type MediaError } from '#app/media/limits.ts'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['media', 'validation'] }

const uploadSchema = z.object({
	file: z
		.instanceof(File, { message: 'media:errors.missing' })
		.refine((file) => file.size > 0, 'media:errors.missing')
		.refine((file) => file.size <= MAX_UPLOAD_BYTES, 'media:errors.too-large'),
})

const PAGE_SIZE = 24
/** Room for the multipart framing around the one file a request carries. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024
const ERROR_STATUS: Partial<Record<MediaError, number>> = {
	'media:errors.too-large': 413,
	'media:errors.unsupported-type': 415,
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const lang = requireLang(params)
	const { user } = await requirePermission({ request, context }, 'media:upload')
	const before = new URL(request.url).searchParams.get('before')
	// A cursor is an id; anything else shows the newest page.
	const cursor = before && /^\d{1,18}$/.test(before) ? before : null
	const [t, page] = await Promise.all([getFixedT(lang, ['media', 'common']), listMedia({ limit: PAGE_SIZE, before: cursor })])
	return {
		lang,
		meta: { title: t('common:meta.title', { page: t('media:page.title') }), description: t('media:page.description') },
		limits: { max: formatBytes(lang, MAX_UPLOAD_BYTES), side: formatNumber(lang, MAX_IMAGE_SIDE_PX) },
		images: page.rows.map((image) => ({
			id: image.id,
			url: image.url,
			width: image.width,
			height: image.height,
			widthText: formatNumber(lang, image.width),
			heightText: formatNumber(lang, image.height),
			size: formatBytes(lang, image.byteSize),
			name: image.originalName,
			uploader: image.uploaderName,
			uploadedAt: formatDateTime(lang, image.createdAt, { timeZone: user.timeZone }),
			markdown: markdownSnippet(t('media:list.altPlaceholder'), image.url),
		})),
		olderHref: page.nextBefore ? `?${new URLSearchParams({ before: page.nextBefore })}` : null,
		newestHref: cursor ? localizePath(lang, '/newsroom/media') : null,
	}
}

function markdownSnippet(alt: string, url: string) {
	return `![${alt}](${url})`
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const lang = requireLang(params)
	// Before reading a byte of the body: strangers cannot make us buffer uploads.
	const { user } = await requirePermission({ request, context }, 'media:upload')

	const declaredBytes = Number(request.headers.get('Content-Length') ?? 0)
	if (declaredBytes > MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES) return refusal({ file: 'media:errors.too-large' })
	let formData: FormData
	try {
		formData = await readUpload(request)
	} catch (error) {
		if (error instanceof MaxPartSizeExceededError) return refusal({ file: 'media:errors.too-large' })
		// Not multipart, malformed, or cut off: the browser's request, not our bug.
		return refusal({ form: 'media:errors.unreadable' })
	}

	const submission = parseWithZod(formData, { schema: uploadSchema })
	if (submission.status !== 'success') {
		const tooLarge = submission.error?.file?.includes('media:errors.too-large')
		return data({ result: submission.reply(), uploaded: null }, { status: tooLarge ? 413 : 400 })
	}
	const { file } = submission.value
	const stored = await storeImage({ bytes: new Uint8Array(await file.arrayBuffer()), originalName: file.name, uploadedBy: user.id })
	if (!stored.ok) {
		return data(
			{ result: submission.reply({ fieldErrors: { file: [stored.error] } }), uploaded: null },
			{ status: ERROR_STATUS[stored.error] ?? 400 },
		)
	}
	const t = await getFixedT(lang, 'media')
	return data({
		result: submission.reply({ resetForm: true }),
		uploaded: { name: file.name, url: stored.image.url, markdown: markdownSnippet(t('list.altPlaceholder'), stored.image.url) },
	})
}

/**
 * The multipart body, holding at most one file (`file`, up to the limit) in
 * memory. Every other part is read and dropped, so extra parts cost no memory.
 */
function readUpload(request: Request): Promise<FormData> {
	let fileTaken = false
	const discard: UploadHandler = async ({ data: chunks }) => {
		for await (const _chunk of chunks) {
			// Dropped.
		}
		return undefined
	}
	return unstable_parseMultipartFormData(
		request,
		unstable_composeUploadHandlers(
			unstable_createMemoryUploadHandler({
				maxPartSize: MAX_UPLOAD_BYTES,
				filter: ({ name, filename }) => {
					if (name !== 'file' || typeof filename !== 'string' || fileTaken) return false
					fileTaken = true
					return true
				},
			}),
			discard,
		),
	)
}

/** An answer without a parsed submission: the body was refused before it could be read. */
function refusal(error: { file: MediaError } | { form: 'media:errors.unreadable' }) {
	const empty = parseWithZod(new FormData(), { schema: z.object({}) })
	const result = 'file' in error ? empty.reply({ fieldErrors: { file: [error.file] } }) : empty.reply({ formErrors: [error.form] })
	return data({ result, uploaded: null }, { status: 'file' in error ? (ERROR_STATUS[error.file] ?? 400) : 400 })
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: '/newsroom/media', noindex: true })

export default function NewsroomMedia() {
	const { images, limits, olderHref, newestHref } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation(['media', 'validation'])
	const [form, fields] = useForm({
		id: 'upload',
		lastResult: actionData?.result,
		shouldValidate: 'onSubmit',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: uploadSchema }),
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
						<Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="mt-4 space-y-4">
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
					{olderHref || newestHref ? (
						<nav aria-label={t('list.pagination')} className="mt-6 flex flex-wrap justify-between gap-3">
							{newestHref ? <Link to={newestHref} className="font-medium text-navy-700 underline hover:text-navy-900">{t('list.newest')}</Link> : <span />}
							{olderHref ? <Link to={olderHref} className="font-medium text-navy-700 underline hover:text-navy-900">{t('list.older')}</Link> : null}
						</nav>
					) : null}
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

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
