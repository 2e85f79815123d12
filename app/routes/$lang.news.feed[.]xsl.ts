/** The XSLT stylesheet that shows the news feeds as a page in a browser: `/en/news/feed.xsl`, `/zh/news/feed.xsl`. */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { feedStylesheetResponse } from '#app/news/feed-stylesheet.server.ts'

export const loader = (args: LoaderFunctionArgs) => feedStylesheetResponse(args)
