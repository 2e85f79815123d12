/**
 * Comparing two revisions of a draft, section by section and language by
 * language, with word-level diffs that work in Chinese (documents/diff.ts:
 * Intl.Segmenter words, never a whole paragraph marked for one edited
 * word). Sections are matched by their stable id, so a renamed or moved
 * section is compared with itself. `view=translation` shows, for each
 * outdated translation, what changed in its source since it was made.
 */
import { diffStats, diffText, type DiffPart } from '#app/documents/diff.ts'
import { notFound } from '#app/http/errors.ts'
import { LANGS, type Lang } from '#app/i18n/config.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { requireDraft, type Args } from './access.server.ts'
import { getDraft, getDraftRevision, listDraftRevisions, type DraftRevision } from './drafts.queries.server.ts'
import { draftTitle, sourceChangeSince, type SourceChange } from './editor-page.server.ts'
import { draftPaths, draftPathsWithoutLang } from './links.ts'
import { compareSections } from './compare.ts'
import { sectionHeading } from './model.ts'
import { sectionStates } from './translation.ts'

export async function loadComparePage(args: Args) {
	const { lang, access, timeZone } = await requireDraft(args, 'draft:read', { workInProgress: true })
	const search = new URL(args.request.url).searchParams
	const [t, draft, revisions] = await Promise.all([getFixedT(lang, 'drafts'), getDraft(access.id), listDraftRevisions(access.id)])
	if (!draft) notFound()
	const title = draftTitle(draft, lang)
	const time = (date: Date) => formatDateTime(lang, date, { timeZone })
	const base = {
		lang,
		meta: await pageMeta(lang, { page: t('compare.title', { title }), description: t('compare.description') }),
		id: draft.id,
		title,
		seoPath: draftPathsWithoutLang.compare(draft.id),
		paths: { draft: draftPaths.draft(lang, draft.id), history: draftPaths.history(lang, draft.id), compare: draftPaths.compare(lang, draft.id) },
		revisionOptions: revisions.map((r) => ({ id: r.id, label: `${t('history.revision', { version: r.version })} · ${time(r.createdAt)}` })),
	}

	if (search.get('view') === 'translation') {
		const outdated: { id: string; heading: string | null; lang: Lang; change: SourceChange }[] = []
		for (const section of draft.sections) {
			const states = sectionStates(section)
			for (const l of LANGS) {
				if (states[l] !== 'outdated') continue
				const change = await sourceChangeSince({ draftId: draft.id, section, lang: l })
				if (change) outdated.push({ id: section.id, heading: sectionHeading(section, lang), lang: l, change })
			}
		}
		return { ...base, view: 'translation' as const, outdated, comparison: null }
	}

	const pick = async (id: string | null, fallback: string | undefined): Promise<DraftRevision | null> => {
		const wanted = id ?? fallback
		return wanted ? getDraftRevision({ draftId: draft.id, revisionId: wanted }) : null
	}
	const [to, from] = await Promise.all([pick(search.get('to'), draft.revisionId), pick(search.get('from'), revisions[1]?.id ?? revisions[0]?.id)])
	// A revision of another draft, or none: as unknown as the draft would be.
	if (!to || !from) notFound()
	const sections = compareSections(from.snapshot.sections, to.snapshot.sections).map(({ id, before, after, diffs }) => ({
		id,
		heading: sectionHeading(after ?? before!, lang),
		diffs,
	}))
	const titles = Object.fromEntries(
		LANGS.map((l) => {
			const parts = diffText({ before: from.snapshot.title[l], after: to.snapshot.title[l], lang: l })
			return [l, { parts, changed: diffStats(parts).changed }]
		}),
	) as Record<Lang, { parts: DiffPart[]; changed: boolean }>
	const describe = (r: DraftRevision) => ({
		id: r.id,
		version: r.version,
		createdAt: time(r.createdAt),
		authorName: r.authorName,
		message: r.message,
	})
	return {
		...base,
		view: 'revisions' as const,
		outdated: [],
		comparison: {
			from: describe(from),
			to: describe(to),
			titles,
			sections,
			changedSections: sections.filter((s) => LANGS.some((l) => s.diffs[l] && s.diffs[l]!.change !== 'unchanged')).length,
		},
	}
}
