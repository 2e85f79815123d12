/**
 * The member's own account page: name, display language, time zone,
 * password, and the sessions signed in with it. The route
 * ($lang.account.tsx) loads the data and runs the forms' operations.
 */
import { FormProvider, getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormErrors, SelectField, StatusNotice, SubmitButton, TextField } from '#app/ui/forms.tsx'
import { LANGS } from '#app/i18n/config.ts'
import type { AccountPageData } from './pages.server.ts'
import type { z } from 'zod'
import { useDeferredValidation } from '#app/forms/client-validation.ts'
import type { changePasswordSchema, profileSchema } from './schemas.ts'

/** What the page's forms answer: which form, its result, and whether it saved. */
export interface AccountActionData {
	intent: string
	result: SubmissionResult<string[]> | null
	saved: boolean
}

export function AccountPage({ page: { user, timeZones, sessions }, actionData }: { page: AccountPageData; actionData: AccountActionData | undefined }) {
	const { t } = useTranslation(['account', 'auth'])
	const profileCheck = useDeferredValidation(() => import('./schemas.ts').then((m) => m.profileSchema), { shouldValidate: 'onBlur' })
	const [profileForm, profileFields] = useForm<z.input<typeof profileSchema>>({
		id: 'profile',
		lastResult: actionData?.intent === 'profile' ? actionData.result : undefined,
		defaultValue: { name: user.name, lang: user.lang, timeZone: user.timeZone },
		...profileCheck.options,
	})
	const passwordCheck = useDeferredValidation(() => import('./schemas.ts').then((m) => m.changePasswordSchema), {
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const [passwordForm, passwordFields] = useForm<z.input<typeof changePasswordSchema>>({
		id: 'password',
		lastResult: actionData?.intent === 'password' ? actionData.result : undefined,
		...passwordCheck.options,
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
				<Form method="post" {...getFormProps(profileForm)} {...profileCheck.formProps} className="mt-4 space-y-5">
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
				<Form method="post" {...getFormProps(passwordForm)} {...passwordCheck.formProps} className="mt-4 space-y-5">
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

