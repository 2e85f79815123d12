/**
 * Rebuilding the search index from the features' own tables: after a
 * change of the analyzer (ANALYZER_VERSION), a restore, or to repair drift.
 * Each feature describes its documents as a SearchSource; the rebuild reads
 * them in batches and rewrites their rows, then removes the rows of those
 * kinds it did not rewrite (documents that no longer exist).
 *
 * The site stays up meanwhile: every batch is its own short transaction,
 * and reads its documents and writes their rows in one REPEATABLE READ
 * snapshot. A feature saving the same document concurrently either commits
 * first (then the batch fails to serialize and is retried, reading the new
 * version) or waits for the batch; stale text never overwrites a newer save.
 */
import type { Sql, Queryable } from '#db/sql.server.ts'
import { indexDocuments, oldestRunningTransactionStart, removeIndexedBefore } from './index.queries.server.ts'
import type { SearchDocumentInput, SearchKind } from './types.ts'

export interface SearchSource {
	kind: SearchKind
	/** How many documents there are, for the progress bar (optional). */
	count?(tx: Queryable): Promise<number>
	/**
	 * Up to `limit` documents after `cursor` (null: from the start), in a
	 * stable order, read with `tx`; `nextCursor` null when there are no more.
	 * Documents readers may not see at all (deleted, archived) are left out;
	 * hidden ones are returned with the audience that hides them.
	 */
	readBatch(args: {
		tx: Queryable
		cursor: string | null
		limit: number
	}): Promise<{ documents: SearchDocumentInput[]; nextCursor: string | null }>
	/**
	 * Brings every document of this kind that belongs to the working group in
	 * line with it, in the caller's transaction: called when the group's
	 * visibility changes, since who may read its documents changes with it.
	 */
	syncGroup?(tx: Queryable, groupId: string): Promise<void>
}

export interface ReindexReport {
	indexed: number
	removed: number
	retries: number
	seconds: number
}

const DEFAULT_BATCH_SIZE = 500
/** A batch that keeps colliding with features' saves is retried this often before the rebuild gives up. */
const MAX_BATCH_ATTEMPTS = 5
const SERIALIZATION_FAILURE = '40001'

export async function reindex({
	sql,
	sources,
	batchSize = DEFAULT_BATCH_SIZE,
	onProgress = () => {},
}: {
	sql: Sql
	sources: SearchSource[]
	batchSize?: number
	/** Called after each batch with the number of documents it wrote; and once with the total first. */
	onProgress?: (event: { type: 'total'; total: number } | { type: 'batch'; kind: SearchKind; count: number }) => void
}): Promise<ReindexReport> {
	const started = performance.now()
	// Rows stamped before this were written before the rebuild began.
	const startedAt = await oldestRunningTransactionStart(sql)
	let total = 0
	for (const source of sources) total += source.count ? await source.count(sql) : 0
	onProgress({ type: 'total', total })

	let indexed = 0
	let removed = 0
	let retries = 0
	for (const source of sources) {
		let cursor: string | null = null
		do {
			for (let attempt = 1; ; attempt++) {
				try {
					const result: { count: number; nextCursor: string | null } = await sql.begin(
						'isolation level repeatable read',
						async (tx) => {
							const batch = await source.readBatch({ tx, cursor, limit: batchSize })
							const wrong = batch.documents.find((doc) => doc.kind !== source.kind)
							if (wrong) throw new Error(`The ${source.kind} source returned a ${wrong.kind} document`)
							await indexDocuments(tx, batch.documents)
							return { count: batch.documents.length, nextCursor: batch.nextCursor }
						},
					)
					indexed += result.count
					cursor = result.nextCursor
					onProgress({ type: 'batch', kind: source.kind, count: result.count })
					break
				} catch (error) {
					if (!isSerializationFailure(error) || attempt >= MAX_BATCH_ATTEMPTS) throw error
					retries++
				}
			}
		} while (cursor !== null)
		removed += await sql.begin((tx) => removeIndexedBefore(tx, { kind: source.kind, before: startedAt }))
	}
	return { indexed, removed, retries, seconds: (performance.now() - started) / 1000 }
}

function isSerializationFailure(error: unknown): boolean {
	return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === SERIALIZATION_FAILURE
}
