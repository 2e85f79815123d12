/**
 * Members and invitations: invite by email with a role; revoke, resend or
 * re-link a pending invitation; change a role, deactivate or reactivate. A
 * role change or a deactivation ends the user's sessions at once. Nobody
 * changes their own role or deactivates themself. Deactivating and revoking
 * ask first, with or without JavaScript.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { handleAdminUsersAction, loadAdminUsersPage } from '#app/accounts/admin-users.server.ts'
import { AdminUsersPage } from '#app/accounts/admin-users-page.tsx'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['admin', 'auth', 'account', 'validation'] }

export const loader = (args: LoaderFunctionArgs) => loadAdminUsersPage(args)

export const action = (args: ActionFunctionArgs) => handleAdminUsersAction(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: '/admin/users', noindex: true })

export default function AdminUsers() {
	const { lang, page } = useLoaderData<typeof loader>()
	return <AdminUsersPage lang={lang} page={page} actionData={useActionData<typeof action>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
