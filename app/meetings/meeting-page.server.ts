/**
 * A meeting's page: its time on the reader's clock and in Davis and
 * Beijing side by side, place and link, agenda, attendees (with attendance
 * once recorded), attachments and its calendar file. Writers of the group
 * (leads, members, admins) also record attendance after it starts and add
 * or remove attachments here. A meeting the reader may not see is a 404.
 */
import {
	data,
	MaxPartSizeExceededError,
	redirect,
	unstable_composeUploadHandlers,
	unstable_createMemoryUploadHandler,
	unstable_parseMultipartFormData,
	type LoaderFunctionArgs,
	type UploadHandler,
} from '@remix-run/node'
import { getRequestClient, getUser, requirePermission } from '#app/auth/auth.server.ts'
import { can } from '#app/auth/permissions.ts'
import { groupName } from '#app/groups/public.server.ts'
import { groupPath } from '#app/groups/public.ts'
import { notFound } from '#app/http/errors.ts'
import { otherLang, type Lang } from '#app/i18n/config.ts'
import { formatBytes, formatDateTime } from '#app/i18n/format.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { askToConfirm, isConfirmed, type PendingConfirmation } from '#app/ui/confirm.tsx'
import { MAX_ATTACHMENT_BYTES, type AttachmentError } from './attachments.server.ts'
import { listAttachments } from './attachments.queries.server.ts'
import { ATTENDANCE_VALUES, type AttendanceValue } from './attendance.ts'
import { meetingPaths, meetingPathsWithoutLang } from './links.ts'
import { describeMeetingTimes } from './meeting-times.server.ts'
import { getMeetingForActor, type Meeting } from './meetings.queries.server.ts'
import { addAttachment, recordAttendance, removeAttachment, type Acting } from './operations.server.ts'
import { attendanceSchema } from './schema.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

/** Room for the multipart framing around the one file an upload carries. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024

/** The meeting and its group as the request's reader stands in it, or a 404. */
async function requireMeeting(args: Args) {
	const user = await getUser(args)
	const found = await getMeetingForActor({ meetingId: args.params.meetingId ?? '', actor: user })
	if (!found) notFound()
	return { user, ...found }
}

/** A title in `lang`, else the other language's, with the language it is in. */
export function meetingTitle(meeting: Pick<Meeting, 'titles'>, lang: Lang): { text: string; lang: Lang } {
	const own = meeting.titles[lang]
	if (own) return { text: own, lang }
	const other = otherLang(lang)
	return { text: meeting.titles[other] ?? '', lang: other }
}

export async function loadMeetingPage(args: Args) {
	const lang = requireLang(args.params)
	const { user, meeting, group } = await requireMeeting(args)
	const now = args.context.now
	const [t, times, attachments] = await Promise.all([
		getFixedT(lang, 'meetings'),
		describeMeetingTimes({ start: meeting.startsAt, end: meeting.endsAt, lang, readerTimeZone: user?.timeZone ?? null }),
		listAttachments(meeting.id),
	])
	const title = meetingTitle(meeting, lang)
	const canEdit = can(user, 'meeting:edit', { group: group.target })
	const started = meeting.startsAt.getTime() <= now.getTime()
	const timeZone = user?.timeZone ?? times.readerTimeZone
	return {
		lang,
		meta: await pageMeta(lang, { page: title.text, description: t('meeting.description', { group: groupName(group, lang), when: times.reader }) }),
		seo: { path: meetingPathsWithoutLang.meeting(meeting.id), noindex: group.target.visibility === 'private' },
		meeting: {
			id: meeting.id,
			version: meeting.version,
			title,
			cancelled: meeting.cancelledAt !== null,
			cancelledAt: meeting.cancelledAt ? formatDateTime(lang, meeting.cancelledAt, { timeZone }) : null,
			ended: meeting.endsAt.getTime() <= now.getTime(),
			times,
			place: meeting.place,
			onlineUrl: meeting.onlineUrl,
			agenda: meeting.agenda.map((item) => {
				const own = lang === 'zh' ? item.titleZh : item.titleEn
				const other = lang === 'zh' ? item.titleEn : item.titleZh
				return { id: item.id, title: own || other, lang: own ? lang : otherLang(lang) }
			}),
			attendees: meeting.attendees.map((a) => ({
				userId: a.userId,
				name: a.name,
				affiliation: a.affiliation,
				groupRole: a.groupRole,
				attendance: a.attendance,
			})),
		},
		group: { name: groupName(group, lang), href: groupPath(lang, group.slug), private: group.target.visibility === 'private', archived: group.archivedAt !== null },
		selfHref: meetingPaths.meeting(lang, meeting.id),
		calendarHref: meetingPaths.calendar(lang, meeting.id),
		editHref: canEdit && !meeting.cancelledAt ? meetingPaths.edit(lang, meeting.id) : null,
		attachments: attachments.map((a) => ({
			id: a.id,
			name: a.fileName,
			href: meetingPaths.attachment(lang, meeting.id, a.id),
			size: formatBytes(lang, a.byteSize),
			isImage: a.contentType.startsWith('image/'),
			uploader: a.uploaderName,
		})),
		canEdit,
		/** Attendance is recorded once the meeting has started, by those who may change it. */
		canRecordAttendance: canEdit && started && !meeting.cancelledAt && meeting.attendees.length > 0,
		maxAttachment: formatBytes(lang, MAX_ATTACHMENT_BYTES),
		attendanceValues: ATTENDANCE_VALUES,
	}
}

export interface MeetingActionData {
	intent: 'attendance' | 'upload' | 'remove-attachment'
	/** A translation key: what went wrong. */
	error?: string
	/** A translation key and its values: what was done. */
	notice?: { key: 'attendance-saved' | 'attachment-added' | 'attachment-removed'; name?: string }
	confirm?: PendingConfirmation
	/** The attendance as submitted, kept when it could not be saved. */
	attendance?: Record<string, string>
}

const UPLOAD_ERROR_STATUS: Record<AttachmentError, number> = { 'too-large': 413, 'unsupported-type': 415, empty: 400 }

/** The page's forms: record attendance, add an attachment (multipart), remove one (confirmed). */
export async function handleMeetingPageAction(args: Args) {
	const { request, context } = args
	requireLang(args.params)
	// Strangers are refused before a byte of an upload is read.
	const { group, meeting } = await requireMeeting(args)
	const { user } = await requirePermission(args, 'meeting:edit', { group: group.target })
	const client = await getRequestClient(args)
	const acting = { actor: user, ip: client.ip, now: context.now }

	if ((request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')) {
		return upload({ request, acting, meetingId: meeting.id })
	}
	const formData = await request.formData()
	const intent = formData.get('intent')
	if (intent === 'attendance') return attendance({ formData, acting, meetingId: meeting.id })
	if (intent === 'remove-attachment') {
		if (!isConfirmed(formData)) {
			return data<MeetingActionData>({ intent, ...askToConfirm(formData, 'meetings:attachments.remove-question') })
		}
		const removed = await removeAttachment({ ...acting, meetingId: meeting.id, attachmentId: String(formData.get('attachmentId') ?? '') })
		if (removed.kind === 'not-found') notFound()
		return data<MeetingActionData>({ intent, notice: { key: 'attachment-removed', name: removed.fileName } })
	}
	return data<MeetingActionData>({ intent: 'attendance', error: 'meetings:errors.unknown-action' }, { status: 400 })
}

async function attendance({ formData, acting, meetingId }: { formData: FormData; acting: Acting; meetingId: string }) {
	const submitted = Object.fromEntries(
		[...formData.entries()].filter(([name, value]) => name.startsWith('attendance.') && typeof value === 'string').map(([name, value]) => [name.slice('attendance.'.length), String(value)]),
	)
	const parsed = attendanceSchema.safeParse({ version: formData.get('version') ?? undefined, attendance: submitted })
	if (!parsed.success) {
		return data<MeetingActionData>({ intent: 'attendance', error: 'meetings:errors.attendance-invalid', attendance: submitted }, { status: 400 })
	}
	const values = Object.fromEntries(Object.entries(parsed.data.attendance).map(([userId, value]) => [userId, (value || null) as AttendanceValue | null]))
	const result = await recordAttendance({ ...acting, meetingId, attendance: values })
	switch (result.kind) {
		case 'saved':
			return data<MeetingActionData>({ intent: 'attendance', notice: { key: 'attendance-saved' } })
		case 'not-yet':
			return data<MeetingActionData>({ intent: 'attendance', error: 'meetings:errors.attendance-too-early', attendance: submitted }, { status: 400 })
		case 'cancelled':
			return data<MeetingActionData>({ intent: 'attendance', error: 'meetings:errors.cancelled', attendance: submitted }, { status: 400 })
		case 'not-found':
			notFound()
	}
}

async function upload({ request, acting, meetingId }: { request: Request; acting: Acting; meetingId: string }) {
	const refuse = (error: string, status: number) => data<MeetingActionData>({ intent: 'upload', error }, { status })
	const declaredBytes = Number(request.headers.get('Content-Length') ?? 0)
	if (declaredBytes > MAX_ATTACHMENT_BYTES + MULTIPART_OVERHEAD_BYTES) return refuse('meetings:attachments.errors.too-large', 413)
	let formData: FormData
	try {
		formData = await readUpload(request)
	} catch (error) {
		if (error instanceof MaxPartSizeExceededError) return refuse('meetings:attachments.errors.too-large', 413)
		// Not multipart after all, malformed, or cut off: the browser's request, not our bug.
		return refuse('meetings:attachments.errors.unreadable', 400)
	}
	const file = formData.get('file')
	if (!(file instanceof File) || file.size === 0) return refuse('meetings:attachments.errors.missing', 400)
	const result = await addAttachment({ ...acting, meetingId, bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name })
	if (result.kind === 'not-found') notFound()
	if (result.kind === 'refused') return refuse(`meetings:attachments.errors.${result.error}`, UPLOAD_ERROR_STATUS[result.error])
	return data<MeetingActionData>({ intent: 'upload', notice: { key: 'attachment-added', name: result.fileName } })
}

/** The multipart body, holding at most one file (`file`, up to the limit) in memory; other parts are read and dropped. */
function readUpload(request: Request): Promise<FormData> {
	let fileTaken = false
	const discard: UploadHandler = async ({ data: chunks }) => {
		for await (const _chunk of chunks) {
			// Dropped.
		}
		return undefined
	}
	return unstable_parseMultipartFormData(
		request,
		unstable_composeUploadHandlers(
			unstable_createMemoryUploadHandler({
				maxPartSize: MAX_ATTACHMENT_BYTES,
				filter: ({ name, filename }) => {
					if (name !== 'file' || typeof filename !== 'string' || fileTaken) return false
					fileTaken = true
					return true
				},
			}),
			discard,
		),
	)
}

/** After a save elsewhere (the editor), the page with a notice. */
export function meetingSavedRedirect(lang: Lang, meetingId: string, notice: 'created' | 'saved' | 'cancelled') {
	return redirect(`${meetingPaths.meeting(lang, meetingId)}?${new URLSearchParams({ notice })}`)
}
