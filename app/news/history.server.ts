/**
 * A post's history page: every revision (who, when, what it did and changed),
 * what one revision changed (a word-level diff of each text against the
 * revision before it, CJK-aware), and restoring its text as a new revision.
 * Revisions are addressed by the number the page shows (`?revision=4` is
 * "Revision 4"). Restoring is a save like any other: it refuses when someone
 * saved since the page was loaded, asks first when the post is public, and
 * carries each language's translation status as the revision had it.
 */
import { data, redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { diffText, type DiffPart } from '#app/documents/diff.ts'
import { carriedTranslation } from '#app/documents/translation-status.ts'
import { boundedInt } from '#app/forms/fields.ts'
import { badRequest, notFound } from '#app/http/errors.ts'
import { HTML_LANG, LANGS, otherLang, type Lang } from '#app/i18n/config.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import type { RevisionListItem } from '#app/documents/revision-list.tsx'
import { askToConfirm, isConfirmed, type PendingConfirmation } from '#app/ui/confirm.tsx'
import { postTitle, requireEditablePost } from './editor.server.ts'
import { fieldLabel } from './field-labels.ts'
import { articlePath, newsroomPaths } from './links.ts'
import { getRevisionByNumber, listRevisions, type RevisionSnapshot, type StoredVersion } from './newsroom.queries.server.ts'
import { revisionAsInput, savePost } from './post-save.queries.server.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

/** Text fields compared word by word, in the order the editor shows them. */
const TEXT_FIELDS = ['title', 'slug', 'summary', 'bodyMarkdown', 'seoDescription', 'coverAlt'] as const

export interface FieldDiff {
	lang: Lang
	field: string
	label: string
	parts: DiffPart[]
}

/** Each text that differs between two snapshots of a post (before: null for the first revision). */
export function diffSnapshots({
	before,
	after,
	label,
}: {
	before: RevisionSnapshot | null
	after: RevisionSnapshot
	label: (field: string) => string
}): FieldDiff[] {
	const diffs: FieldDiff[] = []
	for (const lang of LANGS) {
		const old: Partial<StoredVersion> = before?.versions[lang] ?? {}
		const now: Partial<StoredVersion> = after.versions[lang] ?? {}
		for (const field of TEXT_FIELDS) {
			const a = old[field] ?? ''
			const b = now[field] ?? ''
			if (a === b) continue
			diffs.push({ lang, field, label: label(`${lang}.${field}`), parts: diffText({ before: a, after: b, lang: HTML_LANG[lang] }) })
		}
	}
	return diffs
}

/** `?revision=` as a revision number, or null. */
function revisionParam(value: string | null): number | null {
	if (!value || !/^\d{1,9}$/.test(value)) return null
	return Number(value)
}

export async function loadHistoryPage(args: Args) {
	const lang = requireLang(args.params)
	const { user, post } = await requireEditablePost(args, args.params.postId ?? '')
	const param = new URL(args.request.url).searchParams.get('revision')
	const number = revisionParam(param)
	if (param !== null && number === null) notFound()
	const [t, revisions, selected, previous] = await Promise.all([
		getFixedT(lang, 'newsroom'),
		listRevisions(post.id),
		number ? getRevisionByNumber({ postId: post.id, version: number }) : null,
		number && number > 1 ? getRevisionByNumber({ postId: post.id, version: number - 1 }) : null,
	])
	if (number && !selected) notFound()
	const title = postTitle(post, lang)
	const time = (date: Date) => formatDateTime(lang, date, { timeZone: user.timeZone })
	const items: RevisionListItem[] = revisions.map((r) => ({
		id: String(r.version),
		heading: `${t('history.version', { version: r.version })} · ${t(`history.action.${r.action as 'update'}`)}`,
		byline: `${time(r.createdAt)} · ${r.authorName ? t('history.by', { name: r.authorName }) : t('history.unknown-author')}`,
		changes:
			r.changedFields.length > 0
				? t('history.changed', { fields: r.changedFields.map((f) => fieldLabel(t, f)).join(t('list-separator')) })
				: null,
		href: newsroomPaths.history(lang, post.id, String(r.version)),
		current: r.version === post.version,
	}))
	const textFields = new Set(LANGS.flatMap((l) => TEXT_FIELDS.map((f) => `${l}.${f}`)))
	return {
		lang,
		meta: await pageMeta(lang, { page: t('history.title', { title }), description: t('history.description') }),
		id: post.id,
		title,
		version: post.version,
		/** Restoring changes what readers see at once: the page says so and asks first. */
		public: post.status === 'published' || post.status === 'scheduled',
		editPath: newsroomPaths.post(lang, post.id),
		items,
		selected: selected
			? {
					id: String(selected.version),
					version: selected.version,
					previousVersion: previous?.version ?? null,
					createdAt: time(selected.createdAt),
					diffs: diffSnapshots({ before: previous?.snapshot ?? null, after: selected.snapshot, label: (field) => fieldLabel(t, field) }),
					otherChanges: selected.changedFields.filter((field) => !textFields.has(field)).map((f) => fieldLabel(t, f)),
					versions: Object.fromEntries(
						LANGS.map((l) => {
							const v = selected.snapshot.versions[l]
							return [l, v ? { title: v.title, path: articlePath(l, v.slug) } : null]
						}),
					) as Record<Lang, { title: string; path: string } | null>,
				}
			: null,
	}
}

export interface RestoreAnswer {
	errors: string[]
	/** Asked without JavaScript, before a public post changes. */
	confirm: PendingConfirmation | null
}

const restoreSchema = z.object({
	revision: boundedInt({ min: 1 }),
	version: boundedInt({ min: 1 }),
})

export async function restoreRevision(args: Args) {
	const lang = requireLang(args.params)
	const { user, post } = await requireEditablePost(args, args.params.postId ?? '')
	const formData = await args.request.formData()
	const parsed = restoreSchema.safeParse(Object.fromEntries(formData))
	if (!parsed.success) badRequest()
	const revision = await getRevisionByNumber({ postId: post.id, version: parsed.data.revision })
	if (!revision) notFound()
	if ((post.status === 'published' || post.status === 'scheduled') && !isConfirmed(formData)) {
		return data<RestoreAnswer>({ errors: [], confirm: askToConfirm(formData, 'newsroom:confirm.restore-public').confirm })
	}
	const { versions } = revision.snapshot
	const carry = Object.fromEntries(LANGS.map((l) => [l, carriedTranslation(versions[l], versions[otherLang(l)])]))
	const result = await savePost({
		postId: post.id,
		expectedVersion: parsed.data.version,
		actor: user,
		input: await revisionAsInput(revision.snapshot),
		step: 'restore',
		now: args.context.now,
		carry,
		audit: { ip: args.context.clientIp, restoredVersion: revision.version },
	})
	if (result.kind === 'saved') return redirect(newsroomPaths.post(lang, post.id, 'restore'))
	if (result.kind === 'not-found') notFound()
	return data<RestoreAnswer>(
		{ errors: [result.kind === 'conflict' ? 'newsroom:errors.conflict' : 'newsroom:errors.slug-taken'], confirm: null },
		{ status: result.kind === 'conflict' ? 409 : 400 },
	)
}
