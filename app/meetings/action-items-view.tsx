/** A member's own open action items, overdue first, each marked done with one button. */
import { Form, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { StatusNotice, SubmitButton } from '#app/ui/forms.tsx'
import type { PageData } from '#app/ui/page-data.ts'
import type { loadActionItemsPage } from './action-items-page.server.ts'
import { Link } from '#app/ui/link.tsx'

type Item = PageData<typeof loadActionItemsPage>['items'][number]

export function ActionItemList({ items, canMark }: { items: readonly Item[]; canMark: boolean }) {
	const { t } = useTranslation('records')
	if (items.length === 0) return <p className="text-sm text-slate-600" data-testid="items-empty">{t('items.empty')}</p>
	return (
		<ul className="divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="own-action-items">
			{items.map((item) => (
				<li key={item.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between" data-testid="own-action-item">
					<div className="min-w-0">
						<p lang={item.textLang} className="font-medium text-slate-900">
							{item.text}
						</p>
						<p className="text-sm text-slate-600">
							{item.groupName} ·{' '}
							<Link to={item.recordHref} className="text-navy-700 hover:underline">
								{item.meetingTitle}
							</Link>{' '}
							· {item.meetingDate}
						</p>
					</div>
					<div className="flex shrink-0 items-center gap-3">
						<span className={`rounded px-2 py-0.5 text-sm ${item.overdue ? 'bg-red-50 font-semibold text-red-800' : 'text-slate-700'}`} data-overdue={item.overdue ? 'true' : 'false'}>
							{item.overdue ? t('items.overdue-since', { date: item.due }) : t('record.due', { date: item.due })}
						</span>
						{canMark ? (
							<Form method="post">
								<input type="hidden" name="itemId" value={item.id} />
								<input type="hidden" name="status" value="done" />
								<SubmitButton variant="secondary">{t('items.mark-done')}</SubmitButton>
							</Form>
						) : null}
					</div>
				</li>
			))}
		</ul>
	)
}

export function ActionItemsPage({ page }: { page: PageData<typeof loadActionItemsPage> }) {
	const { t } = useTranslation('records')
	const [searchParams] = useSearchParams()
	return (
		<div className="mx-auto max-w-4xl px-4 pb-10 pt-6 sm:px-6 sm:pt-10">
			<h1 className="text-balance text-2xl font-bold tracking-tight text-navy-900 sm:text-3xl">{t('items.title')}</h1>
			<p className="mt-2 max-w-prose text-slate-600">{t('items.intro')}</p>
			{searchParams.get('done') ? <StatusNotice className="mt-4">{t('items.marked-done')}</StatusNotice> : null}
			<div className="mt-6">
				<ActionItemList items={page.items} canMark />
			</div>
		</div>
	)
}
