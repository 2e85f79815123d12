/**
 * The home page: what the lab is, the goals that frame it, the latest news,
 * the working groups, and the paper's China–US policy comparison (Table 1).
 */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { loadHomePage } from '#app/home/home-page.server.ts'
import { HomePage } from '#app/home/home-view.tsx'
import { routeMeta } from '#app/seo/meta.ts'
import type { RouteHandle } from '#app/ui/hydration.ts'

export const handle: RouteHandle = { i18n: ['home'], hydrate: false }

export const loader = (args: LoaderFunctionArgs) => loadHomePage(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error, path: '/' })

export default function Home() {
	return <HomePage page={useLoaderData<typeof loader>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
