/** A private group exists only for its members and admins; everyone else gets what an unknown slug gets. */
import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import type { Role } from '#app/auth/permissions.ts'
import { getGroupAccess, getGroupAccessById, groupName, readableGroupCondition } from './access.queries.server.ts'

const unique = (label: string) => `${label}-${randomBytes(4).toString('hex')}`

async function user(role: Role) {
	const id = unique('u')
	await sql`insert into users (id, email, name, role, password_hash) values (${id}, ${`${id}@example.org`}, ${id}, ${role}, 'x')`
	return { id, role }
}

async function group(visibility: 'public' | 'private') {
	const slug = unique('g')
	const [row] = await sql<{ id: string }[]>`
		insert into working_groups (slug, visibility) values (${slug}, ${visibility}) returning id::text as id
	`
	return { id: row!.id, slug }
}

describe('group access', () => {
	test('a member, an observer, a non-member, an admin and the public ask for a private group', async () => {
		const g = await group('private')
		const member = await user('researcher')
		const observer = await user('official')
		const stranger = await user('editor')
		const admin = await user('admin')
		await sql`insert into group_memberships (group_id, user_id, role) values (${g.id}, ${member.id}, 'member'), (${g.id}, ${observer.id}, 'observer')`

		expect(await getGroupAccess({ slug: g.slug, actor: member })).toMatchObject({ id: g.id, target: { visibility: 'private', membership: 'member' } })
		expect(await getGroupAccess({ slug: g.slug, actor: observer })).toMatchObject({ target: { membership: 'observer' } })
		expect(await getGroupAccess({ slug: g.slug, actor: admin })).toMatchObject({ target: { membership: null } })
		expect(await getGroupAccess({ slug: g.slug, actor: stranger })).toBeNull()
		expect(await getGroupAccess({ slug: g.slug, actor: null })).toBeNull()
		expect(await getGroupAccessById({ id: g.id, actor: stranger })).toBeNull()
		expect(await getGroupAccess({ slug: unique('none'), actor: admin })).toBeNull()
	})

	test('a public group is open to all, with each member\'s role', async () => {
		const g = await group('public')
		const lead = await user('researcher')
		await sql`insert into group_memberships (group_id, user_id, role) values (${g.id}, ${lead.id}, 'lead')`
		expect(await getGroupAccess({ slug: g.slug, actor: null })).toMatchObject({ target: { visibility: 'public', membership: null } })
		expect(await getGroupAccessById({ id: g.id, actor: lead })).toMatchObject({ target: { membership: 'lead' } })
		expect(await getGroupAccessById({ id: 'not-an-id', actor: lead })).toBeNull()
	})

	test('comes with the group\'s names, and a page names it in the reader\'s language, else the other, else by its slug', async () => {
		const g = await group('public')
		const bare = await getGroupAccess({ slug: g.slug, actor: null })
		expect(bare?.names).toEqual({})
		expect(groupName(bare!, 'zh')).toBe(g.slug)
		await sql`insert into working_group_translations (group_id, lang, name, summary, description) values (${g.id}, 'en', 'Charging', '', '')`
		const english = await getGroupAccessById({ id: g.id, actor: null })
		expect(english?.names).toEqual({ en: 'Charging' })
		expect(groupName(english!, 'zh')).toBe('Charging')
		await sql`insert into working_group_translations (group_id, lang, name, summary, description) values (${g.id}, 'zh', '充电', '', '')`
		const both = await getGroupAccess({ slug: g.slug, actor: null })
		expect([groupName(both!, 'en'), groupName(both!, 'zh')]).toEqual(['Charging', '充电'])
	})

	test('the list condition keeps a private group out of everyone\'s lists but its members\' and admins\'', async () => {
		const open = await group('public')
		const closed = await group('private')
		const member = await user('researcher')
		const stranger = await user('researcher')
		const admin = await user('admin')
		await sql`insert into group_memberships (group_id, user_id, role) values (${closed.id}, ${member.id}, 'observer')`
		const visible = async (actor: { id: string; role: Role } | null) =>
			(await sql<{ slug: string }[]>`select g.slug from working_groups g where ${readableGroupCondition(actor)} and g.slug in ${sql([open.slug, closed.slug])}`)
				.map((r) => r.slug)
				.sort()
		expect(await visible(null)).toEqual([open.slug])
		expect(await visible(stranger)).toEqual([open.slug])
		expect(await visible(member)).toEqual([open.slug, closed.slug].sort())
		expect(await visible(admin)).toEqual([open.slug, closed.slug].sort())
	})
})
