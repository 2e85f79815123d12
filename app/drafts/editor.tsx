/**
 * The bilingual editor: English | 中文 side by side, one row per section so
 * the languages stay aligned, each language of a section with its
 * translation state, a "translation updated" checkbox, and — for an outdated
 * translation — what changed in the source since, word by word.
 *
 * A plain form: without JavaScript it saves, previews, reorders and adds
 * sections by submitting, and the server sends every character back on a
 * refusal or a conflict. With JavaScript, what is typed is also kept in this
 * browser and offered back after a crash or reload, and leaving with unsaved
 * changes asks first (app/ui/unsaved-changes.tsx). Only the editing route
 * imports this module, so reading pages load none of it.
 */
import { Form } from '@remix-run/react'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { DiffView } from '#app/documents/diff-view.tsx'
import { HTML_LANG, LANGS, otherLang, type Lang } from '#app/i18n/config.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import { StatusNotice } from '#app/ui/forms.tsx'
import type { PageData } from '#app/ui/page-data.ts'
import { KeptTypingNotice, useUnsavedChanges } from '#app/ui/unsaved-changes.tsx'
import { DraftStatusBadge, SectionStateBadge } from './badges.tsx'
import { useDiffLabels } from './diff-labels.ts'
import type { ConflictView, loadEditorPage } from './editor-page.server.ts'
import type { EditorForm, FormMessage } from './editor-form.ts'
import { MAX_LANG_CHARS, MAX_MESSAGE_CHARS, MAX_TITLE_CHARS } from './model.ts'
import { Link } from '#app/ui/link.tsx'

export interface EditorActionData {
	form: EditorForm
	errors: FormMessage[]
	preview: Record<string, Record<Lang, string>> | null
	conflict: { headVersion: number; conflicts: ConflictView[]; missing: string[]; mergedIn: number } | null
}

type Page = PageData<typeof loadEditorPage>

const field =
	'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm focus:border-navy-600 focus:outline-none focus:ring-2 focus:ring-navy-600/30'
const button = 'inline-flex items-center justify-center rounded-md px-4 py-2 font-medium'
const primary = `${button} bg-navy-900 text-white hover:bg-navy-700`
const secondary = `${button} border border-navy-900 text-navy-900 hover:bg-navy-50`
const small = 'rounded border border-slate-300 px-2 py-1 text-sm text-slate-700 hover:bg-slate-50'

export function DraftEditor({ page, actionData, justSaved }: { page: Page; actionData: EditorActionData | undefined; justSaved: boolean }) {
	const { t } = useTranslation('drafts')
	const formRef = useRef<HTMLFormElement>(null)
	const form = actionData?.form ?? page.form
	const unsaved = useUnsavedChanges({
		formRef,
		documentKey: `policy-draft-${page.id}`,
		savedVersion: String(page.version),
		saved: justSaved,
	})
	const conflict = actionData?.conflict ?? null
	const conflictKeys = new Set(conflict?.conflicts.map((c) => c.key) ?? [])

	return (
		<div className="space-y-6">
			<header className="flex flex-wrap items-start justify-between gap-4">
				<div className="min-w-0">
					<p className="text-sm font-semibold uppercase tracking-wider text-leaf-600">{page.groupName}</p>
					<h1 className="mt-1 text-balance text-2xl font-bold tracking-tight text-navy-900">{t('edit.heading', { title: page.title })}</h1>
					<p className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-600">
						<DraftStatusBadge status={page.status} />
						<span>{t('edit.version', { version: page.version })}</span>
					</p>
				</div>
				<nav aria-label={t('edit.links')} className="flex flex-wrap gap-4 text-sm">
					<Link to={page.paths.draft} className="font-medium text-navy-700 underline">
						{t('edit.back')}
					</Link>
					<Link to={page.paths.history} className="font-medium text-navy-700 underline">
						{t('draft.history')}
					</Link>
				</nav>
			</header>

			{unsaved.kept ? <KeptTypingNotice kept={unsaved.kept} keptAtText={formatDateTime(page.lang, unsaved.kept.keptAt)} /> : null}
			{!actionData && page.notice ? <SavedNotice notice={page.notice} /> : null}
			<Messages messages={actionData?.errors ?? []} />

			<Form method="post" ref={formRef} className="space-y-6" data-testid="draft-editor">
				{/* Enter in a text field saves (the first submit button is the form's default). */}
				<button type="submit" name="intent" value="save" hidden tabIndex={-1} aria-hidden="true" />
				<input type="hidden" name="baseRevision" value={form.baseRevision ?? ''} />
				{form.mergeVersion ? <input type="hidden" name="mergeVersion" value={form.mergeVersion} /> : null}

				{conflict ? <ConflictPanel conflict={conflict} form={form} /> : null}

				<fieldset className="grid gap-4 rounded-lg border border-slate-200 p-4 sm:p-6 lg:grid-cols-2">
					<legend className="px-1 text-sm font-semibold text-navy-900">{t('edit.titles')}</legend>
					{LANGS.map((l) => (
						<div key={l} lang={HTML_LANG[l]}>
							<label htmlFor={`title-${l}`} className="block text-sm font-medium text-slate-800" lang={HTML_LANG[page.lang]}>
								{t(`edit.title-in.${l}`)}
							</label>
							<input id={`title-${l}`} name={`title.${l}`} defaultValue={form.title[l]} maxLength={MAX_TITLE_CHARS} className={field} />
						</div>
					))}
				</fieldset>

				<section aria-labelledby="sections-heading" className="space-y-4">
					<div className="flex flex-wrap items-baseline justify-between gap-2">
						<h2 id="sections-heading" className="text-lg font-semibold text-navy-900">
							{t('edit.sections')}
						</h2>
						<p className="max-w-prose text-sm text-slate-600">{t('edit.sections-hint', { max: MAX_LANG_CHARS.toLocaleString(page.lang) })}</p>
					</div>
					<div className="hidden grid-cols-2 gap-4 px-4 text-sm font-semibold text-slate-500 lg:grid" aria-hidden="true">
						<span>{t('column.en')}</span>
						<span>{t('column.zh')}</span>
					</div>
					{form.rows.map((row, index) => (
						<SectionRow
							key={row.key}
							page={page}
							row={row}
							index={index}
							count={form.rows.length}
							preview={actionData?.preview?.[row.key] ?? null}
							inConflict={LANGS.filter((l) => conflictKeys.has(`${row.key}.${l}`))}
						/>
					))}
					<button type="submit" name="intent" value="add" className={secondary}>
						{t('edit.add-section')}
					</button>
				</section>

				<fieldset className="space-y-4 rounded-lg border border-slate-200 p-4 sm:p-6">
					<legend className="px-1 text-sm font-semibold text-navy-900">{t('edit.save-legend')}</legend>
					<div>
						<label htmlFor="message" className="block text-sm font-medium text-slate-800">
							{t('edit.message')}
						</label>
						<input id="message" name="message" defaultValue={form.message} maxLength={MAX_MESSAGE_CHARS} className={field} aria-describedby="message-hint" />
						<p id="message-hint" className="mt-1 text-sm text-slate-500">
							{t('edit.message-hint')}
						</p>
					</div>
					<div className="flex flex-wrap gap-3">
						<button type="submit" name="intent" value="save" className={primary}>
							{conflict ? t('edit.save-resolved') : t('edit.save')}
						</button>
						<button type="submit" name="intent" value="preview" className={secondary}>
							{t('edit.preview')}
						</button>
					</div>
				</fieldset>
			</Form>
		</div>
	)
}

function Messages({ messages }: { messages: FormMessage[] }) {
	const { t } = useTranslation('drafts')
	if (messages.length === 0) return null
	return (
		<div role="alert" className="space-y-1 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800" data-testid="editor-errors">
			{messages.map((message) => (
				// Keys come from the server's own list (editor-form.ts, editor-page.server.ts).
				<p key={message.key}>{t(message.key as 'errors.conflict', message.values ?? {})}</p>
			))}
		</div>
	)
}

function SavedNotice({ notice }: { notice: NonNullable<Page['notice']> }) {
	const { t } = useTranslation('drafts')
	if (notice.kind === 'unchanged') return <StatusNotice>{t('edit.unchanged')}</StatusNotice>
	if (notice.kind === 'saved') return <StatusNotice>{t('edit.saved', { version: notice.version })}</StatusNotice>
	return (
		<div role="status" className="rounded-md border border-leaf-600/30 bg-leaf-50 px-4 py-3 text-sm text-slate-800" data-testid="merged-notice">
			<p className="font-medium">{t('edit.merged', { version: notice.version })}</p>
			<ul className="mt-2 list-disc space-y-1 pl-5">
				{notice.saves.map((save) => (
					<li key={save.version}>{t('edit.merged-save', { by: save.by, at: save.at, changes: save.changes || t('edit.no-changes') })}</li>
				))}
			</ul>
			<Link to={notice.compareHref} className="mt-2 inline-block font-medium text-navy-700 underline">
				{t('edit.merged-compare')}
			</Link>
		</div>
	)
}

function SectionRow({
	page,
	row,
	index,
	count,
	preview,
	inConflict,
}: {
	page: Page
	row: EditorForm['rows'][number]
	index: number
	count: number
	preview: Record<Lang, string> | null
	inConflict: Lang[]
}) {
	const { t } = useTranslation('drafts')
	const info = page.sections[row.key]
	const labels = useDiffLabels()
	return (
		<div
			className={`rounded-lg border p-4 ${inConflict.length > 0 ? 'border-red-300 bg-red-50/40' : 'border-slate-200'}`}
			data-testid="section-row"
			data-section={row.key}
		>
			<input type="hidden" name="section" value={row.key} />
			<div className="flex flex-wrap items-center justify-between gap-2">
				<h3 className="text-sm font-semibold text-slate-700">
					{info ? t('edit.section-number', { number: index + 1 }) : t('edit.new-section', { number: index + 1 })}
					{info && info.openThreads > 0 ? (
						<span className="ml-2 font-normal text-slate-500">{t('edit.open-threads', { count: info.openThreads })}</span>
					) : null}
				</h3>
				<div className="flex gap-2">
					{index > 0 ? (
						<button type="submit" name="intent" value={`up:${row.key}`} className={small} aria-label={t('edit.move-up-label', { number: index + 1 })}>
							{t('edit.move-up')}
						</button>
					) : null}
					{index < count - 1 ? (
						<button type="submit" name="intent" value={`down:${row.key}`} className={small} aria-label={t('edit.move-down-label', { number: index + 1 })}>
							{t('edit.move-down')}
						</button>
					) : null}
				</div>
			</div>
			<div className="mt-3 grid gap-4 lg:grid-cols-2">
				{LANGS.map((l) => {
					const state = info?.states[l] ?? null
					const change = info?.sourceChanges[l]
					const id = `text-${row.key}-${l}`
					return (
						<div key={l} className="min-w-0 space-y-2">
							<div className="flex flex-wrap items-center gap-2">
								<label htmlFor={id} className="text-sm font-medium text-slate-800">
									{t(`edit.text-in.${l}`, { number: index + 1 })}
								</label>
								{state ? <SectionStateBadge state={state} lang={l} /> : null}
							</div>
							<textarea
								id={id}
								name={`text.${row.key}.${l}`}
								lang={HTML_LANG[l]}
								defaultValue={row.text[l]}
								rows={Math.min(24, Math.max(6, row.text[l].split('\n').length + 2))}
								className={`${field} font-mono text-sm`}
								aria-invalid={inConflict.includes(l) || undefined}
							/>
							{change ? (
								<details open className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="source-changes">
									<summary className="cursor-pointer font-medium text-amber-900">
										{t('edit.source-changed', { language: t(`language.${change.source}`), from: change.fromRevision, to: change.toRevision })}
									</summary>
									<DiffView parts={change.parts} lang={HTML_LANG[change.source]} labels={labels} layout="inline" className="mt-2 text-slate-800" />
								</details>
							) : null}
							{/* A translation (outdated or current) is confirmed here; so is either of two texts written side by side. */}
							{info && (state === 'outdated' || state === 'current' || (state === 'original' && info.states[otherLang(l)] === 'original')) ? (
								<label className="flex items-start gap-2 text-sm text-slate-700">
									<input type="checkbox" name={`translated.${row.key}.${l}`} defaultChecked={row.translated[l]} className="mt-0.5 size-4 rounded border-slate-300" />
									<span>{t(`edit.translated.${l}`)}</span>
								</label>
							) : null}
							{preview ? (
								<section aria-label={t('edit.preview-of', { language: t(`language.${l}`) })} className="rounded-md border border-dashed border-navy-600/40 bg-slate-50 p-4" data-testid="preview">
									{preview[l] ? (
										// Rendered and sanitized on the server by the published page's renderer.
										<div lang={HTML_LANG[l]} className="prose" dangerouslySetInnerHTML={{ __html: preview[l] }} />
									) : (
										<p className="text-sm text-slate-500">{t('edit.preview-empty')}</p>
									)}
								</section>
							) : null}
						</div>
					)
				})}
			</div>
		</div>
	)
}

function ConflictPanel({ conflict, form }: { conflict: NonNullable<EditorActionData['conflict']>; form: EditorForm }) {
	const { t } = useTranslation('drafts')
	const labels = useDiffLabels()
	const missing = new Set(conflict.missing)
	return (
		<section aria-labelledby="conflicts-heading" className="space-y-4 rounded-lg border-2 border-red-300 p-4 sm:p-6" data-testid="conflicts">
			<h2 id="conflicts-heading" className="text-lg font-semibold text-red-900">
				{t('edit.conflict.heading', { count: conflict.conflicts.length })}
			</h2>
			<p className="max-w-prose text-sm text-slate-700">{t('edit.conflict.intro', { version: conflict.headVersion })}</p>
			{conflict.mergedIn > 0 ? <p className="text-sm text-slate-700">{t('edit.conflict.merged-in', { count: conflict.mergedIn })}</p> : null}
			{conflict.conflicts.map((c) => {
				const chosen = form.choices[c.key]
				const textLang = HTML_LANG[c.lang]
				const versions = [
					{ name: 'theirs' as const, text: c.theirs, changes: c.theirsChanges },
					{ name: 'ours' as const, text: c.ours, changes: c.oursChanges },
					{ name: 'base' as const, text: c.base, changes: null },
				]
				return (
					<fieldset
						key={c.key}
						className={`rounded-md border p-4 ${missing.has(c.key) ? 'border-red-600 bg-red-50' : 'border-slate-300'}`}
						data-testid="conflict"
						data-key={c.key}
					>
						<legend className="px-1 font-semibold text-navy-900">{c.label}</legend>
						<p className="text-sm text-slate-600">{t(`edit.conflict.reason.${c.reason}`)}</p>
						<div className="mt-3 grid gap-3 lg:grid-cols-3">
							{versions.map((version) => (
								<div key={version.name} className="min-w-0 rounded border border-slate-200 bg-white p-3" data-version={version.name}>
									<h3 className="text-sm font-semibold text-slate-700">{t(`edit.conflict.version.${version.name}`)}</h3>
									{version.text === null ? (
										<p className="mt-2 text-sm italic text-slate-500">{t('edit.conflict.removed')}</p>
									) : (
										<pre lang={textLang} className="mt-2 max-h-72 overflow-auto whitespace-pre-wrap break-words font-sans text-sm text-slate-800">
											{version.text}
										</pre>
									)}
									{version.changes && version.changes.some((part) => part.kind !== 'equal') ? (
										<details className="mt-2 text-sm">
											<summary className="cursor-pointer text-navy-700">{t('edit.conflict.changes')}</summary>
											<DiffView parts={version.changes} lang={textLang} labels={labels} layout="inline" className="mt-1" />
										</details>
									) : null}
								</div>
							))}
						</div>
						<div className="mt-3 flex flex-wrap gap-x-5 gap-y-2 text-sm">
							{(['theirs', 'ours', 'base', 'custom'] as const).map((choice) => (
								<label key={choice} className="flex items-center gap-2">
									<input type="radio" name={`choice.${c.key}`} value={choice} defaultChecked={chosen?.choice === choice} className="size-4" />
									{t(`edit.conflict.choose.${choice}`)}
								</label>
							))}
						</div>
						<label htmlFor={`custom-${c.key}`} className="mt-3 block text-sm font-medium text-slate-800">
							{t('edit.conflict.custom')}
						</label>
						<textarea
							id={`custom-${c.key}`}
							name={`custom.${c.key}`}
							lang={textLang}
							defaultValue={chosen?.custom || c.suggestion}
							rows={6}
							className={`${field} font-mono text-sm`}
						/>
					</fieldset>
				)
			})}
		</section>
	)
}
