/**
 * Nothing typed is lost: one mechanism for every editor (news posts, meeting
 * minutes, policy drafts).
 *
 *  - While a form has changes not yet saved, leaving asks first: a link in
 *    the portal (Remix's useBlocker) and closing or reloading the tab
 *    (beforeunload).
 *  - What is typed is kept in this browser (localStorage, per document and
 *    per saved version) as it is typed; after a crash, a lost connection or a
 *    reload, the editor offers it back. A successful save forgets it.
 *
 * Without JavaScript none of this runs and the forms still work: the server
 * sends every typed character back on a refusal or a conflict.
 */
import { useBeforeUnload, useBlocker, useNavigation } from '@remix-run/react'
import { useCallback, useEffect, useRef, useState, type FormEvent, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'

const STORAGE_PREFIX = 'zevlab:unsaved:'
/** Typing is written to the browser's storage at most this often. */
const KEEP_DELAY_MS = 400

interface KeptDraft {
	/** The saved version the typing started from. */
	basedOn: string
	keptAt: string
	fields: Record<string, string>
}

/**
 * The form's text (text inputs and text areas with a name): as typed, or as
 * the page came (`defaultValue`: the value the server rendered, which React
 * keeps in step with what the page renders).
 */
function readFields(form: HTMLFormElement, which: 'value' | 'defaultValue' = 'value'): Record<string, string> {
	const fields: Record<string, string> = {}
	for (const element of Array.from(form.elements)) {
		if (element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && ['text', 'url', 'email', 'search', ''].includes(element.type))) {
			if (element.name) fields[element.name] = element[which]
		}
	}
	return fields
}

function writeFields(form: HTMLFormElement, fields: Record<string, string>) {
	for (const [name, value] of Object.entries(fields)) {
		const element = form.elements.namedItem(name)
		if (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) {
			element.value = value
			// Frameworks listening for input (Conform) see the restored value.
			element.dispatchEvent(new Event('input', { bubbles: true }))
		}
	}
}

function load(key: string): KeptDraft | null {
	try {
		const raw = window.localStorage.getItem(STORAGE_PREFIX + key)
		return raw ? (JSON.parse(raw) as KeptDraft) : null
	} catch {
		return null
	}
}

function forget(key: string) {
	try {
		window.localStorage.removeItem(STORAGE_PREFIX + key)
	} catch {
		// Storage disabled: nothing was kept.
	}
}

export interface UnsavedChanges {
	/** The form has changes the server has not saved. */
	dirty: boolean
	/** Typing kept from an earlier visit that differs from what the form shows. */
	kept: { keptAt: Date; restore: () => void; discard: () => void } | null
	/**
	 * The form's submit handler around `check` (Conform's onSubmit): a submit
	 * the check lets through is on purpose, so its own navigation does not
	 * ask; one it refuses sends nothing and the guard stays on.
	 */
	submitHandler: (check: (event: FormEvent<HTMLFormElement>) => void) => (event: FormEvent<HTMLFormElement>) => void
}

/**
 * Watches `formRef`'s form. `documentKey` names the document (`news-post-12`),
 * `savedVersion` what the server last saved; `saved` is true on the page a
 * successful save lands on (the kept typing is then forgotten).
 */
export function useUnsavedChanges({
	formRef,
	documentKey,
	savedVersion,
	saved,
}: {
	formRef: RefObject<HTMLFormElement | null>
	documentKey: string
	savedVersion: string
	saved: boolean
}): UnsavedChanges {
	const { t } = useTranslation('common')
	const [dirty, setDirty] = useState(false)
	const [kept, setKept] = useState<KeptDraft | null>(null)
	const submitting = useRef(false)
	const initial = useRef<Record<string, string> | null>(null)

	useEffect(() => {
		const form = formRef.current
		if (!form) return
		// What the page came with, not what the form holds now: typing done before the page's scripts ran is changes too.
		initial.current = readFields(form, 'defaultValue')
		if (saved) forget(documentKey)
		else {
			const draft = load(documentKey)
			const differs = draft && Object.entries(draft.fields).some(([name, value]) => initial.current?.[name] !== undefined && initial.current[name] !== value)
			setKept(differs ? draft : null)
		}
		let timer: ReturnType<typeof setTimeout> | undefined
		let pending: (() => void) | null = null
		const onInput = () => {
			const fields = readFields(form)
			const changed = Object.entries(fields).some(([name, value]) => initial.current?.[name] !== value)
			setDirty(changed)
			clearTimeout(timer)
			pending = () => {
				pending = null
				try {
					if (changed) {
						const draft: KeptDraft = { basedOn: savedVersion, keptAt: new Date().toISOString(), fields }
						window.localStorage.setItem(STORAGE_PREFIX + documentKey, JSON.stringify(draft))
					} else forget(documentKey)
				} catch {
					// Storage full or disabled: the leave warning still protects the text.
				}
			}
			timer = setTimeout(() => pending?.(), KEEP_DELAY_MS)
		}
		// Leaving the page (or the editor) right after typing still keeps the last keystrokes.
		const flush = () => pending?.()
		form.addEventListener('input', onInput)
		window.addEventListener('pagehide', flush)
		if (Object.entries(readFields(form)).some(([name, value]) => initial.current?.[name] !== value)) onInput()
		return () => {
			clearTimeout(timer)
			flush()
			form.removeEventListener('input', onInput)
			window.removeEventListener('pagehide', flush)
		}
	}, [formRef, documentKey, savedVersion, saved])

	// A submit the server refused (a conflict, an error) leaves the page: the guard is on again.
	const navigation = useNavigation()
	useEffect(() => {
		if (navigation.state === 'idle') submitting.current = false
	}, [navigation.state])

	const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !submitting.current && currentLocation.pathname !== nextLocation.pathname)
	useEffect(() => {
		if (blocker.state !== 'blocked') return
		if (window.confirm(t('unsaved.leave'))) blocker.proceed()
		else blocker.reset()
	}, [blocker, t])
	useBeforeUnload(
		useCallback(
			(event: BeforeUnloadEvent) => {
				if (!dirty || submitting.current) return
				event.preventDefault()
				// Older browsers show the dialog only when a value is set.
				event.returnValue = ''
			},
			[dirty],
		),
	)

	return {
		dirty,
		kept: kept
			? {
					keptAt: new Date(kept.keptAt),
					restore: () => {
						if (formRef.current) writeFields(formRef.current, kept.fields)
						setKept(null)
						setDirty(true)
					},
					discard: () => {
						forget(documentKey)
						setKept(null)
					},
				}
			: null,
		submitHandler: (check) => (event) => {
			check(event)
			if (!event.defaultPrevented) submitting.current = true
		},
	}
}

/** The offer to bring back typing kept in this browser. */
export function KeptTypingNotice({ kept, keptAtText }: { kept: NonNullable<UnsavedChanges['kept']>; keptAtText: string }) {
	const { t } = useTranslation('common')
	return (
		<div role="status" className="flex flex-wrap items-center gap-3 rounded-md border border-gold-400 bg-gold-300/30 px-4 py-3 text-sm text-slate-800" data-testid="kept-typing">
			<p className="min-w-0 flex-1">{t('unsaved.kept', { time: keptAtText })}</p>
			<button type="button" onClick={kept.restore} className="rounded-md bg-navy-900 px-3 py-1.5 font-medium text-white hover:bg-navy-700">
				{t('unsaved.restore')}
			</button>
			<button type="button" onClick={kept.discard} className="rounded-md border border-slate-400 px-3 py-1.5 font-medium text-slate-800 hover:bg-white">
				{t('unsaved.discard')}
			</button>
		</div>
	)
}
