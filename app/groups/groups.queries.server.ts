/** Working groups, in the reader's language. */
import { sql } from '#db/client.server.ts'
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
