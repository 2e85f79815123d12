/** A group's members, managed by its leads and admins (app/groups/members-page.server.ts); a 404 for everyone else. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { handleMembersAction, loadMembersPage } from '#app/groups/members-page.server.ts'
import { MembersPage } from '#app/groups/members-view.tsx'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['groups', 'auth', 'validation'] }

export const loader = (args: LoaderFunctionArgs) => loadMembersPage(args)

export const action = (args: ActionFunctionArgs) => handleMembersAction(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error })

export default function GroupMembers() {
	return <MembersPage page={useLoaderData<typeof loader>()} actionData={useActionData<typeof action>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
