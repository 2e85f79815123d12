/**
 * Links to the current page in the other language, keeping its path,
 * parameters, query and hash. A plain link, so it works without JavaScript.
 *
 * A page whose address differs by language (a news post has a slug in each)
 * says where it lives in each language by returning `languagePaths` from its
 * loader; the switcher then links there instead of swapping the prefix.
 */
import { useLocation, useMatches } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { HTML_LANG, LANGS, otherLang, type Lang } from '#app/i18n/config.ts'
import { switchLangHref } from '#app/i18n/lang.ts'
import { Link } from './link.tsx'

/** Full paths of the same page per language, e.g. `{ en: '/en/news/a', zh: '/zh/news/b' }`. */
export type LanguagePaths = Partial<Record<Lang, string>>

/** A route's `languagePaths`, read defensively: loader data is untyped here. */
function languagePathsOf(data: unknown): LanguagePaths | null {
	if (!data || typeof data !== 'object' || !('languagePaths' in data)) return null
	const paths = data.languagePaths
	if (!paths || typeof paths !== 'object') return null
	const result: LanguagePaths = {}
	for (const lang of LANGS) {
		const path: unknown = (paths as Record<string, unknown>)[lang]
		if (typeof path === 'string' && path.startsWith(`/${lang}`)) result[lang] = path
	}
	return result
}

export function LanguageSwitcher({ lang }: { lang: Lang }) {
	const location = useLocation()
	const matches = useMatches()
	const { t } = useTranslation()
	const to = otherLang(lang)
	// The deepest route that knows its other-language address wins.
	const path = matches.map((match) => languagePathsOf(match.data)?.[to]).findLast(Boolean)
	return (
		<Link
			to={path ? `${path}${location.search}${location.hash}` : switchLangHref(location, to)}
			lang={HTML_LANG[to]}
			hrefLang={HTML_LANG[to]}
			title={t('language.switchTitle')}
			className="inline-flex shrink-0 items-center gap-1.5 rounded-full border border-white/40 px-3 py-1 text-sm font-medium text-white hover:bg-white/10"
			data-testid="language-switcher"
		>
			<svg aria-hidden="true" viewBox="0 0 20 20" className="hidden size-4 fill-current min-[400px]:block">
				<path d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm5.9 5.5h-2.6a13 13 0 0 0-1.1-3.9A7 7 0 0 1 15.9 7ZM10 3.1c.6.8 1.3 2.2 1.7 3.9H8.3C8.7 5.3 9.4 3.9 10 3.1ZM3.3 11.5a7 7 0 0 1 0-3h2.9a15 15 0 0 0 0 3H3.3Zm.8 1.5h2.6c.3 1.4.7 2.7 1.1 3.9A7 7 0 0 1 4.1 13Zm2.6-6H4.1a7 7 0 0 1 3.7-3.9C7.4 4.3 7 5.6 6.7 7ZM10 16.9c-.6-.8-1.3-2.2-1.7-3.9h3.4c-.4 1.7-1.1 3.1-1.7 3.9Zm2-5.4H8a13 13 0 0 1 0-3h4a13 13 0 0 1 0 3Zm.2 5.4c.4-1.2.8-2.5 1.1-3.9h2.6a7 7 0 0 1-3.7 3.9Zm1.6-5.4a15 15 0 0 0 0-3h2.9a7 7 0 0 1 0 3h-2.9Z" />
			</svg>
			{t('language.other')}
		</Link>
	)
}
