/**
 * A working group's page: name and summary, the charter, leads and members
 * (names and affiliations), upcoming and past meetings, the group's news, a
 * policy drafts (from the drafts feature), and its calendar feed
 * (a private group's: the member's own secret address, made on request and
 * shown once).
 */
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { HTML_LANG } from '#app/i18n/config.ts'
import { DraftStatusBadge, TranslationSummaryLine } from '#app/drafts/public.ts'
import { MeetingList } from '#app/meetings/public.ts'
import { StatusNotice, SubmitButton } from '#app/ui/forms.tsx'
import type { PageData } from '#app/ui/page-data.ts'
import type { GroupPageActionData, loadGroupPage } from './group-page.server.ts'
import { Link } from '#app/ui/link.tsx'

const NOTICES = ['created', 'saved', 'archived', 'restored'] as const

type Page = PageData<typeof loadGroupPage>

export function GroupPage({ page, actionData, notice }: { page: Page; actionData: GroupPageActionData | undefined; notice: string | null }) {
	const { t } = useTranslation(['groups', 'meetings'])
	const { group, lang } = page
	const shownNotice = NOTICES.find((n) => n === notice)
	const foreign = group.contentLang !== lang
	return (
		<div className="mx-auto max-w-6xl px-4 pb-8 pt-8 sm:px-6 sm:pt-12">
			<p>
				<Link to={`/${lang}/groups`} className="text-sm font-medium text-navy-700 hover:underline">
					<span aria-hidden="true">← </span>
					{t('groups:group.all-groups')}
				</Link>
			</p>
			{shownNotice ? <StatusNotice className="mt-4">{t(`groups:notices.${shownNotice}`)}</StatusNotice> : null}
			{group.archived ? (
				<p role="note" className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-slate-800" data-testid="archived-notice">
					{t('groups:group.archived-notice')}
				</p>
			) : null}

			<header className="mt-4 flex flex-wrap items-start justify-between gap-4">
				<div className="min-w-0 max-w-3xl" lang={foreign ? HTML_LANG[group.contentLang] : undefined}>
					<div className="flex flex-wrap items-center gap-2">
						<h1 className="text-balance text-3xl font-bold tracking-tight text-navy-900 sm:text-4xl">{group.name}</h1>
						{group.private ? (
							<span lang={HTML_LANG[lang]} className="rounded bg-slate-200 px-2 py-0.5 text-sm font-semibold text-slate-700" data-testid="private-badge">
								{t('groups:badges.private')}
							</span>
						) : null}
					</div>
					{group.summary ? <p className="mt-3 text-lg text-slate-700">{group.summary}</p> : null}
				</div>
				<GroupActions page={page} />
			</header>

			<div className="mt-8 grid gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
				<div className="min-w-0 space-y-10">
					<section aria-labelledby="charter-heading">
						<h2 id="charter-heading" className="text-xl font-semibold text-navy-900">
							{t('groups:group.charter')}
						</h2>
						{group.charterHtml ? (
							// Rendered and sanitized on the server (app/content/markdown.server.ts).
							<div lang={foreign ? HTML_LANG[group.contentLang] : undefined} className="prose-news mt-3" dangerouslySetInnerHTML={{ __html: group.charterHtml }} />
						) : (
							<p className="mt-2 text-slate-600">{t('groups:group.no-charter')}</p>
						)}
					</section>

					<section aria-labelledby="upcoming-heading">
						<div className="flex flex-wrap items-baseline justify-between gap-3">
							<h2 id="upcoming-heading" className="text-xl font-semibold text-navy-900">
								{t('groups:group.upcoming')}
							</h2>
							<Link to={page.meetingsHref} className="text-sm font-medium text-navy-700 underline underline-offset-2">
								{t('groups:group.all-meetings')}
							</Link>
						</div>
						<MeetingList meetings={page.upcoming} showGroup={false} empty={t('groups:group.no-upcoming')} testId="upcoming-meetings" />
					</section>

					<section aria-labelledby="past-heading">
						<h2 id="past-heading" className="text-xl font-semibold text-navy-900">
							{t('groups:group.past')}
						</h2>
						<MeetingList meetings={page.past} showGroup={false} empty={t('groups:group.no-past')} testId="past-meetings" />
					</section>

					<section aria-labelledby="news-heading">
						<h2 id="news-heading" className="text-xl font-semibold text-navy-900">
							{t('groups:group.news')}
						</h2>
						{page.news.length === 0 ? (
							<p className="mt-2 text-slate-600">{t('groups:group.no-news')}</p>
						) : (
							<ul className="mt-3 space-y-3" data-testid="group-news">
								{page.news.map((item) => (
									<li key={item.id}>
										<Link to={item.href} lang={item.contentLang !== lang ? HTML_LANG[item.contentLang] : undefined} className="font-medium text-navy-900 hover:underline">
											{item.title}
										</Link>
										<time dateTime={item.dateTime} className="block text-sm text-slate-600">
											{item.date}
										</time>
									</li>
								))}
							</ul>
						)}
						{page.news.length > 0 ? (
							<p className="mt-3">
								<Link to={page.newsHref} className="text-sm font-medium text-navy-700 underline underline-offset-2">
									{t('groups:group.all-news')}
								</Link>
							</p>
						) : null}
					</section>

					<GroupDrafts page={page} />
				</div>

				<aside className="min-w-0 space-y-8">
					<People heading={t('groups:group.leads')} people={page.leads} testId="group-leads" />
					<People heading={t('groups:group.members')} people={page.members} testId="group-members" showRole />
					<Calendar page={page} actionData={actionData} />
				</aside>
			</div>
		</div>
	)
}

function GroupActions({ page }: { page: Page }) {
	const { t } = useTranslation('groups')
	const { links } = page
	if (!links.edit && !links.members && !links.newMeeting) return null
	return (
		<div className="flex flex-wrap gap-2" data-testid="group-actions">
			{links.newMeeting ? (
				<Link to={links.newMeeting} className="rounded-md bg-navy-900 px-4 py-2 font-medium text-white hover:bg-navy-700" data-testid="new-meeting">
					{t('group.new-meeting')}
				</Link>
			) : null}
			{links.members ? (
				<Link to={links.members} className="rounded-md border border-navy-900 px-4 py-2 font-medium text-navy-900 hover:bg-navy-50" data-testid="manage-members">
					{t('group.manage-members')}
				</Link>
			) : null}
			{links.edit ? (
				<Link to={links.edit} className="rounded-md border border-navy-900 px-4 py-2 font-medium text-navy-900 hover:bg-navy-50" data-testid="edit-group">
					{t('group.edit')}
				</Link>
			) : null}
		</div>
	)
}

function People({ heading, people, testId, showRole = false }: { heading: string; people: Page['leads']; testId: string; showRole?: boolean }) {
	const { t } = useTranslation('groups')
	return (
		<section aria-label={heading}>
			<h2 className="text-sm font-semibold uppercase tracking-wider text-slate-600">{heading}</h2>
			{people.length === 0 ? (
				<p className="mt-2 text-sm text-slate-600">{t('group.nobody')}</p>
			) : (
				<ul className="mt-2 space-y-2" data-testid={testId}>
					{people.map((person) => (
						<li key={person.id} className="text-slate-800">
							<span className="font-medium">{person.name}</span>
							{showRole && person.role === 'observer' ? <span className="text-sm text-slate-600"> · {t('roles.observer')}</span> : null}
							{person.affiliation ? <span className="block text-sm text-slate-600">{person.affiliation}</span> : null}
						</li>
					))}
				</ul>
			)}
		</section>
	)
}

/**
 * The group's policy drafts the reader may see (the public: published drafts
 * of a public group; members: the group's work in progress too), with their
 * status and translation state in words. Nothing when there are none.
 */
function GroupDrafts({ page }: { page: Page }) {
	const { t } = useTranslation('groups')
	if (page.drafts.length === 0) return null
	return (
		<section aria-labelledby="drafts-heading" data-testid="group-drafts">
			<h2 id="drafts-heading" className="text-xl font-semibold text-navy-900">
				{t('group.drafts')}
			</h2>
			<ul className="mt-3 space-y-3">
				{page.drafts.map((draft) => (
					<li key={draft.id} className="flex flex-col gap-1">
						<Link to={draft.href} lang={HTML_LANG[draft.titleLang]} className="font-medium text-navy-900 hover:underline">
							{draft.title}
						</Link>
						<span className="flex flex-wrap items-center gap-3">
							<DraftStatusBadge status={draft.status} />
							<TranslationSummaryLine summary={draft.translation} />
						</span>
					</li>
				))}
			</ul>
			<p className="mt-3">
				<Link to={page.draftsHref} className="text-sm font-medium text-navy-700 hover:underline">
					{t('group.all-drafts')}
				</Link>
			</p>
		</section>
	)
}

function Calendar({ page, actionData }: { page: Page; actionData: GroupPageActionData | undefined }) {
	const { t } = useTranslation('groups')
	const { calendar } = page
	if (!calendar.publicHref && !calendar.canMakeSecretLink) return null
	return (
		<section aria-labelledby="calendar-heading" className="rounded-lg border border-slate-200 p-4" data-testid="group-calendar">
			<h2 id="calendar-heading" className="text-sm font-semibold uppercase tracking-wider text-slate-600">
				{t('calendar.heading')}
			</h2>
			{calendar.publicHref ? (
				<>
					<p className="mt-2 text-sm text-slate-700">{t('calendar.public-hint')}</p>
					<p className="mt-2">
						<a href={calendar.publicHref} className="font-medium text-navy-700 underline underline-offset-2" data-testid="feed-link">
							{t('calendar.subscribe')}
						</a>
					</p>
				</>
			) : (
				<>
					<p className="mt-2 text-sm text-slate-700">{t('calendar.private-hint')}</p>
					{actionData?.calendarUrl ? (
						<div className="mt-3 space-y-2">
							<label htmlFor="calendar-url" className="block text-sm font-medium text-slate-800">
								{t('calendar.your-link')}
							</label>
							<input
								id="calendar-url"
								readOnly
								value={actionData.calendarUrl}
								onFocus={(event) => event.currentTarget.select()}
								className="block w-full rounded-md border border-slate-300 px-2 py-1 font-mono text-xs"
								data-testid="secret-feed-url"
							/>
							<p className="text-sm text-slate-600">{t('calendar.shown-once')}</p>
						</div>
					) : null}
					<Form method="post" className="mt-3">
						<input type="hidden" name="intent" value="calendar-link" />
						<SubmitButton name="intent" value="calendar-link" variant="secondary">
							{t('calendar.make-link')}
						</SubmitButton>
					</Form>
					<p className="mt-2 text-xs text-slate-600">{t('calendar.reset-hint')}</p>
				</>
			)}
		</section>
	)
}
