/**
 * `/` sends visitors to their language: the `lang` cookie (the language they
 * last read), else Accept-Language (`zh-*` → Chinese), else English.
 */
import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { getRequestLang } from '#app/i18n/i18next.server.ts'
import { localizePath } from '#app/i18n/lang.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const lang = await getRequestLang(request)
	const { search } = new URL(request.url)
	return redirect(`${localizePath(lang)}${search}`, {
		headers: {
			// The answer depends on these request headers; shared caches must not mix them.
			Vary: 'Cookie, Accept-Language',
			'Cache-Control': 'private, no-cache',
		},
	})
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
