/**
 * The newsroom editor's server side, shared by the "new post" and "edit post"
 * pages: the one check that a member may edit a post, the editor's data,
 * permission per workflow step, validation, the preview (the article as
 * readers will see it), the review conversation, confirmations before a
 * post leaves the public, and the answers to a conflict (field by field,
 * see conflict.server.ts) or a taken slug that keep every character the
 * editor typed.
 */
import type { SubmissionResult } from '@conform-to/react'
import { isSaneDate } from '#app/forms/fields.ts'
import { parseForm } from '#app/forms/submission.ts'
import { data, redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '#app/auth/auth.server.ts'
import { can, type Actor } from '#app/auth/permissions.ts'
import type { SessionUser } from '#app/auth/session.server.ts'
import { askToConfirm, isConfirmed, type PendingConfirmation } from '#app/ui/confirm.tsx'
import { listWorkingGroups } from '#app/groups/public.server.ts'
import { notFound } from '#app/http/errors.ts'
import { getSiteOrigin } from '#app/http/site.server.ts'
import { LANGS, otherLang, type Lang } from '#app/i18n/config.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { dateToWallTime, wallTimeToDate } from '#app/i18n/time-zone.ts'
import { listMedia } from '#app/media/public.server.ts'
import { describePostConflict, readConflictChoices, resolvePostConflict, type ConflictFieldView } from './conflict.server.ts'
import { fieldLabel } from './field-labels.ts'
import { articlePath, newsroomPaths } from './links.ts'
import { getEditablePost, listTagOptions, type EditablePost } from './newsroom.queries.server.ts'
import { notifyOverwritten, notifyPublished, notifyReviewRequested } from './notifications.server.ts'
import { savePost, type PostInput } from './post-save.queries.server.ts'
import { renderPreview, type PreviewArticle } from './preview.server.ts'
import { addPostReviewEntry, listRevisionAuthorsSince } from './review.queries.server.ts'
import { handleReviewAction, isReviewIntent, loadConversation } from './review.server.ts'
import { newsPostSchema, versionFields, type NewsPostForm } from './schema.ts'
import { resolveVersionSlug } from './slugs.server.ts'
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
async function loadEditorOptions(lang: Lang, actor: Actor) {
	const [groups, tags, { rows: media }] = await Promise.all([
		listWorkingGroups({ lang, actor }),
		listTagOptions(lang),
		listMedia({ limit: COVER_CHOICES }),
	])
	return {
		groups: groups.map((group) => ({ value: group.slug, label: group.name })),
		tags,
		media: media.map((item) => ({ value: item.id, label: `${item.originalName || item.url} (${item.width}×${item.height})` })),
	}
}

type EditorOptions = Awaited<ReturnType<typeof loadEditorOptions>>

/** The original: the version that records no translation while the other does; else the only one, else English. */
export function originalLang(post: EditablePost | null, fallback: Lang): Lang {
	const versions = post?.versions
	if (!versions) return fallback
	for (const lang of LANGS) {
		const own = versions[lang]
		const other = versions[otherLang(lang)]
		if (own && (!other || (own.translatedFromRevision === null && other.translatedFromRevision !== null))) return lang
	}
	return versions.en ? 'en' : fallback
}

/** The editor form's starting values for a post (or an empty new one). */
function editorDefaults(post: EditablePost | null, timeZone: string, lang: Lang) {
	return {
		original: originalLang(post, lang),
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
	const [t, options] = await Promise.all([getFixedT(lang, 'newsroom'), loadEditorOptions(lang, user)])
	return {
		lang,
		meta: await pageMeta(lang, { page: t('new.title'), description: t('new.description') }),
		defaultValue: editorDefaults(null, user.timeZone, lang),
		options,
		canPublish: can(user, 'news:publish'),
		timeZone: user.timeZone,
	}
}

export async function loadEditPostPage(args: Args) {
	const lang = requireLang(args.params)
	const { user, post } = await requireEditablePost(args, args.params.postId ?? '')
	const [t, options] = await Promise.all([getFixedT(lang, 'newsroom'), loadEditorOptions(lang, user)])
	const conversation = await loadConversation({ post, user, lang, t })
	const title = postTitle(post, lang)
	const publicVersion = post.versions[lang] ?? post.versions.en ?? post.versions.zh
	return {
		lang,
		meta: await pageMeta(lang, { page: t('edit.title', { title }), description: t('edit.description') }),
		id: post.id,
		title,
		defaultValue: editorDefaults(post, user.timeZone, lang),
		post: {
			status: post.status,
			live: post.live,
			reviewRequested: post.reviewRequestedAt !== null,
			changesRequested: conversation.changesRequested,
			isAuthor: post.authorId === user.id,
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
		conversation: conversation.entries,
		canRequestChanges: can(user, 'news:publish') && post.status === 'draft',
		options,
		canPublish: can(user, 'news:publish'),
		timeZone: user.timeZone,
	}
}


/** Everything the editor's action answers with; unused parts are null. */
export interface EditorActionData {
	result: SubmissionResult<string[]>
	preview: Record<Lang, PreviewArticle | null> | null
	conflict: EditorConflict | null
	/** A question asked without JavaScript (archive, unpublish): the page shows it with the form's fields. */
	confirm: PendingConfirmation | null
	/** The review conversation form's errors (translation keys). */
	review: { errors: string[] } | null
}

export interface EditorConflict {
	/** The version saved since, which a resolution overwrites. */
	version: number
	savedBy: string | null
	savedAt: string
	fields: (Omit<ConflictFieldView, 'values'> & { label: string; values: { mine: string; theirs: string } })[]
}

function reply(
	parts: Partial<EditorActionData> & Pick<EditorActionData, 'result'>,
	init?: { status: number },
) {
	return data<EditorActionData>({ preview: null, conflict: null, confirm: null, review: null, ...parts }, init)
}

/** Questions asked before a step takes a post away from readers. */
const CONFIRMED_STEPS: Partial<Record<WorkflowStep, string>> = {
	archive: 'newsroom:confirm.archive',
	unpublish: 'newsroom:confirm.unpublish',
}

/** The editor's submit, for a new post (`postId` null) or an existing one; and the review conversation's forms. */
export async function handleEditorAction(args: Args, postId: string | null) {
	const { request, context } = args
	const lang = requireLang(args.params)
	const editable = postId === null ? null : await requireEditablePost(args, postId)
	const user = editable?.user ?? (await requirePermission(args, 'news:write')).user
	const formData = await request.formData()

	if (editable && isReviewIntent(formData.get('intent'))) {
		const answer = await handleReviewAction({ args, formData, user, post: editable.post })
		if (answer instanceof Response) return answer
		const empty = parseForm(new FormData(), { schema: newsPostSchema })
		return reply({ result: empty.reply(), review: answer }, { status: 400 })
	}

	const submission = parseForm(formData, { schema: newsPostSchema })
	if (submission.status !== 'success') return reply({ result: submission.reply() }, { status: 400 })
	const form = submission.value
	const options = await loadEditorOptions(lang, user)

	if (form.intent === 'preview') {
		return reply({ result: submission.reply(), preview: await renderPreview({ form, lang, groups: options.groups, tags: options.tags }) })
	}

	const step: WorkflowStep = form.intent
	if (PUBLISHING_STEPS.has(step)) await requirePermission(args, 'news:publish')
	const question = CONFIRMED_STEPS[step]
	if (question && editable && !isConfirmed(formData)) {
		return reply({ result: submission.reply(), confirm: askToConfirm(formData, question).confirm })
	}

	let publishAt: Date | null = null
	if (step === 'schedule') {
		publishAt = form.publishAt ? wallTimeToDate(form.publishAt, user.timeZone) : null
		if (!publishAt || !isSaneDate(publishAt)) {
			return reply({ result: submission.reply({ fieldErrors: { publishAt: ['newsroom:errors.publish-at-invalid'] } }) }, { status: 400 })
		}
	}

	let input = toPostInput(form)
	let expectedVersion = form.version ?? null
	let overwritten: string[] = []
	if (postId !== null && form.overwrite && form.version && form.overwrite !== form.version) {
		// A second submit after a conflict: the member chose, field by field.
		const resolved = await resolvePostConflict({
			postId,
			baseVersion: form.version,
			theirVersion: form.overwrite,
			mine: input,
			choices: readConflictChoices(formData),
		})
		if (resolved) {
			input = resolved.input
			overwritten = resolved.overwritten
			expectedVersion = form.overwrite
		}
	}

	const result = await savePost({
		postId,
		expectedVersion,
		actor: user,
		input,
		step,
		publishAt,
		now: context.now,
		audit: { ip: context.clientIp, overwrittenFields: overwritten },
	})
	switch (result.kind) {
		case 'saved':
			await afterSave({ request, user, postId: result.id, step, publishAt, before: editable?.post ?? null, baseVersion: form.version ?? null, overwritten })
			return redirect(`${newsroomPaths.post(lang, result.id, step)}${postId === null ? '&created=1' : ''}`)
		case 'not-found':
			notFound()
		case 'invalid':
			return reply({ result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 })
		case 'conflict': {
			// Nothing was written, and the form comes back exactly as typed, with their changes beside it.
			const t = await getFixedT(lang, 'newsroom')
			const view = form.version ? await describePostConflict({ postId: postId!, baseVersion: form.version, mine: input }) : null
			return reply(
				{
					result: submission.reply({ formErrors: ['newsroom:errors.conflict'] }),
					conflict: {
						version: view?.theirVersion ?? result.current.version,
						savedBy: result.current.savedBy,
						savedAt: formatDateTime(lang, result.current.savedAt, { timeZone: user.timeZone }),
						fields: (view?.fields ?? []).map((field) => ({
							...field,
							label: fieldLabel(t, field.field),
							values: { mine: displayValue(field.field, field.values.mine, options), theirs: displayValue(field.field, field.values.theirs, options) },
						})),
					},
				},
				{ status: 409 },
			)
		}
	}
}

/** A stored value as the conflict view names it: a group's or an image's name, not its key. */
function displayValue(field: string, value: string, options: EditorOptions): string {
	if (field === 'workingGroup') return options.groups.find((g) => g.value === value)?.label ?? value
	if (field === 'cover') return options.media.find((m) => m.value === value)?.label ?? value
	if (field === 'tags') return value.split(', ').filter(Boolean).map((slug) => options.tags.find((tag) => tag.slug === slug)?.label ?? slug).join(', ')
	return value
}

/** Who hears of a save, once it is committed. */
async function afterSave({
	request,
	user,
	postId,
	step,
	publishAt,
	before,
	baseVersion,
	overwritten,
}: {
	request: Request
	user: SessionUser
	postId: string
	step: WorkflowStep
	publishAt: Date | null
	before: EditablePost | null
	baseVersion: number | null
	overwritten: string[]
}) {
	const origin = getSiteOrigin()
	if (step === 'submit') await notifyReviewRequested({ origin, postId, author: user })
	if ((step === 'publish' || step === 'schedule') && before && before.authorId && before.authorId !== user.id) {
		// An editor's decision on someone else's post is part of its conversation.
		await addPostReviewEntry({ postId, authorId: user.id, kind: 'approved', body: '', now: new Date() })
		const saved = await getEditablePost(postId)
		const paths = Object.fromEntries(LANGS.flatMap((l) => (saved?.versions[l] ? [[l, articlePath(l, saved.versions[l]!.slug)]] : [])))
		await notifyPublished({
			origin,
			postId,
			editor: user,
			scheduledFor: step === 'schedule' && publishAt ? (to: Lang) => formatDateTime(to, publishAt) : null,
			publicPaths: paths,
		})
	}
	if (overwritten.length > 0 && baseVersion !== null) {
		const recipients = await listRevisionAuthorsSince({ postId, sinceVersion: baseVersion, exceptUserId: user.id })
		await notifyOverwritten({
			origin,
			postId,
			editor: user,
			recipients,
			fields: async (to) => {
				const t = await getFixedT(to, 'newsroom')
				return overwritten.map((field) => fieldLabel(t, field)).join(t('list-separator'))
			},
		})
	}
}

function toPostInput(form: NewsPostForm): PostInput {
	const versions = {} as PostInput['versions']
	for (const lang of LANGS) versions[lang] = { ...form[lang], slug: resolveVersionSlug(form, lang) }
	return {
		workingGroupSlug: form.workingGroup || null,
		coverMediaId: form.coverMediaId || null,
		tags: form.tags,
		versions,
		original: form.original ?? null,
	}
}
