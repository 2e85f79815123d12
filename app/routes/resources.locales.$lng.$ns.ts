/**
 * Translations for the browser, one namespace at a time. Cached by browsers
 * and shared caches, and revalidated cheaply by ETag when a deploy changes them.
 */
import { createHash } from 'node:crypto'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { isLang, isNamespace } from '#app/i18n/config.ts'
import { resources } from '#app/i18n/resources.server.ts'

const BROWSER_MAX_AGE_S = 5 * 60
const STALE_WHILE_REVALIDATE_S = 7 * 24 * 60 * 60

export function loader({ request, params }: LoaderFunctionArgs) {
	const { lng, ns } = params
	if (!isLang(lng) || !isNamespace(ns)) {
		return new Response('Not Found', { status: 404, headers: { 'Cache-Control': 'no-store' } })
	}
	const body = JSON.stringify(resources[lng][ns])
	const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
	const headers = {
		'Cache-Control': `public, max-age=${BROWSER_MAX_AGE_S}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_S}`,
		ETag: etag,
	}
	if (request.headers.get('If-None-Match') === etag) return new Response(null, { status: 304, headers })
	return new Response(body, { headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } })
}
