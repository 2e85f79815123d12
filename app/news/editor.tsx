/**
 * The side-by-side bilingual editor (English | 中文). One form holds both
 * language versions, the post's tags, group, cover and original language,
 * and every workflow button; the server decides which buttons the user may
 * press. Preview is a submit too, rendered with the article's own component
 * and styles, so it works without JavaScript and never loses what was typed.
 *
 * Nothing typed is lost: leaving with unsaved changes asks first, and typing
 * is kept in the browser until it is saved (app/ui/unsaved-changes.tsx).
 * Archive and unpublish ask first (app/ui/confirm.tsx). After a conflict the
 * other person's changes are shown field by field, to keep, take or merge.
 * The actions stay in reach at the bottom of the screen on long pages.
 */
import { FormProvider, getCollectionProps, getFormProps, useForm, type DefaultValue } from '@conform-to/react'
import { Form, useLocation } from '@remix-run/react'
import { useEffect, useMemo, useRef, type RefObject } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { DiffView } from '#app/documents/diff-view.tsx'
import { HTML_LANG, LANGS, otherLang, type Lang } from '#app/i18n/config.ts'
import { ConfirmationBox, ConfirmSubmit } from '#app/ui/confirm.tsx'
import { CheckboxField, FieldErrors, FormErrors, SelectField, SubmitButton, TextareaField, TextField } from '#app/ui/forms.tsx'
import { KeptTypingNotice, useUnsavedChanges } from '#app/ui/unsaved-changes.tsx'
import { ArticleContent } from './article-view.tsx'
import { choiceName } from './conflict-names.ts'
import type { EditorActionData, EditorConflict } from './editor.server.ts'
import { ImageButton, useImageUpload } from './image-upload.tsx'
import type { PreviewArticle } from './preview.server.ts'
import type { NewsPostFormInput } from './schema.ts'
import type { NewsStatus } from './workflow.ts'
import { useDeferredValidation } from '#app/forms/client-validation.ts'

export interface EditorVersionState {
	revision: number
	translatedFromRevision: number | null
	outdated: boolean
}

export interface EditorProps {
	formId: string
	/** The page's language. */
	lang: Lang
	defaultValue: DefaultValue<NewsPostFormInput>
	post: {
		status: NewsStatus
		reviewRequested: boolean
		/** An editor sent it back: submitting is "submit again". */
		changesRequested?: boolean
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
	/** True on the page a successful save lands on: the typing kept in the browser is forgotten. */
	saved: boolean
	/** Also forget what was kept under this key (the new-post form, once the post exists). */
	forgetKey?: string
	actionData: EditorActionData | undefined
}

const diffLabels = (t: TFunction<'newsroom'>) => ({
	inserted: t('diff.inserted'),
	deleted: t('diff.deleted'),
	before: t('diff.before'),
	after: t('diff.after'),
})

export function NewsEditor({ formId, lang, defaultValue, post, options, canPublish, timeZone, saved, forgetKey, actionData }: EditorProps) {
	const { t, i18n } = useTranslation('newsroom')
	// Not on blur: an error appearing as focus leaves a field would push the
	// buttons down under the pointer, and a click on "Publish" would miss.
	const check = useDeferredValidation(() => import('./schema.ts').then((m) => m.newsPostSchema), { shouldValidate: 'onSubmit', shouldRevalidate: 'onInput' })
	const [form, fields] = useForm<NewsPostFormInput>({
		id: formId,
		lastResult: actionData?.result,
		defaultValue,
		...check.options,
	})
	const formRef = useRef<HTMLFormElement>(null)
	const unsaved = useUnsavedChanges({ formRef, documentKey: formId, savedVersion: String(defaultValue?.version ?? 'new'), saved })
	useEffect(() => {
		if (!saved || !forgetKey) return
		try {
			window.localStorage.removeItem(`zevlab:unsaved:${forgetKey}`)
		} catch {
			// Storage disabled: nothing was kept.
		}
	}, [saved, forgetKey])
	const bodyIds = useMemo(
		() => Object.fromEntries(LANGS.map((l) => [l, fields[l].getFieldset().body.id])) as Record<Lang, string>,
		[fields],
	)
	const images = useImageUpload({ lang, bodyIds })
	const previewRef = useRef<HTMLElement>(null)
	const conflict = actionData?.conflict
	const preview = actionData?.preview
	useEffect(() => {
		if (preview) previewRef.current?.scrollIntoView({ block: 'start' })
	}, [preview])
	const status = post?.status ?? 'draft'
	const confirm = actionData?.confirm
	const { pathname } = useLocation()
	const keptAtText = unsaved.kept ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(unsaved.kept.keptAt) : ''
	return (
		<FormProvider context={form.context}>
			{unsaved.kept ? <KeptTypingNotice kept={unsaved.kept} keptAtText={keptAtText} /> : null}
			{confirm ? (
				<div className="mb-6">
					<ConfirmationBox pending={confirm} question={t(confirm.question as 'confirm.archive')} cancelHref={pathname} />
				</div>
			) : null}
			{preview ? <Preview sectionRef={previewRef} preview={preview} lang={lang} /> : null}
			<Form
				method="post"
				ref={formRef}
				{...getFormProps(form)}
				{...check.formProps}
				onSubmit={unsaved.submitHandler(form.onSubmit)}
				className="mt-6 space-y-8"
			>
				{/* A plain Enter in a text field saves; it never publishes. */}
				<button type="submit" name="intent" value="save" hidden tabIndex={-1} aria-hidden="true" />
				<input type="hidden" name={fields.version.name} value={String(defaultValue?.version ?? '')} />

				<FormErrors id={form.errorId} errors={form.errors}>
					{conflict ? <ConflictChoices conflict={conflict} /> : null}
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
						<legend className="text-sm font-medium text-slate-800">{t('editor.original')}</legend>
						<div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
							{getCollectionProps(fields.original, { type: 'radio', options: [...LANGS] }).map((props) => (
								<label key={props.key} className="flex items-center gap-2 text-sm text-slate-800">
									<input {...props} key={undefined} className="size-4 border-slate-300" />
									{t(`editor.version.${props.value as Lang}`)}
								</label>
							))}
						</div>
						<p className="mt-1 text-sm text-slate-500">{t('editor.original-hint')}</p>
					</fieldset>
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
					{LANGS.map((l) => {
						const version = fields[l].getFieldset()
						const state = post?.versions[l]
						const other = otherLang(l)
						return (
							<fieldset key={l} lang={HTML_LANG[l]} className="min-w-0 space-y-4 rounded-lg border border-slate-200 p-4 sm:p-6">
								<legend lang={undefined} className="px-1 text-base font-semibold text-navy-900">
									{t(`editor.version.${l}`)}
								</legend>
								<TranslationState lang={l} state={state} otherExists={Boolean(post?.versions[other])} />
								<TextField label={t('editor.title')} field={version.title} />
								<TextField label={t('editor.slug')} field={version.slug} hint={t(`editor.slug-hint-${l}`)} />
								<TextareaField label={t('editor.summary')} field={version.summary} rows={3} />
								<div>
									<TextareaField
										label={t('editor.body')}
										field={version.body}
										rows={16}
										hint={t('editor.body-hint')}
										className="font-mono text-sm"
									/>
									<ImageButton lang={l} onFile={images.start} />
								</div>
								<TextareaField label={t('editor.seo-description')} field={version.seoDescription} rows={2} hint={t('editor.seo-hint')} />
								<TextField label={t('editor.cover-alt')} field={version.coverAlt} />
								<CheckboxField label={t(`editor.up-to-date.${l}`)} field={version.upToDate} hint={t('editor.up-to-date-hint')} />
							</fieldset>
						)
					})}
				</div>

				{canPublish ? (
					<fieldset className="space-y-4 rounded-lg border border-slate-200 p-4 sm:p-6">
						<legend className="px-1 text-sm font-semibold text-navy-900">{t('editor.schedule')}</legend>
						<div className="flex flex-wrap items-end gap-3">
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
					</fieldset>
				) : null}

				{/* Sticky: on a long page (a phone) the actions stay in reach. */}
				<fieldset className="sticky bottom-0 z-10 -mx-4 border-t border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-4px_12px_-6px_rgb(15_23_42/0.15)] backdrop-blur sm:mx-0 sm:rounded-lg sm:border sm:px-6" data-testid="editor-actions">
					<legend className="sr-only">{t('editor.actions')}</legend>
					<div className="flex flex-wrap gap-2 sm:gap-3">
						<SubmitButton name="intent" value="save">
							{status === 'draft' ? t('actions.save-draft') : t('actions.save')}
						</SubmitButton>
						<SubmitButton name="intent" value="preview" variant="secondary">
							{t('actions.preview')}
						</SubmitButton>
						{!canPublish && status === 'draft' ? (
							<SubmitButton name="intent" value="submit" variant="secondary">
								{post?.reviewRequested || post?.changesRequested ? t('actions.resubmit') : t('actions.submit')}
							</SubmitButton>
						) : null}
						{canPublish && status !== 'published' ? (
							<SubmitButton name="intent" value="publish" variant="secondary">
								{t('actions.publish')}
							</SubmitButton>
						) : null}
						{canPublish && (status === 'published' || status === 'scheduled') ? (
							<ConfirmSubmit name="intent" value="unpublish" question={t('confirm.unpublish')} variant="secondary">
								{t('actions.unpublish')}
							</ConfirmSubmit>
						) : null}
						{canPublish && status !== 'archived' && post ? (
							<ConfirmSubmit name="intent" value="archive" question={t('confirm.archive')}>
								{t('actions.archive')}
							</ConfirmSubmit>
						) : null}
					</div>
				</fieldset>
			</Form>
			{images.dialog}
		</FormProvider>
	)
}

/** Each version as the article will look, with the article's own component and styles. */
function Preview({ preview, lang, sectionRef }: { preview: Record<Lang, PreviewArticle | null>; lang: Lang; sectionRef: RefObject<HTMLElement> }) {
	const { t } = useTranslation(['newsroom', 'news'])
	return (
		<section ref={sectionRef} aria-labelledby="preview-heading" className="scroll-mt-4 rounded-lg border border-dashed border-navy-600/40 bg-slate-50 p-4 sm:p-6" data-testid="preview">
			<h2 id="preview-heading" className="text-sm font-semibold uppercase tracking-wider text-slate-500">
				{t('newsroom:editor.preview')}
			</h2>
			<div className="mt-2 grid gap-6 lg:grid-cols-2">
				{LANGS.map((l) => {
					const article = preview[l]
					return (
						<section
							key={l}
							aria-label={t('newsroom:editor.preview-of', { language: t(`newsroom:editor.version.${l}`) })}
							className="min-w-0 rounded-md bg-white p-4 shadow-sm sm:p-6"
						>
							<p className="text-xs font-semibold uppercase tracking-wider text-slate-500">{t(`newsroom:editor.version.${l}`)}</p>
							{article ? (
								<ArticleContent
									article={article}
									pageLang={l === lang ? undefined : HTML_LANG[lang]}
									titleLevel={2}
									meta={<span>{t('news:article.reading-time', { count: article.readingMinutes })}</span>}
								/>
							) : (
								<p className="mt-2 text-sm text-slate-500">{t('newsroom:editor.preview-empty')}</p>
							)}
						</section>
					)
				})}
			</div>
		</section>
	)
}

/**
 * After a conflict: who saved, and for each field they changed, their change
 * and this editor's, with a choice. Submitting saves with the choices,
 * replacing only what was chosen to replace (they are told).
 */
function ConflictChoices({ conflict }: { conflict: EditorConflict }) {
	const { t } = useTranslation('newsroom')
	const { pathname } = useLocation()
	return (
		<div className="mt-2 space-y-4" data-testid="conflict">
			<p>
				{conflict.savedBy ? t('conflict.by', { name: conflict.savedBy, time: conflict.savedAt }) : t('conflict.anonymous', { time: conflict.savedAt })}
			</p>
			{conflict.fields.length > 0 ? <p>{t('conflict.fields-intro')}</p> : <p>{t('conflict.nothing-to-choose')}</p>}
			{conflict.fields.map((field) => (
				<fieldset key={field.field} className="rounded-md border border-red-200 bg-white p-3 text-slate-800" data-testid="conflict-field" data-field={field.field}>
					<legend className="px-1 font-semibold text-navy-900">{field.label}</legend>
					<p className="text-sm font-medium text-slate-600">{t('conflict.their-change')}</p>
					<DiffView parts={field.theirChange} lang={field.lang ? HTML_LANG[field.lang] : 'en'} labels={diffLabels(t)} className="mt-1 text-sm" />
					<p className="mt-3 text-sm font-medium text-slate-600">{t('conflict.my-change')}</p>
					<DiffView parts={field.myChange} lang={field.lang ? HTML_LANG[field.lang] : 'en'} labels={diffLabels(t)} layout="inline" className="mt-1 text-sm" />
					<div className="mt-3 flex flex-wrap gap-x-5 gap-y-2 text-sm">
						{(['mine', 'theirs', 'merged'] as const)
							.filter((choice) => choice !== 'merged' || field.merged !== null)
							.map((choice) => (
								<label key={choice} className="flex items-center gap-2">
									<input type="radio" name={choiceName(field.field)} value={choice} defaultChecked={field.choice === choice} className="size-4" />
									{t(`conflict.choice.${choice}`)}
								</label>
							))}
					</div>
					{field.merged !== null ? (
						<details className="mt-2 text-sm">
							<summary className="cursor-pointer text-navy-700 underline">{t('conflict.show-merged')}</summary>
							<p lang={field.lang ? HTML_LANG[field.lang] : undefined} className="mt-1 whitespace-pre-wrap break-words rounded bg-slate-50 p-2">
								{field.merged}
							</p>
						</details>
					) : null}
				</fieldset>
			))}
			<div className="flex flex-wrap gap-2">
				<button type="submit" name="overwrite" value={conflict.version} className="rounded-md bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800">
					{t('conflict.save-choices')}
				</button>
				<a href={pathname} target="_blank" rel="noopener" className="rounded-md border border-red-700 px-3 py-1.5 font-medium text-red-800 hover:bg-red-100">
					{t('conflict.open-current')}
				</a>
			</div>
		</div>
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
