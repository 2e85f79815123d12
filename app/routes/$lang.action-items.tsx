/** A member's own open action items across their groups, overdue first; marking one done. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { handleActionItemsAction, loadActionItemsPage } from '#app/meetings/action-items-page.server.ts'
import { ActionItemsPage } from '#app/meetings/action-items-view.tsx'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['records'] }

export const loader = (args: LoaderFunctionArgs) => loadActionItemsPage(args)

export const action = (args: ActionFunctionArgs) => handleActionItemsAction(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error })

export default function ActionItems() {
	return <ActionItemsPage page={useLoaderData<typeof loader>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
