import { describe, expect, test } from 'vitest'
import { isSameOriginRequest } from './same-origin.server.ts'

const expectedOrigin = 'https://zevlab.example'

function check(method: string, headers: { origin?: string; secFetchSite?: string } = {}) {
	return isSameOriginRequest({ method, origin: headers.origin, secFetchSite: headers.secFetchSite, acceptedOrigins: [expectedOrigin] })
}

describe('isSameOriginRequest', () => {
	test.each(['GET', 'HEAD', 'OPTIONS', 'get'])('%s is always allowed, whatever the headers say', (method) => {
		expect(check(method)).toBe(true)
		expect(check(method, { origin: 'https://evil.example', secFetchSite: 'cross-site' })).toBe(true)
		expect(check(method, { origin: 'null' })).toBe(true)
	})

	describe.each(['POST', 'PUT', 'PATCH', 'DELETE', 'post'])('%s', (method) => {
		test('is allowed with our own Origin', () => {
			expect(check(method, { origin: expectedOrigin })).toBe(true)
		})

		test.each([
			['another site', 'https://evil.example'],
			['the opaque origin', 'null'],
			['another port', 'https://zevlab.example:8443'],
			['another scheme', 'http://zevlab.example'],
			['a subdomain', 'https://www.zevlab.example'],
		])('is refused with the Origin of %s', (_label, origin) => {
			expect(check(method, { origin })).toBe(false)
		})

		test('a foreign Origin wins over a same-origin Sec-Fetch-Site', () => {
			expect(check(method, { origin: 'https://evil.example', secFetchSite: 'same-origin' })).toBe(false)
		})

		test('without Origin, is allowed only when Sec-Fetch-Site is same-origin', () => {
			expect(check(method, { secFetchSite: 'same-origin' })).toBe(true)
			expect(check(method, { secFetchSite: 'same-site' })).toBe(false)
			expect(check(method, { secFetchSite: 'cross-site' })).toBe(false)
			expect(check(method, { secFetchSite: 'none' })).toBe(false)
			expect(check(method)).toBe(false)
		})
	})
})

describe('isSameOriginRequest with several accepted spellings (the local demo)', () => {
	const acceptedOrigins = ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']
	test.each(acceptedOrigins)('accepts %s', (origin) => {
		expect(isSameOriginRequest({ method: 'POST', origin, secFetchSite: undefined, acceptedOrigins })).toBe(true)
	})
	test.each(['http://localhost:3001', 'https://localhost:3000', 'http://evil.example', 'http://localhost'])('refuses %s', (origin) => {
		expect(isSameOriginRequest({ method: 'POST', origin, secFetchSite: 'same-origin', acceptedOrigins })).toBe(false)
	})
})
