/** Any path under a language that no route claims: a translated 404 page. */
import type { MetaFunction } from '@remix-run/node'
import { notFound } from '#app/http/errors.ts'
import { routeMeta } from '#app/seo/meta.ts'

export function loader(): never {
	notFound()
}

export const meta: MetaFunction = ({ error, matches }) => routeMeta({ data: undefined, matches, error })

export default function NotFound() {
	return null
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
