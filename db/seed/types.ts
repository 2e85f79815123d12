/**
 * Shapes of the demo content loaded by `npm run db:seed`. The content itself
 * lives in `content.ts`; `seed.server.ts` writes it idempotently.
 */
export type SeedLang = 'en' | 'zh'
export type Bilingual<T> = Record<SeedLang, T>

export interface SeedWorkingGroup {
	/** Stable identity used in URLs and for idempotent upserts. */
	slug: string
	sortOrder: number
	text: Bilingual<{ name: string; summary: string; description: string }>
}

export interface SeedNewsPost {
	/** Stable identity for idempotent upserts. */
	key: string
	/** ISO 8601 with offset, e.g. 2026-10-12T09:00:00-07:00. */
	publishedAt: string
	/** Slug of the working group the post belongs to, if any. */
	groupSlug: string | null
	/** A language may be absent: the portal shows an honest notice then. */
	text: Partial<
		Bilingual<{
			slug: string
			title: string
			summary: string
			/** GitHub-flavoured Markdown, no raw HTML. */
			bodyMarkdown: string
			seoDescription: string
		}>
	>
}

export interface SeedComparisonRow {
	key: string
	sortOrder: number
	text: Bilingual<{ element: string; china: string; usa: string }>
}

export interface SeedContent {
	workingGroups: SeedWorkingGroup[]
	newsPosts: SeedNewsPost[]
	comparison: {
		/** Stable identity; the home page asks for this key. */
		key: string
		rows: SeedComparisonRow[]
		/** Citation of the paper the table comes from, per language. */
		source: Bilingual<string>
	}
}
