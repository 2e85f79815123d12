/**
 * Members and invitations: invite by email with a role, change a role,
 * deactivate or reactivate. A role change or a deactivation ends the user's
 * sessions at once. Nobody changes their own role or deactivates themself.
 */
import { FormProvider, getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requirePermission } from '#app/auth/auth.server.ts'
import { can, ROLES } from '#app/auth/permissions.ts'
import { changeRoleSchema, inviteSchema, setActiveSchema } from '#app/accounts/schemas.ts'
import { invalidateUserSessions } from '#app/auth/session.server.ts'
import { FormErrors, SelectField, StatusNotice, SubmitButton, TextField } from '#app/ui/forms.tsx'
import { sendEmail } from '#app/email/outbox.queries.server.ts'
import { invitationEmail } from '#app/email/templates.server.ts'
import { LANGS } from '#app/i18n/config.ts'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { recordAudit } from '#app/audit/audit.queries.server.ts'
import { createInvitation, INVITATION_TTL_MS, listPendingInvitations } from '#app/accounts/invitations.queries.server.ts'
import { getActiveUserByEmail, getUserById, listUsers, setDeactivated, setRole } from '#app/accounts/users.queries.server.ts'
import { formatDate } from '#app/i18n/format.ts'
import { routeMeta } from '#app/seo/meta.ts'
import { getSiteOrigin } from '#app/http/site.server.ts'

export const handle = { i18n: ['admin', 'auth', 'account', 'validation'] }

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const lang = requireLang(params)
	const { user } = await requirePermission({ request, context }, 'admin:users:read')
	const [t, users, invitations] = await Promise.all([getFixedT(lang, ['admin', 'common']), listUsers(), listPendingInvitations()])
	return {
		lang,
		meta: { title: t('common:meta.title', { page: t('admin:users.title') }), description: t('admin:users.description') },
		me: { id: user.id, role: user.role },
		users: users.map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role, active: !u.deactivatedAt })),
		invitations: invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, expires: formatDate(lang, i.expiresAt, { timeZone: user.timeZone }) })),
	}
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const lang = requireLang(params)
	const ip = context.clientIp
	const formData = await request.formData()
	const intent = formData.get('intent')

	if (intent === 'invite') {
		const { user } = await requirePermission({ request, context }, 'user:invite')
		const submission = parseWithZod(formData, { schema: inviteSchema })
		if (submission.status !== 'success') return data({ intent, result: submission.reply(), notice: null }, { status: 400 })
		const { email, name, role, lang: inviteLang } = submission.value
		if (await getActiveUserByEmail(email)) {
			return data({ intent, result: submission.reply({ fieldErrors: { email: ['admin:invite.exists'] } }), notice: null }, { status: 409 })
		}
		const { token } = await createInvitation({ email, name, role, lang: inviteLang, invitedBy: user.id })
		await sendEmail({
			kind: 'invitation',
			...(await invitationEmail({
				to: email,
				name,
				role,
				lang: inviteLang,
				origin: getSiteOrigin(request),
				token,
				expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
			})),
		})
		await recordAudit({ event: 'invitation_created', actorId: user.id, email, ip, details: { role, lang: inviteLang } })
		return data({ intent, result: submission.reply({ resetForm: true }), notice: { key: 'invite.sent', email, name: '', role: null } } as const)
	}

	if (intent === 'change-role') {
		const submission = parseWithZod(formData, { schema: changeRoleSchema })
		if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 })
		const { user } = await requirePermission({ request, context }, 'user:change-role', { id: submission.value.userId })
		const target = await getUserById(submission.value.userId)
		if (!target) throw new Response('Not Found', { status: 404 })
		const previous = await setRole({ userId: target.id, role: submission.value.role })
		await invalidateUserSessions(target.id)
		await recordAudit({ event: 'role_changed', actorId: user.id, subjectUserId: target.id, ip, details: { from: previous, to: submission.value.role } })
		return data({ intent, result: null, notice: { key: 'users.roleChanged', email: target.email, name: target.name, role: submission.value.role } } as const)
	}

	if (intent === 'deactivate' || intent === 'reactivate') {
		const submission = parseWithZod(formData, { schema: setActiveSchema })
		if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 })
		const { user } = await requirePermission({ request, context }, 'user:deactivate', { id: submission.value.userId })
		const target = await getUserById(submission.value.userId)
		if (!target) throw new Response('Not Found', { status: 404 })
		const deactivate = intent === 'deactivate'
		await setDeactivated({ userId: target.id, deactivated: deactivate })
		if (deactivate) await invalidateUserSessions(target.id)
		await recordAudit({ event: deactivate ? 'user_deactivated' : 'user_reactivated', actorId: user.id, subjectUserId: target.id, ip })
		const key = deactivate ? 'users.deactivatedNotice' : 'users.reactivatedNotice'
		return data({ intent, result: null, notice: { key, email: target.email, name: target.name, role: null } } as const)
	}

	// Unknown intents are refused like everything else an admin may not do.
	await requirePermission({ request, context }, 'user:invite')
	throw new Response('Bad Request', { status: 400 })
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: '/admin/users', noindex: true })

export default function AdminUsers() {
	const { users, invitations, me, lang } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
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

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
