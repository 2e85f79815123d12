/** Any path under a language that no route claims: a translated 404 page. */
import type { MetaFunction } from '@remix-run/node'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import type { loader as rootLoader } from '#app/root.tsx'
import { routeErrorMeta } from '#app/seo/meta.ts'

export function loader(): never {
	throw new Response('Not Found', { status: 404 })
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ error, matches }) =>
	routeErrorMeta({ error, errorTitles: matches.find((m) => m.id === 'root')?.data?.errorTitles })

export default function NotFound() {
	return null
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
