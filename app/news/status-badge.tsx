/** A post's place in the workflow, as editors see it in lists and the editor. */
import { useTranslation } from 'react-i18next'
import type { NewsStatus } from './workflow.ts'

export function StatusBadge({
	status,
	live,
	inReview,
	publishedAt,
}: {
	status: NewsStatus
	live: boolean
	inReview: boolean
	publishedAt: string | null
}) {
	const { t } = useTranslation('newsroom')
	const tone = {
		draft: 'bg-slate-200 text-slate-800',
		scheduled: 'bg-sky-100 text-sky-900',
		published: 'bg-leaf-50 text-leaf-800',
		archived: 'bg-stone-200 text-stone-700',
	}[status]
	let text: string = t(`status.${status}`)
	if (status === 'draft' && inReview) text = t('status.in-review')
	if (status === 'published' && publishedAt) text = t('status.published-on', { time: publishedAt })
	if (status === 'scheduled' && publishedAt) text = live ? t('status.scheduled-live', { time: publishedAt }) : t('status.scheduled-for', { time: publishedAt })
	return <span className={`rounded px-2 py-0.5 font-medium ${tone}`}>{text}</span>
}
