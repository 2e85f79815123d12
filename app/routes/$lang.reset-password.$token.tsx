/**
 * Chooses a new password from an emailed, single-use link. Every session of
 * the account ends; the person then signs in with the new password (OWASP:
 * no automatic sign-in after a reset).
 */
import { FormProvider, getFormProps, useForm } from '@conform-to/react'
import { parseForm } from '#app/forms/submission.ts'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { resetPasswordSchema } from '#app/accounts/schemas.ts'
import { resetPassword } from '#app/accounts/operations.server.ts'
import { findPasswordReset } from '#app/accounts/pages.server.ts'
import { FormErrors, FormPage, SubmitButton, TextField } from '#app/ui/forms.tsx'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { localizePath, requireLang } from '#app/i18n/lang.ts'
import { routeMeta } from '#app/seo/meta.ts'
import type { z } from 'zod'
import { useDeferredValidation } from '#app/forms/client-validation.ts'
import { Link } from '#app/ui/link.tsx'

export const handle = { i18n: ['auth', 'validation'] }

const HIDDEN = ['password', 'confirmPassword']

export async function loader({ params }: LoaderFunctionArgs) {
	const lang = requireLang(params)
	const reset = await findPasswordReset(params.token ?? '')
	const t = await getFixedT(lang, ['auth', 'common'])
	const meta = { title: t('common:meta.title', { page: t('auth:reset.title') }), description: t('auth:reset.description') }
	return data({ lang, email: reset?.email ?? null, meta }, { status: reset ? 200 : 404 })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const lang = requireLang(params)
	const submission = parseForm(await request.formData(), { schema: resetPasswordSchema })
	if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: HIDDEN }) }, { status: 400 })
	const reset = await resetPassword({ token: params.token ?? '', password: submission.value.password, ip: context.clientIp })
	if (!reset.ok && reset.reason === 'common') {
		return data({ result: submission.reply({ fieldErrors: { password: ['validation:password.common'] }, hideFields: HIDDEN }) }, { status: 400 })
	}
	if (!reset.ok) return data({ result: submission.reply({ formErrors: ['auth:reset.invalid'], hideFields: HIDDEN }) }, { status: 404 })
	return redirect(`${localizePath(lang, '/login')}?notice=password-reset`)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: '/reset-password', noindex: true })

export default function ResetPassword() {
	const { lang, email } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('auth')
	const check = useDeferredValidation(() => import('#app/accounts/schemas.ts').then((m) => m.resetPasswordSchema), { shouldValidate: 'onBlur', shouldRevalidate: 'onInput' })
	const [form, fields] = useForm<z.input<typeof resetPasswordSchema>>({
		id: 'reset-password',
		lastResult: actionData?.result,
		...check.options,
	})
	if (!email) {
		return (
			<FormPage title={t('reset.invalidTitle')} intro={<p>{t('reset.invalid')}</p>}>
				<Link to={localizePath(lang, '/forgot-password')} className="inline-block rounded-md bg-navy-900 px-4 py-2 font-medium text-white">
					{t('reset.requestNew')}
				</Link>
			</FormPage>
		)
	}
	return (
		<FormPage title={t('reset.title')} intro={<p>{t('reset.intro', { email })}</p>}>
			<FormProvider context={form.context}>
			<Form method="post" {...getFormProps(form)} {...check.formProps} className="space-y-5">
				<FormErrors id={form.errorId} errors={form.errors} />
				<input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
				<TextField label={t('fields.newPassword')} field={fields.password} type="password" autoComplete="new-password" hint={t('fields.passwordHint')} />
				<TextField label={t('fields.confirmPassword')} field={fields.confirmPassword} type="password" autoComplete="new-password" />
				<SubmitButton>{t('reset.submit')}</SubmitButton>
			</Form>
			</FormProvider>
		</FormPage>
	)
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
