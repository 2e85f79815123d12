/** The review queue: meeting records waiting for the signed-in member's review, oldest first. */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { loadReviewQueue } from '#app/meetings/review-queue-page.server.ts'
import { ReviewQueuePage } from '#app/meetings/review-queue-view.tsx'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['records'] }

export const loader = (args: LoaderFunctionArgs) => loadReviewQueue(args)

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) => routeMeta({ data, matches, error })

export default function Reviews() {
	return <ReviewQueuePage page={useLoaderData<typeof loader>()} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
