/**
 * Translations for the browser, one namespace at a time. Cached by browsers
 * and shared caches, and revalidated cheaply by ETag when a deploy changes them.
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { isLang } from '#app/i18n/config.ts'
import { isNamespace, resources } from '#app/i18n/resources.server.ts'
import { publicTextResponse } from '#app/http/responses.server.ts'

const BROWSER_MAX_AGE_S = 5 * 60
const STALE_WHILE_REVALIDATE_S = 7 * 24 * 60 * 60

export function loader({ request, params }: LoaderFunctionArgs) {
	const { lng, ns } = params
	if (!isLang(lng) || !isNamespace(ns)) {
		return new Response('Not Found', { status: 404, headers: { 'Cache-Control': 'no-store' } })
	}
	return publicTextResponse({
		request,
		body: JSON.stringify(resources[lng][ns]),
		contentType: 'application/json',
		maxAgeS: BROWSER_MAX_AGE_S,
		cacheControl: `public, max-age=${BROWSER_MAX_AGE_S}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_S}`,
	})
}
