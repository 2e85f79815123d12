/**
 * The features' documents for the search index's rebuild
 * (scripts/search/reindex.ts): one SearchSource per kind, added by each
 * feature as it is wired to search. A feature indexes its own saves with
 * indexDocument / removeFromIndex; this list is only for rebuilding.
 */
import { newsSearchSource } from '#app/news/public.server.ts'
import type { SearchSource } from './reindex.server.ts'

export const SEARCH_SOURCES: SearchSource[] = [newsSearchSource]
