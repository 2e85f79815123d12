import { describe, expect, test } from 'vitest'
import {
	type Actor,
	can,
	DRAFT_STATUSES,
	GROUP_ROLES,
	GROUP_VISIBILITIES,
	type GroupRole,
	type GroupTarget,
	isRole,
	type Permission,
	RECORD_STATUSES,
	type Role,
	ROLES,
} from './permissions.ts'

type Who = Role | 'anonymous'

/** Permissions decided within a working group: their matrix is below. */
type GroupScoped = Extract<Permission, `group:${string}` | `meeting:${string}` | `record:${string}` | `draft:${string}`>

/** Every site-level permission × every kind of actor. The type makes a new permission or role fail to compile here. */
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
} satisfies Record<Exclude<Permission, GroupScoped>, Record<Who, boolean>>

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
const cases = <P extends Exclude<Permission, GroupScoped>>(permissions: readonly P[]) =>
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

describe('working groups: every group permission × site role × place in the group', () => {
	/** How the asker stands in the group: a role in it, or none. */
	type Place = GroupRole | 'none'
	const PLACES: Place[] = [...GROUP_ROLES, 'none']
	const group = (visibility: GroupTarget['visibility'], place: Place): GroupTarget => ({
		visibility,
		membership: place === 'none' ? null : place,
	})

	/** The rules in words, as the issue states them. */
	const expected = {
		reads: (who: Who, place: Place, visibility: string) => visibility === 'public' || place !== 'none' || who === 'admin',
		writes: (who: Who, place: Place) => who !== 'anonymous' && (who === 'admin' || place === 'lead' || place === 'member'),
		leads: (who: Who, place: Place) => who !== 'anonymous' && (who === 'admin' || place === 'lead'),
	}
	const combos = WHO.flatMap((who) =>
		PLACES.filter((place) => who !== 'anonymous' || place === 'none').flatMap((place) =>
			GROUP_VISIBILITIES.map((visibility) => [who, place, visibility] as const),
		),
	)

	test.each(combos)('%s who is %s in a %s group', (who, place, visibility) => {
		const actor = actorFor(who)
		const g = group(visibility, place)
		expect(can(actor, 'group:read', g), 'group:read').toBe(expected.reads(who, place, visibility))
		expect(can(actor, 'meeting:read', { group: g }), 'meeting:read').toBe(expected.reads(who, place, visibility))
		expect(can(actor, 'meeting:edit', { group: g }), 'meeting:edit').toBe(expected.writes(who, place))
		expect(can(actor, 'draft:create', { group: g }), 'draft:create').toBe(expected.writes(who, place))
		expect(can(actor, 'group:edit', g), 'group:edit').toBe(expected.leads(who, place))
		expect(can(actor, 'group:manage-members', g), 'group:manage-members').toBe(expected.leads(who, place))
		expect(can(actor, 'group:archive', g), 'group:archive').toBe(who === 'admin')
	})

	test('only admins create groups', () => {
		for (const who of WHO) expect(can(actorFor(who), 'group:create')).toBe(who === 'admin')
	})

	test.each(combos)('records: %s who is %s in a %s group', (who, place, visibility) => {
		const actor = actorFor(who)
		for (const status of RECORD_STATUSES) {
			for (const isReviewer of [false, true]) {
				// The public is never a named reviewer.
				if (who === 'anonymous' && isReviewer) continue
				const record = { group: group(visibility, place), status, isReviewer }
				const label = `${status}${isReviewer ? ', reviewer' : ''}`
				const readsWork = status === 'published' ? expected.reads(who, place, visibility) : who !== 'anonymous' && (place !== 'none' || isReviewer || who === 'admin')
				expect(can(actor, 'record:read', record), `record:read ${label}`).toBe(readsWork)
				expect(can(actor, 'record:edit', record), `record:edit ${label}`).toBe(expected.writes(who, place))
				expect(can(actor, 'record:manage-review', record), `record:manage-review ${label}`).toBe(expected.leads(who, place))
				expect(can(actor, 'record:review', record), `record:review ${label}`).toBe(readsWork && isReviewer && status === 'in_review')
			}
		}
	})

	test.each(combos)('drafts: %s who is %s in a %s group', (who, place, visibility) => {
		const actor = actorFor(who)
		for (const status of DRAFT_STATUSES) {
			for (const isReviewer of [false, true]) {
				if (who === 'anonymous' && isReviewer) continue
				const draft = { group: group(visibility, place), status, isReviewer }
				const label = `${status}${isReviewer ? ', reviewer' : ''}`
				const readsWork = status === 'published' ? expected.reads(who, place, visibility) : who !== 'anonymous' && (place !== 'none' || isReviewer || who === 'admin')
				expect(can(actor, 'draft:read', draft), `draft:read ${label}`).toBe(readsWork)
				const editable = status === 'drafting' || status === 'in_review'
				expect(can(actor, 'draft:edit', draft), `draft:edit ${label}`).toBe(expected.writes(who, place) && editable)
				expect(can(actor, 'draft:manage-review', draft), `draft:manage-review ${label}`).toBe(expected.writes(who, place))
				// Officials and observers who can read the work may comment; members always.
				const comments = readsWork && who !== 'anonymous' && (place !== 'none' || isReviewer || who === 'official' || who === 'admin')
				expect(can(actor, 'draft:comment', draft), `draft:comment ${label}`).toBe(comments)
				expect(can(actor, 'draft:review', draft), `draft:review ${label}`).toBe(readsWork && isReviewer && status === 'in_review')
			}
		}
	})

	test('an observer reads a private group and its work in progress but never writes', () => {
		const observer = actorFor('official')
		const g = group('private', 'observer')
		expect(can(observer, 'group:read', g)).toBe(true)
		expect(can(observer, 'record:read', { group: g, status: 'draft', isReviewer: false })).toBe(true)
		expect(can(observer, 'meeting:edit', { group: g })).toBe(false)
		expect(can(observer, 'record:edit', { group: g, status: 'draft', isReviewer: false })).toBe(false)
	})

	test('a non-member sees nothing of a private group, whatever their site role but admin', () => {
		for (const who of WHO) {
			const g = group('private', 'none')
			expect(can(actorFor(who), 'group:read', g), who).toBe(who === 'admin')
			expect(can(actorFor(who), 'draft:read', { group: g, status: 'published', isReviewer: false }), who).toBe(who === 'admin')
		}
	})
})
