/**
 * Checking a form in the browser as the member works in it, without every
 * page with a form loading Zod, Conform's Zod adapter and the form's schema
 * up front (about 16 KB gzip of the 120 KB a member page may load: issue 14,
 * docs/performance.md). They load when the member first focuses the form;
 * until they arrive the form is checked on submit only, which is the
 * server's check: every submission is validated there anyway, with the
 * same schema and the same translated messages (a form works without
 * JavaScript too).
 *
 *   const check = useDeferredValidation(() => import('./schemas.ts').then((m) => m.profileSchema), { shouldValidate: 'onBlur' })
 *   const [form, fields] = useForm<z.input<typeof profileSchema>>({ id: 'profile', lastResult, ...check.options })
 *   <Form {...getFormProps(form)} onFocus={check.load}>
 */
import type { Submission } from '@conform-to/react'
import { useCallback, useRef, useState } from 'react'
import type { z } from 'zod'

type ValidateOn = 'onSubmit' | 'onBlur' | 'onInput'
type ZodSubmission<Schema extends z.ZodTypeAny> = Submission<z.input<Schema>, string[], z.output<Schema>>

export interface DeferredValidationOptions {
	shouldValidate?: ValidateOn
	shouldRevalidate?: ValidateOn
	/** Passed on to parseWithZod (e.g. `disableAutoCoercion`). */
	parse?: { disableAutoCoercion?: boolean }
}

export function useDeferredValidation<Schema extends z.ZodTypeAny>(loadSchema: () => Promise<Schema>, { shouldValidate, shouldRevalidate, parse }: DeferredValidationOptions = {}) {
	const [validate, setValidate] = useState<((formData: FormData) => ZodSubmission<Schema>) | null>(null)
	const started = useRef(false)
	// The loader and options belong to the form, fixed for its life: read once.
	const initial = useRef({ loadSchema, parse })
	const load = useCallback(() => {
		if (started.current) return
		started.current = true
		const { loadSchema, parse } = initial.current
		Promise.all([import('@conform-to/zod'), loadSchema()]).then(
			([{ parseWithZod }, schema]) => setValidate(() => (formData: FormData) => parseWithZod(formData, { schema, ...parse })),
			// Offline or a new deployment: the server still checks every submission; try again on the next focus.
			() => (started.current = false),
		)
	}, [])
	return {
		/** Spread into useForm's options: nothing until the schema is here. */
		options: validate
			? { shouldValidate, shouldRevalidate, onValidate: ({ formData }: { formData: FormData }) => validate(formData) }
			: {},
		/** For the form's onFocus (focus events bubble in React): starts loading. */
		load,
	}
}
