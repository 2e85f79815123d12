/** Accepting an invitation: choose a name and a password, and you are in. */
import { FormProvider, getFormProps, useForm } from '@conform-to/react'
import { parseForm } from '#app/forms/submission.ts'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getRequestClient } from '#app/auth/auth.server.ts'
import { acceptInvitationSchema } from '#app/accounts/schemas.ts'
import { acceptInvitation } from '#app/accounts/operations.server.ts'
import { findInvitation } from '#app/accounts/pages.server.ts'
import { FormErrors, FormPage, SubmitButton, TextField } from '#app/ui/forms.tsx'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { localizePath, requireLang } from '#app/i18n/lang.ts'
import { routeMeta } from '#app/seo/meta.ts'
import type { z } from 'zod'
import { useDeferredValidation } from '#app/forms/client-validation.ts'

export const handle = { i18n: ['auth', 'validation'] }

const HIDDEN = ['password', 'confirmPassword']

export async function loader({ params }: LoaderFunctionArgs) {
	const lang = requireLang(params)
	const invitation = await findInvitation(params.token ?? '')
	const t = await getFixedT(lang, ['auth', 'common'])
	const meta = { title: t('common:meta.title', { page: t('auth:invitation.title') }), description: t('auth:invitation.description') }
	return data({ lang, meta, invitation }, { status: invitation ? 200 : 404 })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const lang = requireLang(params)
	const submission = parseForm(await request.formData(), { schema: acceptInvitationSchema })
	if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: HIDDEN }) }, { status: 400 })
	const { name, password } = submission.value
	const accepted = await acceptInvitation({ token: params.token ?? '', name, password, client: await getRequestClient({ request, context }) })
	if (!accepted.ok && accepted.reason === 'common') {
		return data({ result: submission.reply({ fieldErrors: { password: ['validation:password.common'] }, hideFields: HIDDEN }) }, { status: 400 })
	}
	if (!accepted.ok) {
		const invalid = accepted.reason === 'invalid'
		const error = invalid ? 'auth:invitation.invalid' : 'auth:invitation.emailTaken'
		return data({ result: submission.reply({ formErrors: [error], hideFields: HIDDEN }) }, { status: invalid ? 404 : 409 })
	}
	return redirect(localizePath(lang), { headers: { 'Set-Cookie': accepted.setCookie } })
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: '/invitations', noindex: true })

export default function AcceptInvitation() {
	const { invitation } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('auth')
	const check = useDeferredValidation(() => import('#app/accounts/schemas.ts').then((m) => m.acceptInvitationSchema), { shouldValidate: 'onBlur', shouldRevalidate: 'onInput' })
	const [form, fields] = useForm<z.input<typeof acceptInvitationSchema>>({
		id: 'accept-invitation',
		lastResult: actionData?.result,
		defaultValue: { name: invitation?.name ?? '' },
		...check.options,
	})
	if (!invitation) return <FormPage title={t('invitation.invalidTitle')} intro={<p>{t('invitation.invalid')}</p>}>{null}</FormPage>
	return (
		<FormPage
			title={t('invitation.title')}
			intro={<p>{t('invitation.intro', { role: t(`roles.${invitation.role}`), email: invitation.email })}</p>}
		>
			<FormProvider context={form.context}>
			<Form method="post" {...getFormProps(form)} {...check.formProps} className="space-y-5">
				<FormErrors id={form.errorId} errors={form.errors} />
				<input type="email" name="username" value={invitation.email} autoComplete="username" readOnly hidden />
				<TextField label={t('fields.name')} field={fields.name} autoComplete="name" />
				<TextField label={t('fields.password')} field={fields.password} type="password" autoComplete="new-password" hint={t('fields.passwordHint')} />
				<TextField label={t('fields.confirmPassword')} field={fields.confirmPassword} type="password" autoComplete="new-password" />
				<SubmitButton>{t('invitation.submit')}</SubmitButton>
			</Form>
			</FormProvider>
		</FormPage>
	)
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
