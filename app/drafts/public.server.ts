/**
 * What other features may use of policy drafts: a group page's list of its
 * drafts, filtered for the reader exactly as `/{lang}/drafts` is (the public
 * sees published drafts of public groups; members their group's work).
 * Other features import drafts only through this module.
 */
import type { Actor } from '#app/auth/permissions.ts'
import type { Lang } from '#app/i18n/config.ts'
import { listDrafts } from './drafts.queries.server.ts'
import { draftTitle } from './editor-page.server.ts'
import { draftPaths } from './links.ts'
import type { DraftStatus } from './model.ts'
import { summaryStatus, type TranslationSummary } from './translation.ts'

export interface GroupDraftItem {
	id: string
	title: string
	/** The language the title is in (the reader's, unless only the other has one). */
	titleLang: Lang
	status: DraftStatus
	translation: TranslationSummary & { status: 'complete' | 'outdated' | 'missing' }
	updatedAt: Date
	href: string
}

/** A group's drafts the reader may see, most recently changed first: the first page of `/{lang}/drafts?group=` (the page links to the rest). */
export async function listGroupDrafts({ groupId, actor, lang }: { groupId: string; actor: Actor; lang: Lang }): Promise<GroupDraftItem[]> {
	if (!/^\d{1,18}$/.test(groupId)) return []
	const { items } = await listDrafts({ actor, lang, groupId })
	return items.map((row) => ({
		id: row.id,
		title: draftTitle(row, lang),
		titleLang: row.title[lang] ? lang : lang === 'en' ? 'zh' : 'en',
		status: row.status,
		translation: {
			sections: row.sections,
			current: row.sections - row.outdated - row.missing,
			outdated: row.outdated,
			missing: row.missing,
			status: summaryStatus(row),
		},
		updatedAt: row.updatedAt,
		href: draftPaths.draft(lang, row.id),
	}))
}
export { draftSearchSource } from './search.queries.server.ts'
