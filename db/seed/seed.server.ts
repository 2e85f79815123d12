/**
 * Loads the demo content in both languages through the app's own functions
 * (the same saves the newsroom makes), so demo data obeys every rule real data
 * does: revisions, translation counters, the workflow. Idempotent: every item
 * is keyed by a natural key (slug, key, a post's slugs) and added only when
 * missing, so seeding twice changes nothing. One transaction: all or nothing.
 */
import type { Sql } from '../sql.server.ts'
import { LANGS } from '#app/i18n/config.ts'
import { ensureWorkingGroup } from '#app/groups/groups.queries.server.ts'
import { ensurePolicyComparison } from '#app/home/policy-comparison.queries.server.ts'
import { findPostIdBySlug } from '#app/news/newsroom.queries.server.ts'
import { savePost, type PostInput } from '#app/news/post-save.queries.server.ts'
import { ensureTag } from '#app/news/tags.queries.server.ts'
import { isDatabaseEmpty } from '#app/site/content-state.queries.server.ts'
import type { Queryable } from '../sql.server.ts'
import { seedContent } from './content/index.ts'
import { ensureDrafts } from './drafts.server.ts'
import type { SeedContent, SeedNewsPost } from './types.ts'

export { isDatabaseEmpty }

export async function seed({
	sql,
	content = seedContent,
	now = new Date(),
}: {
	sql: Sql
	content?: SeedContent
	/** When the seed runs: drafts and scheduled posts are written then. */
	now?: Date
}): Promise<void> {
	await sql.begin(async (tx) => {
		for (const group of content.workingGroups) await ensureWorkingGroup(group, tx)
		await ensurePolicyComparison(content.comparison, tx)
		for (const tag of content.tags) await ensureTag(tag, tx)
		for (const post of content.newsPosts) await ensurePost({ post, now, db: tx })
		await ensureDrafts({ people: content.draftPeople, drafts: content.drafts, db: tx })
	})
}

/** Adds a demo post unless one of its slugs is taken (then it, or its successor, is there). */
async function ensurePost({ post, now, db }: { post: SeedNewsPost; now: Date; db: Queryable }) {
	for (const lang of LANGS) {
		const text = post.text[lang]
		if (text && (await findPostIdBySlug({ lang, slug: text.slug }, db))) return
	}
	const publishedAt = new Date(post.publishedAt)
	const status = post.status ?? 'published'
	// A post scheduled for a time that has passed since the demo was written is simply published then.
	const step = status === 'draft' ? 'save' : status === 'scheduled' && publishedAt > now ? 'schedule' : 'publish'
	// Published posts were written when they were published, not when the seed ran:
	// readers would otherwise see every demo post "updated" today.
	const writtenAt = step === 'publish' ? publishedAt : now
	const first = await savePost({
		postId: null,
		expectedVersion: null,
		actor: null,
		input: postInput(post, { earlierOriginal: post.revisedOriginal?.earlierBodyMarkdown }),
		step,
		publishAt: step === 'schedule' ? publishedAt : null,
		now: writtenAt,
		db,
	})
	if (first.kind !== 'saved') throw new Error(`Seed post ${post.key}: ${first.kind}`)
	if (post.revisedOriginal) {
		// The original's later revision, after the translation was made: it is now outdated.
		const revised = await savePost({
			postId: first.id,
			expectedVersion: first.version,
			actor: null,
			input: postInput(post, { translationConfirmed: false }),
			step: 'save',
			now: new Date(post.revisedOriginal.at),
			db,
		})
		if (revised.kind !== 'saved') throw new Error(`Seed post ${post.key}, revision: ${revised.kind}`)
	}
}

/**
 * The editor's input for a demo post. The version in the other language than
 * the original is its translation, confirmed as matching the original
 * (unless `translationConfirmed` is false).
 */
function postInput(
	post: SeedNewsPost,
	{ earlierOriginal, translationConfirmed = true }: { earlierOriginal?: string; translationConfirmed?: boolean },
): PostInput {
	const bilingual = LANGS.every((lang) => post.text[lang])
	const versions = {} as PostInput['versions']
	for (const lang of LANGS) {
		const text = post.text[lang]
		const isOriginal = lang === post.original
		versions[lang] = {
			slug: text?.slug ?? '',
			title: text?.title ?? '',
			summary: text?.summary ?? '',
			body: (isOriginal && earlierOriginal) || (text?.bodyMarkdown ?? ''),
			seoDescription: text?.seoDescription ?? '',
			coverAlt: '',
			upToDate: bilingual && !isOriginal && translationConfirmed,
		}
	}
	return { workingGroupSlug: post.groupSlug, coverMediaId: null, tags: post.tags, versions }
}
