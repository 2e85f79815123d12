/**
 * Downloading a meeting's attachment: only for those who may read the
 * meeting (a private group's files are a 404 for everyone else, like an
 * unknown id), with `Content-Disposition: attachment` so a document is
 * saved rather than opened in the portal's origin, except images, which
 * browsers show inline. Never shared caches: the file's readers are the
 * meeting's. The type is the one read from the bytes at upload (never
 * HTML or SVG), and nosniff (server.ts) keeps browsers from guessing.
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { getUser } from '#app/auth/auth.server.ts'
import { notFound } from '#app/http/errors.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { getStorage } from '#app/media/public.server.ts'
import { contentDisposition } from './attachments.server.ts'
import { getAttachment } from './attachments.queries.server.ts'
import { getMeetingForActor } from './meetings.queries.server.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

export async function attachmentResponse({ request, params, context }: Args): Promise<Response> {
	requireLang(params)
	const user = await getUser({ request, context })
	const found = await getMeetingForActor({ meetingId: params.meetingId ?? '', actor: user })
	if (!found) notFound()
	const attachment = await getAttachment({ meetingId: found.meeting.id, attachmentId: params.attachmentId ?? '' })
	if (!attachment) notFound()
	const headers = new Headers({
		'Content-Type': attachment.contentType,
		'Content-Disposition': contentDisposition({ fileName: attachment.fileName, inline: attachment.contentType.startsWith('image/') }),
		'Cache-Control': 'private, no-store',
	})
	if (request.method === 'HEAD') {
		headers.set('Content-Length', String(attachment.byteSize))
		return new Response(null, { headers })
	}
	const object = await getStorage().get(attachment.storageKey)
	if (!object) {
		console.error(`[zevlab] meeting attachment ${attachment.id} has a row but no stored bytes (${attachment.storageKey})`)
		notFound()
	}
	headers.set('Content-Length', String(object.size ?? attachment.byteSize))
	return new Response(object.body as BodyInit, { headers })
}
