/**
 * News content for e2e tests, written through the app's own functions (the
 * newsroom's save, the media store, tags), so a test's post is in exactly the
 * state an editor's clicks would leave it in: revisions, translation
 * counters, workflow dates. Tests give each post its own tag so parallel
 * tests never see each other's posts in a filtered listing.
 */
import { randomBytes } from 'node:crypto'
import { LANGS, type Lang } from '#app/i18n/config.ts'
import { storeImage } from '#app/media/media.queries.server.ts'
import { savePost, type PostInput } from '#app/news/post-save.queries.server.ts'
import { ensureTag } from '#app/news/tags.queries.server.ts'
import { jpegImage } from '#app/testing/image-fixtures.ts'

// The app's database pool and storage read these on first use; the e2e server uses the same.
process.env.DATABASE_URL ??= process.env.E2E_DATABASE_URL
process.env.UPLOAD_DIR ??= '.cache/e2e-uploads'

const MINUTE_MS = 60_000

export interface TestVersion {
	slug?: string
	title: string
	summary?: string
	body?: string
	coverAlt?: string
	seoDescription?: string
}

export interface TestPost {
	id: string
	slugs: Partial<Record<Lang, string>>
	titles: Partial<Record<Lang, string>>
}

/**
 * A news post as the newsroom would leave it:
 *  - `published` at `publishedAt` (also a future date: then it is not public yet);
 *  - `scheduled` for `publishedAt`; `draft`; `archived` after being published at `publishedAt`;
 *  - a version in `translationOf`'s other language is saved as its confirmed translation;
 *  - `outdatedTranslation`: the original was revised after it was translated.
 */
export async function createNewsPost({
	status = 'published',
	publishedAt,
	versions,
	tags = [],
	group = null,
	cover = false,
	authorId = null,
	original = 'en',
	outdatedTranslation = false,
}: {
	status?: 'draft' | 'scheduled' | 'published' | 'archived'
	publishedAt: Date | string | null
	versions: Partial<Record<Lang, TestVersion>>
	tags?: { slug: string; label?: Partial<Record<Lang, string>> }[]
	group?: string | null
	/** A 1200×630 JPEG cover, stored like an upload. */
	cover?: boolean
	authorId?: string | null
	/** Which version is the original when both are given. */
	original?: Lang
	outdatedTranslation?: boolean
}): Promise<TestPost> {
	for (const tag of tags) await ensureTag({ slug: tag.slug, label: tag.label ?? { en: `Topic ${tag.slug}` } })
	let coverMediaId: string | null = null
	if (cover) {
		const stored = await storeImage({ bytes: jpegImage({ width: 1200, height: 630 }), originalName: 'cover.jpg', uploadedBy: authorId })
		if (!stored.ok) throw new Error(`cover: ${stored.error}`)
		coverMediaId = stored.image.id
	}
	const bilingual = LANGS.every((lang) => versions[lang])
	const slugs = Object.fromEntries(
		LANGS.flatMap((lang) => (versions[lang] ? [[lang, versions[lang].slug ?? `e2e-${lang}-${randomBytes(5).toString('hex')}`]] : [])),
	) as Partial<Record<Lang, string>>
	const input = (confirmed: boolean, originalBody?: (body: string) => string): PostInput => ({
		workingGroupSlug: group,
		coverMediaId,
		tags: tags.map((tag) => tag.slug),
		versions: Object.fromEntries(
			LANGS.map((lang) => {
				const v = versions[lang]
				const body = v ? (v.body ?? `Body of ${v.title}.`) : ''
				return [
					lang,
					{
						slug: slugs[lang] ?? '',
						title: v?.title ?? '',
						summary: v ? (v.summary ?? `Summary of ${v.title}`) : '',
						body: v && lang === original && originalBody ? originalBody(body) : body,
						seoDescription: v?.seoDescription ?? '',
						coverAlt: v?.coverAlt ?? '',
						upToDate: confirmed && bilingual && lang !== original,
					},
				]
			}),
		) as PostInput['versions'],
	})
	const at = publishedAt ? new Date(publishedAt) : new Date()
	const firstInput = input(true, outdatedTranslation ? (body) => `${body}\n\nAn earlier wording.` : undefined)
	// The save happens just before a scheduled time, so the time is still ahead.
	const step = status === 'draft' ? 'save' : status === 'scheduled' ? 'schedule' : 'publish'
	const saveAt = status === 'scheduled' ? new Date(Math.min(Date.now(), at.getTime() - MINUTE_MS)) : status === 'draft' ? new Date() : at
	let saved = await savePost({ postId: null, expectedVersion: null, actor: authorId ? { id: authorId } : null, input: firstInput, step, publishAt: at, now: saveAt })
	if (saved.kind !== 'saved') throw new Error(`createNewsPost: ${saved.kind} ${JSON.stringify(saved)}`)
	const later = async (step: 'save' | 'archive', postInput: PostInput) => {
		if (saved.kind !== 'saved') return
		saved = await savePost({ postId: saved.id, expectedVersion: saved.version, actor: authorId ? { id: authorId } : null, input: postInput, step, now: at })
		if (saved.kind !== 'saved') throw new Error(`createNewsPost (${step}): ${saved.kind}`)
	}
	// The original's later revision leaves the translation behind.
	if (outdatedTranslation) await later('save', input(false))
	if (status === 'archived') await later('archive', input(false))
	return {
		id: saved.id,
		slugs,
		titles: Object.fromEntries(LANGS.flatMap((lang) => (versions[lang] ? [[lang, versions[lang].title]] : []))),
	}
}
