/**
 * The newsroom's images page, server side: the uploads list (keyset pages)
 * and one upload per request. The server decides what an upload is from its
 * bytes (./media.queries.server.ts); strangers are refused before a byte of
 * their body is read, and the server lets no more than the upload limit
 * through (app/http/request-body.server.ts).
 */
import { parseForm } from '#app/forms/submission.ts'
import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { recordAudit } from '#app/audit/audit.queries.server.ts'
import { requirePermission } from '#app/auth/auth.server.ts'
import { isBodyTooLarge, MULTIPART_OVERHEAD_BYTES } from '#app/http/request-body.server.ts'
import { formatBytes, formatDateTime, formatNumber } from '#app/i18n/format.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { localizePath, requireLang } from '#app/i18n/lang.ts'
import { MAX_IMAGE_SIDE_PX, MAX_UPLOAD_BYTES, MEDIA_PAGE_PATH, type MediaError } from './limits.ts'
import { listMedia, storeImage } from './media.queries.server.ts'
import { uploadSchema } from './upload-schema.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

const PAGE_SIZE = 24
const ERROR_STATUS: Partial<Record<MediaError, number>> = {
	'media:errors.too-large': 413,
	'media:errors.unsupported-type': 415,
}

export async function loadMediaPage(args: Args) {
	const { request } = args
	const lang = requireLang(args.params)
	const { user } = await requirePermission(args, 'media:upload')
	const before = new URL(request.url).searchParams.get('before')
	// A cursor is an id; anything else shows the newest page.
	const cursor = before && /^\d{1,18}$/.test(before) ? before : null
	const [t, page] = await Promise.all([getFixedT(lang, 'media'), listMedia({ limit: PAGE_SIZE, before: cursor })])
	return {
		lang,
		meta: await pageMeta(lang, { page: t('page.title'), description: t('page.description') }),
		limits: { max: formatBytes(lang, MAX_UPLOAD_BYTES), side: formatNumber(lang, MAX_IMAGE_SIDE_PX) },
		images: page.rows.map((image) => ({
			id: image.id,
			url: image.url,
			width: image.width,
			height: image.height,
			widthText: formatNumber(lang, image.width),
			heightText: formatNumber(lang, image.height),
			size: formatBytes(lang, image.byteSize),
			name: image.originalName,
			uploader: image.uploaderName,
			uploadedAt: formatDateTime(lang, image.createdAt, { timeZone: user.timeZone }),
			markdown: markdownSnippet(t('list.altPlaceholder'), image.url),
		})),
		olderHref: page.nextBefore ? `?${new URLSearchParams({ before: page.nextBefore })}` : null,
		newestHref: cursor ? localizePath(lang, MEDIA_PAGE_PATH) : null,
	}
}

function markdownSnippet(alt: string, url: string) {
	return `![${alt}](${url})`
}

export async function handleUpload(args: Args) {
	const { request } = args
	const lang = requireLang(args.params)
	// Before reading a byte of the body: strangers cannot make us buffer uploads.
	const { user } = await requirePermission(args, 'media:upload')

	const declaredBytes = Number(request.headers.get('Content-Length') ?? 0)
	if (declaredBytes > MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES) return refusal({ file: 'media:errors.too-large' })
	let formData: FormData
	try {
		formData = await readUpload(request)
	} catch (error) {
		if (isBodyTooLarge(error)) return refusal({ file: 'media:errors.too-large' })
		// Not multipart, malformed, or cut off: the browser's request, not our bug.
		return refusal({ form: 'media:errors.unreadable' })
	}

	const submission = parseForm(formData, { schema: uploadSchema })
	if (submission.status !== 'success') {
		const tooLarge = submission.error?.file?.includes('media:errors.too-large')
		return data({ result: submission.reply(), uploaded: null }, { status: tooLarge ? 413 : 400 })
	}
	const { file } = submission.value
	const stored = await storeImage({ bytes: new Uint8Array(await file.arrayBuffer()), originalName: file.name, uploadedBy: user.id })
	if (!stored.ok) {
		return data(
			{ result: submission.reply({ fieldErrors: { file: [stored.error] } }), uploaded: null },
			{ status: ERROR_STATUS[stored.error] ?? 400 },
		)
	}
	await recordAudit({
		event: 'media_uploaded',
		actorId: user.id,
		ip: args.context.clientIp,
		details: { mediaId: stored.image.id, name: file.name.slice(0, 200), url: stored.image.url },
	})
	const t = await getFixedT(lang, 'media')
	return data({
		result: submission.reply({ resetForm: true }),
		uploaded: { name: file.name, url: stored.image.url, markdown: markdownSnippet(t('list.altPlaceholder'), stored.image.url) },
	})
}

/**
 * The multipart body, read by the platform's own parser (undici), which
 * reads quoted parameters properly: a file named `a;b=c.png` is a file
 * name, where Remix's parser split it and refused the upload. The server
 * lets no more than this route's limit through (app/http/request-body.server.ts:
 * UPLOAD_ROUTES), so the body held here is bounded.
 */
function readUpload(request: Request): Promise<FormData> {
	if (!/^multipart\/form-data\s*;/i.test(request.headers.get('Content-Type') ?? '')) {
		return Promise.reject(new TypeError('not a multipart body'))
	}
	return request.formData()
}

/** An answer without a parsed submission: the body was refused before it could be read. */
function refusal(error: { file: MediaError } | { form: 'media:errors.unreadable' }) {
	// The upload's own schema, so that the reply may name its `file` field.
	const empty = parseForm(new FormData(), { schema: uploadSchema })
	const result = 'file' in error ? empty.reply({ fieldErrors: { file: [error.file] } }) : empty.reply({ formErrors: [error.form] })
	return data({ result, uploaded: null }, { status: 'file' in error ? (ERROR_STATUS[error.file] ?? 400) : 400 })
}
