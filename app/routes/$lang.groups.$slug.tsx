/**
 * A working group's page (app/groups/group-page.server.ts): a private group
 * is a 404 for anyone but its members and admins. Its one form makes a
 * member's secret calendar address.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { handleGroupPageAction, loadGroupPage } from '#app/groups/group-page.server.ts'
import { GroupPage } from '#app/groups/group-view.tsx'
import { routeMeta } from '#app/seo/meta.ts'
import type { RouteHandle } from '#app/ui/hydration.ts'

export const handle: RouteHandle = { i18n: ['groups', 'meetings', 'drafts'], hydrate: false }

export const loader = (args: LoaderFunctionArgs) => loadGroupPage(args)

export const action = (args: ActionFunctionArgs) => handleGroupPageAction(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error })

export default function Group() {
	const [searchParams] = useSearchParams()
	return <GroupPage page={useLoaderData<typeof loader>()} actionData={useActionData<typeof action>()} notice={searchParams.get('notice')} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
