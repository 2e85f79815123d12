/**
 * A member's own open action items across their groups (`/{lang}/action-items`),
 * overdue first (by their own calendar day), and marking one done.
 */
import { data, redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/auth/auth.server.ts'
import { badRequest } from '#app/http/errors.ts'
import { HTML_LANG, type Lang } from '#app/i18n/config.ts'
import { formatDate } from '#app/i18n/format.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { listOwnOpenActionItems, setOwnActionItemStatus } from './action-items.queries.server.ts'
import { recordPaths, recordPathsWithoutLang } from './record-links.ts'
import { formatDueDate } from './record-page.server.ts'
import { actionItemStatusSchema } from './record-schema.ts'
import { calendarDate, isOverdue, sortActionItems } from './record-workflow.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

export async function ownActionItems({ userId, lang, timeZone, now, limit }: { userId: string; lang: Lang; timeZone: string; now: Date; limit?: number }) {
	const today = calendarDate(now, timeZone)
	const rows = sortActionItems(await listOwnOpenActionItems({ userId, lang }), today)
	return rows.slice(0, limit ?? rows.length).map((row) => ({
		id: row.id,
		// The reader's language, else the other one (with its language marked).
		text: row[lang] || row[lang === 'en' ? 'zh' : 'en'],
		textLang: HTML_LANG[row[lang] ? lang : lang === 'en' ? 'zh' : 'en'],
		due: formatDueDate(lang, row.dueDate),
		dueDate: row.dueDate,
		overdue: isOverdue({ dueDate: row.dueDate, today }),
		meetingTitle: row.meetingTitle,
		meetingDate: formatDate(lang, row.meetingStartsAt, { timeZone }),
		recordHref: recordPaths.record(lang, row.meetingId),
		groupName: row.groupName,
	}))
}

export async function loadActionItemsPage(args: Args) {
	const lang = requireLang(args.params)
	const { user } = await requireUser(args, lang)
	const t = await getFixedT(lang, 'records')
	return {
		lang,
		meta: await pageMeta(lang, { page: t('items.title'), description: t('items.description') }),
		seo: { path: recordPathsWithoutLang.actionItems, noindex: true },
		items: await ownActionItems({ userId: user.id, lang, timeZone: user.timeZone, now: args.context.now }),
	}
}

export async function handleActionItemsAction(args: Args) {
	const lang = requireLang(args.params)
	const { user } = await requireUser(args, lang)
	const parsed = actionItemStatusSchema.safeParse(Object.fromEntries(await args.request.formData()))
	if (!parsed.success) badRequest()
	const changed = await setOwnActionItemStatus({ itemId: parsed.data.itemId, ownerId: user.id, status: parsed.data.status, now: args.context.now })
	if (!changed) return data({ error: 'records:errors.item-not-yours' }, { status: 404 })
	return redirect(`${recordPaths.actionItems(lang)}?${new URLSearchParams({ done: parsed.data.itemId })}`)
}
