/**
 * Asks for a password reset link. The answer is the same, and as quick,
 * whether the address has an account or not: the token and the email are
 * made after the response, so their cost cannot be timed.
 */
import { FormProvider, getFormProps, useForm } from '@conform-to/react'
import { parseForm } from '#app/forms/submission.ts'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { forgotPasswordSchema } from '#app/accounts/schemas.ts'
import { FormErrors, FormPage, StatusNotice, SubmitButton, TextField } from '#app/ui/forms.tsx'
import { requestPasswordResetInBackground } from '#app/accounts/operations.server.ts'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { localizePath, requireLang } from '#app/i18n/lang.ts'
import { getSiteOrigin } from '#app/http/site.server.ts'
import { routeMeta } from '#app/seo/meta.ts'
import type { z } from 'zod'
import { useDeferredValidation } from '#app/forms/client-validation.ts'
import { Link } from '#app/ui/link.tsx'

export const handle = { i18n: ['auth', 'validation'] }

export async function loader({ params }: LoaderFunctionArgs) {
	const lang = requireLang(params)
	const t = await getFixedT(lang, ['auth', 'common'])
	return { lang, meta: { title: t('common:meta.title', { page: t('auth:forgot.title') }), description: t('auth:forgot.description') } }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	requireLang(params)
	const submission = parseForm(await request.formData(), { schema: forgotPasswordSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), sent: false }, { status: 400 })
	requestPasswordResetInBackground({ email: submission.value.email, origin: getSiteOrigin(), ip: context.clientIp })
	return data({ result: submission.reply({ resetForm: true }), sent: true })
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error, path: '/forgot-password' })

export default function ForgotPassword() {
	const { lang } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('auth')
	const check = useDeferredValidation(() => import('#app/accounts/schemas.ts').then((m) => m.forgotPasswordSchema), { shouldValidate: 'onBlur', shouldRevalidate: 'onInput' })
	const [form, fields] = useForm<z.input<typeof forgotPasswordSchema>>({
		id: 'forgot-password',
		lastResult: actionData?.result,
		...check.options,
	})
	return (
		<FormPage title={t('forgot.title')} intro={<p>{t('forgot.intro')}</p>}>
			{actionData?.sent ? (
				<StatusNotice className="mb-6">{t('forgot.sent')}</StatusNotice>
			) : null}
			<FormProvider context={form.context}>
			<Form method="post" {...getFormProps(form)} {...check.formProps} className="space-y-5">
				<FormErrors id={form.errorId} errors={form.errors} />
				<TextField label={t('fields.email')} field={fields.email} type="email" autoComplete="email" />
				<div className="flex flex-wrap items-center justify-between gap-4">
					<SubmitButton>{t('forgot.submit')}</SubmitButton>
					<Link to={localizePath(lang, '/login')} className="text-sm text-navy-700 underline underline-offset-2">
						{t('forgot.backToLogin')}
					</Link>
				</div>
			</Form>
			</FormProvider>
		</FormPage>
	)
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
