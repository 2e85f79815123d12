/** The news in one language as Atom 1.0: `/en/news/atom.xml`, `/zh/news/atom.xml`. */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { feedResponse } from '#app/news/feeds.server.ts'

export const loader = (args: LoaderFunctionArgs) => feedResponse(args, 'atom')
