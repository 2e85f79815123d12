/**
 * The admin's members page: the members with their role and status (change
 * a role, deactivate, reactivate), the invitation form and the pending
 * invitations. The route ($lang.admin.users.tsx) loads the data and runs
 * the forms' operations.
 */
import { FormProvider, getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { can, ROLES, type Role } from '#app/auth/permissions.ts'
import { FormErrors, SelectField, StatusNotice, SubmitButton, TextField } from '#app/ui/forms.tsx'
import { LANGS, type Lang } from '#app/i18n/config.ts'
import type { AdminUsersPageData } from './pages.server.ts'
import { inviteSchema } from './schemas.ts'

/** What the page's forms answer: the invitation form's result, and a notice of what was done. */
export interface AdminUsersActionData {
	intent: string
	result: SubmissionResult<string[]> | null
	notice: {
		key: 'invite.sent' | 'users.roleChanged' | 'users.deactivatedNotice' | 'users.reactivatedNotice'
		email: string
		name: string
		role: Role | null
	} | null
}

export function AdminUsersPage({
	lang,
	page: { users, invitations, me },
	actionData,
}: {
	lang: Lang
	page: AdminUsersPageData
	actionData: AdminUsersActionData | undefined
}) {
	const { t } = useTranslation(['admin', 'auth', 'account'])
	const [inviteForm, inviteFields] = useForm({
		id: 'invite',
		lastResult: actionData?.intent === 'invite' ? actionData.result : undefined,
		defaultValue: { role: 'researcher', lang },
		shouldValidate: 'onBlur',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
	})
	const notice = actionData?.notice
	const roleOptions = ROLES.map((role) => ({ value: role, label: t(`auth:roles.${role}`) }))
	return (
		<div className="grid gap-10 lg:grid-cols-[1fr_20rem]">
			<section aria-labelledby="members-heading">
				<h1 id="members-heading" className="text-2xl font-bold tracking-tight text-navy-900">
					{t('users.heading')}
				</h1>
				{notice ? (
					<StatusNotice className="mt-4">{t(notice.key, { email: notice.email, name: notice.name, role: notice.role ? t(`auth:roles.${notice.role}`) : '' })}</StatusNotice>
				) : null}
				<div className="mt-4 overflow-x-auto rounded-lg border border-slate-200" role="region" aria-labelledby="members-heading" tabIndex={0}>
					<table className="w-full min-w-[44rem] text-left text-sm">
						<thead className="bg-navy-50 text-navy-900">
							<tr>
								<th scope="col" className="px-3 py-2">{t('users.name')}</th>
								<th scope="col" className="px-3 py-2">{t('users.email')}</th>
								<th scope="col" className="px-3 py-2">{t('users.role')}</th>
								<th scope="col" className="px-3 py-2">{t('users.status')}</th>
								<th scope="col" className="px-3 py-2">{t('users.actions')}</th>
							</tr>
						</thead>
						<tbody>
							{users.map((u) => {
								const self = u.id === me.id
								return (
									<tr key={u.id} className="border-t border-slate-200 align-middle" data-testid="user-row" data-email={u.email}>
										<th scope="row" className="px-3 py-2 font-medium text-slate-900">
											{u.name} {self ? <span className="text-slate-500">({t('users.you')})</span> : null}
										</th>
										<td className="px-3 py-2 text-slate-700">{u.email}</td>
										<td className="px-3 py-2">
											{can(me, 'user:change-role', { id: u.id }) ? (
												<Form method="post" className="flex items-center gap-2">
													<input type="hidden" name="userId" value={u.id} />
													<label className="sr-only" htmlFor={`role-${u.id}`}>{t('users.changeRoleFor', { name: u.name })}</label>
													<select id={`role-${u.id}`} name="role" defaultValue={u.role} className="rounded border border-slate-300 px-2 py-1">
														{roleOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
													</select>
													<SubmitButton name="intent" value="change-role" variant="secondary">{t('users.changeRole')}</SubmitButton>
												</Form>
											) : (
												t(`auth:roles.${u.role}`)
											)}
										</td>
										<td className="px-3 py-2">
											{u.active ? <span className="text-leaf-600">{t('users.active')}</span> : <span className="text-red-700">{t('users.deactivated')}</span>}
										</td>
										<td className="px-3 py-2">
											{can(me, 'user:deactivate', { id: u.id }) ? (
												<Form method="post">
													<input type="hidden" name="userId" value={u.id} />
													{u.active ? (
														<SubmitButton name="intent" value="deactivate" variant="danger">{t('users.deactivate')}</SubmitButton>
													) : (
														<SubmitButton name="intent" value="reactivate" variant="secondary">{t('users.reactivate')}</SubmitButton>
													)}
												</Form>
											) : null}
										</td>
									</tr>
								)
							})}
						</tbody>
					</table>
				</div>
			</section>

			<aside className="space-y-8">
				<section aria-labelledby="invite-heading" className="rounded-lg border border-slate-200 p-5">
					<h2 id="invite-heading" className="text-lg font-semibold text-navy-900">{t('invite.heading')}</h2>
					<p className="mt-1 text-sm text-slate-600">{t('invite.intro')}</p>
					<FormProvider context={inviteForm.context}>
					<Form method="post" {...getFormProps(inviteForm)} className="mt-4 space-y-4">
						<input type="hidden" name="intent" value="invite" />
						<FormErrors id={inviteForm.errorId} errors={inviteForm.errors} />
						<TextField label={t('invite.email')} field={inviteFields.email} type="email" autoComplete="off" />
						<TextField label={t('invite.name')} field={inviteFields.name} autoComplete="off" />
						<SelectField label={t('invite.role')} field={inviteFields.role} options={roleOptions} />
						<SelectField label={t('invite.lang')} field={inviteFields.lang} options={LANGS.map((l) => ({ value: l, label: t(`account:languages.${l}`) }))} />
						<SubmitButton>{t('invite.submit')}</SubmitButton>
					</Form>
					</FormProvider>
				</section>
				<section aria-labelledby="pending-heading">
					<h2 id="pending-heading" className="text-lg font-semibold text-navy-900">{t('invite.pending')}</h2>
					{invitations.length === 0 ? (
						<p className="mt-2 text-sm text-slate-600">{t('invite.none')}</p>
					) : (
						<ul className="mt-2 divide-y divide-slate-200 text-sm" data-testid="pending-invitations">
							{invitations.map((i) => (
								<li key={i.id} className="py-2">
									<span className="font-medium text-slate-800">{i.email}</span> · {t(`auth:roles.${i.role}`)}
									<br />
									<span className="text-slate-500">{t('invite.expires', { date: i.expires })}</span>
								</li>
							))}
						</ul>
					)}
				</section>
			</aside>
		</div>
	)
}
