/**
 * What other features' pages may show of policy drafts (isomorphic): the
 * status and translation badges a group page uses for its list of drafts,
 * and the drafts' addresses.
 */
export { DraftStatusBadge, TranslationSummaryLine } from './badges.tsx'
export { draftPaths } from './links.ts'
