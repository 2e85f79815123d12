/** An admin's work on pending invitations: revoke, send again, a new link. Each ends the earlier link. */
import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { sql } from '#db/client.server.ts'
import { createInvitation, getPendingInvitation, listPendingInvitations, redeemInvitation } from './invitations.queries.server.ts'
import { invitationLink, NotPermittedError, resendInvitation, revokeInvitation } from './operations.server.ts'

const unique = (label: string) => `${label}-${randomBytes(4).toString('hex')}`
const ORIGIN = 'https://portal.example'

async function insertUser(role: 'admin' | 'editor') {
	const id = unique('user')
	await sql`insert into users (id, email, name, role, password_hash) values (${id}, ${`${id}@example.org`}, 'Member', ${role}, 'x')`
	return { id, role }
}

async function pending() {
	const admin = await insertUser('admin')
	const email = `${unique('invitee')}@example.org`
	const { token, id } = await createInvitation({ email, name: '', role: 'researcher', lang: 'zh', invitedBy: admin.id })
	return { admin, email, token, id }
}

describe('pending invitations', () => {
	test('revoked: the link stops working, the invitation leaves the list, the audit log says who', async () => {
		const { admin, email, token, id } = await pending()
		expect(await revokeInvitation({ actor: admin, invitationId: id, ip: '198.51.100.1' })).toEqual({ email })
		expect(await getPendingInvitation(token)).toBeNull()
		expect((await listPendingInvitations()).map((i) => i.id)).not.toContain(id)
		expect(await redeemInvitation({ token, name: 'Too late', passwordHash: 'x' })).toEqual({ ok: false, reason: 'invalid' })
		// Revoking twice finds nothing pending.
		expect(await revokeInvitation({ actor: admin, invitationId: id, ip: '198.51.100.1' })).toBeNull()
		const [audit] = await sql<{ actorId: string }[]>`select actor_id from audit_events where event = 'invitation_revoked' and email = ${email}`
		expect(audit?.actorId).toBe(admin.id)
	})

	test('sent again: a new link by email in the invitation’s language, the old one dead', async () => {
		const { admin, email, token, id } = await pending()
		expect(await resendInvitation({ actor: admin, invitationId: id, origin: ORIGIN, ip: '198.51.100.1' })).toEqual({ email })
		expect(await getPendingInvitation(token)).toBeNull()
		const [mail] = await sql<{ bodyText: string }[]>`select body_text from email_outbox where to_email = ${email} and kind = 'invitation' order by id desc limit 1`
		const link = /https:\/\/portal\.example\/zh\/invitations\/(\S+)/.exec(mail!.bodyText)
		expect(link).not.toBeNull()
		expect(await getPendingInvitation(link![1]!)).toMatchObject({ id, email })
	})

	test('a new link for the admin to pass on, the old one dead; only admins may', async () => {
		const { admin, token, id } = await pending()
		const made = await invitationLink({ actor: admin, invitationId: id, origin: ORIGIN, ip: '198.51.100.1' })
		expect(made?.link).toMatch(/^https:\/\/portal\.example\/zh\/invitations\/\S+$/)
		expect(await getPendingInvitation(token)).toBeNull()
		expect(await getPendingInvitation(made!.link.split('/').at(-1)!)).toMatchObject({ id })
		const editor = await insertUser('editor')
		await expect(revokeInvitation({ actor: editor, invitationId: id, ip: '198.51.100.1' })).rejects.toThrow(NotPermittedError)
	})
})
