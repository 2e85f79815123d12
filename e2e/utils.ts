/** Shared helpers for the e2e suite: translations as the app ships them. */
import enCommon from '../locales/en/common.json' with { type: 'json' }
import enHome from '../locales/en/home.json' with { type: 'json' }
import enNews from '../locales/en/news.json' with { type: 'json' }
import zhCommon from '../locales/zh/common.json' with { type: 'json' }
import zhHome from '../locales/zh/home.json' with { type: 'json' }
import zhNews from '../locales/zh/news.json' with { type: 'json' }

/** Tests compare pages with the locale files, never with copied strings. */
export const messages = {
	en: { common: enCommon, home: enHome, news: enNews },
	zh: { common: zhCommon, home: zhHome, news: zhNews },
} as const

export { HTML_LANG, LANGS } from '#app/i18n/config.ts'

/** Parses a Content-Security-Policy header into directive → sources. */
export function parseCsp(header: string | undefined | null): Map<string, string[]> {
	const directives = new Map<string, string[]>()
	for (const part of (header ?? '').split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/)
		if (name) directives.set(name.toLowerCase(), sources)
	}
	return directives
}
