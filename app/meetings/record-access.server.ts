/**
 * The one lookup every record page starts from: the meeting as the asker may
 * see it (a private group's meeting is a 404 for anyone else), its record if
 * there is one, and the `ReviewedTarget` the permission module decides on.
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { getSession } from '#app/auth/auth.server.ts'
import type { Actor, ReviewedTarget } from '#app/auth/permissions.ts'
import { notFound } from '#app/http/errors.ts'
import { getSiteOrigin } from '#app/http/site.server.ts'
import { getMeetingForActor } from './meetings.queries.server.ts'
import type { RecordScope } from './record-operations.server.ts'
import type { RecordStatus } from './record-workflow.ts'
import { getRecordByMeeting, isNamedReviewer } from './records.queries.server.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

export async function loadRecordContext(args: Args) {
	const meetingId = args.params.meetingId ?? ''
	const current = await getSession(args)
	const user = current?.user ?? null
	const actor: Actor = user ? { id: user.id, role: user.role } : null
	const found = await getMeetingForActor({ meetingId, actor })
	if (!found) notFound()
	const { meeting, group } = found
	const record = await getRecordByMeeting({ meetingId: meeting.id })
	const groupNames = group.names
	const isReviewer = record && actor ? await isNamedReviewer({ recordId: record.id, userId: actor.id }) : false
	// A record not started yet is work in progress, like a draft.
	const target: ReviewedTarget<RecordStatus> = { group: group.target, status: record?.status ?? 'draft', isReviewer }
	const scope: RecordScope = {
		meetingId: meeting.id,
		groupId: group.id,
		group: group.target,
		meetingTitles: meeting.titles,
		groupNames,
		origin: getSiteOrigin(),
	}
	return { user, actor, meeting, group, groupNames, record, target, scope }
}

export type RecordContext = Awaited<ReturnType<typeof loadRecordContext>>
