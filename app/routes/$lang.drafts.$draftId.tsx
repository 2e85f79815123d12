/**
 * One policy draft, both languages side by side by section, with its
 * translation summary; comments and review for those who work on it.
 * Published drafts of public groups are public; the rest is 404 outside the
 * group, its reviewers and admins.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { handleDraftPageAction, loadDraftPage } from '#app/drafts/draft-page.server.ts'
import { DraftPage } from '#app/drafts/draft-view.tsx'
import { routeMeta } from '#app/seo/meta.ts'
import type { RouteHandle } from '#app/ui/hydration.ts'

export const handle: RouteHandle = { i18n: ['drafts', 'validation'], hydrate: 'signed-in' }

export const loader = (args: LoaderFunctionArgs) => loadDraftPage(args)

export const action = (args: ActionFunctionArgs) => handleDraftPageAction(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error })

export default function Draft() {
	return <DraftPage page={useLoaderData<typeof loader>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
