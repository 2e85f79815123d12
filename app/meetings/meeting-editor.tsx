/**
 * The meeting form: titles in both languages, start and end on the
 * organizer's clock (a time zone chosen in the form), place and link, the
 * agenda as bilingual rows (add, remove, move: buttons that work without
 * JavaScript), and whom to invite. While times are typed, the form shows
 * the meeting in Davis and Beijing and warns when it falls outside
 * 07:00–22:00 in either. Typing is kept in the browser and leaving asks
 * first (app/ui/unsaved-changes.tsx); a conflict keeps everything typed.
 */
import { FormProvider, getCollectionProps, getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form, useLocation } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Lang } from '#app/i18n/config.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import { wallTimeToDate } from '#app/i18n/time-zone.ts'
import { ConfirmationBox, ConfirmSubmit } from '#app/ui/confirm.tsx'
import { FieldErrors, FormErrors, SelectField, SubmitButton, TextField } from '#app/ui/forms.tsx'
import { KeptTypingNotice, useUnsavedChanges } from '#app/ui/unsaved-changes.tsx'
import type { PendingConfirmation } from '#app/ui/confirm.tsx'
import { AGENDA_ITEMS_MAX, type MeetingFormInput } from './schema.ts'
import { meetingTimes, outsideWorkingHours } from './time.ts'
import { useDeferredValidation } from '#app/forms/client-validation.ts'
import { Link } from '#app/ui/link.tsx'

export interface MeetingEditorProps {
	lang: Lang
	formKey: string
	defaultValue: MeetingFormInput
	options: {
		timeZones: { value: string; label: string }[]
		people: { value: string; label: string; detail: string; groupRole: string | null }[]
	}
	meetingId: string | null
	version: number | null
	cancelHref: string
	actionData:
		| {
				result?: SubmissionResult<string[]>
				conflict: { version: number; savedBy: string | null; savedAt: string } | null
				confirm?: PendingConfirmation
		  }
		| undefined
}

export function MeetingEditor({ lang, formKey, defaultValue, options, meetingId, version, cancelHref, actionData }: MeetingEditorProps) {
	const { t } = useTranslation(['meetings', 'common'])
	const formRef = useRef<HTMLFormElement>(null)
	const { pathname } = useLocation()
	const check = useDeferredValidation(() => import('./schema.ts').then((m) => m.meetingSchema), { shouldValidate: 'onSubmit', shouldRevalidate: 'onInput' })
	const [form, fields] = useForm<MeetingFormInput>({
		id: formKey,
		lastResult: actionData?.result,
		defaultValue,
		...check.options,
	})
	const unsaved = useUnsavedChanges({ formRef, documentKey: formKey, savedVersion: String(version ?? 0), saved: false })
	const formProps = getFormProps(form)
	const conflict = actionData?.conflict
	const agenda = fields.agenda.getFieldList()
	const attendeeProps = getCollectionProps(fields.attendees, { type: 'checkbox', options: options.people.map((p) => p.value) })
	return (
		<div className="space-y-6">
			{unsaved.kept ? <KeptTypingNotice kept={unsaved.kept} keptAtText={formatDateTime(lang, unsaved.kept.keptAt)} /> : null}
			{actionData?.confirm ? <ConfirmationBox pending={actionData.confirm} question={t('meetings:editor.cancel-question')} cancelHref={pathname} /> : null}
			<FormProvider context={form.context}>
				<Form
					method="post"
					{...formProps}
					{...check.formProps}
					ref={formRef}
					className="space-y-8"
					onSubmit={unsaved.submitHandler(formProps.onSubmit)}
				>
					{/* A plain Enter in a text field saves. */}
					<button type="submit" name="intent" value="save" hidden tabIndex={-1} aria-hidden="true" />
					{version !== null ? <input type="hidden" name={fields.version.name} value={String(version)} /> : null}
					<FormErrors id={form.errorId} errors={form.errors ?? (conflict && !actionData?.result ? ['meetings:errors.conflict'] : undefined)}>
						{conflict ? (
							<div className="mt-2 space-y-2" data-testid="conflict">
								<p>
									{conflict.savedBy
										? t('meetings:conflict.by', { name: conflict.savedBy, time: conflict.savedAt })
										: t('meetings:conflict.anonymous', { time: conflict.savedAt })}
								</p>
								<p>{t('meetings:conflict.choices')}</p>
								<div className="flex flex-wrap gap-2">
									<a href={cancelHref} target="_blank" rel="noopener" className="rounded-md border border-red-700 px-3 py-1.5 font-medium text-red-800 hover:bg-red-100">
										{t('meetings:conflict.open-current')}
									</a>
									<button type="submit" name="overwrite" value={conflict.version} className="rounded-md bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800">
										{t('meetings:conflict.keep-mine')}
									</button>
								</div>
							</div>
						) : null}
					</FormErrors>

					<fieldset className="grid gap-5 rounded-lg border border-slate-200 p-4 sm:grid-cols-2 sm:p-6">
						<legend className="px-1 text-sm font-semibold text-navy-900">{t('meetings:editor.title-legend')}</legend>
						<TextField label={t('meetings:editor.title-en')} field={fields.titleEn} lang="en" />
						<TextField label={t('meetings:editor.title-zh')} field={fields.titleZh} lang="zh-CN" />
					</fieldset>

					<fieldset className="grid gap-5 rounded-lg border border-slate-200 p-4 sm:grid-cols-2 sm:p-6">
						<legend className="px-1 text-sm font-semibold text-navy-900">{t('meetings:editor.time-legend')}</legend>
						<div className="sm:col-span-2">
							<SelectField label={t('meetings:editor.time-zone')} field={fields.timeZone} options={options.timeZones} />
						</div>
						<TextField label={t('meetings:editor.starts-at')} field={fields.startsAt} type="datetime-local" />
						<TextField label={t('meetings:editor.ends-at')} field={fields.endsAt} type="datetime-local" />
						<TimePreview lang={lang} startsAt={fields.startsAt.value} endsAt={fields.endsAt.value} timeZone={fields.timeZone.value} />
					</fieldset>

					<fieldset className="grid gap-5 rounded-lg border border-slate-200 p-4 sm:grid-cols-2 sm:p-6">
						<legend className="px-1 text-sm font-semibold text-navy-900">{t('meetings:editor.place-legend')}</legend>
						<TextField label={t('meetings:editor.place')} field={fields.place} />
						<TextField label={t('meetings:editor.online-url')} field={fields.onlineUrl} hint={t('meetings:editor.online-url-hint')} />
					</fieldset>

					<fieldset className="space-y-3 rounded-lg border border-slate-200 p-4 sm:p-6" data-testid="agenda-editor">
						<legend className="px-1 text-sm font-semibold text-navy-900">{t('meetings:editor.agenda-legend')}</legend>
						<p className="text-sm text-slate-600">{t('meetings:editor.agenda-hint')}</p>
						<ol className="space-y-3">
							{agenda.map((item, index) => {
								const row = item.getFieldset()
								return (
									<li key={item.key} className="grid gap-3 rounded-md bg-slate-50 p-3 sm:grid-cols-[2rem_1fr_1fr_auto] sm:items-end" data-testid="agenda-row">
										<span className="text-sm font-semibold text-slate-600 sm:pb-2">{index + 1}.</span>
										{row.id.value ? <input {...getInputProps(row.id, { type: 'hidden' })} key={undefined} /> : null}
										<TextField label={t('meetings:editor.agenda-en', { n: index + 1 })} field={row.titleEn} lang="en" />
										<TextField label={t('meetings:editor.agenda-zh', { n: index + 1 })} field={row.titleZh} lang="zh-CN" />
										<div className="flex gap-1 sm:pb-1">
											<button
												{...form.reorder.getButtonProps({ name: fields.agenda.name, from: index, to: index - 1 })}
												disabled={index === 0}
												aria-label={t('meetings:editor.agenda-up', { n: index + 1 })}
												title={t('meetings:editor.agenda-up', { n: index + 1 })}
												className="rounded border border-slate-300 px-2 py-1 text-sm disabled:opacity-40"
											>
												↑
											</button>
											<button
												{...form.reorder.getButtonProps({ name: fields.agenda.name, from: index, to: index + 1 })}
												disabled={index === agenda.length - 1}
												aria-label={t('meetings:editor.agenda-down', { n: index + 1 })}
												title={t('meetings:editor.agenda-down', { n: index + 1 })}
												className="rounded border border-slate-300 px-2 py-1 text-sm disabled:opacity-40"
											>
												↓
											</button>
											<button
												{...form.remove.getButtonProps({ name: fields.agenda.name, index })}
												aria-label={t('meetings:editor.agenda-remove', { n: index + 1 })}
												title={t('meetings:editor.agenda-remove', { n: index + 1 })}
												className="rounded border border-red-300 px-2 py-1 text-sm text-red-800"
											>
												×
											</button>
										</div>
									</li>
								)
							})}
						</ol>
						<FieldErrors id={fields.agenda.errorId} errors={fields.agenda.errors} />
						{agenda.length < AGENDA_ITEMS_MAX ? (
							<button
								{...form.insert.getButtonProps({ name: fields.agenda.name, defaultValue: { titleEn: '', titleZh: '' } })}
								className="rounded-md border border-navy-900 px-3 py-1.5 text-sm font-medium text-navy-900 hover:bg-navy-50"
							>
								{t('meetings:editor.agenda-add')}
							</button>
						) : null}
					</fieldset>

					<fieldset className="rounded-lg border border-slate-200 p-4 sm:p-6" data-testid="attendees-editor">
						<legend className="px-1 text-sm font-semibold text-navy-900">{t('meetings:editor.attendees-legend')}</legend>
						<p className="text-sm text-slate-600">{t('meetings:editor.attendees-hint')}</p>
						{options.people.length === 0 ? (
							<p className="mt-2 text-slate-600">{t('meetings:editor.no-people')}</p>
						) : (
							<>
								<PeopleChoices people={options.people} props={attendeeProps} members />
								{options.people.some((p) => !p.groupRole) ? (
									// Officials from outside a public group: many, and rarely invited, so folded away unless one is.
									<details
										className="mt-4 rounded-md border border-slate-200 p-3"
										open={attendeeProps.some((props, i) => !options.people[i]?.groupRole && props.defaultChecked)}
									>
										<summary className="cursor-pointer text-sm font-medium text-navy-900">{t('meetings:editor.invite-officials')}</summary>
										<PeopleChoices people={options.people} props={attendeeProps} members={false} />
									</details>
								) : null}
							</>
						)}
						<FieldErrors id={fields.attendees.errorId} errors={fields.attendees.errors} />
					</fieldset>

					<div className="flex flex-wrap items-center gap-3">
						<SubmitButton name="intent" value="save">
							{meetingId ? t('meetings:editor.save') : t('meetings:editor.create')}
						</SubmitButton>
						<Link to={cancelHref} className="font-medium text-navy-700 underline underline-offset-2">
							{t('meetings:editor.back')}
						</Link>
					</div>
				</Form>
			</FormProvider>

			{meetingId && version !== null ? (
				<Form method="post" className="rounded-lg border border-red-200 p-4 sm:p-6" data-testid="cancel-meeting">
					<h2 className="font-semibold text-red-800">{t('meetings:editor.cancel-heading')}</h2>
					<p className="mt-1 text-sm text-slate-700">{t('meetings:editor.cancel-hint')}</p>
					<input type="hidden" name="intent" value="cancel-meeting" />
					<input type="hidden" name="version" value={String(version)} />
					<div className="mt-3">
						<ConfirmSubmit question={t('meetings:editor.cancel-question')}>{t('meetings:editor.cancel-meeting')}</ConfirmSubmit>
					</div>
				</Form>
			) : null}
		</div>
	)
}

/** Checkboxes for the group's members, or for the officials from outside it. */
function PeopleChoices({
	people,
	props,
	members,
}: {
	people: MeetingEditorProps['options']['people']
	props: ReturnType<typeof getCollectionProps>
	members: boolean
}) {
	return (
		<ul className="mt-3 grid gap-2 sm:grid-cols-2">
			{props.map((checkbox, i) =>
				Boolean(people[i]?.groupRole) === members ? (
					<li key={checkbox.key}>
						<label className="flex items-start gap-2 text-sm text-slate-800">
							<input {...checkbox} key={undefined} className="mt-0.5 size-4 rounded border-slate-300" />
							<span>
								<span className="font-medium">{people[i]?.label}</span>
								<span className="block text-slate-600">{people[i]?.detail}</span>
							</span>
						</label>
					</li>
				) : null,
			)}
		</ul>
	)
}

/**
 * The typed times in Davis and Beijing, with a warning outside 07:00–22:00.
 * Computed in the browser after it has rendered (never during hydration,
 * whose text must match the server's), from the same functions the pages use.
 */
function TimePreview({ lang, startsAt, endsAt, timeZone }: { lang: Lang; startsAt?: string; endsAt?: string; timeZone?: string }) {
	const { t } = useTranslation('meetings')
	const [mounted, setMounted] = useState(false)
	useEffect(() => setMounted(true), [])
	if (!mounted || !startsAt || !endsAt || !timeZone) return null
	const start = wallTimeToDate(startsAt, timeZone)
	const end = wallTimeToDate(endsAt, timeZone)
	if (!start || !end || end <= start) return null
	const times = meetingTimes({ start, end, lang })
	const short = (key: 'davis' | 'beijing') => {
		const city = times.cities.find((c) => c.key === key)!
		return city.dayDiffersFromOtherCity ? `${city.weekday} ${city.startTime}` : city.startTime
	}
	const outside = outsideWorkingHours({ start, end })
	return (
		<div className="space-y-2 sm:col-span-2" aria-live="polite" data-testid="time-preview">
			<p className="rounded-md bg-navy-50 px-3 py-2 text-sm font-medium text-navy-900">
				{t('time.side-by-side', { davis: short('davis'), beijing: short('beijing') })}
			</p>
			{outside.length > 0 ? (
				<p role="note" className="rounded-md border border-gold-400 bg-gold-300/30 px-3 py-2 text-sm text-slate-800" data-testid="hours-warning">
					{t('editor.outside-hours', { cities: outside.map((key) => t(`time.city.${key}`)).join(t('list-separator')) })}
				</p>
			) : null}
		</div>
	)
}
