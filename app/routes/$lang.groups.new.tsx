/** An admin creates a working group (app/groups/group-editor.server.ts); everyone else gets a 404. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { handleNewGroup, loadNewGroupPage } from '#app/groups/group-editor.server.ts'
import { GroupEditor } from '#app/groups/group-editor.tsx'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['groups', 'validation'] }

export const loader = (args: LoaderFunctionArgs) => loadNewGroupPage(args)

export const action = (args: ActionFunctionArgs) => handleNewGroup(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error })

export default function NewGroup() {
	const page = useLoaderData<typeof loader>()
	return (
		<div className="mx-auto max-w-6xl px-4 pb-8 pt-8 sm:px-6 sm:pt-12">
			<h1 className="mb-6 text-balance text-2xl font-bold tracking-tight text-navy-900 sm:text-3xl">{page.heading}</h1>
			<GroupEditor {...page} actionData={useActionData<typeof action>()} />
		</div>
	)
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
