/** Editing a group's texts (leads, admins) and, for admins, its visibility and archiving (app/groups/group-editor.server.ts). */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { handleEditGroup, loadEditGroupPage } from '#app/groups/group-editor.server.ts'
import { GroupEditor } from '#app/groups/group-editor.tsx'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['groups', 'validation'] }

export const loader = (args: LoaderFunctionArgs) => loadEditGroupPage(args)

export const action = (args: ActionFunctionArgs) => handleEditGroup(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error })

export default function EditGroup() {
	const page = useLoaderData<typeof loader>()
	return (
		<div className="mx-auto max-w-6xl px-4 pb-8 pt-8 sm:px-6 sm:pt-12">
			<h1 className="mb-6 text-balance text-2xl font-bold tracking-tight text-navy-900 sm:text-3xl">{page.heading}</h1>
			{/* A new key per saved state: the form starts again from what was saved. */}
			<GroupEditor key={page.formKey} {...page} actionData={useActionData<typeof action>()} />
		</div>
	)
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
