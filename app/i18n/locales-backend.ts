/**
 * i18next's backend in the browser: a namespace's translations from
 * /resources/locales/<lang>/<namespace> (app/routes/resources.locales.$lng.$ns.ts),
 * with the browser's cache doing the caching. A few lines instead of
 * i18next-http-backend (6.5 KB gzip with its fetch fallbacks, on every
 * page that hydrates).
 */
import type { BackendModule, ReadCallback } from 'i18next'

function localesPath(lang: string, namespace: string): string {
	return `/resources/locales/${encodeURIComponent(lang)}/${encodeURIComponent(namespace)}`
}

export const localesBackend: BackendModule = {
	type: 'backend',
	init() {},
	read(lang: string, namespace: string, callback: ReadCallback) {
		fetch(localesPath(lang, namespace), { credentials: 'same-origin' }).then(
			async (response) => {
				// i18next tries again when the callback's second argument is true: worth it for a server error, not for a 404.
				if (!response.ok) return callback(new Error(`${response.status} for ${namespace} (${lang})`), response.status >= 500)
				try {
					callback(null, (await response.json()) as Record<string, unknown>)
				} catch (error) {
					callback(error as Error, false)
				}
			},
			(error: unknown) => callback(error as Error, true),
		)
	},
}
