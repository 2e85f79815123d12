/**
 * For the meeting page (and anything that lists meetings): whether the
 * meeting has minutes the reader may open, and where. The meeting page
 * shows a "Minutes" link from this; the integrator wires it in.
 */
import { can, type Actor, type GroupTarget } from '#app/auth/permissions.ts'
import type { Lang } from '#app/i18n/config.ts'
import { recordPaths } from './record-links.ts'
import type { RecordStatus } from './record-workflow.ts'
import { getRecordByMeeting, isNamedReviewer } from './records.queries.server.ts'

export interface RecordLink {
	href: string
	/** What the reader will see: the current status, or `published` for a reader of the published version only. */
	status: RecordStatus
	/** No minutes yet, and the reader may write them. */
	start: boolean
}

/** The reader's way to the meeting's minutes, or null when there is nothing for them there. */
export async function getRecordLink({
	meetingId,
	group,
	cancelled,
	actor,
	lang,
}: {
	meetingId: string
	group: GroupTarget
	cancelled: boolean
	actor: Actor
	lang: Lang
}): Promise<RecordLink | null> {
	const record = await getRecordByMeeting({ meetingId })
	const href = recordPaths.record(lang, meetingId)
	if (!record) {
		return !cancelled && can(actor, 'record:edit', { group, status: 'draft', isReviewer: false }) ? { href, status: 'draft', start: true } : null
	}
	const isReviewer = actor ? await isNamedReviewer({ recordId: record.id, userId: actor.id }) : false
	if (can(actor, 'record:read', { group, status: record.status, isReviewer })) return { href, status: record.status, start: false }
	if (record.publishedVersion && can(actor, 'record:read', { group, status: 'published', isReviewer })) return { href, status: 'published', start: false }
	return null
}
