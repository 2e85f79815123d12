/**
 * The review queue (`/{lang}/reviews`): records waiting for the signed-in
 * member's review, oldest request first, with the group and how long each
 * has waited. Made for officials; anyone named as a reviewer finds theirs.
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/auth/auth.server.ts'
import type { Lang } from '#app/i18n/config.ts'
import { formatDate } from '#app/i18n/format.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { recordPaths, recordPathsWithoutLang } from './record-links.ts'
import { daysBetween } from './record-workflow.ts'
import { listReviewQueue } from './review-queue.queries.server.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

/** The queue's rows as pages show them (the dashboard shows the first few). */
export async function reviewQueueItems({ userId, lang, timeZone, now, limit }: { userId: string; lang: Lang; timeZone: string; now: Date; limit?: number }) {
	const rows = await listReviewQueue({ userId, lang, limit })
	return rows.map((row) => ({
		recordId: row.recordId,
		href: recordPaths.record(lang, row.meetingId),
		meetingTitle: row.meetingTitle,
		meetingDate: formatDate(lang, row.meetingStartsAt, { timeZone }),
		groupName: row.groupName,
		groupHref: recordPaths.group(lang, row.groupSlug),
		private: row.groupVisibility === 'private',
		version: row.version,
		waitedDays: daysBetween(row.waitingSince, now),
		since: formatDate(lang, row.waitingSince, { timeZone }),
		requestedBy: row.requestedBy,
	}))
}

export async function loadReviewQueue(args: Args) {
	const lang = requireLang(args.params)
	const { user } = await requireUser(args, lang)
	const t = await getFixedT(lang, 'records')
	return {
		lang,
		meta: await pageMeta(lang, { page: t('queue.title'), description: t('queue.description') }),
		seo: { path: recordPathsWithoutLang.reviews, noindex: true },
		items: await reviewQueueItems({ userId: user.id, lang, timeZone: user.timeZone, now: args.context.now }),
	}
}
