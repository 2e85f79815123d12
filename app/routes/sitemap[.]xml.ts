/** `/sitemap.xml`: every public page and post version, with hreflang alternates. */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { listSitemapEntries } from '#app/models/news-feeds.server.ts'
import { publicTextResponse } from '#app/utils/http.server.ts'
import { renderSitemap, SITEMAP_MAX_AGE_S } from '#app/utils/sitemap.server.ts'
import { getSiteOrigin } from '#app/utils/site.server.ts'

export async function loader({ request, context }: LoaderFunctionArgs) {
	const posts = await listSitemapEntries({ now: context.now })
	const body = renderSitemap({ origin: getSiteOrigin(request), posts })
	return publicTextResponse({ request, body, contentType: 'application/xml', maxAgeS: SITEMAP_MAX_AGE_S })
}
