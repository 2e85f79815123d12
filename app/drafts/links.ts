/**
 * Addresses of the drafts pages, without the origin, in one place so pages,
 * emails, exports, the group page and the tests agree on them.
 */
import type { Lang } from '#app/i18n/config.ts'
import { localizePath } from '#app/i18n/lang.ts'

export type ExportFormat = 'markdown' | 'docx'
export const EXPORT_FORMATS: readonly ExportFormat[] = ['markdown', 'docx']
export type PrintLayout = 'side-by-side' | 'sequential'

function search(params: Record<string, string | null | undefined>): string {
	const query = new URLSearchParams()
	for (const [name, value] of Object.entries(params)) if (value) query.set(name, value)
	const text = query.toString()
	return text ? `?${text}` : ''
}

/** Paths without the language (for `routeMeta`'s `path`). */
export const draftPathsWithoutLang = {
	list: (filters: { group?: string | null; status?: string | null; translation?: string | null; before?: string | null } = {}) =>
		`/drafts${search({ group: filters.group, status: filters.status, translation: filters.translation, before: filters.before })}`,
	new: (group?: string | null) => `/drafts/new${search({ group })}`,
	draft: (id: string) => `/drafts/${id}`,
	edit: (id: string) => `/drafts/${id}/edit`,
	history: (id: string, revisionId?: string | null) => `/drafts/${id}/history${search({ revision: revisionId })}`,
	compare: (id: string, query: { from?: string | null; to?: string | null; view?: 'translation' | null } = {}) =>
		`/drafts/${id}/compare${search({ from: query.from, to: query.to, view: query.view })}`,
	print: (id: string, query: { revision?: string | null; layout?: PrintLayout | null } = {}) =>
		`/drafts/${id}/print${search({ revision: query.revision, layout: query.layout })}`,
	export: (id: string, format: ExportFormat, query: { revision?: string | null; layout?: PrintLayout | null } = {}) =>
		`/drafts/${id}/export/${format}${search({ revision: query.revision, layout: query.layout })}`,
}

type Paths = typeof draftPathsWithoutLang
/** The same paths with the language: `draftPaths.draft('zh', '12')` → `/zh/drafts/12`. */
export const draftPaths = Object.fromEntries(
	Object.entries(draftPathsWithoutLang).map(([name, build]) => [
		name,
		(lang: Lang, ...args: unknown[]) => localizePath(lang, (build as (...a: unknown[]) => string)(...args)),
	]),
) as { [K in keyof Paths]: (lang: Lang, ...args: Parameters<Paths[K]>) => string }
