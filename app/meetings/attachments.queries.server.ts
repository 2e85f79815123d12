/**
 * Meeting attachments' rows: the bytes live in the storage module under a
 * content-addressed key (`<sha256>.<ext>`), never in the public media table,
 * so `/media/<key>` cannot serve them; the row says which meeting a file
 * belongs to, and so who may download it.
 */
import { sql } from '#db/client.server.ts'
import type { Queryable } from '#db/sql.server.ts'

export interface AttachmentRow {
	id: string
	meetingId: string
	storageKey: string
	contentType: string
	byteSize: number
	fileName: string
	uploaderName: string | null
	createdAt: Date
}

export async function insertAttachment(
	{
		meetingId,
		storageKey,
		contentType,
		byteSize,
		fileName,
		uploadedBy,
		now,
	}: { meetingId: string; storageKey: string; contentType: string; byteSize: number; fileName: string; uploadedBy: string | null; now: Date },
	db: Queryable = sql,
): Promise<string> {
	const [row] = await db<{ id: string }[]>`
		insert into meeting_attachments (meeting_id, storage_key, content_type, byte_size, file_name, uploaded_by, created_at)
		values (${meetingId}, ${storageKey}, ${contentType}, ${byteSize}, ${fileName}, ${uploadedBy}, ${now})
		returning id::text as id
	`
	return row!.id
}

/** Oldest first, as they were added. */
export async function listAttachments(meetingId: string, db: Queryable = sql): Promise<AttachmentRow[]> {
	return db<AttachmentRow[]>`
		select a.id::text as id, a.meeting_id::text as meeting_id, a.storage_key, a.content_type, a.byte_size, a.file_name,
			u.name as uploader_name, a.created_at
		from meeting_attachments a left join users u on u.id = a.uploaded_by
		where a.meeting_id = ${meetingId}
		order by a.id
	`
}

/** One attachment of the meeting; null for an id of another meeting or none. */
export async function getAttachment({ meetingId, attachmentId }: { meetingId: string; attachmentId: string }): Promise<AttachmentRow | null> {
	if (!/^\d{1,18}$/.test(attachmentId)) return null
	const [row] = await sql<AttachmentRow[]>`
		select a.id::text as id, a.meeting_id::text as meeting_id, a.storage_key, a.content_type, a.byte_size, a.file_name,
			u.name as uploader_name, a.created_at
		from meeting_attachments a left join users u on u.id = a.uploaded_by
		where a.meeting_id = ${meetingId} and a.id = ${attachmentId}
	`
	return row ?? null
}

/** The removed row's file name, or null when the meeting has no such attachment. */
export async function deleteAttachment({ meetingId, attachmentId }: { meetingId: string; attachmentId: string }, db: Queryable = sql) {
	if (!/^\d{1,18}$/.test(attachmentId)) return null
	const [row] = await db<{ fileName: string }[]>`
		delete from meeting_attachments where meeting_id = ${meetingId} and id = ${attachmentId} returning file_name
	`
	return row?.fileName ?? null
}
