/**
 * A meeting's page as readers see it: status, the time on the reader's
 * clock and side by side in Davis and Beijing, where, the agenda, who is
 * invited (and, afterwards, who came), attachments and the calendar file.
 * Writers of the group get the attendance form, the upload form and
 * attachment removal (asked first, with or without JavaScript).
 */
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { HTML_LANG } from '#app/i18n/config.ts'
import { ConfirmationBox, ConfirmSubmit } from '#app/ui/confirm.tsx'
import { StatusNotice, SubmitButton } from '#app/ui/forms.tsx'
import type { PageData } from '#app/ui/page-data.ts'
import type { loadMeetingPage, MeetingActionData } from './meeting-page.server.ts'
import { Link } from '#app/ui/link.tsx'

const NOTICES = ['created', 'saved', 'cancelled'] as const

export function MeetingPage({
	page,
	actionData,
	notice,
}: {
	page: PageData<typeof loadMeetingPage>
	actionData: MeetingActionData | undefined
	/** `?notice=` after a save elsewhere. */
	notice: string | null
}) {
	const { t } = useTranslation(['meetings', 'groups', 'common'])
	const { meeting, group, lang } = page
	const { times } = meeting
	const shownNotice = !actionData && NOTICES.find((n) => n === notice)
	return (
		<div className="mx-auto max-w-4xl px-4 pb-8 pt-8 sm:px-6 sm:pt-12">
			<p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
				<Link to={group.href} className="font-medium text-navy-700 hover:underline">
					<span aria-hidden="true">← </span>
					{group.name}
				</Link>
			</p>
			{shownNotice ? <StatusNotice className="mt-4">{t(`meetings:notices.${shownNotice}`)}</StatusNotice> : null}

			<header className="mt-4">
				<div className="flex flex-wrap items-center gap-2">
					{meeting.cancelled ? (
						<span className="rounded bg-red-100 px-2 py-0.5 text-sm font-semibold text-red-800" data-testid="meeting-cancelled">
							{t('meetings:status.cancelled')}
						</span>
					) : meeting.ended ? (
						<span className="rounded bg-slate-200 px-2 py-0.5 text-sm font-semibold text-slate-700">{t('meetings:status.past')}</span>
					) : (
						<span className="rounded bg-leaf-50 px-2 py-0.5 text-sm font-semibold text-leaf-600">{t('meetings:status.upcoming')}</span>
					)}
					{group.private ? (
						<span className="rounded bg-slate-200 px-2 py-0.5 text-sm font-semibold text-slate-700">{t('meetings:status.private')}</span>
					) : null}
				</div>
				<h1 lang={HTML_LANG[meeting.title.lang]} className={`mt-2 text-balance text-3xl font-bold tracking-tight text-navy-900 ${meeting.cancelled ? 'line-through decoration-2' : ''}`}>
					{meeting.title.text}
				</h1>
				{meeting.cancelledAt ? <p className="mt-2 text-red-800">{t('meetings:meeting.cancelled-at', { time: meeting.cancelledAt })}</p> : null}
			</header>

			<section aria-labelledby="when-heading" className="mt-6 rounded-lg border border-slate-200 bg-navy-50 p-4 sm:p-5" data-testid="meeting-times">
				<h2 id="when-heading" className="text-sm font-semibold uppercase tracking-wider text-slate-600">
					{t('meetings:meeting.when')}
				</h2>
				<p className="mt-2 text-xl font-semibold text-navy-900" data-testid="side-by-side">
					{times.sideBySide}
				</p>
				<dl className="mt-3 grid gap-x-6 gap-y-2 text-slate-800 sm:grid-cols-[max-content_1fr]">
					{times.readerMatchesCity ? null : (
						<>
							<dt className="font-medium">{t('meetings:meeting.your-time', { zone: times.readerTimeZone.replaceAll('_', ' ') })}</dt>
							<dd data-testid="reader-time">
								<time dateTime={times.startIso}>{times.reader}</time>
							</dd>
						</>
					)}
					{times.cities.map((city) => (
						<div key={city.key} className="contents" data-testid={`city-${city.key}`}>
							<dt className="font-medium">{city.label}</dt>
							<dd>{city.text}</dd>
						</div>
					))}
				</dl>
				{page.canEdit && times.outsideHours.length > 0 && !meeting.cancelled ? (
					<p role="note" className="mt-3 rounded-md border border-gold-400 bg-gold-300/30 px-3 py-2 text-sm text-slate-800" data-testid="hours-warning">
						{t('meetings:editor.outside-hours', { cities: times.outsideHours.map((c) => c.label).join(t('meetings:list-separator')) })}
					</p>
				) : null}
				<p className="mt-3 text-sm">
					<a href={page.calendarHref} className="font-medium text-navy-700 underline underline-offset-2 hover:text-navy-900" data-testid="ics-link">
						{t('meetings:meeting.add-to-calendar')}
					</a>
				</p>
			</section>

			{meeting.place || meeting.onlineUrl ? (
				<section aria-labelledby="where-heading" className="mt-6">
					<h2 id="where-heading" className="text-lg font-semibold text-navy-900">
						{t('meetings:meeting.where')}
					</h2>
					{meeting.place ? <p className="mt-1 text-slate-800">{meeting.place}</p> : null}
					{meeting.onlineUrl ? (
						<p className="mt-1">
							<a href={meeting.onlineUrl} rel="noopener noreferrer" className="break-all font-medium text-navy-700 underline underline-offset-2">
								{t('meetings:meeting.join-online')}
							</a>
						</p>
					) : null}
				</section>
			) : null}

			<section aria-labelledby="agenda-heading" className="mt-8">
				<h2 id="agenda-heading" className="text-lg font-semibold text-navy-900">
					{t('meetings:meeting.agenda')}
				</h2>
				{meeting.agenda.length === 0 ? (
					<p className="mt-1 text-slate-600">{t('meetings:meeting.no-agenda')}</p>
				) : (
					<ol className="mt-2 list-decimal space-y-1 pl-6 text-slate-800" data-testid="agenda">
						{meeting.agenda.map((item) => (
							<li key={item.id} lang={item.lang !== lang ? HTML_LANG[item.lang] : undefined}>
								{item.title}
							</li>
						))}
					</ol>
				)}
			</section>

			<section aria-labelledby="attendees-heading" className="mt-8">
				<h2 id="attendees-heading" className="text-lg font-semibold text-navy-900">
					{t('meetings:meeting.attendees')}
				</h2>
				{meeting.attendees.length === 0 ? (
					<p className="mt-1 text-slate-600">{t('meetings:meeting.no-attendees')}</p>
				) : page.canRecordAttendance ? (
					<AttendanceForm page={page} actionData={actionData} />
				) : (
					<ul className="mt-2 space-y-1 text-slate-800" data-testid="attendees">
						{meeting.attendees.map((a) => (
							<li key={a.userId}>
								<span className="font-medium">{a.name}</span>
								{a.affiliation ? <span className="text-slate-600"> · {a.affiliation}</span> : null}
								<span className="text-slate-600"> · {a.groupRole ? t(`meetings:roles.${a.groupRole}`) : t('meetings:roles.invited-official')}</span>
								{a.attendance ? (
									<span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">{t(`meetings:attendance.${a.attendance}`)}</span>
								) : null}
							</li>
						))}
					</ul>
				)}
			</section>

			<Attachments page={page} actionData={actionData} />

			{page.editHref ? (
				<p className="mt-10 border-t border-slate-200 pt-6">
					<Link to={page.editHref} className="inline-flex rounded-md bg-navy-900 px-4 py-2 font-medium text-white hover:bg-navy-700" data-testid="edit-meeting">
						{t('meetings:meeting.edit')}
					</Link>
				</p>
			) : null}
		</div>
	)
}

function AttendanceForm({ page, actionData }: { page: PageData<typeof loadMeetingPage>; actionData: MeetingActionData | undefined }) {
	const { t } = useTranslation('meetings')
	const mine = actionData?.intent === 'attendance' ? actionData : undefined
	return (
		<Form method="post" className="mt-3" data-testid="attendance-form">
			<input type="hidden" name="intent" value="attendance" />
			<input type="hidden" name="version" value={page.meeting.version} />
			{mine?.error ? (
				<p role="alert" className="mb-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
					{t(mine.error as 'errors.attendance-invalid')}
				</p>
			) : null}
			{mine?.notice ? <StatusNotice className="mb-3">{t(`notices.${mine.notice.key}`, { name: mine.notice.name ?? '' })}</StatusNotice> : null}
			<table className="w-full text-left text-sm">
				<thead>
					<tr className="border-b border-slate-200 text-slate-600">
						<th scope="col" className="py-2 pr-3 font-medium">{t('meeting.attendee')}</th>
						<th scope="col" className="py-2 font-medium">{t('meeting.attendance')}</th>
					</tr>
				</thead>
				<tbody>
					{page.meeting.attendees.map((a) => {
						const value = mine?.attendance?.[a.userId] ?? a.attendance ?? ''
						return (
							<tr key={a.userId} className="border-b border-slate-100 align-top">
								<th scope="row" className="py-2 pr-3 font-medium text-slate-900">
									{a.name}
									{a.affiliation ? <span className="block font-normal text-slate-600">{a.affiliation}</span> : null}
								</th>
								<td className="py-2">
									<select
										name={`attendance.${a.userId}`}
										defaultValue={value}
										aria-label={t('meeting.attendance-of', { name: a.name })}
										className="rounded-md border border-slate-300 px-2 py-1"
									>
										<option value="">{t('attendance.unrecorded')}</option>
										{page.attendanceValues.map((v) => (
											<option key={v} value={v}>
												{t(`attendance.${v}`)}
											</option>
										))}
									</select>
								</td>
							</tr>
						)
					})}
				</tbody>
			</table>
			<div className="mt-3">
				<SubmitButton name="intent" value="attendance">
					{t('meeting.save-attendance')}
				</SubmitButton>
			</div>
		</Form>
	)
}

function Attachments({ page, actionData }: { page: PageData<typeof loadMeetingPage>; actionData: MeetingActionData | undefined }) {
	const { t } = useTranslation('meetings')
	const navigation = useNavigation()
	const upload = actionData?.intent === 'upload' ? actionData : undefined
	const removal = actionData?.intent === 'remove-attachment' ? actionData : undefined
	if (!page.canEdit && page.attachments.length === 0) return null
	return (
		<section aria-labelledby="attachments-heading" className="mt-8">
			<h2 id="attachments-heading" className="text-lg font-semibold text-navy-900">
				{t('attachments.heading')}
			</h2>
			{removal?.confirm ? (
				<div className="mt-3">
					<ConfirmationBox pending={removal.confirm} question={t('attachments.remove-question')} cancelHref={page.selfHref} />
				</div>
			) : null}
			{removal?.notice ? <StatusNotice className="mt-3">{t(`notices.${removal.notice.key}`, { name: removal.notice.name ?? '' })}</StatusNotice> : null}
			{page.attachments.length === 0 ? (
				<p className="mt-1 text-slate-600">{t('attachments.none')}</p>
			) : (
				<ul className="mt-2 divide-y divide-slate-100" data-testid="attachments">
					{page.attachments.map((a) => (
						<li key={a.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
							<span className="min-w-0">
								<a href={a.href} className="break-all font-medium text-navy-700 underline underline-offset-2" {...(a.isImage ? {} : { download: a.name })}>
									{a.name}
								</a>
								<span className="ml-2 text-sm text-slate-600">{a.size}</span>
							</span>
							{page.canEdit ? (
								<Form method="post">
									<input type="hidden" name="intent" value="remove-attachment" />
									<input type="hidden" name="attachmentId" value={a.id} />
									<ConfirmSubmit question={t('attachments.remove-question')}>{t('attachments.remove')}</ConfirmSubmit>
								</Form>
							) : null}
						</li>
					))}
				</ul>
			)}
			{page.canEdit ? (
				<Form method="post" encType="multipart/form-data" className="mt-4 rounded-lg border border-slate-200 p-4" data-testid="upload-form">
					<input type="hidden" name="intent" value="upload" />
					<label htmlFor="attachment-file" className="block text-sm font-medium text-slate-800">
						{t('attachments.add')}
					</label>
					<input
						id="attachment-file"
						type="file"
						name="file"
						required
						accept=".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.jpg,.jpeg,.png,.webp,.gif"
						aria-describedby="attachment-hint"
						className="mt-1 block w-full text-sm"
					/>
					<p id="attachment-hint" className="mt-1 text-sm text-slate-600">
						{t('attachments.hint', { max: page.maxAttachment })}
					</p>
					{upload?.error ? (
						<p role="alert" className="mt-2 text-sm text-red-700" data-testid="upload-error">
							{t(upload.error as 'attachments.errors.too-large', { max: page.maxAttachment })}
						</p>
					) : null}
					{upload?.notice ? <StatusNotice className="mt-2">{t(`notices.${upload.notice.key}`, { name: upload.notice.name ?? '' })}</StatusNotice> : null}
					<div className="mt-3">
						<SubmitButton name="intent" value="upload" variant="secondary">
							{navigation.state === 'submitting' && navigation.formEncType === 'multipart/form-data' ? t('attachments.uploading') : t('attachments.upload')}
						</SubmitButton>
					</div>
				</Form>
			) : null}
		</section>
	)
}
