/** Sign-out: POST only (a link or a prefetch must never sign anyone out). */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { getSession } from '#app/auth/auth.server.ts'
import { blankSessionCookie, invalidateSession } from '#app/auth/session.server.ts'
import { localizePath, requireLang } from '#app/i18n/lang.ts'
import { recordAudit } from '#app/audit/audit.queries.server.ts'

export function loader({ params }: LoaderFunctionArgs) {
	return redirect(localizePath(requireLang(params)))
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const lang = requireLang(params)
	const current = await getSession(request)
	if (current) {
		await invalidateSession(current.session.id)
		await recordAudit({ event: 'sign_out', actorId: current.user.id, subjectUserId: current.user.id, ip: context.clientIp })
	}
	return redirect(localizePath(lang), { headers: { 'Set-Cookie': blankSessionCookie() } })
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
