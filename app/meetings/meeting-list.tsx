/**
 * A list of meeting cards (the meetings page, a group's page): title, group,
 * the time on the reader's clock and in both cities side by side, place or
 * "online", and a cancelled badge. Formatted by the server (./cards.server.ts).
 */
import { useTranslation } from 'react-i18next'
import { HTML_LANG } from '#app/i18n/config.ts'
import type { MeetingCard } from './cards.server.ts'
import { Link } from '#app/ui/link.tsx'

/** What the browser receives of a card (dates already formatted as text). */
export type MeetingCardData = MeetingCard

export function MeetingList({
	meetings,
	showGroup = true,
	empty,
	testId,
}: {
	meetings: MeetingCardData[]
	showGroup?: boolean
	/** Said when there is no meeting. */
	empty: string
	testId: string
}) {
	const { t } = useTranslation('meetings')
	if (meetings.length === 0) {
		return (
			<p className="mt-3 rounded-lg bg-slate-50 px-4 py-4 text-slate-700" data-testid={`${testId}-empty`}>
				{empty}
			</p>
		)
	}
	return (
		<ol className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid={testId}>
			{meetings.map((meeting) => (
				<li key={meeting.id} className="px-4 py-4 sm:px-5" data-testid="meeting-card" data-meeting-id={meeting.id}>
					<div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
						<h3 className="min-w-0 text-lg font-semibold text-navy-900">
							<Link to={meeting.href} lang={HTML_LANG[meeting.titleLang]} className={`hover:underline ${meeting.cancelled ? 'line-through decoration-1' : ''}`}>
								{meeting.title}
							</Link>
						</h3>
						{meeting.cancelled ? (
							<span className="rounded bg-red-100 px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-red-800">{t('status.cancelled')}</span>
						) : null}
						{meeting.groupPrivate && showGroup ? (
							<span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-700">{t('status.private')}</span>
						) : null}
					</div>
					{showGroup ? (
						<p className="mt-1 text-sm">
							<Link to={meeting.groupHref} className="font-medium text-leaf-600 hover:underline">
								{meeting.groupName}
							</Link>
						</p>
					) : null}
					<p className="mt-1 text-slate-800">
						<time dateTime={meeting.startIso}>{meeting.when}</time>
					</p>
					<p className="mt-0.5 text-sm text-slate-600" data-testid="side-by-side">
						{meeting.sideBySide}
					</p>
					{meeting.place || meeting.online ? (
						<p className="mt-0.5 text-sm text-slate-600">{[meeting.place, meeting.online ? t('meeting.online') : null].filter(Boolean).join(' · ')}</p>
					) : null}
				</li>
			))}
		</ol>
	)
}
