/**
 * The newsroom editor's server side, shared by the "new post" and "edit post"
 * pages: the one check that a member may edit a post, the editor's data,
 * permission per workflow step, validation, the Markdown preview, review
 * requests, and the answers to a conflict or a taken slug that keep every
 * character the editor typed.
 */
import { isSaneDate } from '#app/forms/fields.ts'
import { parseForm } from '#app/forms/submission.ts'
import { data, redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '#app/auth/auth.server.ts'
import { can } from '#app/auth/permissions.ts'
import { sendEmail } from '#app/email/outbox.server.ts'
import { reviewRequestEmail } from '#app/email/templates.server.ts'
import { listActiveUsersWithRoles } from '#app/accounts/public.server.ts'
import { listWorkingGroups } from '#app/groups/public.server.ts'
import { notFound } from '#app/http/errors.ts'
import { getSiteOrigin } from '#app/http/site.server.ts'
import { LANGS, type Lang } from '#app/i18n/config.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { dateToWallTime, wallTimeToDate } from '#app/i18n/time-zone.ts'
import { listMedia } from '#app/media/public.server.ts'
import { articlePath, newsroomPaths } from './links.ts'
import { getEditablePost, listTagOptions, type EditablePost } from './newsroom.queries.server.ts'
import { savePost, type PostInput } from './post-save.queries.server.ts'
import { renderPreview } from './preview.server.ts'
import { newsPostSchema, resolveSlug, versionFields, type NewsPostForm } from './schema.ts'
import { PUBLISHING_STEPS, type WorkflowStep } from './workflow.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

/** The member, and the post they may edit (404 for a post that does not exist or is not theirs to edit). */
export async function requireEditablePost(args: Args, postId: string) {
	const { user } = await requirePermission(args, 'news:write')
	const post = await getEditablePost(postId, { now: args.context.now })
	if (!post) notFound()
	await requirePermission(args, 'news:edit', { authorId: post.authorId, status: post.status })
	return { user, post }
}

/** Newest uploads offered as covers; older ones stay reachable from the media page. */
const COVER_CHOICES = 100

/** What the editor's selects and checkboxes offer. */
async function loadEditorOptions(lang: Lang) {
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

/** The editor form's starting values for a post (or an empty new one). */
function editorDefaults(post: EditablePost | null, timeZone: string) {
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

/** The title a post goes by on the reader's page: their language's, else the other's. */
export function postTitle(post: EditablePost, lang: Lang): string {
	return post.versions[lang]?.title ?? post.versions.en?.title ?? post.versions.zh?.title ?? ''
}

export async function loadNewPostPage(args: Args) {
	const lang = requireLang(args.params)
	const { user } = await requirePermission(args, 'news:write')
	const [t, options] = await Promise.all([getFixedT(lang, 'newsroom'), loadEditorOptions(lang)])
	return {
		lang,
		meta: await pageMeta(lang, { page: t('new.title'), description: t('new.description') }),
		defaultValue: editorDefaults(null, user.timeZone),
		options,
		canPublish: can(user, 'news:publish'),
		timeZone: user.timeZone,
	}
}

export async function loadEditPostPage(args: Args) {
	const lang = requireLang(args.params)
	const { user, post } = await requireEditablePost(args, args.params.postId ?? '')
	const [t, options] = await Promise.all([getFixedT(lang, 'newsroom'), loadEditorOptions(lang)])
	const title = postTitle(post, lang)
	const publicVersion = post.versions[lang] ?? post.versions.en ?? post.versions.zh
	return {
		lang,
		meta: await pageMeta(lang, { page: t('edit.title', { title }), description: t('edit.description') }),
		id: post.id,
		title,
		defaultValue: editorDefaults(post, user.timeZone),
		post: {
			status: post.status,
			live: post.live,
			reviewRequested: post.reviewRequestedAt !== null,
			publishedAt: post.publishedAt ? formatDateTime(lang, post.publishedAt, { timeZone: user.timeZone }) : null,
			authorName: post.authorName,
			versions: Object.fromEntries(
				LANGS.flatMap((l) => {
					const v = post.versions[l]
					return v ? [[l, { revision: v.revision, translatedFromRevision: v.translatedFromRevision, outdated: v.outdated }]] : []
				}),
			),
		},
		publicPath: post.live && publicVersion ? articlePath(lang, publicVersion.slug) : null,
		historyPath: newsroomPaths.history(lang, post.id),
		options,
		canPublish: can(user, 'news:publish'),
		timeZone: user.timeZone,
	}
}

/** The editor's submit, for a new post (`postId` null) or an existing one. */
export async function handleEditorAction(args: Args, postId: string | null) {
	const { request, context } = args
	const lang = requireLang(args.params)
	const { user } = postId === null ? await requirePermission(args, 'news:write') : await requireEditablePost(args, postId)

	const submission = parseForm(await request.formData(), { schema: newsPostSchema })
	if (submission.status !== 'success') {
		return data({ result: submission.reply(), preview: null, conflict: null }, { status: 400 })
	}
	const form = submission.value

	if (form.intent === 'preview') {
		return data({ result: submission.reply(), preview: await renderPreview(form), conflict: null })
	}

	const step: WorkflowStep = form.intent
	if (PUBLISHING_STEPS.has(step)) await requirePermission(args, 'news:publish')

	let publishAt: Date | null = null
	if (step === 'schedule') {
		publishAt = form.publishAt ? wallTimeToDate(form.publishAt, user.timeZone) : null
		if (!publishAt || !isSaneDate(publishAt)) {
			return data(
				{ result: submission.reply({ fieldErrors: { publishAt: ['newsroom:errors.publish-at-invalid'] } }), preview: null, conflict: null },
				{ status: 400 },
			)
		}
	}

	const result = await savePost({
		postId,
		expectedVersion: form.overwrite ?? form.version ?? null,
		actor: user,
		input: toPostInput(form),
		step,
		publishAt,
		now: context.now,
	})
	switch (result.kind) {
		case 'saved':
			if (step === 'submit') await notifyEditors({ request, postId: result.id, author: user.name, form })
			return redirect(newsroomPaths.post(lang, result.id, step))
		case 'not-found':
			notFound()
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

/** Every active editor hears of a review request, in their own language. */
async function notifyEditors({ request, postId, author, form }: { request: Request; postId: string; author: string; form: NewsPostForm }) {
	const origin = getSiteOrigin()
	const editors = await listActiveUsersWithRoles(['editor'])
	for (const editor of editors) {
		const title = form[editor.lang].title || form.en.title || form.zh.title
		await sendEmail({
			kind: 'review_request',
			...(await reviewRequestEmail({ to: editor.email, name: editor.name, lang: editor.lang, origin, postId, title, authorName: author })),
		})
	}
}
