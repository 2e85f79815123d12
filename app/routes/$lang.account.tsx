/**
 * The member's own account: name, display language, time zone, password,
 * and the sessions signed in with it. A password change ends every other
 * session at once.
 */
import { FormProvider, getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireUser } from '#app/auth/auth.server.ts'
import { hashPassword, isCommonPassword, verifyPassword } from '#app/auth/password.server.ts'
import { changePasswordSchema, profileSchema } from '#app/accounts/schemas.ts'
import { blankSessionCookie, invalidateUserSessions, listUserSessions } from '#app/auth/session.server.ts'
import { FormErrors, SelectField, StatusNotice, SubmitButton, TextField } from '#app/ui/forms.tsx'
import { LANGS } from '#app/i18n/config.ts'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { localizePath, requireLang } from '#app/i18n/lang.ts'
import { recordAudit } from '#app/audit/audit.queries.server.ts'
import { getPasswordHash, setPasswordHash, updateProfile } from '#app/accounts/users.queries.server.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['account', 'auth', 'validation'] }

const PASSWORD_FIELDS = ['currentPassword', 'password', 'confirmPassword']

export async function loader({ request, params }: LoaderFunctionArgs) {
	const lang = requireLang(params)
	const { user, session } = await requireUser(request, lang)
	const [t, sessions] = await Promise.all([getFixedT(lang, ['account', 'common']), listUserSessions(user.id)])
	return {
		lang,
		meta: { title: t('common:meta.title', { page: t('account:title') }), description: t('account:description') },
		user: { name: user.name, email: user.email, role: user.role, lang: user.lang, timeZone: user.timeZone },
		timeZones: Intl.supportedValuesOf('timeZone'),
		sessions: sessions.map((s) => ({
			id: s.id,
			current: s.id === session.id,
			started: s.createdAt ? formatDateTime(lang, s.createdAt, { timeZone: user.timeZone }) : null,
			ip: s.ip,
			userAgent: s.userAgent,
		})),
	}
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const lang = requireLang(params)
	const { user, session } = await requireUser(request, lang)
	const formData = await request.formData()
	const intent = formData.get('intent')
	const audit = { actorId: user.id, subjectUserId: user.id, ip: context.clientIp }

	if (intent === 'profile') {
		const submission = parseWithZod(formData, { schema: profileSchema })
		if (submission.status !== 'success') return data({ intent, result: submission.reply(), saved: false }, { status: 400 })
		const { name, lang: newLang, timeZone } = submission.value
		await updateProfile({ userId: user.id, name, lang: newLang, timeZone })
		await recordAudit({ event: 'profile_updated', ...audit })
		// A new display language moves the member to the page in that language.
		if (newLang !== lang) return redirect(localizePath(newLang, '/account'))
		return data({ intent, result: submission.reply(), saved: true })
	}

	if (intent === 'password') {
		const submission = parseWithZod(formData, { schema: changePasswordSchema })
		const fail = (fieldErrors: Record<string, string[]>) =>
			data({ intent, result: submission.reply({ fieldErrors, hideFields: PASSWORD_FIELDS }), saved: false }, { status: 400 })
		if (submission.status !== 'success') {
			return data({ intent, result: submission.reply({ hideFields: PASSWORD_FIELDS }), saved: false }, { status: 400 })
		}
		const currentHash = await getPasswordHash(user.id)
		if (!currentHash || !(await verifyPassword(currentHash, submission.value.currentPassword))) {
			return fail({ currentPassword: ['validation:password.currentWrong'] })
		}
		if (isCommonPassword(submission.value.password)) return fail({ password: ['validation:password.common'] })
		await setPasswordHash({ userId: user.id, passwordHash: await hashPassword(submission.value.password) })
		await invalidateUserSessions(user.id, { exceptSessionId: session.id })
		await recordAudit({ event: 'password_changed', ...audit })
		return data({ intent, result: submission.reply({ resetForm: true }), saved: true })
	}

	if (intent === 'sign-out-others') {
		await invalidateUserSessions(user.id, { exceptSessionId: session.id })
		await recordAudit({ event: 'sessions_revoked', ...audit, details: { scope: 'others' } })
		return data({ intent, result: null, saved: true })
	}

	if (intent === 'sign-out-everywhere') {
		await invalidateUserSessions(user.id)
		await recordAudit({ event: 'sessions_revoked', ...audit, details: { scope: 'all' } })
		return redirect(`${localizePath(lang, '/login')}?notice=signed-out-everywhere`, {
			headers: { 'Set-Cookie': blankSessionCookie() },
		})
	}

	throw new Response('Bad Request', { status: 400 })
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: '/account', noindex: true })

export default function Account() {
	const { user, timeZones, sessions } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation(['account', 'auth'])
	const [profileForm, profileFields] = useForm({
		id: 'profile',
		lastResult: actionData?.intent === 'profile' ? actionData.result : undefined,
		defaultValue: { name: user.name, lang: user.lang, timeZone: user.timeZone },
		shouldValidate: 'onBlur',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: profileSchema }),
	})
	const [passwordForm, passwordFields] = useForm({
		id: 'password',
		lastResult: actionData?.intent === 'password' ? actionData.result : undefined,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
	})
	const saved = actionData?.saved ? actionData.intent : null
	return (
		<div className="mx-auto max-w-3xl px-4 py-12 sm:px-6">
			<h1 className="text-3xl font-bold tracking-tight text-navy-900">{t('title')}</h1>
			<p className="mt-2 text-slate-600">{t('signedInAs', { email: user.email, role: t(`auth:roles.${user.role}`) })}</p>

			<section aria-labelledby="profile-heading" className="mt-10 rounded-lg border border-slate-200 p-6">
				<h2 id="profile-heading" className="text-xl font-semibold text-navy-900">
					{t('profile.heading')}
				</h2>
				{saved === 'profile' ? <StatusNotice className="mt-3">{t('profile.saved')}</StatusNotice> : null}
				<FormProvider context={profileForm.context}>
				<Form method="post" {...getFormProps(profileForm)} className="mt-4 space-y-5">
					<input type="hidden" name="intent" value="profile" />
					<FormErrors id={profileForm.errorId} errors={profileForm.errors} />
					<TextField label={t('profile.name')} field={profileFields.name} autoComplete="name" />
					<SelectField label={t('profile.lang')} field={profileFields.lang} options={LANGS.map((l) => ({ value: l, label: t(`languages.${l}`) }))} />
					<SelectField label={t('profile.timeZone')} field={profileFields.timeZone} options={timeZones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))} />
					<SubmitButton>{t('profile.submit')}</SubmitButton>
				</Form>
				</FormProvider>
			</section>

			<section aria-labelledby="password-heading" className="mt-8 rounded-lg border border-slate-200 p-6">
				<h2 id="password-heading" className="text-xl font-semibold text-navy-900">
					{t('password.heading')}
				</h2>
				{saved === 'password' ? <StatusNotice className="mt-3">{t('password.saved')}</StatusNotice> : null}
				<FormProvider context={passwordForm.context}>
				<Form method="post" {...getFormProps(passwordForm)} className="mt-4 space-y-5">
					<input type="hidden" name="intent" value="password" />
					<input type="email" name="username" value={user.email} autoComplete="username" readOnly hidden />
					<FormErrors id={passwordForm.errorId} errors={passwordForm.errors} />
					<TextField label={t('password.current')} field={passwordFields.currentPassword} type="password" autoComplete="current-password" />
					<TextField label={t('auth:fields.newPassword')} field={passwordFields.password} type="password" autoComplete="new-password" hint={t('auth:fields.passwordHint')} />
					<TextField label={t('auth:fields.confirmPassword')} field={passwordFields.confirmPassword} type="password" autoComplete="new-password" />
					<SubmitButton>{t('password.submit')}</SubmitButton>
				</Form>
				</FormProvider>
			</section>

			<section aria-labelledby="sessions-heading" className="mt-8 rounded-lg border border-slate-200 p-6">
				<h2 id="sessions-heading" className="text-xl font-semibold text-navy-900">
					{t('sessions.heading')}
				</h2>
				<p className="mt-2 text-slate-600">{t('sessions.intro')}</p>
				{saved === 'sign-out-others' ? <StatusNotice className="mt-3">{t('sessions.othersSignedOut')}</StatusNotice> : null}
				<ul className="mt-4 divide-y divide-slate-200" data-testid="sessions">
					{sessions.map((s) => (
						<li key={s.id} className="py-3 text-sm">
							<p className="font-medium text-slate-800">
								{s.userAgent ? <span className="break-all">{s.userAgent.slice(0, 90)}</span> : t('sessions.unknownDevice')}
								{s.current ? <span className="ml-2 rounded bg-leaf-50 px-2 py-0.5 text-leaf-600">{t('sessions.current')}</span> : null}
							</p>
							<p className="text-slate-500">
								{s.started ? t('sessions.started', { date: s.started }) : null} {s.ip ? t('sessions.from', { ip: s.ip }) : null}
							</p>
						</li>
					))}
				</ul>
				<div className="mt-4 flex flex-wrap gap-3">
					<Form method="post">
						<SubmitButton name="intent" value="sign-out-others" variant="secondary">
							{t('sessions.signOutOthers')}
						</SubmitButton>
					</Form>
					<Form method="post">
						<SubmitButton name="intent" value="sign-out-everywhere" variant="danger">
							{t('sessions.signOutEverywhere')}
						</SubmitButton>
					</Form>
				</div>
			</section>
		</div>
	)
}


export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
