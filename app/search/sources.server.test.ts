/** The rebuild from every registered source gives back exactly what the features' saves indexed (the seed's documents). */
import { expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import { reindex } from './reindex.server.ts'
import { SEARCH_SOURCES } from './sources.server.ts'
import { SEARCH_KINDS } from './types.ts'

const snapshot = () =>
	sql<{ key: string }[]>`
		select concat_ws('|', kind, ref_id, lang, audience, group_id, title, body, url_parts::text, date::text) as key
		from search_documents order by kind, ref_id, lang
	`

test('every kind has a source, and a rebuild changes nothing the saves wrote', async () => {
	expect(SEARCH_SOURCES.map((source) => source.kind).sort()).toEqual([...SEARCH_KINDS].sort())
	const before = await snapshot()
	const kinds = new Set(before.map((row) => row.key.split('|')[0]))
	// The seed went through the features' saves: its kinds are there (records are written by the demo mode only).
	expect([...kinds].sort()).toEqual(['draft', 'group', 'meeting', 'news'])
	const report = await reindex({ sql, sources: SEARCH_SOURCES })
	expect(report.removed).toBe(0)
	expect(await snapshot()).toEqual(before)
})
