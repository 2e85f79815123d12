/**
 * The server matches routes with @remix-run/router, patched
 * (patches/@remix-run+router+1.23.3.patch, applied by `npm install`) to keep
 * compiled patterns and ranked branches instead of rebuilding them on every
 * match, and to skip a branch whose static segments the URL lacks before
 * trying it. Matching must stay exactly what it was, including when a route
 * tree grows after its first match (lazy route discovery adds routes).
 * The React side keeps the route objects of a render per build
 * (patches/@remix-run+react+*, patches/react-router-dom+*) and a link's
 * resolved path per render (patches/react-router+*): docs/decisions/024.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AgnosticRouteObject } from '@remix-run/router'
import { describe, expect, test } from 'vitest'

// What the server loads: the CommonJS build (an `import` here would get the ES module build, unpatched).
const require = createRequire(import.meta.url)
const { matchPath, matchRoutes } = require('@remix-run/router') as typeof import('@remix-run/router')

const ids = (routes: AgnosticRouteObject[], path: string) => matchRoutes(routes, path)?.map((match) => match.route.id) ?? null

describe('route matching (patched router)', () => {
	test('the patches are applied to the builds the server loads', () => {
		expect(readFileSync(require.resolve('@remix-run/router'), 'utf8')).toContain('hasRequiredSegments')
		expect(readFileSync(require.resolve('@remix-run/react/dist/server.js'), 'utf8')).toContain('serverRoutesCache')
		expect(readFileSync(require.resolve('react-router-dom/server.js'), 'utf8')).toContain('staticDataRoutesCache')
		expect(readFileSync(require.resolve('react-router/dist/umd/react-router.production.min.js'), 'utf8')).toContain('__resolveToCached')
	})

	test('a URL is matched whatever static segments the branches above it have', () => {
		const routes: AgnosticRouteObject[] = [
			{
				id: 'root',
				path: '',
				children: [
					{
						id: '$lang',
						path: ':lang',
						children: [
							{ id: 'feed', path: 'news/feed.xml' },
							{ id: 'news', path: 'news' },
							{ id: 'optional', path: 'one/:two?/three' },
							{ id: 'strict', path: 'Files/*', caseSensitive: true },
							{ id: 'wide', path: 'dé/:p' },
							{ id: 'trailing', path: 'trail/', children: [{ id: 'kid', path: 'kid' }] },
							{ id: 'splat', path: '*' },
						],
					},
				],
			},
		]
		// Letter case: the matcher's "i" flag for ASCII; a case-sensitive route keeps its case.
		expect(ids(routes, '/EN/NEWS')).toEqual(['root', '$lang', 'news'])
		expect(ids(routes, '/en/News/Feed.XML')).toEqual(['root', '$lang', 'feed'])
		expect(ids(routes, '/en/Files/a/b')).toEqual(['root', '$lang', 'strict'])
		expect(ids(routes, '/en/files/a')).toEqual(['root', '$lang', 'splat'])
		// Optional segments, a trailing slash, a child under a path written with one.
		expect(ids(routes, '/en/one/three')).toEqual(['root', '$lang', 'optional'])
		expect(matchRoutes(routes, '/en/one/2/three/')?.at(-1)?.params).toMatchObject({ two: '2' })
		expect(ids(routes, '/en/trail/kid')).toEqual(['root', '$lang', 'trailing', 'kid'])
		// Other characters, encoded or not, and a percent-encoded slash inside a segment.
		expect(ids(routes, '/en/d%C3%A9/x')).toEqual(['root', '$lang', 'wide'])
		expect(ids(routes, '/en/dé/x')).toEqual(['root', '$lang', 'wide'])
		expect(matchRoutes(routes, '/en/d%C3%A9/a%2Fb')?.at(-1)?.params).toMatchObject({ p: 'a/b' })
		expect(ids(routes, '/en/news%2Ffeed.xml')).toEqual(['root', '$lang', 'splat'])
		// Empty segments are left to the matcher.
		expect(ids(routes, '/en//news')).toEqual(['root', '$lang', 'splat'])
	})

	test('the same answers on every match, with params, ranking and splats', () => {
		const routes: AgnosticRouteObject[] = [
			{
				id: 'root',
				path: '',
				children: [
					{ id: '$lang', path: ':lang', children: [{ id: 'index', index: true }, { id: 'news', path: 'news' }, { id: 'article', path: 'news/:slug' }, { id: 'new', path: 'news/new' }, { id: 'splat', path: '*' }] },
				],
			},
		]
		for (let round = 0; round < 3; round++) {
			expect(ids(routes, '/en')).toEqual(['root', '$lang', 'index'])
			expect(ids(routes, '/zh/news')).toEqual(['root', '$lang', 'news'])
			// A static segment outranks a parameter.
			expect(ids(routes, '/en/news/new')).toEqual(['root', '$lang', 'new'])
			expect(matchRoutes(routes, '/en/news/charging')?.at(-1)?.params).toEqual({ lang: 'en', slug: 'charging' })
			expect(ids(routes, '/en/anything/else')).toEqual(['root', '$lang', 'splat'])
		}
		expect(matchPath({ path: '/media/:key', end: true }, '/media/a.jpg')?.params).toEqual({ key: 'a.jpg' })
		expect(matchPath({ path: '/media/:key', end: true }, '/media/b.jpg')?.params).toEqual({ key: 'b.jpg' })
		expect(matchPath({ path: '/Media', caseSensitive: true, end: true }, '/media')).toBeNull()
		expect(matchPath({ path: '/Media', caseSensitive: false, end: true }, '/media')).not.toBeNull()
		expect(matchPath({ path: '/media', end: false }, '/media/x')?.pathnameBase).toBe('/media')
		expect(matchPath({ path: '/media', end: true }, '/media/x')).toBeNull()
	})

	test('a tree that grows after its first match is matched with its new routes', () => {
		const children: AgnosticRouteObject[] = [{ id: 'home', index: true }]
		const routes: AgnosticRouteObject[] = [{ id: 'root', path: '', children: [{ id: '$lang', path: ':lang', children }] }]
		expect(ids(routes, '/en/groups')).toBeNull()
		children.push({ id: 'groups', path: 'groups' })
		expect(ids(routes, '/en/groups')).toEqual(['root', '$lang', 'groups'])
	})
})
