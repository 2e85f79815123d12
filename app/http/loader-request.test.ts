/**
 * What a loader sees as its request, through Remix's own request handler
 * (patched: patches/@remix-run+server-runtime+*.patch): the URL as asked,
 * without the parameters Remix adds for itself (`_routes` on a data request,
 * a bare `index`), and one request shared by the loaders of one request.
 */
import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import { describe, expect, test } from 'vitest'

function buildRecording() {
	const seen: { route: string; request: Request }[] = []
	const loader = (route: string) => ({ request }: { request: Request }) => {
		seen.push({ route, request })
		return { route }
	}
	const route = (id: string, parentId: string | undefined, path: string | undefined, index = false) => ({
		id,
		parentId,
		path,
		index,
		caseSensitive: undefined,
		module: { loader: loader(id), default: () => null },
	})
	const build = {
		mode: 'production',
		entry: { module: { default: () => new Response('document', { headers: { 'Content-Type': 'text/html' } }) } },
		routes: {
			root: route('root', undefined, ''),
			'routes/$lang': route('routes/$lang', 'root', ':lang'),
			'routes/$lang._index': route('routes/$lang._index', 'routes/$lang', undefined, true),
		},
		assets: { url: '/manifest.js', version: '1', entry: { module: '/entry.js', imports: [] }, routes: {} },
		publicPath: '/',
		assetsBuildDirectory: '/tmp',
		future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: true },
		isSpaMode: false,
	} as unknown as ServerBuild
	return { handle: createRequestHandler(build, 'production'), seen }
}

describe('the request a loader sees', () => {
	test('a document request: every loader gets the URL as asked, one request shared', async () => {
		const { handle, seen } = buildRecording()
		const response = await handle(new Request('http://portal.test/en?tag=battery'))
		expect(response.status).toBe(200)
		expect(seen.map((s) => s.route)).toEqual(['root', 'routes/$lang', 'routes/$lang._index'])
		for (const { request } of seen) expect(request.url).toBe('http://portal.test/en?tag=battery')
		expect(new Set(seen.map((s) => s.request)).size).toBe(1)
	})

	test('Remix’s own parameters are gone: a bare index, and the routes of a data request', async () => {
		const { handle, seen } = buildRecording()
		await handle(new Request('http://portal.test/en?index&tag=a&index=kept'))
		for (const { request } of seen) expect(request.url).toBe('http://portal.test/en?tag=a&index=kept')

		const data = buildRecording()
		const response = await data.handle(new Request('http://portal.test/en.data?tag=a&_routes=routes%2F%24lang._index'))
		expect(response.status).toBe(200)
		expect(data.seen.map((s) => s.route)).toEqual(['routes/$lang._index'])
		expect(data.seen[0]!.request.url).toBe('http://portal.test/en?tag=a')
	})
})
