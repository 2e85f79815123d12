/** `/sitemap.xml`: every public page and post version, with hreflang alternates. */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { sitemapResponse } from '#app/site/sitemap.server.ts'

export const loader = ({ request, context }: LoaderFunctionArgs) => sitemapResponse({ request, now: context.now })
