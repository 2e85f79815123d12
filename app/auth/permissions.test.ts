import { describe, expect, test } from 'vitest'
import { type Actor, can, isRole, type Permission, type Role, ROLES } from './permissions.ts'

type Who = Role | 'anonymous'

/** Every permission × every kind of actor. The type makes a new permission or role fail to compile here. */
const EXPECTED = {
	'admin:users:read': { admin: true, editor: false, researcher: false, official: false, anonymous: false },
	'admin:outbox:read': { admin: true, editor: false, researcher: false, official: false, anonymous: false },
	'admin:audit:read': { admin: true, editor: false, researcher: false, official: false, anonymous: false },
	'user:invite': { admin: true, editor: false, researcher: false, official: false, anonymous: false },
	'user:change-role': { admin: true, editor: false, researcher: false, official: false, anonymous: false },
	'user:deactivate': { admin: true, editor: false, researcher: false, official: false, anonymous: false },
	'news:write': { admin: true, editor: true, researcher: true, official: false, anonymous: false },
	// On someone else's draft (own drafts below).
	'news:edit': { admin: true, editor: true, researcher: false, official: false, anonymous: false },
	'news:publish': { admin: true, editor: true, researcher: false, official: false, anonymous: false },
	'media:upload': { admin: true, editor: true, researcher: true, official: false, anonymous: false },
} satisfies Record<Permission, Record<Who, boolean>>

const SIMPLE_PERMISSIONS = [
	'admin:users:read',
	'admin:outbox:read',
	'admin:audit:read',
	'user:invite',
	'news:write',
	'news:publish',
	'media:upload',
] as const
const TARGET_PERMISSIONS = ['user:change-role', 'user:deactivate'] as const

const ACTOR_ID = 'actor-id'
const OTHER_ID = 'someone-else'

function actorFor(who: Who): Actor {
	return who === 'anonymous' ? null : { id: ACTOR_ID, role: who }
}

const WHO: Who[] = [...ROLES, 'anonymous']
const cases = <P extends Permission>(permissions: readonly P[]) =>
	permissions.flatMap((permission) => WHO.map((who) => [permission, who, EXPECTED[permission][who]] as const))

describe('can', () => {
	test('the table covers every permission exactly once', () => {
		expect([...SIMPLE_PERMISSIONS, ...TARGET_PERMISSIONS, 'news:edit'].sort()).toEqual(Object.keys(EXPECTED).sort())
	})

	test.each(cases(SIMPLE_PERMISSIONS))('%s for %s is %s', (permission, who, allowed) => {
		expect(can(actorFor(who), permission)).toBe(allowed)
	})

	test.each(cases(TARGET_PERMISSIONS))('%s on another user for %s is %s', (permission, who, allowed) => {
		expect(can(actorFor(who), permission, { id: OTHER_ID })).toBe(allowed)
	})

	test.each(WHO.flatMap((who) => TARGET_PERMISSIONS.map((permission) => [permission, who] as const)))(
		'%s on oneself is refused to %s, admins included',
		(permission, who) => {
			expect(can(actorFor(who), permission, { id: ACTOR_ID })).toBe(false)
		},
	)

	test('the decision follows the role, not the id', () => {
		expect(can({ id: 'x', role: 'admin' }, 'user:deactivate', { id: 'y' })).toBe(true)
		expect(can({ id: 'x', role: 'editor' }, 'user:deactivate', { id: 'y' })).toBe(false)
		expect(can({ id: 'y', role: 'admin' }, 'user:deactivate', { id: 'y' })).toBe(false)
	})
})

describe('news:edit', () => {
	const STATUSES = ['draft', 'scheduled', 'published', 'archived'] as const

	test.each(WHO.flatMap((who) => STATUSES.map((status) => [who, status] as const)))(
		"%s on someone else's %s post follows the table",
		(who, status) => {
			expect(can(actorFor(who), 'news:edit', { authorId: OTHER_ID, status })).toBe(EXPECTED['news:edit'][who])
		},
	)

	test('a researcher edits their own post only while it is a draft', () => {
		const researcher = actorFor('researcher')
		expect(can(researcher, 'news:edit', { authorId: ACTOR_ID, status: 'draft' })).toBe(true)
		for (const status of ['scheduled', 'published', 'archived'] as const) {
			expect(can(researcher, 'news:edit', { authorId: ACTOR_ID, status })).toBe(false)
		}
		expect(can(actorFor('official'), 'news:edit', { authorId: ACTOR_ID, status: 'draft' })).toBe(false)
		expect(can(researcher, 'news:edit', { authorId: null, status: 'draft' })).toBe(false)
	})
})

describe('isRole', () => {
	test('accepts exactly the four roles', () => {
		for (const role of ROLES) expect(isRole(role)).toBe(true)
		expect(ROLES).toEqual(['admin', 'editor', 'researcher', 'official'])
		expect(isRole('Admin')).toBe(false)
		expect(isRole('superuser')).toBe(false)
		expect(isRole(undefined)).toBe(false)
	})
})
