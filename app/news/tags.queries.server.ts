/** Topic tags of news posts: bilingual labels, kept by slug. */
import { sql } from '#db/client.server.ts'
import { inTransaction, type Queryable } from '#db/sql.server.ts'
import type { Lang } from '#app/i18n/config.ts'

export interface TagInput {
	slug: string
	/** A label per language; a language without one shows the other's. */
	label: Partial<Record<Lang, string>>
}

/** Adds a tag with its labels; a tag (or label) that exists is left as it is. */
export async function ensureTag(tag: TagInput, db: Queryable = sql): Promise<void> {
	await inTransaction(db, async (tx) => {
		await tx`insert into tags (slug) values (${tag.slug}) on conflict (slug) do nothing`
		for (const [lang, label] of Object.entries(tag.label)) {
			if (label === undefined) continue
			await tx`
				insert into tag_translations (tag_id, lang, label)
				select id, ${lang}, ${label} from tags where slug = ${tag.slug}
				on conflict do nothing
			`
		}
	})
}
