/**
 * A draft, or any of its revisions, for reading elsewhere: Markdown (both
 * languages, one after the other), Word (.docx through `docx`, headings,
 * lists and tables as Word's own, both languages side by side or one after
 * the other: ./docx.server.ts) and the print page's data. Readers of the
 * draft may export what they may read: the current text; old revisions are
 * for those who read the work in progress.
 */
import { LANGS, type Lang } from '#app/i18n/config.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { notFound } from '#app/http/errors.ts'
import { getSiteOrigin } from '#app/http/site.server.ts'
import { requireDraft, type Args } from './access.server.ts'
import { draftToDocx, type DraftLayout } from './docx.server.ts'
import { getDraft, getDraftRevision } from './drafts.queries.server.ts'
import { draftTitle } from './editor-page.server.ts'
import { draftPaths, draftPathsWithoutLang, EXPORT_FORMATS, type ExportFormat } from './links.ts'
import { languageMarkdown, sectionHeading, type DraftStatus, type StoredSection } from './model.ts'
import { renderSection } from './render.server.ts'
import { sectionStates, summarize } from './translation.ts'

interface ExportSource {
	lang: Lang
	id: string
	version: number
	revisionId: string | null
	status: DraftStatus
	title: Record<Lang, string>
	groupName: string
	savedAt: Date
	sections: StoredSection[]
	layout: DraftLayout
	timeZone: string
}

/** The draft as it is, or one revision of it (`?revision=<id>`), and the layout asked for. */
async function loadSource(args: Args): Promise<ExportSource> {
	const search = new URL(args.request.url).searchParams
	const revisionId = search.get('revision')
	const { lang, access, timeZone } = await requireDraft(args, 'draft:read', { workInProgress: revisionId !== null })
	const draft = await getDraft(access.id)
	if (!draft) notFound()
	const layout: DraftLayout = search.get('layout') === 'sequential' ? 'sequential' : 'side-by-side'
	const common = { lang, id: draft.id, groupName: draft.group.name[lang], layout, timeZone }
	if (revisionId === null) {
		return { ...common, version: draft.version, revisionId: null, status: draft.status, title: draft.title, savedAt: draft.updatedAt, sections: draft.sections }
	}
	const revision = await getDraftRevision({ draftId: draft.id, revisionId })
	if (!revision) notFound()
	return {
		...common,
		version: revision.version,
		revisionId: revision.id,
		status: revision.snapshot.status,
		title: revision.snapshot.title,
		savedAt: revision.createdAt,
		sections: revision.snapshot.sections,
	}
}

async function metaLines(source: ExportSource) {
	const t = await getFixedT(source.lang, 'drafts')
	return [
		{ label: t('export.group'), value: source.groupName },
		{ label: t('export.status'), value: t(`status.${source.status}`) },
		{ label: t('export.revision'), value: String(source.version) },
		{ label: t('export.saved'), value: formatDateTime(source.lang, source.savedAt, { timeZone: source.timeZone }) },
	]
}

function fileName(source: ExportSource, extension: string): string {
	return `policy-draft-${source.id}-r${source.version}.${extension}`
}

function download({ body, type, name }: { body: string | Buffer; type: string; name: string }): Response {
	return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
		headers: {
			'Content-Type': type,
			'Content-Disposition': `attachment; filename="${name}"`,
			// Drafts change and may be private: never kept by a shared cache.
			'Cache-Control': 'private, no-cache',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}

/** Both languages, one after the other, each under its title and with the draft's details. */
export function draftMarkdown(source: Pick<ExportSource, 'title' | 'sections'> & { meta: { label: string; value: string }[]; metaLine: (line: { label: string; value: string }) => string }): string {
	const parts: string[] = []
	for (const lang of LANGS) {
		const body = languageMarkdown(source.sections, lang)
		const title = source.title[lang]
		if (!title && !body) continue
		const block = [title ? `# ${title.replace(/\s+/g, ' ')}` : null, source.meta.map((line) => `- ${source.metaLine(line)}`).join('\n'), body.trimEnd()]
		parts.push(block.filter(Boolean).join('\n\n'))
	}
	return `${parts.join('\n\n---\n\n')}\n`
}

export async function exportDraft(args: Args): Promise<Response> {
	const format = args.params.format as ExportFormat
	if (!EXPORT_FORMATS.includes(format)) notFound()
	const source = await loadSource(args)
	const meta = await metaLines(source)
	const t = await getFixedT(source.lang, 'drafts')
	if (format === 'markdown') {
		// "Status: Drafting" / "状态：起草中": the punctuation is the language's.
		const metaLine = (line: { label: string; value: string }) => t('export.line', line)
		return download({ body: draftMarkdown({ ...source, meta, metaLine }), type: 'text/markdown; charset=utf-8', name: fileName(source, 'md') })
	}
	const body = await draftToDocx({
		title: source.title,
		meta,
		sections: source.sections.map((section) => ({
			en: section.en ? { heading: section.en.heading, markdown: section.en.body } : null,
			zh: section.zh ? { heading: section.zh.heading, markdown: section.zh.body } : null,
		})),
		layout: source.layout,
		lang: source.lang,
		labels: { english: t('column.en'), chinese: t('column.zh'), untranslated: t('translation.state.missing') },
		baseUrl: getSiteOrigin(),
	})
	return download({
		body,
		type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		name: fileName(source, 'docx'),
	})
}

/** The print page: both languages side by side (or one after the other), with a print stylesheet. */
export async function loadPrintPage(args: Args) {
	const source = await loadSource(args)
	const t = await getFixedT(source.lang, 'drafts')
	const title = draftTitle(source, source.lang)
	return {
		lang: source.lang,
		meta: await pageMeta(source.lang, { page: t('print.title', { title }), description: t('print.description') }),
		seoPath: draftPathsWithoutLang.print(source.id),
		title: source.title,
		displayTitle: title,
		layout: source.layout,
		metaLines: await metaLines(source),
		summary: summarize(source.sections),
		sections: source.sections.map((section) => ({
			id: section.id,
			heading: sectionHeading(section, source.lang),
			states: sectionStates(section),
			html: Object.fromEntries(LANGS.map((l) => [l, renderSection(section[l])])) as Record<Lang, string>,
		})),
		paths: {
			draft: draftPaths.draft(source.lang, source.id),
			sideBySide: draftPaths.print(source.lang, source.id, { revision: source.revisionId, layout: 'side-by-side' }),
			sequential: draftPaths.print(source.lang, source.id, { revision: source.revisionId, layout: 'sequential' }),
		},
	}
}
