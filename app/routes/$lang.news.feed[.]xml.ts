/** The news in one language as RSS 2.0: `/en/news/feed.xml`, `/zh/news/feed.xml`. */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { feedResponse } from '#app/news/feeds.server.ts'

export const loader = (args: LoaderFunctionArgs) => feedResponse(args, 'rss')
