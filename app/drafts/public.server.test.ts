/** The group page's list of drafts: what the reader may see, with titles, status, translation summary and links. */
import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import { parseSectionMarkdown } from './model.ts'
import { listGroupDrafts } from './public.server.ts'
import { createDraft } from './save.queries.server.ts'

const unique = (label: string) => `${label}-${randomBytes(4).toString('hex')}`

async function user(role = 'researcher') {
	const id = unique('u')
	await sql`insert into users (id, email, name, role, password_hash) values (${id}, ${`${id}@example.org`}, ${id}, ${role}, 'x')`
	return { id, role: role as 'researcher' }
}

describe('listGroupDrafts', () => {
	test('a private group lists its drafts to members only; titles fall back to the other language', async () => {
		const [group] = await sql<{ id: string }[]>`insert into working_groups (slug, visibility) values (${unique('g')}, 'private') returning id::text as id`
		const member = await user()
		const stranger = await user()
		await sql`insert into group_memberships (group_id, user_id, role) values (${group!.id}, ${member.id}, 'observer')`
		const { id } = await createDraft({
			groupId: group!.id,
			actor: member,
			input: {
				title: { en: '', zh: '电动汽车市场准入互认协议' },
				sections: [{ id: 'a', en: null, zh: parseSectionMarkdown('## 目的\n\n认证对接。')[0]! }],
				translated: new Set(),
			},
			now: new Date(),
		})
		expect(await listGroupDrafts({ groupId: group!.id, actor: stranger, lang: 'en' })).toEqual([])
		expect(await listGroupDrafts({ groupId: group!.id, actor: null, lang: 'en' })).toEqual([])
		expect(await listGroupDrafts({ groupId: 'not-an-id', actor: member, lang: 'en' })).toEqual([])
		const [item] = await listGroupDrafts({ groupId: group!.id, actor: member, lang: 'en' })
		expect(item).toMatchObject({
			id,
			title: '电动汽车市场准入互认协议',
			titleLang: 'zh',
			status: 'drafting',
			translation: { sections: 1, current: 0, outdated: 0, missing: 1, status: 'missing' },
			href: `/en/drafts/${id}`,
		})
		expect(item!.updatedAt).toBeInstanceOf(Date)
	})
})
