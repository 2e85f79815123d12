/**
 * Shapes of the demo content loaded by `npm run db:seed`. The content itself
 * lives in `content.ts`; `seed.server.ts` writes it idempotently.
 */
import type { Lang } from '#app/i18n/config.ts'

export type SeedLang = Lang
export type Bilingual<T> = Record<SeedLang, T>

export interface SeedWorkingGroup {
	/** Stable identity used in URLs and for idempotent upserts. */
	slug: string
	sortOrder: number
	/** Defaults to public; a private group exists only for its members (and admins). */
	visibility?: 'public' | 'private'
	text: Bilingual<{ name: string; summary: string; description: string }>
}

export interface SeedTag {
	/** Stable identity used in URLs (`/en/news?tag=…`) and for idempotent upserts. */
	slug: string
	label: Bilingual<string>
}

export interface SeedNewsPost {
	/** Stable identity for idempotent upserts. */
	key: string
	/** Defaults to published; drafts and scheduled posts show the workflow. */
	status?: 'draft' | 'scheduled' | 'published'
	/** ISO 8601 with offset, e.g. 2026-10-12T09:00:00-07:00. Ignored for drafts. */
	publishedAt: string
	/** Slug of the working group the post belongs to, if any. */
	groupSlug: string | null
	/** Slugs of tags from `SeedContent.tags`. */
	tags: string[]
	/** The language the post was written in; the other version is its translation. */
	original: SeedLang
	/**
	 * Demo of an outdated translation: the original was first published with
	 * `earlierBodyMarkdown` (when the translation was made), then revised to
	 * its text below at `at`, so readers of the translation see a notice.
	 */
	revisedOriginal?: { at: string; earlierBodyMarkdown: string }
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

/**
 * A fictional co-author of the demo drafts (no real people). Made with the
 * app's createUser and a password nobody knows: they write, they do not sign in.
 */
export interface SeedDraftPerson {
	key: string
	email: string
	name: string
	lang: SeedLang
	timeZone: string
}

/** One language of one section of a demo draft, as the editor holds it: Markdown with its heading line. */
export type SeedSectionText = string | null

/**
 * A demo policy draft, written through the app's own saves: a first
 * revision, later revisions that change some sections (by other authors),
 * optionally a review ending in publication, and comment threads.
 */
export interface SeedDraft {
	/** Stable identity for idempotent seeding (with the group and the English title). */
	key: string
	groupSlug: string
	/** Group roles of the co-authors (keys of `SeedContent.draftPeople`). */
	members: { person: string; role: 'lead' | 'member' | 'observer' }[]
	title: Bilingual<string>
	/** The language written first: its sections are the originals, the other language's their translations. */
	original: SeedLang
	/** Section ids (stable, [0-9a-z]) and each language's Markdown, in order. */
	sections: { id: string; en: SeedSectionText; zh: SeedSectionText }[]
	created: { by: string; at: string; message: string }
	/** Later saves, each based on the one before. */
	revisions: {
		by: string
		at: string
		message: string
		/** Sections whose text this save changes (`null` clears a language). */
		changes: { id: string; en?: SeedSectionText; zh?: SeedSectionText }[]
		/** `<section id>.<lang>`: translations confirmed as up to date in this save. */
		translated?: string[]
	}[]
	/** Sent for review, approved, made final and published. */
	publication?: { by: string; reviewers: string[]; requestedAt: string; approvedAt: string; publishedAt: string }
	comments: {
		by: string
		at: string
		section: string
		lang: SeedLang
		quote: string
		body: string
		/** People the body mentions as @Name. */
		mentions?: string[]
		replies?: { by: string; at: string; body: string }[]
		resolved?: { by: string; at: string }
	}[]
}

/**
 * A demo meeting. Times are relative to when the seed runs, so the demo
 * always has past and upcoming meetings: the given weekday and wall-clock
 * time in `timeZone`, in the week `weeksFromNow` weeks away (negative: past).
 */
export interface SeedMeeting {
	/** Stable identity for idempotent upserts: the English title, unique within its group. */
	groupSlug: string
	weeksFromNow: number
	/** 0 = Sunday … 6 = Saturday, in `timeZone`. */
	weekday: number
	/** `17:00`, on the clock of `timeZone`. */
	time: string
	durationMinutes: number
	/** The organizer's zone. */
	timeZone: string
	place: string
	onlineUrl: string
	title: Bilingual<string>
	agenda: Bilingual<string>[]
}

/** A demo member of the working groups (demo mode only, like the demo accounts): an invented person. */
export interface SeedGroupMember {
	email: string
	name: string
	role: 'researcher' | 'official'
	lang: SeedLang
	timeZone: string
	affiliation: string
}

/** Who is in which group (demo accounts and demo members, by email). */
export interface SeedMembership {
	groupSlug: string
	email: string
	role: 'lead' | 'member' | 'observer'
}

/** Demo minutes of a group's past meeting (demo mode: authors, owners and reviewers are demo members, by email). */
export interface SeedRecord {
	groupSlug: string
	/** The meeting, by its English title (unique within its group). */
	meetingTitleEn: string
	authorEmail: string
	reviewerEmails: string[]
	/** How far the review got: `in_review` waits for the reviewers. */
	outcome: 'in_review' | 'approved' | 'published'
	/** Markdown minutes in both languages. */
	minutes: Bilingual<string>
	decisions: Bilingual<string>[]
	actionItems: (Bilingual<string> & { ownerEmail: string; dueInDays: number })[]
}

export interface SeedContent {
	workingGroups: SeedWorkingGroup[]
	meetings: SeedMeeting[]
	records: SeedRecord[]
	tags: SeedTag[]
	newsPosts: SeedNewsPost[]
	draftPeople: SeedDraftPerson[]
	drafts: SeedDraft[]
	comparison: {
		/** Stable identity; the home page asks for this key. */
		key: string
		rows: SeedComparisonRow[]
		/** Citation of the paper the table comes from, per language. */
		source: Bilingual<string>
	}
}
