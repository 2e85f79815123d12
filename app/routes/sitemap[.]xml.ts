/** `/sitemap.xml`: every public page and post version, with hreflang alternates. */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { listSitemapEntries } from '#app/news/feeds.queries.server.ts'
import { publicTextResponse } from '#app/http/responses.server.ts'
import { renderSitemap, SITEMAP_MAX_AGE_S } from '#app/site/sitemap.server.ts'
import { getSiteOrigin } from '#app/http/site.server.ts'

export async function loader({ request, context }: LoaderFunctionArgs) {
	const posts = await listSitemapEntries({ now: context.now })
	const body = renderSitemap({ origin: getSiteOrigin(request), posts })
	return publicTextResponse({ request, body, contentType: 'application/xml', maxAgeS: SITEMAP_MAX_AGE_S })
}
