/**
 * Images from inside the editor: a button under each body, or a file dropped
 * or pasted into it. The editor asks for the image's description (alt text)
 * in both languages, uploads it to the newsroom's Images page (the same
 * checks as an upload there) and inserts `![description](/media/…)` at the
 * cursor of the body it came from, and, when asked, of the other version's
 * body in that language's words. Needs JavaScript; without it the Images
 * page still uploads and gives the Markdown to copy.
 */
import { useFetcher } from '@remix-run/react'
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { HTML_LANG, LANGS, otherLang, type Lang } from '#app/i18n/config.ts'
import { localizePath } from '#app/i18n/lang.ts'
import { ACCEPTED_CONTENT_TYPES, MAX_UPLOAD_BYTES, MEDIA_PAGE_PATH } from '#app/media/public.ts'

interface UploadAnswer {
	result?: { error?: Record<string, string[] | null> | null } | null
	uploaded: { name: string; url: string } | null
}

interface Pending {
	file: File
	/** The body the image came from. */
	lang: Lang
	/** A data: URL to show it (the page's CSP allows no blob: images). */
	preview: string | null
}

/** `text` with `insert` as a paragraph of its own at `at`. */
export function insertParagraph(text: string, at: number, insert: string): { value: string; caret: number } {
	const before = text.slice(0, at)
	const after = text.slice(at)
	const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n'
	const trail = after === '' || after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n'
	const value = `${before}${lead}${insert}${trail}${after}`
	return { value, caret: before.length + lead.length + insert.length }
}

/** Markdown for an image; brackets in the description would end it early. */
export function imageMarkdown(alt: string, url: string): string {
	return `![${alt.replace(/[[\]\\]/g, (c) => `\\${c}`).replace(/\s+/g, ' ').trim()}](${url})`
}

function insertInto(textarea: HTMLTextAreaElement, markdown: string) {
	const at = document.activeElement === textarea || textarea.selectionStart > 0 ? textarea.selectionEnd : textarea.value.length
	const { value, caret } = insertParagraph(textarea.value, at, markdown)
	textarea.value = value
	textarea.setSelectionRange(caret, caret)
	// Conform and the unsaved-changes guard listen for input.
	textarea.dispatchEvent(new Event('input', { bubbles: true }))
}

function imageFrom(list: DataTransfer | null): File | null {
	if (!list) return null
	for (const file of Array.from(list.files)) {
		if ((ACCEPTED_CONTENT_TYPES as readonly string[]).includes(file.type)) return file
	}
	return null
}

/**
 * The upload controls for both bodies. `bodyIds` are the two textareas' ids:
 * drops and pastes of an image there start an upload too.
 */
export function useImageUpload({ lang, bodyIds }: { lang: Lang; bodyIds: Record<Lang, string> }) {
	const [pending, setPending] = useState<Pending | null>(null)
	const start = useCallback((file: File, target: Lang) => {
		setPending({ file, lang: target, preview: null })
		const reader = new FileReader()
		reader.onload = () => setPending((current) => (current?.file === file ? { ...current, preview: String(reader.result) } : current))
		if (file.size <= MAX_UPLOAD_BYTES) reader.readAsDataURL(file)
	}, [])

	useEffect(() => {
		const cleanups = LANGS.map((l) => {
			const textarea = document.getElementById(bodyIds[l])
			if (!(textarea instanceof HTMLTextAreaElement)) return () => {}
			const onDrop = (event: DragEvent) => {
				const file = imageFrom(event.dataTransfer)
				if (!file) return
				event.preventDefault()
				// Insert where the image was dropped, as a typist would expect.
				textarea.focus()
				start(file, l)
			}
			const onDragOver = (event: DragEvent) => {
				if (event.dataTransfer?.types.includes('Files')) event.preventDefault()
			}
			const onPaste = (event: ClipboardEvent) => {
				const file = imageFrom(event.clipboardData)
				if (!file) return
				event.preventDefault()
				start(file, l)
			}
			textarea.addEventListener('drop', onDrop)
			textarea.addEventListener('dragover', onDragOver)
			textarea.addEventListener('paste', onPaste)
			return () => {
				textarea.removeEventListener('drop', onDrop)
				textarea.removeEventListener('dragover', onDragOver)
				textarea.removeEventListener('paste', onPaste)
			}
		})
		return () => cleanups.forEach((cleanup) => cleanup())
	}, [bodyIds, start])

	return {
		pending,
		start,
		dialog: pending ? <ImageDialog key={pending.file.name + pending.file.size} lang={lang} pending={pending} bodyIds={bodyIds} onClose={() => setPending(null)} /> : null,
	}
}

/** "Insert image" under one body: opens the file picker. */
export function ImageButton({ lang, onFile }: { lang: Lang; onFile: (file: File, lang: Lang) => void }) {
	const { t } = useTranslation('newsroom')
	const input = useRef<HTMLInputElement>(null)
	return (
		<div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1">
			<button
				type="button"
				onClick={() => input.current?.click()}
				className="rounded-md border border-navy-900 px-3 py-1.5 text-sm font-medium text-navy-900 hover:bg-navy-50"
				data-testid={`insert-image-${lang}`}
			>
				{t('image.insert', { language: t(`editor.version.${lang}`) })}
			</button>
			<span className="text-sm text-slate-500">{t('image.drop-hint')}</span>
			<input
				ref={input}
				type="file"
				accept={ACCEPTED_CONTENT_TYPES.join(',')}
				className="sr-only"
				tabIndex={-1}
				aria-hidden="true"
				data-testid={`image-file-${lang}`}
				onChange={(event) => {
					const file = event.currentTarget.files?.[0]
					event.currentTarget.value = ''
					if (file) onFile(file, lang)
				}}
			/>
		</div>
	)
}

function ImageDialog({ lang, pending, bodyIds, onClose }: { lang: Lang; pending: Pending; bodyIds: Record<Lang, string>; onClose: () => void }) {
	const { t, i18n } = useTranslation(['newsroom', 'media', 'validation'])
	const dialog = useRef<HTMLDialogElement>(null)
	const fetcher = useFetcher<UploadAnswer>()
	const id = useId()
	const [alt, setAlt] = useState<Record<Lang, string>>({ en: '', zh: '' })
	const [both, setBoth] = useState(true)
	const [missingAlt, setMissingAlt] = useState(false)
	const inserted = useRef(false)
	const other = otherLang(pending.lang)
	const tooLarge = pending.file.size > MAX_UPLOAD_BYTES

	useEffect(() => {
		dialog.current?.showModal()
	}, [])

	const answer = fetcher.data
	useEffect(() => {
		if (fetcher.state !== 'idle' || !answer?.uploaded || inserted.current) return
		inserted.current = true
		const targets: Lang[] = both ? [pending.lang, other] : [pending.lang]
		for (const l of targets) {
			const textarea = document.getElementById(bodyIds[l])
			if (textarea instanceof HTMLTextAreaElement) insertInto(textarea, imageMarkdown(alt[l] || alt[pending.lang], answer.uploaded.url))
		}
		dialog.current?.close()
		onClose()
		document.getElementById(bodyIds[pending.lang])?.focus()
	}, [fetcher.state, answer, both, bodyIds, alt, pending.lang, other, onClose])

	const errors = answer && !answer.uploaded ? Object.values(answer.result?.error ?? {}).flatMap((list) => list ?? []) : []
	const errorText = (key: string) => (i18n.exists(key) ? t(key as 'media:errors.too-large') : t('validation:invalid'))
	const busy = fetcher.state !== 'idle'
	return (
		<dialog
			ref={dialog}
			aria-labelledby={`${id}-title`}
			onCancel={onClose}
			className="w-[min(36rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
			data-testid="image-dialog"
		>
			<form
				method="dialog"
				className="space-y-4 p-5"
				onSubmit={(event) => {
					event.preventDefault()
					if (!alt[pending.lang].trim() || (both && !alt[other].trim())) {
						setMissingAlt(true)
						return
					}
					const body = new FormData()
					body.set('file', pending.file)
					fetcher.submit(body, { method: 'post', action: localizePath(lang, MEDIA_PAGE_PATH), encType: 'multipart/form-data' })
				}}
			>
				<h2 id={`${id}-title`} className="text-lg font-semibold text-navy-900">
					{t('newsroom:image.title')}
				</h2>
				<div className="flex gap-4">
					{pending.preview ? <img src={pending.preview} alt="" className="size-24 shrink-0 rounded bg-slate-100 object-contain" /> : null}
					<p className="min-w-0 break-words text-sm text-slate-600">{pending.file.name}</p>
				</div>
				<p className="text-sm text-slate-600">{t('newsroom:image.alt-intro')}</p>
				{[pending.lang, other].map((l) => (
					<div key={l}>
						<label htmlFor={`${id}-alt-${l}`} className="block text-sm font-medium text-slate-800">
							{t('newsroom:image.alt', { language: t(`newsroom:editor.version.${l}`) })}
						</label>
						<input
							id={`${id}-alt-${l}`}
							lang={HTML_LANG[l]}
							value={alt[l]}
							maxLength={300}
							onChange={(event) => {
								const value = event.currentTarget.value
								setAlt((current) => ({ ...current, [l]: value }))
							}}
							aria-invalid={missingAlt && !alt[l].trim() && (l === pending.lang || both) ? true : undefined}
							className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 aria-[invalid=true]:border-red-600"
						/>
					</div>
				))}
				<label className="flex items-start gap-2 text-sm text-slate-800">
					<input type="checkbox" checked={both} onChange={(event) => setBoth(event.currentTarget.checked)} className="mt-0.5 size-4" />
					<span>{t('newsroom:image.both', { language: t(`newsroom:editor.version.${other}`) })}</span>
				</label>
				<div role="alert" className="space-y-1 text-sm text-red-700">
					{missingAlt ? <p>{t('newsroom:image.alt-required')}</p> : null}
					{tooLarge ? <p>{t('newsroom:image.too-large')}</p> : null}
					{errors.map((error) => (
						<p key={error}>{errorText(error)}</p>
					))}
				</div>
				<div className="flex flex-wrap justify-end gap-3">
					<button type="button" onClick={() => (dialog.current?.close(), onClose())} className="rounded-md border border-navy-900 px-4 py-2 font-medium text-navy-900 hover:bg-navy-50">
						{t('newsroom:image.cancel')}
					</button>
					<button type="submit" disabled={busy || tooLarge} className="rounded-md bg-navy-900 px-4 py-2 font-medium text-white hover:bg-navy-700 disabled:opacity-60">
						{busy ? t('newsroom:image.uploading') : t('newsroom:image.upload')}
					</button>
				</div>
			</form>
		</dialog>
	)
}
