/**
 * Checking a form in the browser as the member works in it, without every
 * page with a form loading Zod, Conform's Zod adapter and the form's schema
 * up front (about 16 KB gzip of the 120 KB a member page may load: issue 14,
 * docs/decisions/022). They start loading when the member first focuses the
 * form; a submit that comes before they arrive waits for them (a few
 * milliseconds) and is then checked in the browser like any other. Should
 * they fail to load (offline, a new deployment), the form is sent as it is
 * and the server checks it, as it checks every submission anyway.
 *
 *   const check = useDeferredValidation(() => import('./schemas.ts').then((m) => m.profileSchema), { shouldValidate: 'onBlur' })
 *   const [form, fields] = useForm<z.input<typeof profileSchema>>({ id: 'profile', lastResult, ...check.options })
 *   <Form {...getFormProps(form)} {...check.formProps}>
 */
import type { Submission } from '@conform-to/react'
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import type { z } from 'zod'

type ValidateOn = 'onSubmit' | 'onBlur' | 'onInput'
/** The name of the buttons Conform submits its intents with (@conform-to/dom's INTENT). */
const CONFORM_INTENT = '__intent__'
type ZodSubmission<Schema extends z.ZodTypeAny> = Submission<z.input<Schema>, string[], z.output<Schema>>

export interface DeferredValidationOptions {
	shouldValidate?: ValidateOn
	shouldRevalidate?: ValidateOn
	/** Passed on to parseWithZod (e.g. `disableAutoCoercion`). */
	parse?: { disableAutoCoercion?: boolean }
}

export function useDeferredValidation<Schema extends z.ZodTypeAny>(loadSchema: () => Promise<Schema>, { shouldValidate, shouldRevalidate, parse }: DeferredValidationOptions = {}) {
	const [validate, setValidate] = useState<((formData: FormData) => ZodSubmission<Schema>) | null>(null)
	const state = useRef<'idle' | 'loading' | 'ready' | 'failed'>('idle')
	/** A submit that came before the schema: sent again once it is here (or could not be loaded). */
	const waiting = useRef<{ form: HTMLFormElement; submitter: HTMLElement | null } | null>(null)
	// The loader and options belong to the form, fixed for its life: read once.
	const initial = useRef({ loadSchema, parse })

	const resubmit = useCallback(() => {
		const held = waiting.current
		waiting.current = null
		if (held?.form.isConnected) held.form.requestSubmit(held.submitter?.isConnected ? held.submitter : null)
	}, [])

	const load = useCallback(() => {
		if (state.current === 'loading' || state.current === 'ready') return
		state.current = 'loading'
		const { loadSchema, parse } = initial.current
		Promise.all([import('@conform-to/zod'), loadSchema()]).then(
			([{ parseWithZod }, schema]) => {
				state.current = 'ready'
				setValidate(() => (formData: FormData) => parseWithZod(formData, { schema, ...parse }))
			},
			() => {
				// Tried again on the next focus; a submit held meanwhile goes to the server, which checks it.
				state.current = 'failed'
				resubmit()
			},
		)
	}, [resubmit])

	// Conform has the new options once this render's layout effects ran: a held submit is checked now.
	useEffect(() => {
		if (validate) resubmit()
	}, [validate, resubmit])

	const onSubmitCapture = useCallback(
		(event: FormEvent<HTMLFormElement>) => {
			if (state.current === 'ready' || state.current === 'failed') return
			const submitter = (event.nativeEvent as SubmitEvent).submitter
			// Conform's own intents (add a row, check a field) use a button that is gone at once: they go ahead,
			// to the server, as without JavaScript.
			if (submitter?.getAttribute('name') === CONFORM_INTENT) return load()
			// Before Conform and Remix see it: held until the checks are here.
			event.preventDefault()
			event.stopPropagation()
			waiting.current = { form: event.currentTarget, submitter }
			load()
		},
		[load],
	)

	return {
		/** Spread into useForm's options: nothing until the schema is here. */
		options: validate
			? { shouldValidate, shouldRevalidate, onValidate: ({ formData }: { formData: FormData }) => validate(formData) }
			: {},
		/** Spread onto the <Form>: focusing it starts loading; a submit before the schema is here waits for it. */
		formProps: { onFocus: load, onSubmitCapture },
	}
}
