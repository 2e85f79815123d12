/**
 * A draft's history: every revision (who, when, why, what it changed, and
 * which version it started from when it was merged with others' saves), any
 * revision read as it was saved, any two compared, and any restored as a new
 * revision after a confirmation. Restoring is a save like any other: it
 * refuses if someone saved since the page was loaded (it never merges).
 */
import { data, redirect } from '@remix-run/node'
import { z } from 'zod'
import type { RevisionListItem } from '#app/documents/revision-list.tsx'
import { idField } from '#app/forms/fields.ts'
import { notFound } from '#app/http/errors.ts'
import { LANGS, type Lang } from '#app/i18n/config.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { can } from '#app/auth/permissions.ts'
import { askToConfirm, isConfirmed } from '#app/ui/confirm.tsx'
import { requireDraft, type Args } from './access.server.ts'
import { describeChanges } from './changes.ts'
import { getDraft, getDraftRevision, listDraftRevisions, listSectionHeadings } from './drafts.queries.server.ts'
import { draftTitle } from './editor-page.server.ts'
import { draftPaths, draftPathsWithoutLang } from './links.ts'
import { sectionHeading, textOf } from './model.ts'
import { renderSection } from './render.server.ts'
import { saveDraft } from './save.queries.server.ts'
import { sectionStates, summarize } from './translation.ts'

export async function loadHistoryPage(args: Args) {
	const { lang, actor, access, timeZone } = await requireDraft(args, 'draft:read', { workInProgress: true })
	const revisionId = new URL(args.request.url).searchParams.get('revision')
	const [t, draft, revisions, headings, selected] = await Promise.all([
		getFixedT(lang, 'drafts'),
		getDraft(access.id),
		listDraftRevisions(access.id),
		listSectionHeadings({ draftId: access.id, lang }),
		revisionId ? getDraftRevision({ draftId: access.id, revisionId }) : null,
	])
	if (!draft || (revisionId && !selected)) notFound()
	const title = draftTitle(draft, lang)
	const time = (date: Date) => formatDateTime(lang, date, { timeZone })
	const byVersion = new Map(revisions.map((r) => [r.version, r.id]))
	const items: (RevisionListItem & { version: number })[] = revisions.map((r) => {
		const merged = r.basedOnVersion !== null && r.basedOnVersion < r.version - 1
		const changes = r.changedFields.length > 0 ? t('history.changed', { changes: describeChanges(t, r.changedFields, (id) => headings.get(id) ?? null) }) : null
		return {
			id: r.id,
			version: r.version,
			heading: `${t('history.revision', { version: r.version })} · ${t(`history.action.${r.action as 'update'}`)}${merged ? ` ${t('history.based-on', { version: r.basedOnVersion })}` : ''}`,
			byline: `${time(r.createdAt)} · ${r.authorName ? t('history.by', { name: r.authorName }) : t('history.unknown-author')}`,
			changes: [r.message ? `“${r.message}”` : null, changes].filter(Boolean).join(' · ') || null,
			href: draftPaths.history(lang, draft.id, r.id),
			current: r.version === draft.version,
		}
	})
	const previousOf = (version: number) => byVersion.get(version - 1) ?? null
	return {
		lang,
		meta: await pageMeta(lang, { page: t('history.title', { title }), description: t('history.description') }),
		id: draft.id,
		title,
		version: draft.version,
		currentRevision: draft.revisionId,
		mayRestore: can(actor, 'draft:edit', access.target),
		items,
		restored: new URL(args.request.url).searchParams.get('restored') === '1',
		revisionOptions: revisions.map((r) => ({ id: r.id, label: `${t('history.revision', { version: r.version })} · ${time(r.createdAt)}` })),
		defaultCompare: { from: revisions[1]?.id ?? revisions[0]?.id ?? '', to: revisions[0]?.id ?? '' },
		selected: selected
			? {
					id: selected.id,
					version: selected.version,
					createdAt: time(selected.createdAt),
					authorName: selected.authorName,
					message: selected.message,
					title: selected.snapshot.title,
					summary: summarize(selected.snapshot.sections),
					sections: selected.snapshot.sections.map((section) => ({
						id: section.id,
						heading: sectionHeading(section, lang),
						states: sectionStates(section),
						html: Object.fromEntries(LANGS.map((l) => [l, renderSection(section[l])])) as Record<Lang, string>,
					})),
					paths: {
						comparePrevious: previousOf(selected.version) ? draftPaths.compare(lang, draft.id, { from: previousOf(selected.version), to: selected.id }) : null,
						compareCurrent: selected.version !== draft.version ? draftPaths.compare(lang, draft.id, { from: selected.id, to: draft.revisionId }) : null,
						docx: draftPaths.export(lang, draft.id, 'docx', { revision: selected.id }),
						markdown: draftPaths.export(lang, draft.id, 'markdown', { revision: selected.id }),
						print: draftPaths.print(lang, draft.id, { revision: selected.id }),
					},
				}
			: null,
		paths: { draft: draftPaths.draft(lang, draft.id), compare: draftPaths.compare(lang, draft.id), history: draftPaths.history(lang, draft.id) },
		seoPath: draftPathsWithoutLang.history(draft.id),
	}
}

const restoreSchema = z.object({ revisionId: idField, baseRevision: idField })

export async function restoreRevision(args: Args) {
	const { lang, user, access } = await requireDraft(args, 'draft:edit')
	const formData = await args.request.formData()
	const parsed = restoreSchema.safeParse(Object.fromEntries(formData))
	if (!parsed.success) return data({ error: 'drafts:errors.invalid' as const, confirm: null }, { status: 400 })
	const revision = await getDraftRevision({ draftId: access.id, revisionId: parsed.data.revisionId })
	if (!revision) notFound()
	if (!isConfirmed(formData)) return data({ error: null, ...askToConfirm(formData, 'drafts:history.confirm-restore') })
	// Translations that matched their original in that revision match it again once restored.
	const translated = new Set(
		revision.snapshot.sections.flatMap((section) => LANGS.filter((l) => sectionStates(section)[l] === 'current').map((l) => `${section.id}.${l}`)),
	)
	const result = await saveDraft({
		draftId: access.id,
		baseRevisionId: parsed.data.baseRevision,
		actor: user,
		input: { title: revision.snapshot.title, sections: textOf(revision.snapshot.sections), translated },
		// Said in the restorer's words, like any save's message.
		message: (await getFixedT(lang, 'drafts'))('history.restored-from', { version: revision.version }),
		action: 'restore',
		now: args.context.now,
	})
	if (result.kind === 'saved') return redirect(`${draftPaths.history(lang, access.id)}?restored=1`)
	if (result.kind === 'not-found') notFound()
	const error =
		result.kind === 'locked'
			? `drafts:errors.locked.${result.status}`
			: result.kind === 'invalid-base'
				? 'drafts:errors.invalid-base'
				: result.kind === 'invalid'
					? `drafts:${result.errors[0]?.key ?? 'errors.invalid'}`
					: 'drafts:errors.moved'
	return data({ error, confirm: null }, { status: 409 })
}
