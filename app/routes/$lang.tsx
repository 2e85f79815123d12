/**
 * Every page lives under a language: `/en/…` or `/zh/…`. Anything else under
 * this segment is a 404, shown in the visitor's detected language.
 */
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Outlet } from '@remix-run/react'
import { rememberLang } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { routeMeta } from '#app/seo/meta.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const lang = requireLang(params)
	// Remember the language read last, so `/` opens in it next time.
	const setCookie = await rememberLang(request, lang)
	return data({ lang }, setCookie ? { headers: { 'Set-Cookie': setCookie } } : undefined)
}

export const meta: MetaFunction = ({ error, matches }) => routeMeta({ data: undefined, matches, error })

export default function LangLayout() {
	return <Outlet />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
