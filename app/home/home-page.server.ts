/**
 * The home page's data: what the lab is, the goals that frame it, the latest
 * news, the working groups, and the paper's China–US policy comparison.
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { getUser } from '#app/auth/auth.server.ts'
import { listWorkingGroups } from '#app/groups/public.server.ts'
import { groupPath } from '#app/groups/public.ts'
import { formatCompact, formatCompactRange, formatPercent } from '#app/i18n/format.ts'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { listLatestNews, publicDateFormatter } from '#app/news/public.server.ts'
import { EV_POLICY_COMPARISON_KEY, getPolicyComparison } from './policy-comparison.queries.server.ts'

const LATEST_NEWS_COUNT = 3

export async function loadHomePage({ request, params, context }: Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>) {
	const lang = requireLang(params)
	const t = await getFixedT(lang, ['home', 'common'])
	// The root loader already looked the session up: no second query.
	const user = await getUser({ request, context })
	const [news, groups, comparison] = await Promise.all([
		listLatestNews({ lang, limit: LATEST_NEWS_COUNT, now: context.now }),
		// Cards for the groups this reader may see (a private group's for its members).
		listWorkingGroups({ lang, actor: user }),
		getPolicyComparison({ key: EV_POLICY_COMPARISON_KEY, lang }),
	])
	// The same dates as on the news pages: the lab's two cities for anonymous readers, the reader's own clock when signed in.
	const date = publicDateFormatter({ t: await getFixedT(lang, 'news'), lang, timeZone: user?.timeZone ?? null })
	return {
		lang,
		meta: { title: t('common:site.homeTitle'), description: t('home:meta.description') },
		// Formatted here, not in the browser: see app/i18n/format.ts.
		figures: [
			{ key: 'californiaNear', value: t('home:figures.californiaNear.value', { value: formatCompact(lang, 1_500_000) }) },
			{ key: 'californiaFar', value: t('home:figures.californiaFar.value', { value: formatCompactRange(lang, 4_000_000, 5_000_000) }) },
			{ key: 'chinaSales', value: t('home:figures.chinaSales.value', { value: formatCompact(lang, 7_000_000) }) },
			{ key: 'transportShare', value: t('home:figures.transportShare.value', { value: formatPercent(lang, 0.4) }) },
		] as const,
		news: news.map((post) => ({ ...post, date: date(post.publishedAt), dateTime: post.publishedAt.toISOString() })),
		groups: groups.map((group) => ({ slug: group.slug, name: group.name, summary: group.summary, href: groupPath(lang, group.slug) })),
		comparison,
	}
}
