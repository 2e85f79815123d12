/**
 * Web addresses (slugs) for the two language versions of a post. A Chinese
 * title gives its own slug, in pinyin (研讨会议程 → yan-tao-hui-yi-cheng), so
 * a Chinese version, original or not, is no longer named after the English
 * title. Server-only: the pinyin dictionary stays out of the browser.
 */
import { pinyin } from 'pinyin-pro'
import { otherLang, type Lang } from '#app/i18n/config.ts'
import { slugify, type NewsPostForm } from './schema.ts'

/** A title's slug: Han characters as toneless pinyin syllables, the rest as `slugify` makes it. */
export function titleSlug(title: string): string {
	if (!/\p{Script=Han}/u.test(title)) return slugify(title)
	const words = pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
	return slugify(words.join(' '))
}

/**
 * The slug a version will be saved under: typed, else from its own title,
 * else the other version's. Empty when there is nothing to make one from
 * (the save then names it after the post's number).
 */
export function resolveVersionSlug(form: Pick<NewsPostForm, Lang>, lang: Lang): string {
	const own = form[lang]
	if (own.slug) return own.slug
	const fromTitle = titleSlug(own.title)
	if (fromTitle) return fromTitle
	const other = form[otherLang(lang)]
	return other.slug || titleSlug(other.title)
}
