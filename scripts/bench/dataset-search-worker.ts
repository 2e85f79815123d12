/**
 * One stream of the bench dataset's search index rebuild (./dataset-lab.ts),
 * in a worker thread: the app's own rebuild (app/search/reindex.server.ts)
 * over the sources of the kinds it is given, on its own connection.
 * Reports the rebuild's progress events to the parent, then `done`.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createSql } from '#db/sql.server.ts'
import { reindex } from '#app/search/reindex.server.ts'
import { SEARCH_SOURCES } from '#app/search/sources.server.ts'

const { url, kinds } = workerData as { url: string; kinds: string[] }
const sql = createSql(url, { max: 1 })
try {
	const report = await reindex({
		sql,
		sources: SEARCH_SOURCES.filter((source) => kinds.includes(source.kind)),
		onProgress: (event) => parentPort!.postMessage(event),
	})
	parentPort!.postMessage({ type: 'done', report })
} finally {
	await sql.end()
}
