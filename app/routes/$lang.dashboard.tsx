/** Where a signed-in member lands: open reviews, own action items, upcoming meetings of their groups. */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { loadDashboard } from '#app/meetings/dashboard-page.server.ts'
import { DashboardPage } from '#app/meetings/dashboard-view.tsx'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['records'] }

export const loader = (args: LoaderFunctionArgs) => loadDashboard(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error })

export default function Dashboard() {
	return <DashboardPage page={useLoaderData<typeof loader>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
