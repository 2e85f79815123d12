/**
 * Two revisions of a draft compared section by section in both languages
 * (word-level, CJK-aware), or what changed in the source of each outdated
 * translation (`?view=translation`). For the group, reviewers and admins.
 */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { loadComparePage } from '#app/drafts/compare-page.server.ts'
import { ComparePage } from '#app/drafts/compare-view.tsx'
import { draftPathsWithoutLang } from '#app/drafts/links.ts'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['drafts'] }

export const loader = (args: LoaderFunctionArgs) => loadComparePage(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: data?.seoPath ?? draftPathsWithoutLang.list(), noindex: true })

export default function CompareDraft() {
	return <ComparePage page={useLoaderData<typeof loader>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
