/**
 * The shapes the search module shares with the features that feed it and
 * the page that shows it: what a document in the index is, who may see it,
 * and what a search returns.
 */
import type { Lang } from '#app/i18n/config.ts'
import type { EmptyQueryReason } from './analyzer.ts'

export const SEARCH_KINDS = ['news', 'group', 'meeting', 'record', 'draft'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

/**
 * Who may see an indexed document (admins see every audience):
 * - `public`: everyone, signed in or not;
 * - `signed_in`: any signed-in reader;
 * - `members`: members of the document's group (`groupId` required);
 * - `owner`: only the user named by `ownerId` (e.g. a private draft).
 */
export const SEARCH_AUDIENCES = ['public', 'signed_in', 'members', 'owner'] as const
export type SearchAudience = (typeof SEARCH_AUDIENCES)[number]

/** What a feature hands to indexDocument: one language version of one thing. */
export interface SearchDocumentInput {
	kind: SearchKind
	/** The feature's id for the thing (a post id, a group slug…), unique within the kind. */
	refId: string
	/** The language this version is written in. */
	lang: Lang
	title: string
	/** Plain text (no Markdown or HTML): what is searched and what snippets are cut from. */
	body: string
	/** Extra searchable text weighed between title and body (summary, tags, speaker names…). */
	summary?: string
	audience: SearchAudience
	/** The working group it belongs to; required for `members`. */
	groupId?: string | null
	/** Required for `owner`. */
	ownerId?: string | null
	/** Hidden until then (a scheduled post); null or absent: visible now. */
	visibleFrom?: Date | null
	/** The date shown with the result and used to filter by date (published, held on…). */
	date: Date
	/**
	 * Whatever the page needs to build the link (slug, group slug…), returned
	 * as given. Use camelCase keys: the app's postgres transform camelCases
	 * JSON keys on the way out (`group_slug` would come back as `groupSlug`).
	 */
	urlParts: Record<string, string>
}

/** The signed-in reader (null: anonymous). */
export type SearchReader = { userId: string; isAdmin: boolean; groupIds: string[] } | null

export interface SearchFilters {
	kinds?: SearchKind[]
	groupId?: string
	contentLang?: Lang
	/** Inclusive lower bound on the document's date. */
	from?: Date
	/** Exclusive upper bound on the document's date. */
	to?: Date
}

export interface SearchResult {
	kind: SearchKind
	refId: string
	lang: Lang
	/** The title as stored (plain text; escape it if you print it yourself). */
	title: string
	/** The title, HTML-escaped, matches in `<mark>`. */
	titleHtml: string
	/** Part of the body around the matches, HTML-escaped, matches in `<mark>`. */
	snippetHtml: string
	urlParts: Record<string, string>
	date: Date
	groupId: string | null
}

export interface SearchFacets {
	kind: Partial<Record<SearchKind, number>>
	lang: Partial<Record<Lang, number>>
	/** Counts per working group id. */
	group: Record<string, number>
}

/**
 * How the results were found, so the page can say so:
 * - `all`: every term matched;
 * - `any`: nothing matched every term, so documents matching all terms but one
 *   are shown (for one- or two-term queries: any word, or part of a Chinese word);
 * - `fuzzy`: nothing matched any term, so titles spelled like the words are shown (typos).
 */
export type SearchMatch = 'all' | 'any' | 'fuzzy'

export type SearchResponse =
	| {
			status: 'ok'
			match: SearchMatch
			total: number
			/**
			 * More documents matched than are counted (COUNT_CAP): `total` and the
			 * facet counts are lower bounds ("1,000+"), and the results are ranked
			 * among the first matches counted.
			 */
			capped: boolean
			page: number
			pageSize: number
			results: SearchResult[]
			facets: SearchFacets
			/** The query was cut to the analyzer's limits. */
			truncated: boolean
	  }
	| {
			status: 'empty'
			/** `stopwords`: only words too common to search (the, and, of…). */
			reason: EmptyQueryReason | 'stopwords'
			total: 0
			capped: false
			page: number
			pageSize: number
			results: []
			facets: SearchFacets
			truncated: boolean
	  }
