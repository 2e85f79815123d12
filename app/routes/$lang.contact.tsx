/** The lab's contact page: what it is, how to reach it, and a message form for anyone. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { ContactPage } from '#app/contact/contact-page.tsx'
import { handleContact, loadContactPage } from '#app/contact/contact.server.ts'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['contact', 'validation'] }

export const loader = (args: LoaderFunctionArgs) => loadContactPage(args)

export const action = (args: ActionFunctionArgs) => handleContact(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error, path: '/contact' })

export default function Contact() {
	return <ContactPage page={useLoaderData<typeof loader>()} actionData={useActionData<typeof action>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
