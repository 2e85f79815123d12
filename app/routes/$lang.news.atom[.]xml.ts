/** The news in one language as Atom 1.0: `/en/news/atom.xml`, `/zh/news/atom.xml`. */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireLang } from '#app/i18n/lang.ts'
import { FEED_MAX_AGE_S, renderFeed } from '#app/news/feeds.server.ts'
import { publicTextResponse } from '#app/http/responses.server.ts'
import { FEED_CONTENT_TYPE } from '#app/news/links.ts'
import { getSiteOrigin } from '#app/http/site.server.ts'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const lang = requireLang(params)
	const body = await renderFeed({ format: 'atom', lang, origin: getSiteOrigin(request), now: context.now })
	return publicTextResponse({ request, body, contentType: FEED_CONTENT_TYPE.atom, maxAgeS: FEED_MAX_AGE_S })
}
