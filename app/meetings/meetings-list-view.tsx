/** `/{lang}/meetings`: the group filter, then upcoming meetings, then past ones. */
import { useTranslation } from 'react-i18next'
import type { PageData } from '#app/ui/page-data.ts'
import { MeetingList } from './meeting-list.tsx'
import type { loadMeetingsListPage } from './meetings-list-page.server.ts'
import { Link } from '#app/ui/link.tsx'

export function MeetingsListPage({ page }: { page: PageData<typeof loadMeetingsListPage> }) {
	const { t } = useTranslation('meetings')
	return (
		<div className="mx-auto max-w-6xl px-4 pb-8 pt-10 sm:px-6 sm:pt-14">
			<header className="max-w-3xl">
				<h1 className="text-balance text-3xl font-bold tracking-tight text-navy-900 sm:text-4xl">{page.heading}</h1>
				<p className="mt-3 text-lg text-slate-700">{t('list.lead')}</p>
				{page.filter?.groupHref ? (
					<p className="mt-2">
						<Link to={page.filter.groupHref} className="font-medium text-navy-700 underline underline-offset-2 hover:text-navy-900">
							{page.filter.label} →
						</Link>
					</p>
				) : null}
			</header>
			<div className="mt-8 lg:grid lg:grid-cols-[minmax(0,1fr)_18rem] lg:gap-12">
				<nav aria-label={t('list.filter')} className="min-w-0 lg:col-start-2 lg:row-start-1" data-testid="meeting-filters">
					<h2 className="text-sm font-semibold uppercase tracking-wider text-slate-600">{t('list.groups')}</h2>
					<ul className="mt-3 flex flex-wrap gap-2">
						{page.groupChips.map((chip) => (
							<li key={chip.slug}>
								<Link
									to={chip.href}
									aria-current={chip.active ? 'true' : undefined}
									className="inline-block rounded-full border border-navy-900/20 px-3 py-1 text-sm text-navy-900 hover:bg-navy-50 aria-[current=true]:bg-navy-900 aria-[current=true]:text-white"
								>
									{chip.label}
								</Link>
							</li>
						))}
					</ul>
					{page.filter ? (
						<p className="mt-3">
							<Link to={page.filter.clearHref} className="text-sm font-medium text-navy-700 underline underline-offset-2">
								{t('list.all-groups')}
							</Link>
						</p>
					) : null}
				</nav>
				<div className="mt-8 min-w-0 lg:col-start-1 lg:row-start-1 lg:mt-0">
					<section aria-labelledby="upcoming-heading">
						<h2 id="upcoming-heading" className="text-xl font-semibold text-navy-900">
							{t('list.upcoming')}
						</h2>
						<MeetingList meetings={page.upcoming} empty={t('list.no-upcoming')} testId="upcoming-meetings" />
					</section>
					<section aria-labelledby="past-heading" className="mt-10">
						<h2 id="past-heading" className="text-xl font-semibold text-navy-900">
							{t('list.past')}
						</h2>
						<MeetingList meetings={page.past} empty={t('list.no-past')} testId="past-meetings" />
						{page.pastLimited ? <p className="mt-2 text-sm text-slate-600">{t('list.past-limited')}</p> : null}
					</section>
				</div>
			</div>
		</div>
	)
}
