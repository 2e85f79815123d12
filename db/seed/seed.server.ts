/**
 * Loads the demo content in both languages. Idempotent: every row is keyed
 * by a natural key (slug, key, or a news post's slugs) and inserted only when
 * missing, so seeding twice changes nothing. One transaction: all or nothing.
 */
import type { Sql } from '../sql.server.ts'
import { seedContent } from './content.ts'
import type { SeedContent, SeedLang } from './types.ts'

export async function seed({
	sql,
	content = seedContent,
}: {
	sql: Sql
	content?: SeedContent
}): Promise<void> {
	await sql.begin(async (tx) => {
		for (const group of content.workingGroups) {
			const groupId = await upsertId(
				tx`insert into working_groups (slug, sort_order) values (${group.slug}, ${group.sortOrder})
					on conflict (slug) do nothing returning id`,
				tx`select id from working_groups where slug = ${group.slug}`,
			)
			for (const [lang, text] of entries(group.text)) {
				await tx`
					insert into working_group_translations (group_id, lang, name, summary, description)
					values (${groupId}, ${lang}, ${text.name}, ${text.summary}, ${text.description})
					on conflict do nothing
				`
			}
		}

		const { comparison } = content
		const comparisonId = await upsertId(
			tx`insert into policy_comparisons (key) values (${comparison.key}) on conflict (key) do nothing returning id`,
			tx`select id from policy_comparisons where key = ${comparison.key}`,
		)
		for (const [lang, source] of entries(comparison.source)) {
			await tx`
				insert into policy_comparison_translations (comparison_id, lang, source)
				values (${comparisonId}, ${lang}, ${source})
				on conflict do nothing
			`
		}
		for (const row of comparison.rows) {
			const rowId = await upsertId(
				tx`insert into policy_comparison_rows (comparison_id, key, sort_order)
					values (${comparisonId}, ${row.key}, ${row.sortOrder})
					on conflict (comparison_id, key) do nothing returning id`,
				tx`select id from policy_comparison_rows where comparison_id = ${comparisonId} and key = ${row.key}`,
			)
			for (const [lang, text] of entries(row.text)) {
				await tx`
					insert into policy_comparison_row_translations (row_id, lang, element, china, usa)
					values (${rowId}, ${lang}, ${text.element}, ${text.china}, ${text.usa})
					on conflict do nothing
				`
			}
		}

		for (const tag of content.tags) {
			const tagId = await upsertId(
				tx`insert into tags (slug) values (${tag.slug}) on conflict (slug) do nothing returning id`,
				tx`select id from tags where slug = ${tag.slug}`,
			)
			for (const [lang, label] of entries(tag.label)) {
				await tx`insert into tag_translations (tag_id, lang, label) values (${tagId}, ${lang}, ${label}) on conflict do nothing`
			}
		}

		for (const post of content.newsPosts) {
			const versions = entries(post.text)
			// A post is "already there" when any of its language versions is.
			let exists = false
			for (const [lang, text] of versions) {
				const [found] = await tx`select 1 from news_post_translations where lang = ${lang} and slug = ${text.slug}`
				exists ||= Boolean(found)
			}
			if (exists) continue
			const status = post.status ?? 'published'
			// Written when it was published, not when the seed ran: readers would
			// otherwise see every demo post "updated" today.
			const writtenAt = status === 'published' ? new Date(post.publishedAt) : new Date()
			const [created] = await tx<{ id: string }[]>`
				insert into news_posts (status, published_at, working_group_id, created_at, updated_at)
				values (
					${status},
					${status === 'draft' ? null : new Date(post.publishedAt)},
					(select id from working_groups where slug = ${post.groupSlug}),
					${writtenAt}, ${writtenAt}
				)
				returning id
			`
			const bilingual = versions.length === 2
			for (const [lang, text] of versions) {
				const isOriginal = lang === post.original
				// An outdated translation: the original is at revision 2, its
				// translation still records revision 1.
				const revision = isOriginal && post.translationOutdated ? 2 : 1
				const translatedFrom = bilingual && !isOriginal ? 1 : null
				await tx`
					insert into news_post_translations (
						post_id, lang, slug, title, summary, body_markdown, seo_description, revision, translated_from_revision,
						created_at, updated_at
					)
					values (
						${created!.id}, ${lang}, ${text.slug}, ${text.title}, ${text.summary}, ${text.bodyMarkdown},
						${text.seoDescription}, ${revision}, ${translatedFrom}, ${writtenAt}, ${writtenAt}
					)
				`
			}
			for (const tag of post.tags) {
				await tx`
					insert into news_post_tags (post_id, tag_id)
					select ${created!.id}, id from tags where slug = ${tag}
				`
			}
			await tx`
				insert into news_post_revisions (post_id, version, action, snapshot, created_at)
				values (${created!.id}, 1, 'create', news_post_snapshot(${created!.id}), ${writtenAt})
			`
		}
	})
}

/** True when nothing has been created yet: `npm start` seeds such a database. */
export async function isDatabaseEmpty(sql: Sql): Promise<boolean> {
	const [row] = await sql<{ empty: boolean }[]>`
		select not exists (select 1 from working_groups) and not exists (select 1 from news_posts) as empty
	`
	return row?.empty ?? true
}

/** The id of the row `insert` created, or of the one `select` finds. */
async function upsertId(
	insert: PromiseLike<readonly { id: string }[]>,
	select: PromiseLike<readonly { id: string }[]>,
): Promise<string> {
	// postgres.js runs a query only when awaited: `select` runs only if needed.
	const [inserted] = await insert
	if (inserted) return inserted.id
	const [found] = await select
	if (!found) throw new Error('Seed row vanished between insert and select')
	return found.id
}

function entries<T>(byLang: Partial<Record<SeedLang, T>>): [SeedLang, T][] {
	return (Object.entries(byLang) as [SeedLang, T | undefined][]).filter(
		(entry): entry is [SeedLang, T] => entry[1] !== undefined,
	)
}
