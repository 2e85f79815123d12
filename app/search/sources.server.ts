/**
 * The features' documents for the search index's rebuild
 * (scripts/search/reindex.ts) and for re-indexing a working group's
 * documents when its visibility changes: one SearchSource per kind. A
 * feature indexes its own saves with indexDocument / removeFromIndex.
 */
import { draftSearchSource } from '#app/drafts/public.server.ts'
import { groupSearchSource } from '#app/groups/public.server.ts'
import { meetingSearchSource, recordSearchSource } from '#app/meetings/public.server.ts'
import { newsSearchSource } from '#app/news/public.server.ts'
import type { SearchSource } from './reindex.server.ts'

export const SEARCH_SOURCES: SearchSource[] = [newsSearchSource, groupSearchSource, meetingSearchSource, recordSearchSource, draftSearchSource]
