import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '#app/auth/auth.server.ts'
import { localizePath, requireLang } from '#app/i18n/lang.ts'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const lang = requireLang(params)
	await requirePermission({ request, context }, 'admin:users:read')
	return redirect(localizePath(lang, '/admin/users'))
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
