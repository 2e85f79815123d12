import { afterEach, describe, expect, test } from 'vitest'
import { getPublicOrigin, PublicOriginError, resolvePublicOrigin, setPublicOrigin } from './public-origin.server.ts'

describe('resolvePublicOrigin', () => {
	test('SITE_URL decides, reduced to its origin, and is the only accepted origin in production', () => {
		expect(resolvePublicOrigin({ siteUrl: 'https://zevlab.example/some/path?x=1', localDemo: false, host: '0.0.0.0', port: 3000 })).toEqual({
			origin: 'https://zevlab.example',
			accepted: ['https://zevlab.example'],
		})
	})

	test('production without SITE_URL refuses to start, whatever the host', () => {
		for (const host of ['127.0.0.1', '0.0.0.0', 'zevlab.example']) {
			expect(() => resolvePublicOrigin({ siteUrl: undefined, localDemo: false, host, port: 3000 })).toThrow(PublicOriginError)
		}
	})

	test('a loopback SITE_URL in production accepts no other spelling', () => {
		expect(resolvePublicOrigin({ siteUrl: 'http://127.0.0.1:3100', localDemo: false, host: '127.0.0.1', port: 3100 }).accepted).toEqual([
			'http://127.0.0.1:3100',
		])
	})

	test('the local demo without SITE_URL: the address it listens on, and its loopback spellings on the same port', () => {
		for (const host of ['127.0.0.1', 'localhost', '0.0.0.0', '::1']) {
			const resolved = resolvePublicOrigin({ siteUrl: undefined, localDemo: true, host, port: 4321 })
			expect(resolved.origin, host).toBe('http://localhost:4321')
			expect(resolved.accepted, host).toEqual(['http://localhost:4321', 'http://127.0.0.1:4321', 'http://[::1]:4321'])
		}
	})

	test('the local demo on a LAN address offers that address only', () => {
		expect(resolvePublicOrigin({ siteUrl: undefined, localDemo: true, host: '192.0.2.7', port: 3000 })).toEqual({
			origin: 'http://192.0.2.7:3000',
			accepted: ['http://192.0.2.7:3000'],
		})
	})

	test('the local demo with a loopback SITE_URL keeps its scheme and port for the other spellings', () => {
		expect(resolvePublicOrigin({ siteUrl: 'http://127.0.0.1:3000', localDemo: true, host: '127.0.0.1', port: 3000 }).accepted).toEqual([
			'http://127.0.0.1:3000',
			'http://localhost:3000',
			'http://[::1]:3000',
		])
	})

	test('a public SITE_URL in the local demo gains no loopback spellings', () => {
		expect(resolvePublicOrigin({ siteUrl: 'https://zevlab.example', localDemo: true, host: '127.0.0.1', port: 3000 }).accepted).toEqual([
			'https://zevlab.example',
		])
	})

	test('SITE_URL must be http(s)', () => {
		expect(() => resolvePublicOrigin({ siteUrl: 'ftp://zevlab.example', localDemo: false, host: '127.0.0.1', port: 1 })).toThrow(PublicOriginError)
	})
})

describe('getPublicOrigin', () => {
	const saved = { site: process.env.SITE_URL, configured: globalThis.__zevPublicOrigin }
	afterEach(() => {
		process.env.SITE_URL = saved.site
		if (saved.site === undefined) delete process.env.SITE_URL
		globalThis.__zevPublicOrigin = saved.configured
	})

	test('what the server set wins over the environment', () => {
		process.env.SITE_URL = 'https://env.example'
		setPublicOrigin({ origin: 'http://localhost:3000', accepted: ['http://localhost:3000'] })
		expect(getPublicOrigin().origin).toBe('http://localhost:3000')
	})

	test('unset, SITE_URL alone decides, and nothing else is ever guessed', () => {
		globalThis.__zevPublicOrigin = undefined
		process.env.SITE_URL = 'https://zevlab.example/'
		expect(getPublicOrigin()).toEqual({ origin: 'https://zevlab.example', accepted: ['https://zevlab.example'] })
		delete process.env.SITE_URL
		expect(() => getPublicOrigin()).toThrow(PublicOriginError)
	})
})
