import { beforeAll, describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import { indexDocument, indexDocuments, InvalidSearchDocumentError, removeFromIndex } from './index.queries.server.ts'
import { seededRandom } from './relevance-set.ts'
import { COUNT_CAP, searchDocuments, type SearchParams } from './search.queries.server.ts'
import type { SearchDocumentInput, SearchReader, SearchResponse } from './types.ts'

const NOW = new Date('2025-06-01T12:00:00Z')

let groupA = ''
let groupB = ''

function doc(overrides: Partial<SearchDocumentInput> & Pick<SearchDocumentInput, 'refId' | 'title'>): SearchDocumentInput {
	return {
		kind: 'news',
		lang: 'en',
		body: '',
		audience: 'public',
		date: new Date('2025-01-15T00:00:00Z'),
		urlParts: { slug: overrides.refId },
		...overrides,
	}
}

async function search(q: string, params: Partial<SearchParams> = {}) {
	return searchDocuments({ q, lang: 'en', reader: null, now: NOW, ...params })
}

function refIds(response: SearchResponse): string[] {
	return response.results.map((result) => result.refId)
}

function ok(response: SearchResponse) {
	if (response.status !== 'ok') throw new Error(`expected results, got ${response.status}`)
	return response
}

beforeAll(async () => {
	// The engine's cases count on an index of their own documents: the seed's (news, groups, meetings…) go.
	await sql`delete from search_documents`
	const groups = await sql<{ id: string }[]>`
		insert into working_groups (slug) values ('search-test-a'), ('search-test-b') returning id
	`
	groupA = groups[0]!.id
	groupB = groups[1]!.id
	await sql.begin((tx) =>
		indexDocuments(tx, [
			doc({ refId: 'zh-subsidy', lang: 'zh', title: '购车补贴政策延续至2027年', body: '新能源汽车购车补贴政策将延续，电动汽车和插电混动车型均可享受。' }),
			doc({ refId: 'zh-credit', lang: 'zh', title: '工信部修订"双积分"政策', body: '乘用车企业平均燃料消耗量与新能源汽车积分并行管理办法，即"双积分"政策。' }),
			doc({ refId: 'zh-charging', lang: 'zh', title: '充电桩建设提速', body: '各地加快充电基础设施建设，公共充电桩数量增长。' }),
			doc({ refId: 'zh-zev', lang: 'zh', title: '加州ZEV政策解读', body: '加州零排放汽车（ZEV）政策要求车企销售一定比例的零排放车辆。' }),
			doc({ refId: 'en-tariff', title: 'New tariff on imported electric vehicles', body: 'The administration announced a tariff of 100 percent on Chinese EVs.' }),
			doc({ refId: 'en-charging', title: 'Building a national network', body: 'Federal funds support charging infrastructure along highways.' }),
			doc({ refId: 'en-reverse', title: 'Infrastructure notes', body: 'Infrastructure for charging depots was discussed; grid upgrades matter.' }),
		]),
	)
})

describe('finding documents in both languages', () => {
	test('Chinese words inside longer compounds and phrases', async () => {
		expect(refIds(ok(await search('补贴')))).toEqual(['zh-subsidy'])
		expect(refIds(ok(await search('电动')))).toEqual(['zh-subsidy'])
		expect(refIds(ok(await search('双积分')))).toEqual(['zh-credit'])
		expect(refIds(ok(await search('"双积分"')))).toEqual(['zh-credit'])
	})

	test('multi-word and mixed-script queries', async () => {
		const charging = ok(await search('充电桩 建设'))
		expect(charging.match).toBe('all')
		expect(refIds(charging)).toEqual(['zh-charging'])
		expect(refIds(ok(await search('ZEV 政策')))).toEqual(['zh-zev'])
		expect(refIds(ok(await search('ｚｅｖ')))).toEqual(['zh-zev'])
	})

	test('English stemming, and phrases in quotes keep word order', async () => {
		expect(refIds(ok(await search('tariffs')))).toEqual(['en-tariff'])
		expect(refIds(ok(await search('charging infrastructure'))).sort()).toEqual(['en-charging', 'en-reverse'])
		expect(refIds(ok(await search('"charging infrastructure"')))).toEqual(['en-charging'])
	})

	test('quotes make a Chinese query an exact substring', async () => {
		await sql.begin((tx) => indexDocument(tx, doc({ refId: 'zh-apart', lang: 'zh', title: '换电站与电桩', body: '' })))
		// 与电站 is not in the title, but both its bigrams are (站与电, 换电站): unquoted, that is a match…
		const unquoted = ok(await search('与电站'))
		expect(unquoted.match).toBe('all')
		expect(refIds(unquoted)).toEqual(['zh-apart'])
		// …quoted, the bigrams must be adjacent, so only the relaxed search finds it.
		expect(ok(await search('"与电站"')).match).toBe('any')
		expect(ok(await search('"站与电"')).match).toBe('all')
		await sql.begin((tx) => removeFromIndex(tx, { kind: 'news', refId: 'zh-apart' }))
	})

	test('titles rank above body matches', async () => {
		expect(refIds(ok(await search('infrastructure')))[0]).toBe('en-reverse')
	})

	test('one character finds every document that has it', async () => {
		const response = ok(await search('车'))
		expect(refIds(response).sort()).toEqual(['zh-credit', 'zh-subsidy', 'zh-zev'])
	})

	test('snippets and titles are highlighted and escaped', async () => {
		const [result] = ok(await search('补贴')).results
		expect(result!.titleHtml).toBe('购车<mark>补贴</mark>政策延续至2027年')
		expect(result!.snippetHtml).toContain('购车<mark>补贴</mark>政策')
		const [english] = ok(await search('tariffs')).results
		expect(english!.titleHtml).toBe('New <mark>tariff</mark> on imported electric vehicles')
		expect(english!.urlParts).toEqual({ slug: 'en-tariff' })
		expect(english!.date).toEqual(new Date('2025-01-15T00:00:00Z'))
	})
})

describe('graceful degradation', () => {
	test('a typo in one of several words still finds the documents matching the others', async () => {
		const response = ok(await search('充电庄'))
		expect(response.match).toBe('any')
		expect(refIds(response)).toContain('zh-charging')
		const english = ok(await search('tariff electrc'))
		expect(english.match).toBe('any')
		expect(refIds(english)[0]).toBe('en-tariff')
	})

	test('a misspelled word finds titles spelled like it', async () => {
		const response = ok(await search('tarrifs'))
		expect(response.match).toBe('fuzzy')
		expect(refIds(response)).toEqual(['en-tariff'])
		expect(response.results[0]!.titleHtml).toBe('New tariff on imported electric vehicles')
	})

	test('nothing useful to search is a structured empty answer', async () => {
		expect(await search('')).toMatchObject({ status: 'empty', reason: 'blank', total: 0, results: [] })
		expect(await search('!!! ，。')).toMatchObject({ status: 'empty', reason: 'no-terms' })
		expect(await search('the of and')).toMatchObject({ status: 'empty', reason: 'stopwords' })
	})

	test.each([
		["'; drop table search_documents; --"],
		['a & b | !c (d) :* e\\'],
		["'"],
		['\\'],
		['<-> <2> & | !'],
		['x'.repeat(10_000)],
		['补贴'.repeat(5_000)],
		['tariff\u0000补贴'],
		['\uD800\uDFFF\uDC00'],
		['"""'],
		['补:*'],
		["双积分' | '政策"],
	])('hostile query %#: an answer, never an error', async (q) => {
		const response = await search(q)
		expect(['ok', 'empty']).toContain(response.status)
		expect(response.total).toBeGreaterThanOrEqual(0)
	})

	test('the hostile queries left the table alone', async () => {
		const [row] = await sql<{ count: number }[]>`select count(*)::int as count from search_documents`
		expect(row!.count).toBeGreaterThanOrEqual(7)
	})

	test('tsquery syntax in a query is read as text', async () => {
		expect(refIds(ok(await search('补贴 & !电动')))).toEqual(['zh-subsidy'])
		expect(refIds(ok(await search("tariff:* | 'x")))).toEqual(['en-tariff'])
	})
})

describe('permissions', () => {
	const readers: Record<string, SearchReader> = {
		anonymous: null,
		user: { userId: 'u-plain', isAdmin: false, groupIds: [] },
		memberA: { userId: 'u-member-a', isAdmin: false, groupIds: [] },
		owner: { userId: 'u-owner', isAdmin: false, groupIds: [] },
		admin: { userId: 'u-admin', isAdmin: true, groupIds: [] },
	}

	beforeAll(async () => {
		readers.memberA = { userId: 'u-member-a', isAdmin: false, groupIds: [groupA] }
		// Every document has the word "quokka" and a title that would leak if shown.
		await sql.begin((tx) =>
			indexDocuments(tx, [
				doc({ refId: 'p-public', title: 'Quokka public', kind: 'news', groupId: groupA }),
				doc({ refId: 'p-signed', title: 'Quokka signed in', kind: 'record', audience: 'signed_in' }),
				doc({ refId: 'p-members-a', title: 'Quokka secret A', kind: 'meeting', audience: 'members', groupId: groupA }),
				doc({ refId: 'p-members-b', title: 'Quokka secret B', kind: 'meeting', audience: 'members', groupId: groupB }),
				doc({ refId: 'p-owner', title: 'Quokka private draft', kind: 'draft', audience: 'owner', ownerId: 'u-owner' }),
				doc({
					refId: 'p-scheduled',
					title: 'Quokka embargoed',
					kind: 'news',
					visibleFrom: new Date('2025-06-02T00:00:00Z'),
				}),
				doc({ refId: 'p-members-b-zh', lang: 'zh', title: '袋鼠秘密 quokka', kind: 'meeting', audience: 'members', groupId: groupB }),
			]),
		)
	})

	const expected: Record<string, string[]> = {
		anonymous: ['p-public'],
		user: ['p-public', 'p-signed'],
		memberA: ['p-members-a', 'p-public', 'p-signed'],
		owner: ['p-owner', 'p-public', 'p-signed'],
		admin: ['p-members-a', 'p-members-b', 'p-members-b-zh', 'p-owner', 'p-public', 'p-signed'],
	}

	test.each(Object.keys(expected))('%s sees exactly their documents, in results, total and facets', async (name) => {
		const response = ok(await search('quokka', { reader: readers[name]!, pageSize: 50 }))
		const seen = expected[name]!
		expect(refIds(response).sort()).toEqual(seen)
		expect(response.total).toBe(seen.length)
		const kindTotal = Object.values(response.facets.kind).reduce((sum, count) => sum + count, 0)
		const langTotal = Object.values(response.facets.lang).reduce((sum, count) => sum + count, 0)
		expect(kindTotal).toBe(seen.length)
		expect(langTotal).toBe(seen.length)
		if (!seen.includes('p-members-b')) expect(response.facets.group[groupB]).toBeUndefined()
		const html = response.results.map((result) => result.titleHtml + result.snippetHtml).join(' ')
		if (!seen.includes('p-members-b')) expect(html).not.toMatch(/secret B|袋鼠/)
		expect(html).not.toContain('embargoed')
	})

	test('facet counts respect permissions and filters', async () => {
		const member = ok(await search('quokka', { reader: readers.memberA!, filters: { kinds: ['meeting'] } }))
		expect(member.total).toBe(1)
		// The kind facet counts every kind the reader could pick, the group facet only what the filter keeps.
		expect(member.facets.kind).toEqual({ news: 1, record: 1, meeting: 1 })
		expect(member.facets.group).toEqual({ [groupA]: 1 })
		expect(member.facets.lang).toEqual({ en: 1 })
		const admin = ok(await search('quokka', { reader: readers.admin!, filters: { groupId: groupB } }))
		expect(refIds(admin).sort()).toEqual(['p-members-b', 'p-members-b-zh'])
		expect(admin.facets.group).toEqual({ [groupA]: 2, [groupB]: 2 })
		expect(admin.facets.lang).toEqual({ en: 1, zh: 1 })
	})

	test('a hidden document does not trigger, or show up in, a relaxed search', async () => {
		// 袋鼠秘密 exists only in B's meeting: an outsider gets nothing, not an "any" match on it.
		const outsider = await search('袋鼠秘密', { reader: readers.memberA! })
		expect(outsider.total).toBe(0)
		expect(refIds(outsider)).toEqual([])
		const fuzzy = await search('quokkka', { reader: null })
		expect(refIds(fuzzy)).toEqual(['p-public'])
	})

	test('a scheduled document appears at its time, for admins too', async () => {
		expect(refIds(await search('embargoed', { reader: readers.admin! }))).toEqual([])
		const later = await search('embargoed', { now: new Date('2025-06-02T00:00:00Z') })
		expect(refIds(later)).toEqual(['p-scheduled'])
	})

	test('forged group ids and kinds are ignored, not errors', async () => {
		const forged: SearchReader = { userId: 'x', isAdmin: false, groupIds: ["1) or true --", 'NaN'] }
		expect(refIds(await search('quokka', { reader: forged })).sort()).toEqual(['p-public', 'p-signed'])
		const badFilter = await search('quokka', { filters: { groupId: 'abc' } })
		expect(badFilter.total).toBe(0)
		const badKinds = await search('quokka', { filters: { kinds: ['nope' as never] } })
		expect(refIds(badKinds)).toEqual(['p-public'])
	})
})

describe('index maintenance in the caller’s transaction', () => {
	test('a saved document is findable at once; a rolled-back save leaves nothing', async () => {
		await expect(
			sql.begin(async (tx) => {
				await indexDocument(tx, doc({ refId: 'rolled-back', title: 'Wombat rollback' }))
				throw new Error('save failed')
			}),
		).rejects.toThrow('save failed')
		expect((await search('wombat')).total).toBe(0)
		await sql.begin((tx) => indexDocument(tx, doc({ refId: 'saved', title: 'Wombat saved' })))
		expect(refIds(await search('wombat'))).toEqual(['saved'])
	})

	test('saving again replaces the text; removing makes it vanish', async () => {
		await sql.begin((tx) => indexDocument(tx, doc({ refId: 'edited', title: 'Platypus first' })))
		await sql.begin((tx) => indexDocument(tx, doc({ refId: 'edited', title: 'Echidna second' })))
		expect((await search('platypus')).total).toBe(0)
		expect(refIds(await search('echidna'))).toEqual(['edited'])
		// Hiding (e.g. unpublishing) is an update of the audience in the same way.
		await sql.begin((tx) => indexDocument(tx, doc({ refId: 'edited', title: 'Echidna second', audience: 'owner', ownerId: 'u1' })))
		expect((await search('echidna')).total).toBe(0)
		const removed = await sql.begin((tx) => removeFromIndex(tx, { kind: 'news', refId: 'edited' }))
		expect(removed).toBe(1)
		expect((await search('echidna', { reader: { userId: 'u1', isAdmin: false, groupIds: [] } })).total).toBe(0)
	})

	test('removing one language keeps the other', async () => {
		await sql.begin((tx) =>
			indexDocuments(tx, [
				doc({ refId: 'both', title: 'Kiwi english' }),
				doc({ refId: 'both', lang: 'zh', title: '几维鸟 kiwi' }),
			]),
		)
		await sql.begin((tx) => removeFromIndex(tx, { kind: 'news', refId: 'both', lang: 'en' }))
		const response = ok(await search('kiwi'))
		expect(response.results.map((result) => result.lang)).toEqual(['zh'])
	})

	test('stored text is cleaned of NUL and lone surrogates', async () => {
		await sql.begin((tx) => indexDocument(tx, doc({ refId: 'nul', title: 'Dingo\u0000 \uD800name', body: 'x\u0000y' })))
		const [result] = ok(await search('dingo')).results
		expect(result!.title).toBe('Dingo   name')
	})

	test('a huge document of random Chinese is indexed, not refused by PostgreSQL', async () => {
		let body = ''
		const random = seededRandom(3)
		for (let i = 0; i < 200_000; i++) body += String.fromCodePoint(0x4e00 + Math.floor(random() * 20_000))
		await sql.begin((tx) => indexDocument(tx, doc({ refId: 'huge', lang: 'zh', title: '巨型文档', body })))
		expect(refIds(await search('巨型文档'))).toEqual(['huge'])
		await sql.begin((tx) => removeFromIndex(tx, { kind: 'news', refId: 'huge' }))
	})

	test('invalid documents are refused before they reach the table', async () => {
		await expect(
			sql.begin((tx) => indexDocument(tx, doc({ refId: 'bad', title: 'x', audience: 'members' }))),
		).rejects.toThrow(InvalidSearchDocumentError)
		await expect(
			sql.begin((tx) => indexDocument(tx, doc({ refId: 'bad', title: 'x', groupId: '1; drop' }))),
		).rejects.toThrow(InvalidSearchDocumentError)
		await expect(
			sql.begin((tx) => indexDocument(tx, doc({ refId: 'bad', title: 'x', date: new Date('nope') }))),
		).rejects.toThrow(InvalidSearchDocumentError)
	})

	test('deleting a group takes its documents out of the index', async () => {
		const [group] = await sql<{ id: string }[]>`insert into working_groups (slug) values ('search-test-gone') returning id`
		await sql.begin((tx) =>
			indexDocument(tx, doc({ refId: 'gone', title: 'Numbat group', audience: 'members', groupId: group!.id })),
		)
		const admin: SearchReader = { userId: 'a', isAdmin: true, groupIds: [] }
		expect(refIds(await search('numbat', { reader: admin }))).toEqual(['gone'])
		await sql`delete from working_groups where id = ${group!.id}`
		// (The typo fallback may still offer a title spelled like it, such as "Wombat".)
		expect(refIds(await search('numbat', { reader: admin }))).not.toContain('gone')
		const [row] = await sql<{ count: number }[]>`select count(*)::int as count from search_documents where ref_id = 'gone'`
		expect(row!.count).toBe(0)
	})
})

describe('paging', () => {
	test('pages partition the results; the total stays the same', async () => {
		await sql.begin((tx) =>
			indexDocuments(
				tx,
				Array.from({ length: 25 }, (_, i) =>
					doc({ refId: `page-${i}`, title: 'Bilby report', body: `Number ${i}`, date: new Date(Date.UTC(2024, 0, i + 1)) }),
				),
			),
		)
		const pages = await Promise.all([1, 2, 3].map((page) => search('bilby', { page, pageSize: 10 })))
		expect(pages.map((page) => page.results.length)).toEqual([10, 10, 5])
		expect(pages.map((page) => page.total)).toEqual([25, 25, 25])
		const all = pages.flatMap(refIds)
		expect(new Set(all).size).toBe(25)
		// Equal scores: newest first.
		expect(all[0]).toBe('page-24')
		const beyond = await search('bilby', { page: 1_000_000, pageSize: 10 })
		expect(beyond.page).toBe(50)
		expect(beyond.results).toEqual([])
	})

	test('date and content-language filters', async () => {
		const january = await search('bilby', {
			filters: { from: new Date(Date.UTC(2024, 0, 10)), to: new Date(Date.UTC(2024, 0, 12)) },
		})
		expect(refIds(january).sort()).toEqual(['page-10', 'page-9'])
		expect((await search('bilby', { filters: { contentLang: 'zh' } })).total).toBe(0)
	})
})

describe('counts past the cap', () => {
	test('a query matching more than COUNT_CAP documents counts to the cap and says so', async () => {
		const many = Array.from({ length: COUNT_CAP + 5 }, (_, i) => doc({ refId: `cap-${i}`, title: `Ubiquitous wombat ${i}` }))
		await sql.begin((tx) => indexDocuments(tx, many))
		const answer = ok(await search('wombat'))
		expect(answer.capped).toBe(true)
		expect(answer.total).toBe(COUNT_CAP)
		expect(answer.results).toHaveLength(10)
		const few = ok(await search('platypus'))
		expect(few.capped).toBe(false)
		await sql`delete from search_documents where ref_id like 'cap-%'`
	})
})
