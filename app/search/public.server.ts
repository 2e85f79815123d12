/**
 * What features use of search: keeping their documents in the index inside
 * their own save transactions, and describing them for a rebuild.
 */
import type { Queryable } from '#db/sql.server.ts'

export { indexDocument, removeFromIndex } from './index.queries.server.ts'
export type { SearchSource } from './reindex.server.ts'
export type { SearchAudience, SearchDocumentInput } from './types.ts'

/**
 * Re-indexes every document of a working group, of every kind (the group's
 * own page, its meetings, records and drafts), in the caller's transaction:
 * for a change of the group's visibility, which changes who may read them
 * all. The sources are loaded when called: they import the features, which
 * import this module.
 */
export async function syncGroupDocuments(tx: Queryable, groupId: string): Promise<void> {
	const { SEARCH_SOURCES } = await import('./sources.server.ts')
	for (const source of SEARCH_SOURCES) await source.syncGroup?.(tx, groupId)
}

/**
 * Who may find a document of a working group: everyone when the group is
 * public and the document is one its readers see (a published draft or
 * record, a meeting), else the group's members (and admins).
 */
export function groupAudience({ groupVisibility, publicInGroup }: { groupVisibility: string; publicInGroup: boolean }): 'public' | 'members' {
	return groupVisibility === 'public' && publicInGroup ? 'public' : 'members'
}
