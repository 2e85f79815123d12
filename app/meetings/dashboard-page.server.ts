/**
 * A signed-in member's dashboard (`/{lang}/dashboard`), where sign-in lands:
 * their open reviews, their own open action items (overdue first) and the
 * upcoming meetings of their groups, each with a way to the full list.
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/auth/auth.server.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { ownActionItems } from './action-items-page.server.ts'
import { listMeetingsForActor } from './meetings.queries.server.ts'
import { recordPaths, recordPathsWithoutLang } from './record-links.ts'
import { reviewQueueItems } from './review-queue-page.server.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

/** Each box shows the first few; its link leads to the rest. */
const DASHBOARD_ROWS = 5

export async function loadDashboard(args: Args) {
	const lang = requireLang(args.params)
	const { user } = await requireUser(args, lang)
	const now = args.context.now
	const [t, reviews, items, meetings] = await Promise.all([
		getFixedT(lang, 'records'),
		reviewQueueItems({ userId: user.id, lang, timeZone: user.timeZone, now }),
		ownActionItems({ userId: user.id, lang, timeZone: user.timeZone, now }),
		listMeetingsForActor({ actor: { id: user.id, role: user.role }, lang, now, when: 'upcoming', memberOnly: true, includeCancelled: false, limit: DASHBOARD_ROWS }),
	])
	return {
		lang,
		meta: await pageMeta(lang, { page: t('dashboard.title'), description: t('dashboard.description') }),
		seo: { path: recordPathsWithoutLang.dashboard, noindex: true },
		name: user.name,
		reviews: { total: reviews.length, rows: reviews.slice(0, DASHBOARD_ROWS), href: recordPaths.reviews(lang) },
		items: { total: items.length, overdue: items.filter((item) => item.overdue).length, rows: items.slice(0, DASHBOARD_ROWS), href: recordPaths.actionItems(lang) },
		meetings: meetings.map((meeting) => ({
			id: meeting.id,
			title: meeting.title,
			groupName: meeting.groupName,
			startsAt: formatDateTime(lang, meeting.startsAt, { timeZone: user.timeZone }),
			href: recordPaths.meeting(lang, meeting.id),
		})),
		meetingsHref: `/${lang}/meetings`,
	}
}
