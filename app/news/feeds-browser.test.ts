/** Feeds a browser can read: the stylesheet instruction, and a browser's navigation cached apart from feed readers. */
import type { IncomingMessage } from 'node:http'
import { describe, expect, test } from 'vitest'
import { cacheKey } from '#app/http/cacheability.server.ts'
import { renderFeedStylesheet } from './feed-stylesheet.server.ts'
import { isBrowserNavigation, withStylesheet } from './feeds.server.ts'

function request(url: string, headers: Record<string, string> = {}) {
	return { method: 'GET', url, headers: { host: 'portal.example', ...headers } } as unknown as IncomingMessage
}

describe('feeds in a browser', () => {
	test('the feed names the portal’s stylesheet right after the XML declaration', () => {
		const xml = '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"/>\n'
		expect(withStylesheet(xml, '/zh/news/feed.xsl')).toBe('<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet type="text/xsl" href="/zh/news/feed.xsl"?>\n<rss version="2.0"/>\n')
	})

	test('only a browser’s own navigation is one, and the cache keeps it apart from readers', () => {
		expect(isBrowserNavigation(new Request('https://portal.example/en/news/feed.xml', { headers: { 'Sec-Fetch-Dest': 'document' } }))).toBe(true)
		expect(isBrowserNavigation(new Request('https://portal.example/en/news/feed.xml'))).toBe(false)
		const reader = cacheKey(request('/en/news/feed.xml'))
		const browser = cacheKey(request('/en/news/feed.xml', { 'sec-fetch-dest': 'document' }))
		expect(reader).not.toBeNull()
		expect(browser).not.toBe(reader)
		// Pages are one variant whoever asks.
		expect(cacheKey(request('/en/news', { 'sec-fetch-dest': 'document' }))).toBe(cacheKey(request('/en/news')))
	})

	test('the stylesheet speaks the page’s language and reads both RSS and Atom', async () => {
		const zh = await renderFeedStylesheet('zh')
		expect(zh).toContain('<html lang="zh-CN">')
		expect(zh).toContain('新闻订阅源')
		expect(zh).toContain('select="/rss/channel/item"')
		expect(zh).toContain('select="/atom:feed/atom:entry"')
		// The site's own stylesheet (its hashed address comes from the build; e2e checks the styles apply).
		expect(zh).toMatch(/<link rel="stylesheet" href="[^"]*"\/>/)
	})
})
