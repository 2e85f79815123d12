/**
 * The newsroom editor's form, shared by the browser (instant errors) and the
 * server (the authority). Messages are translation keys. Both language
 * versions sit in one form; a version counts as written once any of its
 * title, summary or body has text, and then it must be complete.
 */
import { z } from 'zod'
import { boundedInt, EARLIEST_DATE, idField, LATEST_DATE, text as boundedText } from '#app/forms/fields.ts'
import { LANGS, otherLang, type Lang } from '#app/i18n/config.ts'

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/
export const TITLE_MAX = 200
export const SLUG_MAX = 120
export const SUMMARY_MAX = 600
export const SEO_DESCRIPTION_MAX = 300
export const COVER_ALT_MAX = 300
export const BODY_MAX = 100_000
/** More topics than any post needs; the editor offers far fewer. */
export const TAGS_MAX = 50
/** <input type=datetime-local>: `2026-11-28T09:30`, seconds optional. */
const WALL_TIME = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/

export const EDITOR_INTENTS = ['save', 'submit', 'publish', 'schedule', 'unpublish', 'archive', 'preview'] as const
export type EditorIntent = (typeof EDITOR_INTENTS)[number]

/** Typed text without NUL, within its column (app/forms/fields.ts), with this form's message. */
const text = (max: number, key: string) => boundedText({ max, tooLong: `newsroom:errors.${key}-too-long` })

/** A working group's slug from the select, or nothing. */
const optionalSlug = z
	.string()
	.max(SLUG_MAX, 'validation:invalid')
	.regex(SLUG_PATTERN, 'validation:invalid')
	.optional()
	.transform((value) => value ?? '')

/** A wall time whose year is within the portal's sane window (app/forms/fields.ts); the zone is applied later. */
function isSaneWallTime(value: string): boolean {
	const year = Number(WALL_TIME.exec(value)?.[1])
	return year >= EARLIEST_DATE.getUTCFullYear() && year < LATEST_DATE.getUTCFullYear()
}

const versionSchema = z
	.object({
		title: text(TITLE_MAX, 'title'),
		slug: text(SLUG_MAX, 'slug'),
		summary: text(SUMMARY_MAX, 'summary'),
		body: boundedText({ max: BODY_MAX, trim: false, tooLong: 'newsroom:errors.body-too-long' }),
		seoDescription: text(SEO_DESCRIPTION_MAX, 'seo-description'),
		coverAlt: text(COVER_ALT_MAX, 'cover-alt'),
		/** "This version matches the other one now": records the other's revision. */
		upToDate: z.boolean().optional().default(false),
	})
	.superRefine((version, ctx) => {
		if (!isWritten(version)) return
		if (!version.title) ctx.addIssue({ code: 'custom', path: ['title'], message: 'newsroom:errors.title-required' })
		if (!version.body) ctx.addIssue({ code: 'custom', path: ['body'], message: 'newsroom:errors.body-required' })
		if (version.slug && !SLUG_PATTERN.test(version.slug)) {
			ctx.addIssue({ code: 'custom', path: ['slug'], message: 'newsroom:errors.slug-invalid' })
		}
	})

export type VersionFields = z.output<typeof versionSchema>

export function isWritten(version: Pick<VersionFields, 'title' | 'summary' | 'body'>): boolean {
	return Boolean(version.title || version.summary || version.body)
}

export const newsPostSchema = z
	.object({
		intent: z.enum(EDITOR_INTENTS).default('save'),
		/** The post's version when the editor loaded it (absent for a new post). */
		version: boundedInt({ min: 1 }).optional(),
		/** Set by the conflict notice's "keep mine" button: the version the editor has now seen. */
		overwrite: boundedInt({ min: 1 }).optional(),
		workingGroup: optionalSlug,
		/** An uploaded image's id; one that does not exist is no cover (the save looks it up). */
		coverMediaId: idField.optional().transform((value) => value ?? ''),
		tags: z
			.array(z.string().max(SLUG_MAX, 'validation:invalid').regex(SLUG_PATTERN, 'validation:invalid'))
			.max(TAGS_MAX, 'validation:invalid')
			.optional()
			.default([]),
		/** Wall-clock time in the editor's time zone, from <input type=datetime-local>. */
		publishAt: z
			.string()
			.max(19, 'newsroom:errors.publish-at-invalid')
			.regex(WALL_TIME, 'newsroom:errors.publish-at-invalid')
			.refine(isSaneWallTime, 'validation:date.range')
			.optional(),
		en: versionSchema.optional().default({}),
		zh: versionSchema.optional().default({}),
		/** Which version is the original (the other is its translation). */
		original: z.enum(LANGS).optional(),
	})
	.superRefine((post, ctx) => {
		if (post.intent === 'preview') return
		if (!LANGS.some((lang) => isWritten(post[lang]))) {
			ctx.addIssue({ code: 'custom', path: [], message: 'newsroom:errors.no-version' })
		}
		if (post.intent === 'schedule' && !post.publishAt) {
			ctx.addIssue({ code: 'custom', path: ['publishAt'], message: 'newsroom:errors.publish-at-required' })
		}
	})

export type NewsPostForm = z.output<typeof newsPostSchema>
export type NewsPostFormInput = z.input<typeof newsPostSchema>

/**
 * A URL slug from a title: lower-case ASCII words joined by hyphens. Titles
 * in Chinese give nothing here; the editor then uses the English slug.
 */
export function slugify(title: string): string {
	return title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, SLUG_MAX)
		.replace(/-+$/, '')
}

/** The slug a version will be saved under: typed, else from its title, else the other language's. */
export function resolveSlug(form: Pick<NewsPostForm, Lang>, lang: Lang): string {
	const own = form[lang]
	if (own.slug) return own.slug
	const fromTitle = slugify(own.title)
	if (fromTitle) return fromTitle
	const other = form[otherLang(lang)]
	return other.slug || slugify(other.title)
}

/** A stored language version as the editor's fields (all empty for a version not written). */
export function versionFields(
	version: { slug: string; title: string; summary: string; bodyMarkdown: string; seoDescription: string; coverAlt: string } | undefined,
) {
	return {
		slug: version?.slug ?? '',
		title: version?.title ?? '',
		summary: version?.summary ?? '',
		body: version?.bodyMarkdown ?? '',
		seoDescription: version?.seoDescription ?? '',
		coverAlt: version?.coverAlt ?? '',
	}
}
