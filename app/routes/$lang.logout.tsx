/** Sign-out: POST only (a link or a prefetch must never sign anyone out). */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { getRequestClient } from '#app/auth/auth.server.ts'
import { signOut } from '#app/accounts/operations.server.ts'
import { localizePath, requireLang } from '#app/i18n/lang.ts'

export function loader({ params }: LoaderFunctionArgs) {
	return redirect(localizePath(requireLang(params)))
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const lang = requireLang(params)
	const { setCookie } = await signOut({ client: await getRequestClient({ request, context }) })
	return redirect(localizePath(lang), { headers: { 'Set-Cookie': setCookie } })
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
