/**
 * Destructive or public-facing actions (deactivate a member, archive a post,
 * restore a revision onto a published post, withdraw an approval) ask first,
 * with and without JavaScript:
 *
 *  - With JavaScript, <ConfirmSubmit> opens a dialog; confirming submits the
 *    form with `confirmed=1`.
 *  - Without it, the form arrives without `confirmed`; the action answers
 *    `askToConfirm(formData)` instead of acting, and the page renders
 *    <ConfirmationBox>, a form that sends the same fields again with
 *    `confirmed=1`, or a way back.
 *
 * The server acts only on `isConfirmed(formData)`: a forged request that
 * skips the dialog gets the question, not the action.
 */
import { Form } from '@remix-run/react'
import { useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export const CONFIRMED_FIELD = 'confirmed'

export function isConfirmed(formData: FormData): boolean {
	return formData.get(CONFIRMED_FIELD) === '1'
}

/** What the page needs to ask again: the submitted fields (strings only) and the question's key. */
export interface PendingConfirmation {
	question: string
	fields: [string, string][]
}

export function askToConfirm(formData: FormData, question: string): { confirm: PendingConfirmation } {
	const fields = [...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== CONFIRMED_FIELD)
	return { confirm: { question, fields } }
}

const buttonStyles = {
	danger: 'border border-red-700 text-red-800 hover:bg-red-50',
	primary: 'bg-navy-900 text-white hover:bg-navy-700',
	secondary: 'border border-navy-900 text-navy-900 hover:bg-navy-50',
}

/**
 * A submit button that asks before it submits. `name`/`value` are sent like a
 * normal submit button's; `question` is the translated question.
 */
export function ConfirmSubmit({
	children,
	question,
	confirmLabel,
	name,
	value,
	variant = 'danger',
}: {
	children: ReactNode
	question: string
	/** The dialog's confirming button (defaults to the button's own text). */
	confirmLabel?: ReactNode
	name?: string
	value?: string
	variant?: keyof typeof buttonStyles
}) {
	const { t } = useTranslation('common')
	const dialog = useRef<HTMLDialogElement>(null)
	const button = useRef<HTMLButtonElement>(null)
	const [confirmed, setConfirmed] = useState(false)
	return (
		<>
			{confirmed ? <input type="hidden" name={CONFIRMED_FIELD} value="1" /> : null}
			<button
				ref={button}
				type="submit"
				name={name}
				value={value}
				className={`inline-flex items-center justify-center rounded-md px-4 py-2 font-medium ${buttonStyles[variant]}`}
				onClick={(event) => {
					if (confirmed) return
					// With JavaScript: ask here. Without, the server asks (askToConfirm).
					event.preventDefault()
					dialog.current?.showModal()
				}}
			>
				{children}
			</button>
			<dialog ref={dialog} className="max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40" aria-label={question}>
				<p className="text-slate-800">{question}</p>
				<div className="mt-5 flex flex-wrap justify-end gap-3">
					<button type="button" onClick={() => dialog.current?.close()} className={`rounded-md px-4 py-2 font-medium ${buttonStyles.secondary}`}>
						{t('confirm.cancel')}
					</button>
					<button
						type="button"
						className={`rounded-md px-4 py-2 font-medium ${buttonStyles[variant]}`}
						onClick={() => {
							dialog.current?.close()
							setConfirmed(true)
							// Submit after React has rendered the hidden `confirmed` field.
							requestAnimationFrame(() => button.current?.click())
						}}
					>
						{confirmLabel ?? children}
					</button>
				</div>
			</dialog>
		</>
	)
}

/** The question again, when it was asked without JavaScript: the same fields, confirmed, or a way back. */
export function ConfirmationBox({ pending, question, cancelHref }: { pending: PendingConfirmation; question: string; cancelHref: string }) {
	const { t } = useTranslation('common')
	return (
		<div role="alertdialog" aria-label={question} className="rounded-md border border-red-200 bg-red-50 px-4 py-4" data-testid="confirmation">
			<p className="text-slate-900">{question}</p>
			<Form method="post" className="mt-3 flex flex-wrap gap-3">
				{pending.fields.map(([name, value], index) => (
					<input key={`${name}-${index}`} type="hidden" name={name} value={value} />
				))}
				<input type="hidden" name={CONFIRMED_FIELD} value="1" />
				<button type="submit" className={`rounded-md px-4 py-2 font-medium ${buttonStyles.danger}`}>
					{t('confirm.confirm')}
				</button>
				<a href={cancelHref} className={`rounded-md px-4 py-2 font-medium ${buttonStyles.secondary}`}>
					{t('confirm.cancel')}
				</a>
			</Form>
		</div>
	)
}
