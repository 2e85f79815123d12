/**
 * Sign-in: email and password, throttled per account and per address, the
 * same answer whether the email exists or not. A member lands where they
 * were going (a same-site `redirectTo`), else on their dashboard in their
 * own display language.
 */
import { FormProvider, getFormProps, useForm } from '@conform-to/react'
import { parseForm } from '#app/forms/submission.ts'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getRequestClient, getUser } from '#app/auth/auth.server.ts'
import { signIn } from '#app/accounts/operations.server.ts'
import { loginSchema } from '#app/accounts/schemas.ts'
import { FormErrors, FormPage, StatusNotice, SubmitButton, TextField } from '#app/ui/forms.tsx'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import type { Lang } from '#app/i18n/config.ts'
import { localizePath, requireLang } from '#app/i18n/lang.ts'
import { safeRedirect } from '#app/http/safe-redirect.ts'
import { routeMeta } from '#app/seo/meta.ts'
import type { z } from 'zod'
import { useDeferredValidation } from '#app/forms/client-validation.ts'
import { Link } from '#app/ui/link.tsx'

export const handle = { i18n: ['auth', 'validation'] }

const MINUTE_MS = 60_000

/** Where a member lands after signing in: their dashboard, in the language they chose. */
function memberHome(lang: Lang): string {
	return localizePath(lang, '/dashboard')
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const lang = requireLang(params)
	const url = new URL(request.url)
	// Empty unless the link named a safe place to go back to.
	const redirectTo = safeRedirect(url.searchParams.get('redirectTo'), '')
	const user = await getUser({ request, context })
	if (user) throw redirect(redirectTo || memberHome(user.lang))
	const t = await getFixedT(lang, ['auth', 'common'])
	const notice = url.searchParams.get('notice')
	return {
		lang,
		redirectTo,
		notice: notice === 'password-reset' || notice === 'signed-out-everywhere' ? notice : null,
		meta: { title: t('common:meta.title', { page: t('auth:login.title') }), description: t('auth:login.description') },
	}
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const lang = requireLang(params)
	const submission = parseForm(await request.formData(), { schema: loginSchema })
	if (submission.status !== 'success') {
		return data({ result: submission.reply({ hideFields: ['password'] }), retryMinutes: null }, { status: 400 })
	}
	const { email, password, redirectTo } = submission.value
	const outcome = await signIn({ email, password, client: await getRequestClient({ request, context }) })
	if (!outcome.ok && outcome.reason === 'locked') {
		const retryMinutes = Math.max(1, Math.ceil((outcome.retryAt.getTime() - Date.now()) / MINUTE_MS))
		return data({ result: submission.reply({ hideFields: ['password'] }), retryMinutes }, { status: 429 })
	}
	if (!outcome.ok) {
		return data(
			{ result: submission.reply({ formErrors: ['auth:login.invalid'], hideFields: ['password'] }), retryMinutes: null },
			{ status: 400 },
		)
	}
	return redirect(safeRedirect(redirectTo, memberHome(outcome.lang)), { headers: { 'Set-Cookie': outcome.setCookie } })
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error, path: '/login' })

export default function Login() {
	const { lang, redirectTo, notice } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('auth')
	const check = useDeferredValidation(() => import('#app/accounts/schemas.ts').then((m) => m.loginSchema), { shouldValidate: 'onBlur', shouldRevalidate: 'onInput' })
	const [form, fields] = useForm<z.input<typeof loginSchema>>({
		id: 'login',
		lastResult: actionData?.result,
		...check.options,
	})
	return (
		<FormPage title={t('login.title')} intro={<p>{t('login.intro')}</p>}>
			{notice ? (
				<StatusNotice className="mb-6">{notice === 'password-reset' ? t('login.passwordReset') : t('login.signedOutEverywhere')}</StatusNotice>
			) : null}
			<FormProvider context={form.context}>
			<Form method="post" {...getFormProps(form)} {...check.formProps} className="space-y-5">
				<FormErrors id={form.errorId} errors={form.errors}>
					{actionData?.retryMinutes ? <p>{t('login.locked', { count: actionData.retryMinutes })}</p> : null}
				</FormErrors>
				{redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
				<TextField label={t('fields.email')} field={fields.email} type="email" autoComplete="username" />
				<TextField label={t('fields.password')} field={fields.password} type="password" autoComplete="current-password" />
				<div className="flex flex-wrap items-center justify-between gap-4">
					<SubmitButton>{t('login.submit')}</SubmitButton>
					<Link to={localizePath(lang, '/forgot-password')} className="text-sm text-navy-700 underline underline-offset-2">
						{t('login.forgot')}
					</Link>
				</div>
			</Form>
			</FormProvider>
		</FormPage>
	)
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
