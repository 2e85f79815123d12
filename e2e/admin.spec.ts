/**
 * The admin pages the first users found wanting (issue 13), in both
 * languages: pending invitations can get a new link, be sent again and be
 * revoked; deactivating asks first, without JavaScript too; the audit log
 * records content actions and shows details as readable text; the members
 * page fits a phone and the invite panel fits a laptop.
 */
import { randomBytes } from 'node:crypto'
import { recordAudit } from '#app/audit/audit.queries.server.ts'
import { createNewsPost } from './content.ts'
import { createUser, getDb, signInContext, test } from './fixtures.ts'
import { expect, expectNoSidewaysScroll, fill, lastOutboxId, locales, waitForOutbox, type Lang } from './first-users.ts'
import enAuth from '../locales/en/auth.json' with { type: 'json' }
import zhAuth from '../locales/zh/auth.json' with { type: 'json' }

const LANGS: Lang[] = ['en', 'zh']
const auth = { en: enAuth, zh: zhAuth }
const uniqueEmail = () => `invitee-${randomBytes(5).toString('hex')}@e2e.example`

for (const lang of LANGS) {
	const t = locales[lang].admin
	const common = locales[lang].common

	test(`${lang}: a pending invitation gets a new link, is sent again, and is revoked`, async ({ page, baseURL, request }) => {
		const admin = await createUser({ role: 'admin', lang })
		await signInContext(page.context(), baseURL!, admin.id)
		const email = uniqueEmail()
		const since = await lastOutboxId()
		await page.goto(`/${lang}/admin/users`)
		await page.getByLabel(t.invite.email).fill(email)
		await page.getByRole('button', { name: t.invite.submit }).click()
		await expect(page.getByRole('status')).toHaveText(fill(t.invite.sent, { email }))
		const [first] = await waitForOutbox({ to: email, kind: 'invitation', afterId: since })
		const firstLink = /https?:\/\/\S+/.exec(first!.body)![0]
		const pending = page.locator(`[data-testid="pending-invitation"][data-email="${email}"]`)

		// A new link to pass on by hand: shown once, the earlier one stops working.
		await pending.getByRole('button', { name: t.invite['copy-link'] }).click()
		const shown = page.getByTestId('invitation-link').getByRole('textbox')
		await expect(shown).toHaveValue(/\/invitations\/[A-Za-z0-9_-]+$/)
		const handLink = await shown.inputValue()
		expect((await request.get(new URL(firstLink).pathname)).status()).toBe(404)
		expect((await request.get(new URL(handLink).pathname)).status()).toBe(200)

		// Sent again: a new email with a new link.
		await pending.getByRole('button', { name: t.invite.resend }).click()
		await expect(page.getByRole('status').first()).toHaveText(fill(t.invite.resent, { email }))
		const emails = await waitForOutbox({ to: email, kind: 'invitation', afterId: since, count: 2 })
		const secondLink = /https?:\/\/\S+/.exec(emails[1]!.body)![0]
		expect((await request.get(new URL(handLink).pathname)).status()).toBe(404)
		expect((await request.get(new URL(secondLink).pathname)).status()).toBe(200)

		// Revoked, after a question: the link stops working and the invitation leaves the list.
		await pending.getByRole('button', { name: t.invite.revoke }).click()
		const question = page.getByRole('dialog')
		await expect(question).toContainText(fill(t.invite['confirm-revoke'], { email }))
		await question.getByRole('button', { name: t.invite.revoke }).click()
		await expect(page.getByRole('status').first()).toHaveText(fill(t.invite.revoked, { email }))
		await expect(pending).toHaveCount(0)
		expect((await request.get(new URL(secondLink).pathname)).status()).toBe(404)
		const events = await getDb()<{ event: string }[]>`select event from audit_events where email = ${email} order by id`
		expect(events.map((e) => e.event)).toEqual(['invitation_created', 'invitation_link_created', 'invitation_resent', 'invitation_revoked'])
	})

	test(`${lang}: deactivating a member asks first, without JavaScript too`, async ({ browser, baseURL, clientIp }) => {
		const admin = await createUser({ role: 'admin', lang })
		const member = await createUser({ role: 'researcher' })
		const context = await browser.newContext({ baseURL, javaScriptEnabled: false, extraHTTPHeaders: { 'X-Forwarded-For': clientIp } })
		await signInContext(context, baseURL!, admin.id)
		const page = await context.newPage()
		// The list shows the first hundred members; a search finds any.
		await page.goto(`/${lang}/admin/users?q=${encodeURIComponent(member.email)}`)
		const row = page.locator(`[data-testid="user-row"][data-email="${member.email}"]`)
		await row.getByRole('button', { name: t.users.deactivate }).click()
		const question = page.getByTestId('confirmation')
		await expect(question).toContainText(fill(t.users['confirm-deactivate'], { name: member.name }))
		const active = async () => (await getDb()<{ deactivatedAt: Date | null }[]>`select deactivated_at as "deactivatedAt" from users where id = ${member.id}`)[0]!.deactivatedAt === null
		expect(await active()).toBe(true)
		await question.getByRole('button', { name: common.confirm.confirm }).click()
		await expect(page.getByRole('status')).toHaveText(fill(t.users.deactivatedNotice, { name: member.name }))
		expect(await active()).toBe(false)
		await context.close()
	})

	test(`${lang}: the audit log records content actions and shows details as words`, async ({ page, baseURL }) => {
		const admin = await createUser({ role: 'admin', lang })
		const editor = await createUser({ role: 'editor', lang })
		const title = `Audited ${randomBytes(4).toString('hex')}`
		const post = await createNewsPost({ status: 'draft', publishedAt: null, authorId: editor.id, versions: { en: { title } } })
		await signInContext(page.context(), baseURL!, editor.id)
		await page.goto(`/${lang}/newsroom/${post.id}`)
		await page.getByRole('button', { name: locales[lang].newsroom.actions.publish }).click()
		await expect(page.getByRole('status')).toHaveText(locales[lang].newsroom.saved.publish)

		await page.context().clearCookies()
		await signInContext(page.context(), baseURL!, admin.id)
		await page.goto(`/${lang}/admin/audit?event=post_published`)
		const row = page.getByTestId('audit-row').filter({ hasText: title }).first()
		await expect(row).toContainText(t.audit.events.post_published)
		const details = row.getByTestId('audit-details')
		await expect(details.getByRole('link', { name: fill(t.audit.detail.post, { title, id: post.id }) })).toHaveAttribute('href', `/${lang}/newsroom/${post.id}/history`)
		await expect(details).toContainText(fill(t.audit.detail.revision, { version: 2 }))
		await expect(details).not.toContainText('{')

		// A role change reads as roles, in the admin's language.
		const member = await createUser({ role: 'researcher' })
		await recordAudit({ event: 'role_changed', actorId: admin.id, subjectUserId: member.id, details: { from: 'researcher', to: 'editor' } })
		await page.goto(`/${lang}/admin/audit?event=role_changed&email=${encodeURIComponent(member.email)}`)
		await expect(page.getByTestId('audit-row').first().getByTestId('audit-details')).toHaveText(
			fill(t.audit.detail['role-change'], { from: auth[lang].roles.researcher, to: auth[lang].roles.editor }),
		)
	})

	test(`${lang}: the members page fits a 375 px phone, and the invite panel a 1280 px screen`, async ({ browser, baseURL }) => {
		const admin = await createUser({ role: 'admin', lang, name: `Admin with a rather long name ${randomBytes(3).toString('hex')}` })
		for (const width of [375, 1280]) {
			const context = await browser.newContext({ baseURL, viewport: { width, height: 900 } })
			await signInContext(context, baseURL!, admin.id)
			const page = await context.newPage()
			await page.goto(`/${lang}/admin/users`)
			await expectNoSidewaysScroll(page, `/${lang}/admin/users at ${width}px`)
			const panel = await page.getByRole('heading', { name: t.invite.heading }).locator('..').boundingBox()
			expect(panel!.x + panel!.width, `invite panel at ${width}px`).toBeLessThanOrEqual(width)
			await context.close()
		}
	})
}
