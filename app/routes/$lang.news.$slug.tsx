/** One public news article (app/news/article-page.server.ts decides what a slug shows). */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { loadArticlePage } from '#app/news/article-page.server.ts'
import { ArticlePage } from '#app/news/article-view.tsx'
import { routeMeta } from '#app/seo/meta.ts'
import type { RouteHandle } from '#app/ui/hydration.ts'

export const handle: RouteHandle = { i18n: ['news'], hydrate: false }

export const loader = (args: LoaderFunctionArgs) => loadArticlePage(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error })

export default function NewsArticle() {
	return <ArticlePage page={useLoaderData<typeof loader>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
