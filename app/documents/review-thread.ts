/**
 * The words of a review conversation, shared by server and browser: the
 * kinds of entry (a comment, a request for changes, an approval) and the
 * longest entry. The entries themselves are read and written by
 * review-thread.queries.server.ts.
 */
export const REVIEW_ENTRY_KINDS = ['comment', 'changes-requested', 'approved'] as const
export type ReviewEntryKind = (typeof REVIEW_ENTRY_KINDS)[number]

/** What the comments tables' CHECK allows. */
export const REVIEW_BODY_MAX = 4000

/**
 * The latest decision (changes requested or approved), so a page can say
 * "changes requested" until the author asks for review again.
 */
export function latestDecision<Entry extends { kind: ReviewEntryKind }>(entries: readonly Entry[]): Entry | null {
	return entries.findLast((entry) => entry.kind !== 'comment') ?? null
}
