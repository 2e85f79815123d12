/** Group operations: who may do what, the last lead, audit records, and membership applying on the next lookup. */
import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import { createUser } from '#app/accounts/users.queries.server.ts'
import type { Role } from '#app/auth/permissions.ts'
import { getGroupAccess } from './access.queries.server.ts'
import { getGroupDetails, listGroupMembers, listWorkingGroups } from './groups.queries.server.ts'
import { changeMembership, createGroup, setArchived, updateGroup } from './operations.server.ts'

const NOW = new Date('2026-11-20T12:00:00Z')
const unique = () => randomBytes(4).toString('hex')
const texts = (name: string) => ({ en: { name, summary: 'Summary', description: '## Charter' }, zh: { name: `${name}（中文）`, summary: '简介', description: '' } })

async function person(role: Role, affiliation: string | null = null) {
	const id = await createUser({ email: `${role}-${unique()}@test.example`, name: `${role} ${unique()}`, role, passwordHash: 'x', lang: 'en', timeZone: 'UTC', affiliation })
	return { id, role }
}

const acting = (actor: { id: string; role: Role }) => ({ actor, ip: '203.0.113.9', now: NOW })

async function auditEvents(actorId: string) {
	return (await sql<{ event: string }[]>`select event from audit_events where actor_id = ${actorId} order by id`).map((r) => r.event)
}

describe('creating groups', () => {
	test('an admin creates a group (audited); anyone else is refused; a taken slug is a field error', async () => {
		const admin = await person('admin')
		const researcher = await person('researcher')
		const slug = `g-${unique()}`
		expect(await createGroup({ ...acting(researcher), slug, visibility: 'public', texts: texts('Nope') })).toEqual({ ok: false, notFound: true })
		expect(await createGroup({ ...acting(admin), slug, visibility: 'private', texts: texts('Batteries') })).toEqual({ ok: true, slug })
		expect(await createGroup({ ...acting(admin), slug, visibility: 'public', texts: texts('Again') })).toEqual({
			ok: false,
			fieldErrors: { slug: ['groups:errors.slug-taken'] },
		})
		const access = await getGroupAccess({ slug, actor: admin })
		expect(access?.target.visibility).toBe('private')
		expect((await getGroupDetails(access!.id))?.texts.zh?.name).toBe('Batteries（中文）')
		expect(await auditEvents(admin.id)).toEqual(['group_created'])
		// A private group is in nobody's list but the admins' (it has no members yet).
		expect((await listWorkingGroups({ lang: 'en', actor: researcher })).map((g) => g.slug)).not.toContain(slug)
		expect((await listWorkingGroups({ lang: 'en', actor: admin })).map((g) => g.slug)).toContain(slug)
	})
})

describe('membership', () => {
	async function privateGroup() {
		const admin = await person('admin')
		const slug = `g-${unique()}`
		await createGroup({ ...acting(admin), slug, visibility: 'private', texts: texts('Closed') })
		const group = (await getGroupAccess({ slug, actor: admin }))!
		return { admin, slug, group }
	}

	test('a lead adds, changes and removes members; each change is audited and applies on the next lookup', async () => {
		const { admin, slug, group } = await privateGroup()
		const lead = await person('researcher', 'UC Davis')
		const official = await person('official', 'Ministry (test)')
		expect(await changeMembership({ ...acting(admin), groupId: group.id, change: { intent: 'add', userId: lead.id, role: 'lead' } })).toEqual({ ok: true })

		expect(await getGroupAccess({ slug, actor: official })).toBeNull()
		expect(await changeMembership({ ...acting(lead), groupId: group.id, change: { intent: 'add', userId: official.id, role: 'observer' } })).toEqual({ ok: true })
		expect((await getGroupAccess({ slug, actor: official }))?.target.membership).toBe('observer')
		expect(await changeMembership({ ...acting(lead), groupId: group.id, change: { intent: 'change-role', userId: official.id, role: 'member' } })).toEqual({ ok: true })
		expect((await getGroupAccess({ slug, actor: official }))?.target.membership).toBe('member')
		expect((await listGroupMembers(group.id)).map((m) => [m.name, m.role, m.affiliation])).toEqual(
			expect.arrayContaining([expect.arrayContaining(['lead', 'UC Davis']), expect.arrayContaining(['member', 'Ministry (test)'])]),
		)
		expect(await changeMembership({ ...acting(lead), groupId: group.id, change: { intent: 'remove', userId: official.id } })).toEqual({ ok: true })
		expect(await getGroupAccess({ slug, actor: official })).toBeNull()
		expect(await auditEvents(lead.id)).toEqual(['group_member_added', 'group_member_changed', 'group_member_removed'])
		const [removal] = await sql<{ subjectUserId: string; details: Record<string, unknown> }[]>`
			select subject_user_id, details from audit_events where actor_id = ${lead.id} and event = 'group_member_removed'
		`
		expect(removal).toMatchObject({ subjectUserId: official.id, details: { groupId: group.id, role: 'member' } })
	})

	test('members and observers may not manage members, nor may strangers; unknown users and non-members are field errors', async () => {
		const { admin, group } = await privateGroup()
		const member = await person('researcher')
		const observer = await person('official')
		const stranger = await person('editor')
		await changeMembership({ ...acting(admin), groupId: group.id, change: { intent: 'add', userId: member.id, role: 'member' } })
		await changeMembership({ ...acting(admin), groupId: group.id, change: { intent: 'add', userId: observer.id, role: 'observer' } })
		for (const actor of [member, observer, stranger]) {
			expect(await changeMembership({ ...acting(actor), groupId: group.id, change: { intent: 'add', userId: stranger.id, role: 'lead' } })).toEqual({
				ok: false,
				notFound: true,
			})
		}
		expect(await changeMembership({ ...acting(admin), groupId: group.id, change: { intent: 'add', userId: 'no-such-user', role: 'member' } })).toEqual({
			ok: false,
			fieldErrors: { userId: ['groups:errors.user-unknown'] },
		})
		expect(await changeMembership({ ...acting(admin), groupId: group.id, change: { intent: 'add', userId: member.id, role: 'lead' } })).toMatchObject({ ok: false })
		expect(await changeMembership({ ...acting(admin), groupId: group.id, change: { intent: 'remove', userId: stranger.id } })).toEqual({
			ok: false,
			fieldErrors: { userId: ['groups:errors.not-a-member'] },
		})
		expect(await changeMembership({ ...acting(admin), groupId: 'not-a-group', change: { intent: 'remove', userId: stranger.id } })).toEqual({ ok: false, notFound: true })
	})

	test('the last lead can be neither removed nor demoted, by themself or an admin; with two leads, one may step down', async () => {
		const { admin, group } = await privateGroup()
		const first = await person('researcher')
		const second = await person('researcher')
		await changeMembership({ ...acting(admin), groupId: group.id, change: { intent: 'add', userId: first.id, role: 'lead' } })
		const lastLead = { ok: false, fieldErrors: { userId: ['groups:errors.last-lead'] } }
		expect(await changeMembership({ ...acting(first), groupId: group.id, change: { intent: 'change-role', userId: first.id, role: 'member' } })).toEqual(lastLead)
		expect(await changeMembership({ ...acting(admin), groupId: group.id, change: { intent: 'remove', userId: first.id } })).toEqual(lastLead)
		expect((await listGroupMembers(group.id)).map((m) => m.role)).toEqual(['lead'])
		await changeMembership({ ...acting(first), groupId: group.id, change: { intent: 'add', userId: second.id, role: 'lead' } })
		// Two leads stepping down at once: the group's row lock lets one through.
		const results = await Promise.all([
			changeMembership({ ...acting(first), groupId: group.id, change: { intent: 'remove', userId: first.id } }),
			changeMembership({ ...acting(second), groupId: group.id, change: { intent: 'remove', userId: second.id } }),
		])
		expect(results.filter((r) => r.ok)).toHaveLength(1)
		expect((await listGroupMembers(group.id)).map((m) => m.role)).toEqual(['lead'])
	})
})

describe('editing and archiving', () => {
	test('a lead edits the texts but not the visibility; an admin changes both and archives; archived groups leave lists', async () => {
		const admin = await person('admin')
		const lead = await person('researcher')
		const stranger = await person('researcher')
		const slug = `g-${unique()}`
		await createGroup({ ...acting(admin), slug, visibility: 'public', texts: texts('Open') })
		let group = (await getGroupAccess({ slug, actor: admin }))!
		await changeMembership({ ...acting(admin), groupId: group.id, change: { intent: 'add', userId: lead.id, role: 'lead' } })
		const asLead = (await getGroupAccess({ slug, actor: lead }))!
		expect(await updateGroup({ ...acting(lead), groupId: asLead.id, texts: texts('Renamed'), visibility: 'private' })).toEqual({ ok: true })
		expect((await getGroupAccess({ slug, actor: null }))?.target.visibility).toBe('public')
		expect((await getGroupDetails(group.id))?.texts.en?.name).toBe('Renamed')
		// A stranger holding the lead's view of the group is still a stranger.
		expect(await updateGroup({ ...acting(stranger), groupId: asLead.id, texts: texts('Hijack') })).toEqual({ ok: false, notFound: true })
		expect(await updateGroup({ ...acting(admin), groupId: group.id, texts: texts('Renamed'), visibility: 'private' })).toEqual({ ok: true })
		expect(await getGroupAccess({ slug, actor: null })).toBeNull()

		group = (await getGroupAccess({ slug, actor: admin }))!
		expect(await setArchived({ ...acting(lead), groupId: asLead.id, archived: true })).toEqual({ ok: false, notFound: true })
		expect(await setArchived({ ...acting(admin), groupId: group.id, archived: true })).toEqual({ ok: true })
		expect((await listWorkingGroups({ lang: 'en', actor: lead })).map((g) => g.slug)).not.toContain(slug)
		expect((await listWorkingGroups({ lang: 'en', actor: lead, includeArchived: true })).find((g) => g.slug === slug)?.archived).toBe(true)
		expect((await listWorkingGroups({ lang: 'en', actor: stranger, includeArchived: true })).map((g) => g.slug)).not.toContain(slug)
		expect(await setArchived({ ...acting(admin), groupId: group.id, archived: false })).toEqual({ ok: true })
		expect(await auditEvents(admin.id)).toEqual(['group_created', 'group_member_added', 'group_updated', 'group_archived', 'group_restored'])
	})
})
