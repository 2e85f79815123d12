/** Whether the portal holds any content yet: `npm start` fills an empty database with the demo. */
import type { Queryable } from '#db/sql.server.ts'

export async function isDatabaseEmpty(db: Queryable): Promise<boolean> {
	const [row] = await db<{ empty: boolean }[]>`
		select not exists (select 1 from working_groups) and not exists (select 1 from news_posts) as empty
	`
	return row?.empty ?? true
}
