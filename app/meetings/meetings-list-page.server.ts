/**
 * `/{lang}/meetings`: upcoming meetings first (soonest first), then past
 * ones (latest first), of every group the reader may see, or of one
 * (`?group=slug`). A group the reader may not see filters to nothing, like
 * an unknown one. Plain links, so filtering works without JavaScript.
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { getUser } from '#app/auth/auth.server.ts'
import { getGroupAccess, listWorkingGroups } from '#app/groups/public.server.ts'
import { groupPath } from '#app/groups/public.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { listUpcomingAndPastMeetingCards } from './cards.server.ts'
import { meetingPaths, meetingPathsWithoutLang } from './links.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/
const UPCOMING_MAX = 50
const PAST_MAX = 30

export async function loadMeetingsListPage({ request, params, context }: Args) {
	const lang = requireLang(params)
	const user = await getUser({ request, context })
	const requested = new URL(request.url).searchParams.get('group')
	const slug = requested && requested.length <= 120 && SLUG.test(requested) ? requested : null
	const [t, groups, filterGroup] = await Promise.all([
		getFixedT(lang, 'meetings'),
		listWorkingGroups({ lang, actor: user, includeArchived: true }),
		slug ? getGroupAccess({ slug, actor: user }) : Promise.resolve(null),
	])
	// An unknown or unreadable group: no meetings, as for a group without any.
	const groupId = slug ? (filterGroup?.id ?? '0') : null
	const readerTimeZone = user?.timeZone ?? null
	const { upcoming, past } = await listUpcomingAndPastMeetingCards({ actor: user, lang, now: context.now, groupId, readerTimeZone, upcoming: UPCOMING_MAX, past: PAST_MAX })
	const groupName = filterGroup ? (groups.find((g) => g.id === filterGroup.id)?.name ?? filterGroup.slug) : null
	const heading = groupName ? t('list.title-group', { group: groupName }) : t('list.title')
	return {
		lang,
		meta: await pageMeta(lang, { page: heading, description: t('list.description') }),
		seo: { path: slug ? `${meetingPathsWithoutLang.list}?group=${slug}` : meetingPathsWithoutLang.list, noindex: Boolean(slug && !filterGroup) },
		heading,
		groupChips: groups.map((g) => ({
			slug: g.slug,
			label: g.name,
			active: g.slug === slug,
			href: meetingPaths.list(lang, { group: g.slug === slug ? null : g.slug }),
		})),
		filter: slug ? { label: groupName ?? slug, clearHref: meetingPaths.list(lang), groupHref: filterGroup ? groupPath(lang, filterGroup.slug) : null } : null,
		upcoming,
		past,
		pastLimited: past.length >= PAST_MAX,
	}
}
