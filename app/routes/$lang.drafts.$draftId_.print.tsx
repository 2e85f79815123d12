/** A draft (or one revision) as a print-ready bilingual page: side by side or one language after the other. */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { loadPrintPage } from '#app/drafts/export.server.ts'
import { draftPathsWithoutLang } from '#app/drafts/links.ts'
import printStylesheet from '#app/drafts/print.css?url'
import { PrintPage } from '#app/drafts/print-view.tsx'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['drafts'] }

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: printStylesheet, media: 'print' }]

export const loader = (args: LoaderFunctionArgs) => loadPrintPage(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: data?.seoPath ?? draftPathsWithoutLang.list(), noindex: true })

export default function PrintDraft() {
	return <PrintPage page={useLoaderData<typeof loader>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
