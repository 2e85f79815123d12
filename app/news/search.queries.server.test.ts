/** The news in the search index follows the post's saves: found when public, gone when not. */
import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import { searchDocuments } from '#app/search/search.queries.server.ts'
import { savePost, type PostInput } from './post-save.queries.server.ts'

const NOW = new Date('2026-11-23T18:00:00Z')
const LATER = new Date('2026-12-01T09:00:00Z')

function input(word: string, zhWord: string): PostInput {
	const version = (slug: string, title: string, body: string) => ({ slug, title, summary: '', body, seoDescription: '', coverAlt: '', upToDate: false })
	return {
		workingGroupSlug: null,
		coverMediaId: null,
		tags: ['batteries'],
		versions: {
			en: version(`search-${word}`, `Battery swapping ${word}`, `Notes on ${word} for **heavy trucks**.`),
			zh: version(`search-zh-${word}`, `换电${zhWord}`, `关于${zhWord}的说明。`),
		},
	}
}

const found = async (q: string, now = NOW) => {
	const answer = await searchDocuments({ q, lang: 'en', reader: null, now })
	return answer.results.map((r) => r.refId)
}

describe('news in the search index', () => {
	test('a draft is not found; published, it is found in both languages; unpublished, gone again', async () => {
		const word = `zq${randomBytes(4).toString('hex')}`
		const zhWord = '鲲鹏重卡示范'
		const saved = await savePost({ postId: null, expectedVersion: null, actor: null, input: input(word, zhWord), step: 'save', now: NOW })
		if (saved.kind !== 'saved') throw new Error(saved.kind)
		expect(await found(word)).toEqual([])
		await savePost({ postId: saved.id, expectedVersion: 1, actor: null, input: input(word, zhWord), step: 'publish', now: NOW })
		expect(await found(word)).toEqual([saved.id])
		expect(await found('鲲鹏重卡')).toContain(saved.id)
		await savePost({ postId: saved.id, expectedVersion: 2, actor: null, input: input(word, zhWord), step: 'unpublish', now: NOW })
		expect(await found(word)).toEqual([])
	})

	test('a scheduled post is found from its minute on, not before', async () => {
		const word = `zq${randomBytes(4).toString('hex')}`
		const saved = await savePost({ postId: null, expectedVersion: null, actor: null, input: input(word, '海豚'), step: 'schedule', publishAt: LATER, now: NOW })
		if (saved.kind !== 'saved') throw new Error(saved.kind)
		expect(await found(word, NOW)).toEqual([])
		expect(await found(word, LATER)).toEqual([saved.id])
		const [row] = await sql<{ count: number }[]>`select count(*)::int as count from search_documents where kind = 'news' and ref_id = ${saved.id}`
		expect(row?.count).toBe(2)
	})
})
