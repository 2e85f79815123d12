/**
 * What features use of search: keeping their documents in the index inside
 * their own save transactions, and describing them for a rebuild.
 */
export { indexDocument, removeFromIndex } from './index.queries.server.ts'
export type { SearchSource } from './reindex.server.ts'
export type { SearchDocumentInput } from './types.ts'
