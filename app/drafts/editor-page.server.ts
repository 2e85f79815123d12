/**
 * The bilingual editor's server side: the page (both languages side by side,
 * aligned by section, each section's translation state and, for an outdated
 * translation, what changed in the source since it was made) and its submit.
 *
 * A submit never loses what was typed: a refusal, a conflict, a preview or a
 * reorder answers with the whole form as sent. A save based on an older
 * version is merged (save.queries.server.ts); the author is then told what
 * others' saves brought in, or shown the overlapping changes to settle.
 */
import { data, redirect } from '@remix-run/node'
import { diffText } from '#app/documents/diff.ts'
import { LANGS, otherLang, type Lang } from '#app/i18n/config.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { notFound } from '#app/http/errors.ts'
import { requireDraft, type Args, type DraftContext } from './access.server.ts'
import { describeChanges } from './changes.ts'
import { countOpenThreads } from './comments.queries.server.ts'
import { type DraftConflict } from './draft-merge.ts'
import {
	getDraft,
	getRevisionById,
	getSectionTextAtRevision,
	listDraftRevisions,
	listSectionHeadings,
	revisionIdsOfVersions,
	type Draft,
} from './drafts.queries.server.ts'
import { addRow, choicesOf, moveRow, readEditorForm, toDraftInput, type EditorForm, type FormMessage } from './editor-form.ts'
import { draftPaths } from './links.ts'
import { MAX_SAVE_REQUEST_BYTES, sectionHeading, sectionMarkdown, parseSectionMarkdown, type StoredSection } from './model.ts'
import { renderSection } from './render.server.ts'
import { saveDraft } from './save.queries.server.ts'
import { sectionStates } from './translation.ts'

/** The title a draft goes by for a reader: theirs, else the other language's. */
export function draftTitle(draft: { title: Record<Lang, string> }, lang: Lang): string {
	return draft.title[lang] || draft.title[otherLang(lang)]
}

/** The form as the draft stands: one row per section, each language as its Markdown. */
export function formOf(draft: Draft): EditorForm {
	return {
		baseRevision: draft.revisionId,
		mergeVersion: null,
		title: { ...draft.title },
		message: '',
		rows: draft.sections.map((section) => ({
			key: section.id,
			text: { en: sectionMarkdown(section.en), zh: sectionMarkdown(section.zh) },
			translated: { en: false, zh: false },
		})),
		choices: {},
	}
}

/** Per section: translation states, open threads, and what changed in the source of an outdated translation. */
async function sectionInfo(draft: Draft) {
	const threads = await countOpenThreads(draft.id)
	const info: Record<string, { states: ReturnType<typeof sectionStates>; openThreads: number; sourceChanges: Partial<Record<Lang, SourceChange>> }> = {}
	for (const section of draft.sections) {
		const states = sectionStates(section)
		const sourceChanges: Partial<Record<Lang, SourceChange>> = {}
		for (const lang of LANGS) {
			if (states[lang] !== 'outdated') continue
			const change = await sourceChangeSince({ draftId: draft.id, section, lang })
			if (change) sourceChanges[lang] = change
		}
		info[section.id] = { states, openThreads: threads.get(section.id) ?? 0, sourceChanges }
	}
	return info
}

export type SourceChange = { source: Lang; fromRevision: number; toRevision: number; parts: ReturnType<typeof diffText> }

/**
 * What changed in the source language of a section since its translation in
 * `lang` was made: a word-level diff (CJK-aware), so a translator sees which
 * sentences to redo.
 */
export async function sourceChangeSince({ draftId, section, lang }: { draftId: string; section: StoredSection; lang: Lang }): Promise<SourceChange | null> {
	const translation = section[lang]
	const source = otherLang(lang)
	const now = section[source]
	if (!translation?.translatedFromRevision || !now) return null
	const then = await getSectionTextAtRevision({ draftId, sectionId: section.id, lang: source, revision: translation.translatedFromRevision })
	return {
		source,
		fromRevision: translation.translatedFromRevision,
		toRevision: now.revision,
		parts: diffText({ before: sectionMarkdown(then), after: sectionMarkdown(now), lang: source }),
	}
}

async function loadDraftForEditing(args: Args) {
	const context = await requireDraft(args, 'draft:edit')
	const draft = await getDraft(context.access.id)
	if (!draft) notFound()
	return { context, draft }
}

export async function loadEditorPage(args: Args) {
	const { context, draft } = await loadDraftForEditing(args)
	const { lang } = context
	const t = await getFixedT(lang, 'drafts')
	const title = draftTitle(draft, lang)
	const search = new URL(args.request.url).searchParams
	return {
		lang,
		meta: await pageMeta(lang, { page: t('edit.title', { title }), description: t('edit.description') }),
		id: draft.id,
		title,
		status: draft.status,
		version: draft.version,
		groupName: draft.group.name[lang],
		form: formOf(draft),
		sections: await sectionInfo(draft),
		notice: await savedNotice({ t, context, draft, search }),
		paths: {
			draft: draftPaths.draft(lang, draft.id),
			history: draftPaths.history(lang, draft.id),
			edit: draftPaths.edit(lang, draft.id),
		},
	}
}

/** After a save: "saved", or what others' saves brought into it. */
async function savedNotice({
	t,
	context,
	draft,
	search,
}: {
	t: Awaited<ReturnType<typeof getFixedT<'drafts'>>>
	context: DraftContext
	draft: Draft
	search: URLSearchParams
}) {
	const saved = Number(search.get('saved'))
	if (!Number.isInteger(saved) || saved < 1) return null
	if (search.get('unchanged') === '1') return { kind: 'unchanged' as const }
	const basedOn = Number(search.get('merged'))
	if (!Number.isInteger(basedOn) || basedOn < 1 || basedOn >= saved - 1) return { kind: 'saved' as const, version: saved }
	const [revisions, headings] = await Promise.all([listDraftRevisions(draft.id), listSectionHeadings({ draftId: draft.id, lang: context.lang })])
	const between = revisions.filter((r) => r.version > basedOn && r.version < saved).reverse()
	const ids = await revisionIdsOfVersions({ draftId: draft.id, versions: [basedOn, saved - 1] })
	const time = (date: Date) => formatDateTime(context.lang, date, { timeZone: context.timeZone })
	return {
		kind: 'merged' as const,
		version: saved,
		saves: between.map((r) => ({
			version: r.version,
			by: r.authorName ?? t('history.unknown-author'),
			at: time(r.createdAt),
			changes: describeChanges(t, r.changedFields, (id) => headings.get(id) ?? null),
		})),
		compareHref: draftPaths.compare(context.lang, draft.id, { from: ids.get(basedOn) ?? null, to: ids.get(saved - 1) ?? null }),
	}
}

/** A conflict as the page shows it: names, the three texts and each side's changes from base. */
function conflictView({ conflict, label }: { conflict: DraftConflict; label: string }) {
	const diff = (after: string | null) => diffText({ before: conflict.base ?? '', after: after ?? '', lang: conflict.lang })
	return { ...conflict, label, theirsChanges: diff(conflict.theirs), oursChanges: diff(conflict.ours) }
}
export type ConflictView = ReturnType<typeof conflictView>

type ActionData = {
	form: EditorForm
	errors: FormMessage[]
	preview: Record<string, Record<Lang, string>> | null
	conflict: { headVersion: number; conflicts: ConflictView[]; missing: string[]; mergedIn: number } | null
}

function answer(body: ActionData, status = 200) {
	return data(body, { status })
}

export async function handleEditorAction(args: Args) {
	const { context, draft } = await loadDraftForEditing(args)
	const { lang } = context
	const length = Number(args.request.headers.get('Content-Length') ?? 0)
	if (length > MAX_SAVE_REQUEST_BYTES) {
		// Not read at all: the browser still holds the text (and, with JavaScript, keeps it).
		return answer({ form: formOf(draft), errors: [{ key: 'errors.request-too-large', values: { max: Math.round(MAX_SAVE_REQUEST_BYTES / 1024 / 1024) } }], preview: null, conflict: null }, 413)
	}
	const { form, intent, errors } = readEditorForm(await args.request.formData())
	const nothing = { preview: null, conflict: null }

	if (intent.kind === 'move') return answer({ form: moveRow(form, intent.key, intent.by), errors: [], ...nothing })
	if (intent.kind === 'add') return answer({ form: addRow(form), errors: [], ...nothing })
	if (intent.kind === 'preview') {
		const preview: Record<string, Record<Lang, string>> = {}
		for (const row of form.rows) {
			preview[row.key] = { en: '', zh: '' }
			for (const l of LANGS) preview[row.key]![l] = parseSectionMarkdown(row.text[l]).map((part) => renderSection(part)).join('')
		}
		return answer({ form, errors, preview, conflict: null })
	}
	if (errors.length > 0) return answer({ form, errors, ...nothing }, 400)

	const base = form.baseRevision ? await getRevisionById({ draftId: draft.id, revisionId: form.baseRevision }) : null
	if (!base) return answer({ form, errors: [{ key: 'errors.invalid-base' }], ...nothing }, 400)
	const knownIds = new Set([...draft.sections.map((s) => s.id), ...base.snapshot.sections.map((s) => s.id)])
	const { input, errors: inputErrors } = toDraftInput(form, knownIds)
	if (inputErrors.length > 0) return answer({ form, errors: inputErrors, ...nothing }, 400)

	const result = await saveDraft({
		draftId: draft.id,
		baseRevisionId: base.id,
		mergeVersion: form.mergeVersion,
		choices: choicesOf(form),
		actor: context.user,
		input,
		message: form.message,
		now: args.context.now,
	})
	switch (result.kind) {
		case 'saved': {
			const query = new URLSearchParams({ saved: String(result.version) })
			if (result.unchanged) query.set('unchanged', '1')
			if (result.merged) query.set('merged', String(result.merged.basedOn))
			return redirect(`${draftPaths.edit(lang, draft.id)}?${query}`)
		}
		case 'not-found':
			notFound()
		case 'invalid-base':
			return answer({ form, errors: [{ key: 'errors.invalid-base' }], ...nothing }, 400)
		case 'locked':
			return answer({ form, errors: [{ key: `errors.locked.${result.status}` }], ...nothing }, 409)
		case 'moved':
			return answer({ form, errors: [{ key: 'errors.moved' }], ...nothing }, 409)
		case 'invalid':
			return answer({ form, errors: result.errors, ...nothing }, 400)
		case 'conflict': {
			const t = await getFixedT(lang, 'drafts')
			const current = new Map(draft.sections.map((s) => [s.id, s]))
			const fromBase = new Map(base.snapshot.sections.map((s) => [s.id, s]))
			const label = (conflict: DraftConflict) => {
				if (!conflict.sectionId) return t('edit.conflict.title-label', { language: t(`language.${conflict.lang}`) })
				const section = current.get(conflict.sectionId) ?? fromBase.get(conflict.sectionId)
				const heading = (section && sectionHeading(section, lang)) || t('changes.untitled')
				return t('edit.conflict.section-label', { heading, language: t(`language.${conflict.lang}`) })
			}
			return answer(
				{
					form: { ...form, mergeVersion: result.headVersion },
					errors: [{ key: result.missing.length > 0 ? 'errors.choose-all' : 'errors.conflict' }],
					preview: null,
					conflict: {
						headVersion: result.headVersion,
						conflicts: result.conflicts.map((conflict) => conflictView({ conflict, label: label(conflict) })),
						missing: result.missing,
						mergedIn: result.mergedIn.length,
					},
				},
				409,
			)
		}
	}
}
