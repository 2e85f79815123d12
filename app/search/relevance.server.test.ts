/**
 * Recall@10 and MRR of the search on the relevance set; fails under the
 * thresholds recorded in docs/decisions/020-bilingual-search.md.
 */
import { beforeAll, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import { indexDocuments } from './index.queries.server.ts'
import {
	RELEVANCE_FILLER_COUNT,
	RELEVANCE_QUERIES,
	fillerDocuments,
	relevanceDocuments,
	scoreRelevance,
} from './relevance-set.ts'
import { searchDocuments } from './search.queries.server.ts'

/** Thresholds from ADR 020 (measured: see there). */
const MIN_RECALL_AT_10 = 0.95
const MIN_MRR = 0.85
/** Documents that have a query's characters but not its word, found in the first ten. */
const MAX_UNWANTED_HITS = 0

const NOW = new Date('2025-06-01T00:00:00Z')

beforeAll(async () => {
	await sql.begin((tx) => indexDocuments(tx, [...relevanceDocuments(), ...fillerDocuments({ count: RELEVANCE_FILLER_COUNT })]))
})

test('the relevance set has at least 40 queries in each language', () => {
	const chinese = RELEVANCE_QUERIES.filter((query) => /\p{Script=Han}/u.test(query.q))
	expect(chinese.length).toBeGreaterThanOrEqual(20)
	expect(RELEVANCE_QUERIES.length - chinese.length).toBeGreaterThanOrEqual(20)
	expect(RELEVANCE_QUERIES.length).toBeGreaterThanOrEqual(40)
})

test(`recall@10 ≥ ${MIN_RECALL_AT_10}, MRR ≥ ${MIN_MRR}, unwanted hits ≤ ${MAX_UNWANTED_HITS}`, async () => {
	const ranked = new Map<string, string[]>()
	for (const query of RELEVANCE_QUERIES) {
		const response = await searchDocuments({ q: query.q, lang: 'en', reader: null, now: NOW, pageSize: 10 })
		ranked.set(
			query.q,
			response.results.map((result) => result.refId),
		)
	}
	const score = scoreRelevance(ranked)
	console.log(
		`relevance: ${RELEVANCE_QUERIES.length} queries, recall@10 ${score.recallAt10.toFixed(3)}, ` +
			`MRR ${score.mrr.toFixed(3)}, unwanted hits ${score.unwantedHits}`,
	)
	for (const miss of score.misses) {
		console.log(`  ${miss.q}: missing [${miss.missing.join(', ')}] unwanted [${miss.unwanted.join(', ')}] got [${miss.got.join(', ')}]`)
	}
	expect(score.recallAt10).toBeGreaterThanOrEqual(MIN_RECALL_AT_10)
	expect(score.mrr).toBeGreaterThanOrEqual(MIN_MRR)
	expect(score.unwantedHits).toBeLessThanOrEqual(MAX_UNWANTED_HITS)
})
