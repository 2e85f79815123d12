/** `/{lang}/groups`: a card per working group the reader may see. */
import { useTranslation } from 'react-i18next'
import type { PageData } from '#app/ui/page-data.ts'
import type { loadGroupsListPage } from './group-page.server.ts'
import { Link } from '#app/ui/link.tsx'

export function GroupsListPage({ page }: { page: PageData<typeof loadGroupsListPage> }) {
	const { t } = useTranslation('groups')
	return (
		<div className="mx-auto max-w-6xl px-4 pb-8 pt-10 sm:px-6 sm:pt-14">
			<header className="flex flex-wrap items-end justify-between gap-4">
				<div className="max-w-3xl">
					<h1 className="text-balance text-3xl font-bold tracking-tight text-navy-900 sm:text-4xl">{t('list.title')}</h1>
					<p className="mt-3 text-lg text-slate-700">{t('list.lead')}</p>
				</div>
				<div className="flex flex-wrap gap-3">
					<Link to={page.meetingsHref} className="rounded-md border border-navy-900 px-4 py-2 font-medium text-navy-900 hover:bg-navy-50">
						{t('list.all-meetings')}
					</Link>
					{page.createHref ? (
						<Link to={page.createHref} className="rounded-md bg-navy-900 px-4 py-2 font-medium text-white hover:bg-navy-700" data-testid="create-group">
							{t('list.create')}
						</Link>
					) : null}
				</div>
			</header>
			{page.groups.length === 0 ? (
				<p className="mt-8 rounded-lg bg-slate-50 px-4 py-6 text-slate-700">{t('list.empty')}</p>
			) : (
				<ul className="mt-8 grid gap-4 sm:grid-cols-2" data-testid="group-cards">
					{page.groups.map((group) => (
						<li key={group.slug} className="flex flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="group-card" data-slug={group.slug}>
							<div className="flex flex-wrap items-center gap-2">
								<h2 className="text-lg font-semibold text-navy-900">
									<Link to={group.href} className="hover:underline">
										{group.name}
									</Link>
								</h2>
								{group.private ? <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-700">{t('badges.private')}</span> : null}
								{group.archived ? <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">{t('badges.archived')}</span> : null}
							</div>
							{group.summary ? <p className="mt-2 text-slate-700">{group.summary}</p> : null}
						</li>
					))}
				</ul>
			)}
		</div>
	)
}
