/** Working groups, in the reader's language. */
import { sql } from '#db/client.server.ts'
import { inTransaction, type Queryable } from '#db/sql.server.ts'
import type { Lang } from '#app/i18n/config.ts'

export interface WorkingGroupSummary {
	slug: string
	name: string
	summary: string
}

export async function listWorkingGroups({ lang }: { lang: Lang }): Promise<WorkingGroupSummary[]> {
	return sql<WorkingGroupSummary[]>`
		select g.slug, t.name, t.summary
		from working_groups g
		join working_group_translations t on t.group_id = g.id and t.lang = ${lang}
		order by g.sort_order, g.slug
	`
}

export interface WorkingGroupInput {
	slug: string
	sortOrder: number
	text: Record<Lang, { name: string; summary: string; description: string }>
}

/** Adds a group with its texts; a group (or text) that exists is left as it is. */
export async function ensureWorkingGroup(group: WorkingGroupInput, db: Queryable = sql): Promise<void> {
	await inTransaction(db, async (tx) => {
		await tx`insert into working_groups (slug, sort_order) values (${group.slug}, ${group.sortOrder}) on conflict (slug) do nothing`
		for (const [lang, text] of Object.entries(group.text)) {
			await tx`
				insert into working_group_translations (group_id, lang, name, summary, description)
				select id, ${lang}, ${text.name}, ${text.summary}, ${text.description} from working_groups where slug = ${group.slug}
				on conflict do nothing
			`
		}
	})
}
