/**
 * The server matches routes with @remix-run/router, patched
 * (patches/@remix-run+router+1.23.3.patch, applied by `npm install`) to keep
 * compiled patterns and ranked branches instead of rebuilding them on every
 * match. Matching must stay exactly what it was, including when a route
 * tree grows after its first match (lazy route discovery adds routes).
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
	test('the patch is applied to the build the server loads', () => {
		const file = require.resolve('@remix-run/router')
		expect(readFileSync(file, 'utf8')).toContain('rankedBranchesCache')
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
