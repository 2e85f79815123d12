/**
 * The <link>s every page carries in its <head>, contributed by the features
 * that have them (today the news feeds of the page's language). The root
 * loader asks here and knows no feature itself.
 */
import type { Lang } from '#app/i18n/config.ts'
import { newsHeadLinks } from '#app/news/public.server.ts'
import type { HeadLink } from '#app/ui/root-data.ts'

export async function getSiteHeadLinks({ lang, origin }: { lang: Lang; origin: string }): Promise<HeadLink[]> {
	return [...(await newsHeadLinks({ lang, origin }))]
}
