/**
 * Every page lives under a language: `/en/…` or `/zh/…`. Anything else under
 * this segment is a 404, shown in the visitor's detected language.
 */
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Outlet } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { rememberLang } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import type { loader as rootLoader } from '#app/root.tsx'
import { routeErrorMeta } from '#app/seo/meta.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const lang = requireLang(params)
	// Remember the language read last, so `/` opens in it next time.
	const setCookie = await rememberLang(request, lang)
	return data({ lang }, setCookie ? { headers: { 'Set-Cookie': setCookie } } : undefined)
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ error, matches }) =>
	error ? routeErrorMeta({ error, errorTitles: matches.find((m) => m.id === 'root')?.data?.errorTitles }) : []

export default function LangLayout() {
	return <Outlet />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
