/** `/robots.txt` (app/site/robots.server.ts). */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { robotsResponse } from '#app/site/robots.server.ts'

export const loader = ({ request }: LoaderFunctionArgs) => robotsResponse(request)
