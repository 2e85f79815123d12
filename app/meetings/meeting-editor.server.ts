/**
 * The meeting form's server side: scheduling a meeting in a group, changing
 * one, cancelling one. Writers of the group (leads, members) and admins
 * only; observers and everyone else get a 404. Every refusal sends the form
 * back exactly as typed, with translated messages; a save that lost a race
 * gets a 409 with who saved in between, and keeps the typing.
 */
import type { SubmissionResult } from '@conform-to/react'
import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { parseForm } from '#app/forms/submission.ts'
import { getRequestClient, getUser, requirePermission } from '#app/auth/auth.server.ts'
import { getGroupAccess, groupName, type GroupAccess } from '#app/groups/public.server.ts'
import { groupPath } from '#app/groups/public.ts'
import { badRequest, notFound } from '#app/http/errors.ts'
import { getSiteOrigin } from '#app/http/site.server.ts'
import { LANGS, type Lang } from '#app/i18n/config.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { dateToWallTime, wallTimeToDate } from '#app/i18n/time-zone.ts'
import { askToConfirm, isConfirmed, type PendingConfirmation } from '#app/ui/confirm.tsx'
import { meetingPaths } from './links.ts'
import { listInvitableUsers } from './meeting-save.queries.server.ts'
import { meetingSavedRedirect, meetingTitle } from './meeting-page.server.ts'
import { getMeetingForActor, type Meeting } from './meetings.queries.server.ts'
import { cancelMeeting, createMeeting, updateMeeting, type MeetingInput } from './operations.server.ts'
import { cancelSchema, meetingSchema, type MeetingForm, type MeetingFormInput } from './schema.ts'
import { LAB_CITIES } from './time.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

/** Empty agenda rows a new meeting's form starts with. */
const NEW_AGENDA_ROWS = 3

export interface MeetingEditorActionData {
	/** The meeting form's answer; absent for the cancel form's, which leaves the typing alone. */
	result?: SubmissionResult<string[]>
	conflict: { version: number; savedBy: string | null; savedAt: string } | null
	confirm?: PendingConfirmation
}

/** The lab's cities first, then every zone Intl knows. */
function timeZoneOptions(extra: string[]): string[] {
	const first = [...new Set([...LAB_CITIES.map((city) => city.timeZone), ...extra])]
	return [...first, ...Intl.supportedValuesOf('timeZone').filter((zone) => !first.includes(zone))]
}

async function editorOptions(group: GroupAccess, lang: Lang, extraZones: string[]) {
	const [t, people] = await Promise.all([getFixedT(lang, 'meetings'), listInvitableUsers({ groupId: group.id, visibility: group.target.visibility })])
	return {
		timeZones: timeZoneOptions(extraZones).map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })),
		people: people.map((p) => ({
			value: p.id,
			label: p.name,
			groupRole: p.groupRole,
			detail: [p.affiliation, p.groupRole ? t(`roles.${p.groupRole}`) : t('roles.invited-official')].filter(Boolean).join(' · '),
		})),
	}
}

/** The group, for someone who may schedule its meetings (a 404 for anyone else). */
async function requireGroupWriter(args: Args) {
	const user = await getUser(args)
	const group = await getGroupAccess({ slug: args.params.slug ?? '', actor: user })
	if (!group) notFound()
	const session = await requirePermission(args, 'meeting:edit', { group: group.target })
	return { user: session.user, group }
}

/** The meeting, for someone who may change it. */
async function requireMeetingWriter(args: Args) {
	const user = await getUser(args)
	const found = await getMeetingForActor({ meetingId: args.params.meetingId ?? '', actor: user })
	if (!found) notFound()
	const session = await requirePermission(args, 'meeting:edit', { group: found.group.target })
	return { user: session.user, ...found }
}

export async function loadNewMeetingPage(args: Args) {
	const lang = requireLang(args.params)
	const { user, group } = await requireGroupWriter(args)
	const [t, options] = await Promise.all([
		getFixedT(lang, 'meetings'),
		editorOptions(group, lang, [user.timeZone]),
	])
	// Members and leads are invited by default; observers and officials are chosen.
	const defaults = options.people.filter((p) => p.groupRole === 'lead' || p.groupRole === 'member').map((p) => p.value)
	const defaultValue: MeetingFormInput = {
		titleEn: '',
		titleZh: '',
		startsAt: '',
		endsAt: '',
		timeZone: user.timeZone,
		place: '',
		onlineUrl: '',
		agenda: Array.from({ length: NEW_AGENDA_ROWS }, () => ({ titleEn: '', titleZh: '' })),
		attendees: defaults,
	}
	return {
		lang,
		meta: await pageMeta(lang, { page: t('editor.new-title', { group: groupName(group, lang) }), description: t('editor.new-description') }),
		seo: { path: `/groups/${group.slug}/meetings/new`, noindex: true },
		heading: t('editor.new-title', { group: groupName(group, lang) }),
		groupHref: groupPath(lang, group.slug),
		groupArchived: group.archivedAt !== null,
		formKey: `meeting-new-${group.id}`,
		defaultValue,
		options,
		meetingId: null,
		version: null,
		cancelHref: groupPath(lang, group.slug),
	}
}

function formDefaults(meeting: Meeting): MeetingFormInput {
	return {
		version: meeting.version,
		titleEn: meeting.titles.en ?? '',
		titleZh: meeting.titles.zh ?? '',
		startsAt: dateToWallTime(meeting.startsAt, meeting.timeZone),
		endsAt: dateToWallTime(meeting.endsAt, meeting.timeZone),
		timeZone: meeting.timeZone,
		place: meeting.place,
		onlineUrl: meeting.onlineUrl,
		// One empty row to add an item without JavaScript.
		agenda: [...meeting.agenda.map((item) => ({ id: item.id, titleEn: item.titleEn, titleZh: item.titleZh })), { titleEn: '', titleZh: '' }],
		attendees: meeting.attendees.map((a) => a.userId),
	}
}

export async function loadEditMeetingPage(args: Args) {
	const lang = requireLang(args.params)
	const { meeting, group } = await requireMeetingWriter(args)
	if (meeting.cancelledAt) notFound()
	const [t, options] = await Promise.all([
		getFixedT(lang, 'meetings'),
		editorOptions(group, lang, [meeting.timeZone]),
	])
	const title = meetingTitle(meeting, lang).text
	return {
		lang,
		meta: await pageMeta(lang, { page: t('editor.edit-title', { title }), description: t('editor.edit-description') }),
		seo: { path: `/meetings/${meeting.id}/edit`, noindex: true },
		heading: t('editor.edit-title', { title }),
		groupHref: groupPath(lang, group.slug),
		groupArchived: group.archivedAt !== null,
		formKey: `meeting-${meeting.id}`,
		defaultValue: formDefaults(meeting),
		options,
		meetingId: meeting.id,
		version: meeting.version,
		cancelHref: meetingPaths.meeting(lang, meeting.id),
	}
}

/** The form's values as the save takes them; null (with a field error) when a wall time does not exist in the zone. */
function toInput(form: MeetingForm): { input: MeetingInput } | { fieldErrors: Record<string, string[]> } {
	const startsAt = wallTimeToDate(form.startsAt, form.timeZone)
	const endsAt = wallTimeToDate(form.endsAt, form.timeZone)
	const fieldErrors: Record<string, string[]> = {}
	if (!startsAt) fieldErrors.startsAt = ['meetings:errors.time-invalid']
	if (!endsAt) fieldErrors.endsAt = ['meetings:errors.time-invalid']
	if (!startsAt || !endsAt) return { fieldErrors }
	const titles = Object.fromEntries(LANGS.map((lang) => [lang, lang === 'en' ? form.titleEn : form.titleZh])) as Record<Lang, string>
	return {
		input: {
			titles,
			startsAt,
			endsAt,
			timeZone: form.timeZone,
			place: form.place,
			onlineUrl: form.onlineUrl,
			// Rows left empty in both languages are no agenda items.
			agenda: form.agenda.filter((item) => item.titleEn || item.titleZh),
			attendeeIds: form.attendees,
		},
	}
}

function refuse(submission: { reply(options: { fieldErrors: Record<string, string[]>; formErrors: string[] }): SubmissionResult<string[]> }, fieldErrors: Record<string, string[]>, status = 400) {
	const formErrors = fieldErrors[''] ?? []
	const rest = Object.fromEntries(Object.entries(fieldErrors).filter(([name]) => name !== ''))
	return data<MeetingEditorActionData>({ result: submission.reply({ fieldErrors: rest, formErrors }), conflict: null }, { status })
}

export async function handleNewMeeting(args: Args) {
	const lang = requireLang(args.params)
	const { user, group } = await requireGroupWriter(args)
	const submission = parseForm(await args.request.formData(), { schema: meetingSchema })
	if (submission.status !== 'success') {
		return data<MeetingEditorActionData>({ result: submission.reply(), conflict: null }, { status: submission.status === 'error' ? 400 : 200 })
	}
	const converted = toInput(submission.value)
	if ('fieldErrors' in converted) return refuse(submission, converted.fieldErrors)
	const client = await getRequestClient(args)
	const result = await createMeeting({
		actor: user,
		ip: client.ip,
		now: args.context.now,
		groupId: group.id,
		input: converted.input,
		origin: getSiteOrigin(),
	})
	if (result.kind === 'saved') return meetingSavedRedirect(lang, result.meetingId, 'created')
	if (result.kind === 'invalid') return refuse(submission, result.fieldErrors)
	notFound()
}

export async function handleEditMeeting(args: Args) {
	const lang = requireLang(args.params)
	const { user, meeting } = await requireMeetingWriter(args)
	const formData = await args.request.formData()
	const client = await getRequestClient(args)
	const acting = { actor: user, ip: client.ip, now: args.context.now, origin: getSiteOrigin() }

	if (formData.get('intent') === 'cancel-meeting') {
		const parsed = cancelSchema.safeParse({ version: formData.get('version') ?? undefined })
		if (!parsed.success) badRequest()
		if (!isConfirmed(formData)) return data<MeetingEditorActionData>({ conflict: null, ...askToConfirm(formData, 'meetings:editor.cancel-question') })
		const result = await cancelMeeting({ ...acting, meetingId: meeting.id, expectedVersion: parsed.data.version })
		if (result.kind === 'saved' || result.kind === 'cancelled') return meetingSavedRedirect(lang, meeting.id, 'cancelled')
		if (result.kind === 'conflict') {
			return data<MeetingEditorActionData>({ conflict: await describe(lang, user.timeZone, result.current) }, { status: 409 })
		}
		notFound()
	}

	const submission = parseForm(formData, { schema: meetingSchema })
	if (submission.status !== 'success') {
		return data<MeetingEditorActionData>({ result: submission.reply(), conflict: null }, { status: submission.status === 'error' ? 400 : 200 })
	}
	const converted = toInput(submission.value)
	if ('fieldErrors' in converted) return refuse(submission, converted.fieldErrors)
	const result = await updateMeeting({
		...acting,
		meetingId: meeting.id,
		expectedVersion: submission.value.overwrite ?? submission.value.version ?? 0,
		input: converted.input,
	})
	switch (result.kind) {
		case 'saved':
			return meetingSavedRedirect(lang, meeting.id, 'saved')
		case 'invalid':
			return refuse(submission, result.fieldErrors)
		case 'cancelled':
			return refuse(submission, { '': ['meetings:errors.cancelled'] })
		case 'conflict':
			// Nothing was written, and the form comes back exactly as typed.
			return data<MeetingEditorActionData>(
				{ result: submission.reply({ formErrors: ['meetings:errors.conflict'] }), conflict: await describe(lang, user.timeZone, result.current) },
				{ status: 409 },
			)
		case 'not-found':
			notFound()
	}
}

async function describe(lang: Lang, timeZone: string, current: { version: number; updatedAt: Date; updatedByName: string | null }) {
	return { version: current.version, savedBy: current.updatedByName, savedAt: formatDateTime(lang, current.updatedAt, { timeZone }) }
}
