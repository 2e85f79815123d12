/**
 * The admin's members page: the members with their role and status (change
 * a role, deactivate, reactivate), the invitation form and the pending
 * invitations (copy a new link, send again, revoke). On a phone each member
 * is a card (the same table, its rows laid out as blocks, its semantics kept
 * by explicit roles); from `md:` it is a table. Deactivating and revoking
 * ask first (app/ui/confirm.tsx).
 */
import { FormProvider, getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form, useLocation } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { can, ROLES, type Role } from '#app/auth/permissions.ts'
import { ConfirmationBox, ConfirmSubmit, type PendingConfirmation } from '#app/ui/confirm.tsx'
import { FormErrors, SelectField, StatusNotice, SubmitButton, TextField } from '#app/ui/forms.tsx'
import { LANGS, type Lang } from '#app/i18n/config.ts'
import type { AdminUsersPageData } from './pages.server.ts'
import type { inviteSchema } from './schemas.ts'
import type { z } from 'zod'
import { useDeferredValidation } from '#app/forms/client-validation.ts'

/** What the page's forms answer: the invitation form's result, a notice of what was done, a question, a new link. */
export interface AdminUsersActionData {
	intent: string
	result: SubmissionResult<string[]> | null
	notice: {
		key:
			| 'invite.sent'
			| 'invite.revoked'
			| 'invite.resent'
			| 'invite.link-made'
			| 'users.roleChanged'
			| 'users.deactivatedNotice'
			| 'users.reactivatedNotice'
		email: string
		name: string
		role: Role | null
	} | null
	confirm: PendingConfirmation | null
	link: { email: string; url: string } | null
}

const cell = 'block px-3 py-1 md:table-cell md:py-2'
/** On a phone a cell says what it is; the table's headers say it from `md:`. */
const cellLabel = 'mr-2 text-xs font-semibold uppercase tracking-wide text-slate-500 md:hidden'

export function AdminUsersPage({
	lang,
	page,
	actionData,
}: {
	lang: Lang
	page: AdminUsersPageData
	actionData: AdminUsersActionData | undefined
}) {
	const { users, invitations, me } = page
	const { t } = useTranslation(['admin', 'auth', 'account', 'common'])
	const { pathname } = useLocation()
	const inviteCheck = useDeferredValidation(() => import('./schemas.ts').then((m) => m.inviteSchema), { shouldValidate: 'onBlur' })
	const [inviteForm, inviteFields] = useForm<z.input<typeof inviteSchema>>({
		id: 'invite',
		lastResult: actionData?.intent === 'invite' ? actionData.result : undefined,
		defaultValue: { role: 'researcher', lang },
		...inviteCheck.options,
	})
	const notice = actionData?.notice
	// The question asked without JavaScript names whom it is about, as the dialog does.
	const confirmQuestion = (pending: PendingConfirmation) => {
		const field = (name: string) => pending.fields.find(([key]) => key === name)?.[1]
		const name = users.find((u) => u.id === field('userId'))?.name ?? ''
		const email = invitations.find((i) => i.id === field('invitationId'))?.email ?? ''
		return t(pending.question as 'admin:users.confirm-deactivate', { name, email })
	}
	const roleOptions = ROLES.map((role) => ({ value: role, label: t(`auth:roles.${role}`) }))
	return (
		<div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
			<section aria-labelledby="members-heading" className="min-w-0">
				<h1 id="members-heading" className="text-2xl font-bold tracking-tight text-navy-900">
					{t('users.heading')}
				</h1>
				<form method="get" role="search" className="mt-4 flex max-w-md flex-wrap items-end gap-2" aria-label={t('users.search')}>
					<label className="min-w-0 flex-1">
						<span className="block text-sm font-medium text-slate-800">{t('users.search')}</span>
						<input
							type="search"
							name="q"
							defaultValue={page.query ?? ''}
							placeholder={t('users.search-placeholder')}
							maxLength={254}
							className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
						/>
					</label>
					<button type="submit" className="rounded-md border border-navy-900 px-4 py-2 text-sm font-medium text-navy-900 hover:bg-navy-50">
						{t('users.search-button')}
					</button>
				</form>
				<p className="mt-2 text-sm text-slate-600" data-testid="users-count">
					{page.query ? t('users.matches', { count: page.total, query: page.query }) : page.total > users.length ? t('users.shown', { shown: users.length, total: page.total }) : null}
					{page.query ? (
						<>
							{' '}
							<a href={pathname} className="font-medium text-navy-700 underline underline-offset-2">
								{t('users.clear-search')}
							</a>
						</>
					) : null}
				</p>
				{notice ? (
					<StatusNotice className="mt-4">{t(notice.key, { email: notice.email, name: notice.name, role: notice.role ? t(`auth:roles.${notice.role}`) : '' })}</StatusNotice>
				) : null}
				{actionData?.link ? <NewLink email={actionData.link.email} url={actionData.link.url} /> : null}
				{actionData?.confirm ? (
					<div className="mt-4">
						<ConfirmationBox pending={actionData.confirm} question={confirmQuestion(actionData.confirm)} cancelHref={pathname} />
					</div>
				) : null}
				<div className="mt-4 md:rounded-lg md:border md:border-slate-200">
					<table role="table" className="block w-full text-left text-sm md:table" aria-labelledby="members-heading">
						<thead role="rowgroup" className="sr-only bg-navy-50 text-navy-900 md:not-sr-only md:table-header-group">
							<tr role="row">
								<th role="columnheader" scope="col" className="px-3 py-2">{t('users.name')}</th>
								<th role="columnheader" scope="col" className="px-3 py-2">{t('users.email')}</th>
								<th role="columnheader" scope="col" className="px-3 py-2">{t('users.role')}</th>
								<th role="columnheader" scope="col" className="px-3 py-2">{t('users.status')}</th>
								<th role="columnheader" scope="col" className="px-3 py-2">{t('users.actions')}</th>
							</tr>
						</thead>
						<tbody role="rowgroup" className="block space-y-3 md:table-row-group md:space-y-0">
							{users.map((u) => {
								const self = u.id === me.id
								return (
									<tr
										key={u.id}
										role="row"
										className="block rounded-lg border border-slate-200 py-2 align-middle md:table-row md:rounded-none md:border-0 md:border-t md:py-0"
										data-testid="user-row"
										data-email={u.email}
									>
										<th role="rowheader" scope="row" className={`${cell} font-medium text-slate-900`}>
											{u.name} {self ? <span className="text-slate-500">({t('users.you')})</span> : null}
										</th>
										<td role="cell" className={`${cell} break-all text-slate-700`}>
											<span className={cellLabel} aria-hidden="true">{t('users.email')}</span>
											{u.email}
										</td>
										<td role="cell" className={cell}>
											{can(me, 'user:change-role', { id: u.id }) ? (
												<Form method="post" className="flex flex-wrap items-center gap-2">
													<input type="hidden" name="userId" value={u.id} />
													<label className="sr-only" htmlFor={`role-${u.id}`}>{t('users.changeRoleFor', { name: u.name })}</label>
													<select id={`role-${u.id}`} name="role" defaultValue={u.role} className="rounded border border-slate-300 px-2 py-1">
														{roleOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
													</select>
													<SubmitButton name="intent" value="change-role" variant="secondary">{t('users.changeRole')}</SubmitButton>
												</Form>
											) : (
												<>
													<span className={cellLabel} aria-hidden="true">{t('users.role')}</span>
													{t(`auth:roles.${u.role}`)}
												</>
											)}
										</td>
										<td role="cell" className={cell}>
											<span className={cellLabel} aria-hidden="true">{t('users.status')}</span>
											{u.active ? <span className="text-leaf-600">{t('users.active')}</span> : <span className="text-red-700">{t('users.deactivated')}</span>}
										</td>
										<td role="cell" className={cell}>
											{can(me, 'user:deactivate', { id: u.id }) ? (
												<Form method="post">
													<input type="hidden" name="userId" value={u.id} />
													{u.active ? (
														<ConfirmSubmit name="intent" value="deactivate" question={t('users.confirm-deactivate', { name: u.name })}>
															{t('users.deactivate')}
														</ConfirmSubmit>
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

			<aside className="min-w-0 space-y-8">
				<section aria-labelledby="invite-heading" className="rounded-lg border border-slate-200 p-5">
					<h2 id="invite-heading" className="text-lg font-semibold text-navy-900">{t('invite.heading')}</h2>
					<p className="mt-1 text-sm text-slate-600">{t('invite.intro')}</p>
					<FormProvider context={inviteForm.context}>
					<Form method="post" {...getFormProps(inviteForm)} {...inviteCheck.formProps} className="mt-4 space-y-4">
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
								<li key={i.id} className="py-3" data-testid="pending-invitation" data-email={i.email}>
									<p className="break-all">
										<span className="font-medium text-slate-800">{i.email}</span> · {t(`auth:roles.${i.role}`)}
									</p>
									<p className="text-slate-500">{t('invite.expires', { date: i.expires })}</p>
									<Form method="post" className="mt-2 flex flex-wrap gap-2">
										<input type="hidden" name="invitationId" value={i.id} />
										<SubmitButton name="intent" value="invitation-link" variant="secondary">{t('invite.copy-link')}</SubmitButton>
										<SubmitButton name="intent" value="resend-invitation" variant="secondary">{t('invite.resend')}</SubmitButton>
										<ConfirmSubmit name="intent" value="revoke-invitation" question={t('invite.confirm-revoke', { email: i.email })}>
											{t('invite.revoke')}
										</ConfirmSubmit>
									</Form>
								</li>
							))}
						</ul>
					)}
				</section>
			</aside>
		</div>
	)
}

/** A fresh invitation link, shown once, with a button that copies it (the field can be copied by hand too). */
function NewLink({ email, url }: { email: string; url: string }) {
	const { t } = useTranslation('admin')
	const [copied, setCopied] = useState(false)
	return (
		<div className="mt-4 rounded-md border border-slate-200 bg-slate-50 p-4" data-testid="invitation-link">
			<label htmlFor="invitation-link" className="block text-sm font-medium text-slate-800">
				{t('invite.link-for', { email })}
			</label>
			<div className="mt-1 flex flex-wrap gap-2">
				<input
					id="invitation-link"
					readOnly
					value={url}
					onFocus={(event) => event.currentTarget.select()}
					className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs"
				/>
				<button
					type="button"
					onClick={() => {
						void navigator.clipboard?.writeText(url).then(() => setCopied(true), () => setCopied(false))
					}}
					className="rounded-md border border-navy-900 px-3 py-1.5 text-sm font-medium text-navy-900 hover:bg-navy-50"
				>
					{copied ? t('invite.copied') : t('invite.copy')}
				</button>
			</div>
			<p className="mt-1 text-sm text-slate-600" role="status">{copied ? t('invite.copied') : t('invite.link-hint')}</p>
		</div>
	)
}
