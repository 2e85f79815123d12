/**
 * The newsroom editor's server side, shared by the "new post" and "edit
 * post" routes: permission per workflow step, validation, the Markdown
 * preview, and the answers to a conflict or a taken slug that keep every
 * character the editor typed.
 */
import { parseWithZod } from '@conform-to/zod'
import { data, redirect } from '@remix-run/node'
import { requirePermission } from '#app/auth/auth.server.ts'
import { LANGS, type Lang } from '#app/i18n/config.ts'
import { localizePath } from '#app/i18n/lang.ts'
import { getImageSizesForMarkdown } from '#app/media/images.server.ts'
import { newsPostSchema, resolveSlug, type NewsPostForm } from '#app/news/schema.ts'
import { listMedia } from '#app/media/media.queries.server.ts'
import { getEditablePost, listTagOptions, savePost, versionFields, type EditablePost, type PostInput, type WorkflowStep } from '#app/news/newsroom.queries.server.ts'
import { listWorkingGroups } from '#app/groups/groups.queries.server.ts'
import { sendEmail } from '#app/email/outbox.queries.server.ts'
import { reviewRequestEmail } from '#app/email/templates.server.ts'
import { listActiveUsersWithRoles } from '#app/accounts/users.queries.server.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import { getSiteOrigin } from '#app/http/site.server.ts'
import { renderMarkdown } from '#app/content/markdown.server.ts'
import { dateToWallTime, wallTimeToDate } from '#app/i18n/time-zone.ts'

/** Steps that change what the public sees: editors and admins only. */
const PUBLISHING_STEPS = new Set<WorkflowStep>(['publish', 'schedule', 'unpublish', 'archive'])

export async function handleEditorAction({
	request,
	lang,
	postId,
	clientIp,
	now,
}: {
	request: Request
	lang: Lang
	/** null: a new post. */
	postId: string | null
	clientIp: string
	now: Date
}) {
	const auth = { request, context: { clientIp } }
	const { user } = await requirePermission(auth, 'news:write')
	let post: EditablePost | null = null
	if (postId !== null) {
		post = await getEditablePost(postId)
		if (!post) throw new Response('Not Found', { status: 404 })
		await requirePermission(auth, 'news:edit', { authorId: post.authorId, status: post.status })
	}

	const formData = await request.formData()
	const submission = parseWithZod(formData, { schema: newsPostSchema })
	if (submission.status !== 'success') {
		return data({ result: submission.reply(), preview: null, conflict: null }, { status: 400 })
	}
	const form = submission.value

	if (form.intent === 'preview') {
		return data({ result: submission.reply(), preview: await renderPreview(form), conflict: null })
	}

	const step: WorkflowStep = form.intent
	if (PUBLISHING_STEPS.has(step)) await requirePermission(auth, 'news:publish')

	let publishAt: Date | null = null
	if (step === 'schedule') {
		publishAt = form.publishAt ? wallTimeToDate(form.publishAt, user.timeZone) : null
		if (!publishAt) {
			return data(
				{ result: submission.reply({ fieldErrors: { publishAt: ['newsroom:errors.publish-at-invalid'] } }), preview: null, conflict: null },
				{ status: 400 },
			)
		}
	}

	const result = await savePost({
		postId,
		expectedVersion: form.overwrite ?? form.version ?? null,
		actor: { id: user.id, role: user.role },
		input: toPostInput(form),
		step,
		publishAt,
		now,
	})
	switch (result.kind) {
		case 'saved':
			if (step === 'submit') await notifyEditors({ request, postId: result.id, author: user.name, form })
			return redirect(`${localizePath(lang, `/newsroom/${result.id}`)}?saved=${step}`)
		case 'not-found':
			throw new Response('Not Found', { status: 404 })
		case 'invalid':
			return data({ result: submission.reply({ fieldErrors: result.fieldErrors }), preview: null, conflict: null }, { status: 400 })
		case 'conflict':
			// Nothing was written, and the form comes back exactly as typed.
			return data(
				{
					result: submission.reply({ formErrors: ['newsroom:errors.conflict'] }),
					preview: null,
					conflict: {
						version: result.current.version,
						savedBy: result.current.savedBy,
						savedAt: formatDateTime(lang, result.current.savedAt, { timeZone: user.timeZone }),
						changedFields: result.current.changedFields,
					},
				},
				{ status: 409 },
			)
	}
}

function toPostInput(form: NewsPostForm): PostInput {
	const versions = {} as PostInput['versions']
	for (const lang of LANGS) versions[lang] = { ...form[lang], slug: resolveSlug(form, lang) }
	return {
		workingGroupSlug: form.workingGroup || null,
		coverMediaId: form.coverMediaId || null,
		tags: form.tags,
		versions,
	}
}

async function renderPreview(form: NewsPostForm): Promise<Record<Lang, string>> {
	const imageSizes = await getImageSizesForMarkdown(LANGS.map((lang) => form[lang].body))
	return Object.fromEntries(LANGS.map((lang) => [lang, renderMarkdown(form[lang].body, { imageSizes })])) as Record<Lang, string>
}

/** The editor form's starting values for a post (or an empty new one). */
export function editorDefaults(post: EditablePost | null, timeZone: string) {
	return {
		version: post ? String(post.version) : undefined,
		workingGroup: post?.workingGroupSlug ?? '',
		coverMediaId: post?.coverMediaId ?? '',
		tags: post?.tags ?? [],
		publishAt: post?.status === 'scheduled' && post.publishedAt ? dateToWallTime(post.publishedAt, timeZone) : '',
		en: versionFields(post?.versions.en),
		zh: versionFields(post?.versions.zh),
	}
}

/** Newest uploads offered as covers; older ones stay reachable from the media page. */
const COVER_CHOICES = 100

/** What the editor's selects and checkboxes offer. */
export async function loadEditorOptions(lang: Lang) {
	const [groups, tags, { rows: media }] = await Promise.all([
		listWorkingGroups({ lang }),
		listTagOptions(lang),
		listMedia({ limit: COVER_CHOICES }),
	])
	return {
		groups: groups.map((group) => ({ value: group.slug, label: group.name })),
		tags,
		media: media.map((item) => ({ value: item.id, label: `${item.originalName || item.url} (${item.width}×${item.height})` })),
	}
}

/** The per-language translation state the editor shows above each column. */
export function versionStates(post: EditablePost) {
	return Object.fromEntries(
		LANGS.flatMap((lang) => {
			const v = post.versions[lang]
			return v ? [[lang, { revision: v.revision, translatedFromRevision: v.translatedFromRevision, outdated: v.outdated }]] : []
		}),
	)
}

/** Every active editor hears of a review request, in their own language. */
async function notifyEditors({ request, postId, author, form }: { request: Request; postId: string; author: string; form: NewsPostForm }) {
	const origin = getSiteOrigin(request)
	const editors = await listActiveUsersWithRoles(['editor'])
	for (const editor of editors) {
		const title = form[editor.lang].title || form.en.title || form.zh.title
		await sendEmail({
			kind: 'review_request',
			...(await reviewRequestEmail({ to: editor.email, name: editor.name, lang: editor.lang, origin, postId, title, authorName: author })),
		})
	}
}
