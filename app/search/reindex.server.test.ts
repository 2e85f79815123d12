import { expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import { indexDocuments } from './index.queries.server.ts'
import { reindex, type SearchSource } from './reindex.server.ts'
import type { SearchDocumentInput, SearchKind } from './types.ts'

function document(kind: SearchKind, refId: string, title: string): SearchDocumentInput {
	return { kind, refId, lang: 'en', title, body: '', audience: 'public', date: new Date('2025-01-01'), urlParts: {} }
}

/** A source over an array, paged by position. */
function arraySource(kind: SearchKind, documents: SearchDocumentInput[], hooks: { beforeRead?: () => void } = {}): SearchSource {
	return {
		kind,
		count: async () => documents.length,
		readBatch: async ({ cursor, limit }) => {
			hooks.beforeRead?.()
			const start = cursor === null ? 0 : Number(cursor)
			const next = start + limit
			return { documents: documents.slice(start, next), nextCursor: next < documents.length ? String(next) : null }
		},
	}
}

async function indexedTitles(kind: SearchKind): Promise<string[]> {
	const rows = await sql<{ title: string }[]>`select title from search_documents where kind = ${kind} order by title`
	return rows.map((row) => row.title)
}

test('rewrites every document in batches, sweeps the stale ones of its kinds, leaves other kinds alone', async () => {
	// Only this test's rows: the seed's documents (groups, news…) go.
	await sql`delete from search_documents`
	await sql.begin((tx) =>
		indexDocuments(tx, [
			document('record', 'r-1', 'Old text'),
			document('record', 'r-deleted', 'Deleted long ago'),
			document('group', 'g-1', 'Another kind'),
		]),
	)
	const records = Array.from({ length: 7 }, (_, i) => document('record', `r-${i + 1}`, `Record ${i + 1}`))
	const events: unknown[] = []
	const report = await reindex({
		sql,
		sources: [arraySource('record', records)],
		batchSize: 3,
		onProgress: (event) => events.push(event),
	})
	expect(report).toMatchObject({ indexed: 7, removed: 1, retries: 0 })
	expect(await indexedTitles('record')).toEqual(records.map((doc) => doc.title).sort())
	expect(await indexedTitles('group')).toEqual(['Another kind'])
	expect(events).toEqual([
		{ type: 'total', total: 7 },
		{ type: 'batch', kind: 'record', count: 3 },
		{ type: 'batch', kind: 'record', count: 3 },
		{ type: 'batch', kind: 'record', count: 1 },
	])
})

test('a batch that collides with a concurrent save is retried', async () => {
	let failures = 1
	const source = arraySource('meeting', [document('meeting', 'm-1', 'Minutes')], {
		beforeRead: () => {
			if (failures-- > 0) throw Object.assign(new Error('could not serialize access'), { code: '40001' })
		},
	})
	const report = await reindex({ sql, sources: [source] })
	expect(report).toMatchObject({ indexed: 1, retries: 1 })
	expect(await indexedTitles('meeting')).toEqual(['Minutes'])
})

test('a source returning another kind stops the rebuild and writes nothing of that batch', async () => {
	const source = arraySource('draft', [document('news', 'n-wrong', 'Wrong kind')])
	await expect(reindex({ sql, sources: [source] })).rejects.toThrow('The draft source returned a news document')
	expect(await indexedTitles('news')).not.toContain('Wrong kind')
})
