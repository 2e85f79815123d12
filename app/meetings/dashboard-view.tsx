/** The member's dashboard: open reviews, own action items, upcoming meetings of their groups. */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PageData } from '#app/ui/page-data.ts'
import { ActionItemList } from './action-items-view.tsx'
import type { loadDashboard } from './dashboard-page.server.ts'
import { ReviewQueueList } from './review-queue-view.tsx'
import { Link } from '#app/ui/link.tsx'

function Box({ id, title, count, href, more, children }: { id: string; title: string; count?: string; href?: string; more?: string; children: ReactNode }) {
	return (
		<section aria-labelledby={id} className="min-w-0" data-testid={id}>
			<div className="flex flex-wrap items-baseline justify-between gap-2">
				<h2 id={id} className="text-lg font-semibold text-navy-900">
					{title}
					{count ? <span className="ml-2 text-sm font-normal text-slate-600">{count}</span> : null}
				</h2>
				{href && more ? (
					<Link to={href} className="text-sm font-medium text-navy-700 hover:underline">
						{more}
					</Link>
				) : null}
			</div>
			<div className="mt-3">{children}</div>
		</section>
	)
}

export function DashboardPage({ page }: { page: PageData<typeof loadDashboard> }) {
	const { t } = useTranslation('records')
	return (
		<div className="mx-auto max-w-5xl px-4 pb-10 pt-6 sm:px-6 sm:pt-10">
			<h1 className="text-balance text-2xl font-bold tracking-tight text-navy-900 sm:text-3xl">{t('dashboard.heading', { name: page.name })}</h1>
			<div className="mt-8 space-y-10">
				<Box id="dashboard-reviews" title={t('dashboard.reviews')} count={t('dashboard.count', { count: page.reviews.total })} href={page.reviews.href} more={t('dashboard.all-reviews')}>
					<ReviewQueueList items={page.reviews.rows} />
				</Box>
				<Box
					id="dashboard-items"
					title={t('dashboard.items')}
					count={page.items.overdue > 0 ? t('dashboard.overdue-count', { count: page.items.overdue }) : t('dashboard.count', { count: page.items.total })}
					href={page.items.href}
					more={t('dashboard.all-items')}
				>
					<ActionItemList items={page.items.rows} canMark={false} />
				</Box>
				<Box id="dashboard-meetings" title={t('dashboard.meetings')} href={page.meetingsHref} more={t('dashboard.all-meetings')}>
					{page.meetings.length === 0 ? (
						<p className="text-sm text-slate-600">{t('dashboard.no-meetings')}</p>
					) : (
						<ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
							{page.meetings.map((meeting) => (
								<li key={meeting.id} className="p-4">
									<Link to={meeting.href} className="font-semibold text-navy-800 hover:underline">
										{meeting.title}
									</Link>
									<p className="text-sm text-slate-600">
										{meeting.groupName} · {meeting.startsAt}
									</p>
								</li>
							))}
						</ul>
					)}
				</Box>
			</div>
		</div>
	)
}
