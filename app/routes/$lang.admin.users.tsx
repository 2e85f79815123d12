/**
 * Members and invitations: invite by email with a role, change a role,
 * deactivate or reactivate. A role change or a deactivation ends the user's
 * sessions at once. Nobody changes their own role or deactivates themself.
 */
import { parseForm } from '#app/forms/submission.ts'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { requirePermission } from '#app/auth/auth.server.ts'
import { changeRoleSchema, inviteSchema, setActiveSchema } from '#app/accounts/schemas.ts'
import { changeRole, deactivateUser, invite, reactivateUser } from '#app/accounts/operations.server.ts'
import { getAdminUsersPage } from '#app/accounts/pages.server.ts'
import { AdminUsersPage } from '#app/accounts/admin-users-page.tsx'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { badRequest, requireFound } from '#app/http/errors.ts'
import { routeMeta } from '#app/seo/meta.ts'
import { getSiteOrigin } from '#app/http/site.server.ts'

export const handle = { i18n: ['admin', 'auth', 'account', 'validation'] }

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const lang = requireLang(params)
	const { user } = await requirePermission({ request, context }, 'admin:users:read')
	const [t, page] = await Promise.all([getFixedT(lang, ['admin', 'common']), getAdminUsersPage({ lang, viewer: user })])
	return {
		lang,
		meta: { title: t('common:meta.title', { page: t('admin:users.title') }), description: t('admin:users.description') },
		page,
	}
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	requireLang(params)
	const ip = context.clientIp
	const formData = await request.formData()
	const intent = formData.get('intent')

	if (intent === 'invite') {
		const { user } = await requirePermission({ request, context }, 'user:invite')
		const submission = parseForm(formData, { schema: inviteSchema })
		if (submission.status !== 'success') return data({ intent, result: submission.reply(), notice: null }, { status: 400 })
		const { email, name, role, lang } = submission.value
		const invited = await invite({ actor: user, email, name, role, lang, origin: getSiteOrigin(), ip })
		if (!invited.ok) {
			return data({ intent, result: submission.reply({ fieldErrors: { email: ['admin:invite.exists'] } }), notice: null }, { status: 409 })
		}
		return data({ intent, result: submission.reply({ resetForm: true }), notice: { key: 'invite.sent', email, name: '', role: null } } as const)
	}

	if (intent === 'change-role') {
		const submission = parseForm(formData, { schema: changeRoleSchema })
		if (submission.status !== 'success') badRequest()
		const { userId, role } = submission.value
		const { user } = await requirePermission({ request, context }, 'user:change-role', { id: userId })
		const target = requireFound(await changeRole({ actor: user, userId, role, ip }))
		return data({ intent, result: null, notice: { key: 'users.roleChanged', email: target.email, name: target.name, role } } as const)
	}

	if (intent === 'deactivate' || intent === 'reactivate') {
		const submission = parseForm(formData, { schema: setActiveSchema })
		if (submission.status !== 'success') badRequest()
		const { userId } = submission.value
		const { user } = await requirePermission({ request, context }, 'user:deactivate', { id: userId })
		const deactivate = intent === 'deactivate'
		const target = requireFound(await (deactivate ? deactivateUser : reactivateUser)({ actor: user, userId, ip }))
		const key = deactivate ? 'users.deactivatedNotice' : 'users.reactivatedNotice'
		return data({ intent, result: null, notice: { key, email: target.email, name: target.name, role: null } } as const)
	}

	// Unknown intents are refused like everything else an admin may not do.
	await requirePermission({ request, context }, 'user:invite')
	badRequest()
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: '/admin/users', noindex: true })

export default function AdminUsers() {
	const { lang, page } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	return <AdminUsersPage lang={lang} page={page} actionData={actionData} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
