/**
 * A list of `?items=` entries, each about as heavy as a row of the portal's
 * lists: the bench picks the count that makes this page as large as the
 * portal page it is compared with.
 */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'

const MAX_ITEMS = 10_000

export function loader({ request }: LoaderFunctionArgs) {
	const requested = Number(new URL(request.url).searchParams.get('items') ?? 10)
	const count = Number.isInteger(requested) ? Math.min(Math.max(requested, 0), MAX_ITEMS) : 10
	return {
		items: Array.from({ length: count }, (_, i) => ({
			id: i,
			title: `Item ${i}: a headline of ordinary length for a list`,
			summary: 'A sentence or two of summary text, as a list of posts or sessions shows under each entry.',
		})),
	}
}

export const meta: MetaFunction = () => [{ title: 'Reference list' }]

export default function List() {
	const { items } = useLoaderData<typeof loader>()
	return (
		<main>
			<h1>Reference list</h1>
			<ul>
				{items.map((item) => (
					<li key={item.id}>
						<a href={`/items/${item.id}`}>{item.title}</a>
						<p>{item.summary}</p>
					</li>
				))}
			</ul>
		</main>
	)
}
