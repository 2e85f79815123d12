/**
 * Form parts for Conform + Zod forms: labelled fields wired to their errors
 * (aria-invalid, aria-describedby), errors translated from the keys the
 * schemas use, and a submit button that knows when it is busy. They render
 * plain HTML, so every form works without JavaScript.
 *
 * Fields read their state with `useField`, so each subscribes to its own
 * errors: wrap every form in Conform's <FormProvider context={form.context}>.
 */
import { getInputProps, getSelectProps, getTextareaProps, useField, type FieldMetadata } from '@conform-to/react'
import { useNavigation } from '@remix-run/react'
import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LONG_OPTION_LIST, optionsHtml } from './select-options.ts'

/** Schemas carry translation keys as messages; unknown ones read as "invalid". */
function useErrorText() {
	const { t, i18n } = useTranslation('validation')
	// The one place where a key arrives as data ('validation:email.invalid',
	// 'auth:login.invalid'): checked to exist before use.
	return (key: string): string => (i18n.exists(key) ? t(key as 'invalid') : t('invalid'))
}

export function FieldErrors({ id, errors }: { id?: string; errors?: string[] }) {
	const text = useErrorText()
	if (!errors?.length) return null
	return (
		<ul id={id} className="mt-1 space-y-0.5 text-sm text-red-700">
			{errors.map((error) => (
				<li key={error}>{text(error)}</li>
			))}
		</ul>
	)
}

/** Errors about the whole form (`form.errorId`, `form.errors`), plus any extra message. */
export function FormErrors({ id, errors, children }: { id: string; errors?: string[]; children?: ReactNode }) {
	const text = useErrorText()
	if (!errors?.length && !children) return null
	return (
		<div id={id} role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
			{errors?.map((error) => <p key={error}>{text(error)}</p>)}
			{children}
		</div>
	)
}

const inputClass =
	'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm focus:border-navy-600 focus:outline-none focus:ring-2 focus:ring-navy-600/30 aria-[invalid=true]:border-red-600'

export function TextField({
	label,
	field,
	type = 'text',
	autoComplete,
	hint,
	lang,
}: {
	label: string
	field: FieldMetadata<string>
	type?: 'text' | 'email' | 'password' | 'datetime-local'
	autoComplete?: string
	hint?: string
	/** The language of what is typed, when it differs from the page's. */
	lang?: string
}) {
	const [meta] = useField<string>(field.name, { formId: field.formId })
	const props = getInputProps(meta, { type, ariaDescribedBy: hint ? `${meta.id}-hint` : undefined })
	const passwordRef = useClearAfterSubmit(type === 'password')
	return (
		<div>
			<label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">
				{label}
			</label>
			{/* Passwords are never echoed back into the page after a failed submit. */}
			<input
				{...props}
				{...(type === 'password' ? { defaultValue: undefined, ref: passwordRef } : {})}
				autoComplete={autoComplete}
				lang={lang}
				className={inputClass}
			/>
			{hint ? (
				<p id={`${meta.id}-hint`} className="mt-1 text-sm text-slate-500">
					{hint}
				</p>
			) : null}
			<FieldErrors id={meta.errorId} errors={meta.errors} />
		</div>
	)
}

/**
 * A password typed into a form is gone once the form has been submitted,
 * whatever the answer: the server never sends it back, and with JavaScript
 * the field is emptied when the submission settles.
 */
function useClearAfterSubmit(enabled: boolean) {
	const ref = useRef<HTMLInputElement>(null)
	const navigation = useNavigation()
	const previous = useRef(navigation.state)
	useEffect(() => {
		if (enabled && previous.current !== 'idle' && navigation.state === 'idle' && ref.current) ref.current.value = ''
		previous.current = navigation.state
	}, [enabled, navigation.state])
	return ref
}

export function TextareaField({
	label,
	field,
	rows = 3,
	hint,
	className = '',
	lang,
}: {
	label: string
	field: FieldMetadata<string>
	rows?: number
	hint?: string
	className?: string
	/** The language of what is typed, when it differs from the page's. */
	lang?: string
}) {
	const [meta] = useField<string>(field.name, { formId: field.formId })
	const props = getTextareaProps(meta, { ariaDescribedBy: hint ? `${meta.id}-hint` : undefined })
	return (
		<div>
			<label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">
				{label}
			</label>
			<textarea {...props} rows={rows} lang={lang} className={`${inputClass} ${className}`} />
			{hint ? (
				<p id={`${meta.id}-hint`} className="mt-1 text-sm text-slate-500">
					{hint}
				</p>
			) : null}
			<FieldErrors id={meta.errorId} errors={meta.errors} />
		</div>
	)
}

export function CheckboxField({ label, field, hint }: { label: string; field: FieldMetadata<boolean>; hint?: string }) {
	const [meta] = useField<boolean>(field.name, { formId: field.formId })
	return (
		<div>
			<label className="flex items-start gap-2 text-sm text-slate-800">
				<input {...getInputProps(meta, { type: 'checkbox' })} className="mt-0.5 size-4 rounded border-slate-300" />
				<span>{label}</span>
			</label>
			{hint ? <p className="mt-1 pl-6 text-sm text-slate-500">{hint}</p> : null}
			<FieldErrors id={meta.errorId} errors={meta.errors} />
		</div>
	)
}

export function SelectField({
	label,
	field,
	options,
}: {
	label: string
	field: FieldMetadata<string>
	options: { value: string; label: string }[]
}) {
	const [meta] = useField<string>(field.name, { formId: field.formId })
	const props = getSelectProps(meta)
	const chosen = props.defaultValue
	return (
		<div>
			<label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">
				{label}
			</label>
			{options.length >= LONG_OPTION_LIST && (chosen === undefined || typeof chosen === 'string') ? (
				// The time zones: one piece of HTML, the chosen one marked in it (app/ui/select-options.ts).
				<select {...props} className={inputClass} dangerouslySetInnerHTML={{ __html: optionsHtml(options, chosen) }} />
			) : (
				<select {...props} className={inputClass}>
					{options.map((option) => (
						<option key={option.value} value={option.value}>
							{option.label}
						</option>
					))}
				</select>
			)}
			<FieldErrors id={meta.errorId} errors={meta.errors} />
		</div>
	)
}

export function SubmitButton({
	children,
	name,
	value,
	variant = 'primary',
}: {
	children: ReactNode
	name?: string
	value?: string
	variant?: 'primary' | 'secondary' | 'danger'
}) {
	const navigation = useNavigation()
	const busy = navigation.state === 'submitting' && (!name || navigation.formData?.get(name) === value)
	const styles = {
		primary: 'bg-navy-900 text-white hover:bg-navy-700',
		secondary: 'border border-navy-900 text-navy-900 hover:bg-navy-50',
		danger: 'border border-red-700 text-red-800 hover:bg-red-50',
	}[variant]
	return (
		<button
			type="submit"
			name={name}
			value={value}
			aria-disabled={busy || undefined}
			className={`inline-flex items-center justify-center rounded-md px-4 py-2 font-medium disabled:opacity-60 aria-disabled:opacity-60 ${styles}`}
		>
			{children}
		</button>
	)
}

/** A confirmation after a successful action, announced to screen readers. */
export function StatusNotice({ children, className = '' }: { children: ReactNode; className?: string }) {
	return (
		<p role="status" className={`rounded-md border border-leaf-600/30 bg-leaf-50 px-4 py-2 text-sm text-slate-800 ${className}`}>
			{children}
		</p>
	)
}

/** A centred card for the sign-in, reset and invitation pages. */
export function FormPage({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
	return (
		<div className="mx-auto max-w-md px-4 py-12 sm:py-16">
			<h1 className="text-balance text-2xl font-bold tracking-tight text-navy-900 sm:text-3xl">{title}</h1>
			{intro ? <div className="mt-3 text-slate-700">{intro}</div> : null}
			<div className="mt-8">{children}</div>
		</div>
	)
}
