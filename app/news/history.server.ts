/**
 * A post's history page: every revision (who, when, what it did and changed),
 * one revision read as it was saved, and restoring its text as a new
 * revision. Restoring is a save like any other: it refuses when someone saved
 * since the page was loaded.
 */
import { data, redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { boundedInt, idField } from '#app/forms/fields.ts'
import { badRequest, notFound } from '#app/http/errors.ts'
import { LANGS, type Lang } from '#app/i18n/config.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import type { RevisionListItem } from '#app/documents/revision-list.tsx'
import { postTitle, requireEditablePost } from './editor.server.ts'
import { fieldLabel } from './field-labels.ts'
import { articlePath, newsroomPaths } from './links.ts'
import { getRevision, listRevisions } from './newsroom.queries.server.ts'
import { revisionAsInput, savePost } from './post-save.queries.server.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

export async function loadHistoryPage(args: Args) {
	const lang = requireLang(args.params)
	const { user, post } = await requireEditablePost(args, args.params.postId ?? '')
	const revisionId = new URL(args.request.url).searchParams.get('revision')
	const [t, revisions, selected] = await Promise.all([
		getFixedT(lang, 'newsroom'),
		listRevisions(post.id),
		revisionId ? getRevision({ postId: post.id, revisionId }) : null,
	])
	if (revisionId && !selected) notFound()
	const title = postTitle(post, lang)
	const time = (date: Date) => formatDateTime(lang, date, { timeZone: user.timeZone })
	const items: RevisionListItem[] = revisions.map((r) => ({
		id: r.id,
		heading: `${t('history.version', { version: r.version })} · ${t(`history.action.${r.action as 'update'}`)}`,
		byline: `${time(r.createdAt)} · ${r.authorName ? t('history.by', { name: r.authorName }) : t('history.unknown-author')}`,
		changes:
			r.changedFields.length > 0
				? t('history.changed', { fields: r.changedFields.map((f) => fieldLabel(t, f)).join(t('list-separator')) })
				: null,
		href: newsroomPaths.history(lang, post.id, r.id),
		current: r.version === post.version,
	}))
	return {
		lang,
		meta: await pageMeta(lang, { page: t('history.title', { title }), description: t('history.description') }),
		id: post.id,
		title,
		version: post.version,
		editPath: newsroomPaths.post(lang, post.id),
		items,
		selected: selected
			? {
					id: selected.id,
					version: selected.version,
					createdAt: time(selected.createdAt),
					versions: Object.fromEntries(
						LANGS.map((l) => {
							const v = selected.snapshot.versions[l]
							return [l, v ? { title: v.title, path: articlePath(l, v.slug), summary: v.summary, bodyMarkdown: v.bodyMarkdown } : null]
						}),
					) as Record<Lang, { title: string; path: string; summary: string; bodyMarkdown: string } | null>,
				}
			: null,
	}
}

const restoreSchema = z.object({
	revisionId: idField,
	version: boundedInt({ min: 1 }),
})

export async function restoreRevision(args: Args) {
	const lang = requireLang(args.params)
	const { user, post } = await requireEditablePost(args, args.params.postId ?? '')
	const parsed = restoreSchema.safeParse(Object.fromEntries(await args.request.formData()))
	if (!parsed.success) badRequest()
	const revision = await getRevision({ postId: post.id, revisionId: parsed.data.revisionId })
	if (!revision) notFound()
	const result = await savePost({
		postId: post.id,
		expectedVersion: parsed.data.version,
		actor: user,
		input: await revisionAsInput(revision.snapshot),
		step: 'restore',
		now: args.context.now,
	})
	if (result.kind === 'saved') return redirect(newsroomPaths.post(lang, post.id, 'restore'))
	if (result.kind === 'not-found') notFound()
	return data(
		{ errors: [result.kind === 'conflict' ? 'newsroom:errors.conflict' : 'newsroom:errors.slug-taken'] },
		{ status: result.kind === 'conflict' ? 409 : 400 },
	)
}
