/** The review queue: what waits for the reader's signature, oldest first, and for how long. */
import { useTranslation } from 'react-i18next'
import type { PageData } from '#app/ui/page-data.ts'
import type { loadReviewQueue } from './review-queue-page.server.ts'
import { Link } from '#app/ui/link.tsx'

type Item = PageData<typeof loadReviewQueue>['items'][number]

export function ReviewQueueList({ items }: { items: readonly Item[] }) {
	const { t } = useTranslation('records')
	if (items.length === 0) return <p className="text-sm text-slate-600" data-testid="queue-empty">{t('queue.empty')}</p>
	return (
		<ol className="divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="review-queue">
			{items.map((item) => (
				<li key={item.recordId} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between" data-testid="queue-item">
					<div className="min-w-0">
						<Link to={item.href} className="font-semibold text-navy-800 hover:underline">
							{item.meetingTitle}
						</Link>
						<p className="text-sm text-slate-600">
							{item.groupName}
							{item.private ? ` · ${t('queue.private')}` : ''} · {item.meetingDate} · {t('record.version', { version: item.version })}
						</p>
					</div>
					<p className="shrink-0 text-sm text-slate-700" data-testid="queue-waited">
						{t('queue.waited', { count: item.waitedDays })}
						<span className="block text-xs text-slate-500">{t('queue.since', { date: item.since })}</span>
					</p>
				</li>
			))}
		</ol>
	)
}

export function ReviewQueuePage({ page }: { page: PageData<typeof loadReviewQueue> }) {
	const { t } = useTranslation('records')
	return (
		<div className="mx-auto max-w-4xl px-4 pb-10 pt-6 sm:px-6 sm:pt-10">
			<h1 className="text-balance text-2xl font-bold tracking-tight text-navy-900 sm:text-3xl">{t('queue.title')}</h1>
			<p className="mt-2 max-w-prose text-slate-600">{t('queue.intro')}</p>
			<div className="mt-6">
				<ReviewQueueList items={page.items} />
			</div>
		</div>
	)
}
