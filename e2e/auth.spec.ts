/** Accounts end to end, in both languages: invitations, sign-in, reset, roles. */
import { randomBytes } from 'node:crypto'
import { createUser, expect, FIXTURE_PASSWORD, getDb, post, sessionHeaders, signInContext, test, waitForEmail } from './fixtures.ts'
import { messages as common } from './utils.ts'
import enAuth from '../locales/en/auth.json' with { type: 'json' }
import zhAuth from '../locales/zh/auth.json' with { type: 'json' }
import enAdmin from '../locales/en/admin.json' with { type: 'json' }
import zhAdmin from '../locales/zh/admin.json' with { type: 'json' }
import enAccount from '../locales/en/account.json' with { type: 'json' }
import enEmail from '../locales/en/email.json' with { type: 'json' }
import zhEmail from '../locales/zh/email.json' with { type: 'json' }
import enValidation from '../locales/en/validation.json' with { type: 'json' }
import zhValidation from '../locales/zh/validation.json' with { type: 'json' }

const auth = { en: enAuth, zh: zhAuth }
const admin = { en: enAdmin, zh: zhAdmin }
const validation = { en: enValidation, zh: zhValidation }
const email = { en: enEmail, zh: zhEmail }
const LANGS = ['en', 'zh'] as const

function uniqueEmail(prefix: string) {
	return `${prefix}-${randomBytes(5).toString('hex')}@e2e.example`
}

for (const lang of LANGS) {
	test(`${lang}: invite → accept → sign in → sign out`, async ({ page, browser, baseURL, clientIp }) => {
		const inviter = await createUser({ role: 'admin' })
		await signInContext(page.context(), baseURL!, inviter.id)
		const address = uniqueEmail('invitee')

		await page.goto(`/${lang}/admin/users`)
		const invite = page.locator('form').filter({ has: page.getByRole('button', { name: admin[lang].invite.submit }) })
		await invite.getByLabel(admin[lang].invite.email).fill(address)
		await invite.getByLabel(admin[lang].invite.role).selectOption('researcher')
		await invite.getByLabel(admin[lang].invite.lang).selectOption(lang)
		await invite.getByRole('button', { name: admin[lang].invite.submit }).click()
		await expect(page.getByRole('status')).toHaveText(admin[lang].invite.sent.replace('{{email}}', address))
		await expect(page.getByTestId('pending-invitations')).toContainText(address)

		// The email, in the invitation's language, waits in the outbox for admins.
		const mail = await waitForEmail(address, { kind: 'invitation' })
		expect(mail.subject).toBe(email[lang].invitation.subject)
		await page.goto(`/${lang}/admin/outbox`)
		await expect(page.getByTestId('outbox-message').filter({ hasText: address }).first()).toContainText(mail.link)

		// The invitee, in a browser of their own.
		const invitee = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': clientIp } })
		const tab = await invitee.newPage()
		await tab.goto(new URL(mail.link).pathname)
		await expect(tab.getByRole('heading', { level: 1 })).toHaveText(auth[lang].invitation.title)
		await tab.getByLabel(auth[lang].fields.name).fill('Invited Researcher')
		await tab.getByLabel(auth[lang].fields.password, { exact: true }).fill('a long and private passphrase')
		await tab.getByLabel(auth[lang].fields.confirmPassword).fill('a long and private passphrase')
		await tab.getByRole('button', { name: auth[lang].invitation.submit }).click()
		await expect(tab).toHaveURL(new RegExp(`/${lang}$`))
		await expect(tab.getByTestId('member-links')).toContainText('Invited Researcher')

		// The link worked once.
		const again = await tab.goto(new URL(mail.link).pathname)
		expect(again?.status()).toBe(404)

		await tab.getByRole('button', { name: common[lang].common.nav.signOut }).click()
		await expect(tab.getByTestId('member-links').getByRole('link', { name: common[lang].common.nav.signIn })).toBeVisible()

		await tab.goto(`/${lang}/login`)
		await tab.getByLabel(auth[lang].fields.email).fill(address)
		await tab.getByLabel(auth[lang].fields.password).fill('a long and private passphrase')
		await tab.getByRole('button', { name: auth[lang].login.submit }).click()
		await expect(tab.getByTestId('member-links')).toContainText('Invited Researcher')
		const [row] = await getDb()<{ role: string }[]>`select role from users where email = ${address}`
		expect(row?.role).toBe('researcher')
		await invitee.close()
	})

	test(`${lang}: a wrong password gets a translated error and keeps the email, not the password`, async ({ page }) => {
		const user = await createUser({ role: 'researcher' })
		await page.goto(`/${lang}/login`)
		await page.getByLabel(auth[lang].fields.email).fill(user.email)
		await page.getByLabel(auth[lang].fields.password).fill('not the password')
		const [response] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.getByRole('button', { name: auth[lang].login.submit }).click(),
		])
		expect(response.status()).toBe(400)
		await expect(page.getByRole('alert')).toHaveText(auth[lang].login.invalid)
		await expect(page.getByLabel(auth[lang].fields.email)).toHaveValue(user.email)
		await expect(page.getByLabel(auth[lang].fields.password)).toHaveValue('')
	})

	test(`${lang}: bad input is explained next to its field, without JavaScript too`, async ({ browser, clientIp }) => {
		const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { 'X-Forwarded-For': clientIp } })
		const page = await context.newPage()
		await page.goto(`/${lang}/login`)
		await page.getByLabel(auth[lang].fields.email).fill('not-an-email')
		await page.getByRole('button', { name: auth[lang].login.submit }).click()
		const email = page.getByLabel(auth[lang].fields.email)
		await expect(email).toHaveAttribute('aria-invalid', 'true')
		await expect(email).toHaveValue('not-an-email')
		const describedBy = await email.getAttribute('aria-describedby')
		await expect(page.locator(`[id="${describedBy?.split(' ')[0]}"]`)).toHaveText(validation[lang].email.invalid)
		await context.close()
	})
}

test('with JavaScript, an empty form shows every field’s error before anything is sent', async ({ page }) => {
	await page.goto('/zh/login')
	await page.waitForFunction(() => '__remixRouter' in window)
	let posted = false
	page.on('request', (r) => {
		if (r.method() === 'POST') posted = true
	})
	await page.locator('main').getByRole('button', { name: zhAuth.login.submit }).click()
	await expect(page.getByLabel(zhAuth.fields.email)).toHaveAttribute('aria-invalid', 'true')
	await expect(page.getByText(zhValidation.email.required)).toBeVisible()
	await expect(page.getByText(zhValidation.password.required)).toBeVisible()
	expect(posted).toBe(false)
})

test('zh: ten failures from one address slow that address down; the translated message says when to retry', async ({ page, request, baseURL }) => {
	const user = await createUser({ role: 'official', lang: 'zh' })
	for (let attempt = 0; attempt < 10; attempt++) {
		const response = await post(request, '/zh/login', { email: user.email, password: `wrong-${attempt}` }, sessionHeaders(null, baseURL!))
		expect(response.status()).toBe(400)
	}
	await page.goto('/zh/login')
	await page.getByLabel(zhAuth.fields.email).fill(user.email)
	// From the address that failed ten times, even the right password waits its turn (docs/decisions/019-throttling.md).
	await page.getByLabel(zhAuth.fields.password).fill(FIXTURE_PASSWORD)
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.getByRole('button', { name: zhAuth.login.submit }).click(),
	])
	expect(response.status()).toBe(429)
	// A minute and a half, not a quarter of an hour.
	await expect(page.getByRole('alert')).toHaveText(/^失败次数过多，请在 [12] 分钟后重试。$/)
	// An unknown email is throttled the same way: a lockout reveals nothing.
	const ghost = uniqueEmail('ghost')
	for (let attempt = 0; attempt < 10; attempt++) await post(request, '/en/login', { email: ghost, password: 'x' }, sessionHeaders(null, baseURL!))
	const locked = await post(request, '/en/login', { email: ghost, password: 'x' }, sessionHeaders(null, baseURL!))
	expect(locked.status()).toBe(429)
	expect(await locked.text()).toContain('Too many failed attempts')
})

test('an unknown email and a wrong password get the same answer', async ({ request, baseURL }) => {
	const user = await createUser({ role: 'researcher' })
	const known = await post(request, '/en/login', { email: user.email, password: 'wrong password' }, sessionHeaders(null, baseURL!))
	const unknown = await post(request, '/en/login', { email: uniqueEmail('nobody'), password: 'wrong password' }, sessionHeaders(null, baseURL!))
	expect(known.status()).toBe(unknown.status())
	const strip = (html: string) => html.replace(/nonce="[^"]+"/g, '').replace(/[\w.+-]+@e2e\.example/g, 'EMAIL').replace(/"nonce-[^"]+"/g, '')
	expect(strip(await known.text())).toBe(strip(await unknown.text()))
})

for (const lang of LANGS) {
	test(`${lang}: reset a forgotten password by email; every old session ends`, async ({ page, browser, baseURL, clientIp }) => {
		const user = await createUser({ role: 'editor', lang })
		const other = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': clientIp } })
		await signInContext(other, baseURL!, user.id)

		await page.goto(`/${lang}/forgot-password`)
		await page.getByLabel(auth[lang].fields.email).fill(user.email)
		await page.getByRole('button', { name: auth[lang].forgot.submit }).click()
		await expect(page.getByRole('status')).toHaveText(auth[lang].forgot.sent)

		const mail = await waitForEmail(user.email, { kind: 'password_reset' })
		await page.goto(new URL(mail.link).pathname)
		await page.getByLabel(auth[lang].fields.newPassword, { exact: true }).fill('password')
		await page.getByLabel(auth[lang].fields.confirmPassword).fill('password')
		await page.getByRole('button', { name: auth[lang].reset.submit }).click()
		await expect(page.getByText(validation[lang].password.common)).toBeVisible()

		await page.getByLabel(auth[lang].fields.newPassword, { exact: true }).fill('a brand new passphrase')
		await page.getByLabel(auth[lang].fields.confirmPassword).fill('a brand new passphrase')
		await page.getByRole('button', { name: auth[lang].reset.submit }).click()
		await expect(page).toHaveURL(new RegExp(`/${lang}/login\\?notice=password-reset$`))
		await expect(page.getByRole('status')).toHaveText(auth[lang].login.passwordReset)

		await page.getByLabel(auth[lang].fields.email).fill(user.email)
		await page.getByLabel(auth[lang].fields.password).fill('a brand new passphrase')
		await page.getByRole('button', { name: auth[lang].login.submit }).click()
		await expect(page.getByTestId('member-links')).toContainText(user.name)

		// The browser that was signed in before the reset is signed out.
		const otherTab = await other.newPage()
		await otherTab.goto(`/${lang}/account`)
		await expect(otherTab).toHaveURL(new RegExp(`/${lang}/login\\?redirectTo=`))
		// And the link worked once.
		expect((await page.goto(new URL(mail.link).pathname))?.status()).toBe(404)
		await other.close()
	})
}

test('forgot-password answers the same for an unknown address', async ({ request, baseURL }) => {
	const user = await createUser({ role: 'researcher' })
	const known = await post(request, '/en/forgot-password', { email: user.email }, sessionHeaders(null, baseURL!))
	const unknown = await post(request, '/en/forgot-password', { email: uniqueEmail('nobody') }, sessionHeaders(null, baseURL!))
	expect(known.status()).toBe(200)
	expect(unknown.status()).toBe(200)
	const strip = (html: string) => html.replace(/nonce="[^"]+"/g, '').replace(/"nonce-[^"]+"/g, '')
	expect(strip(await known.text())).toBe(strip(await unknown.text()))
})

test('a form checks as you type once the member works in it, and its checks load only then', async ({ page, baseURL }) => {
	const member = await createUser({ role: 'researcher' })
	await signInContext(page.context(), baseURL!, member.id)
	const posts: string[] = []
	page.on('request', (request) => {
		if (request.method() === 'POST') posts.push(request.url())
	})
	await page.goto('/en/account')
	await page.waitForFunction(() => '__remixRouter' in window)
	const scripts = () => page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.js')).length)
	const loaded = await scripts()
	await page.getByLabel(enAccount.password.current).fill(FIXTURE_PASSWORD)
	const password = page.getByLabel(enAuth.fields.newPassword, { exact: true })
	await password.fill('short')
	// Focusing the form loaded its schema and Zod (client-validation.ts); leaving the field checks it, with no request to the server.
	await expect.poll(scripts).toBeGreaterThan(loaded)
	await password.blur()
	await expect(page.getByText(enValidation.password.tooShort)).toBeVisible()
	// Checked again as it is typed, once checked.
	await password.fill('a long enough passphrase')
	await expect(page.getByText(enValidation.password.tooShort)).toHaveCount(0)
	const confirm = page.getByLabel(enAuth.fields.confirmPassword)
	await confirm.fill('another passphrase')
	await confirm.blur()
	await expect(page.getByText(enValidation.password.mismatch)).toBeVisible()
	expect(posts).toEqual([])
})

test('a deactivated user loses access at once', async ({ page, browser, baseURL, clientIp, request }) => {
	const member = await createUser({ role: 'researcher' })
	const boss = await createUser({ role: 'admin' })
	await signInContext(page.context(), baseURL!, member.id)
	await page.goto('/en/account')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(enAccount.title)

	const adminContext = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': clientIp } })
	await signInContext(adminContext, baseURL!, boss.id)
	const adminTab = await adminContext.newPage()
	await adminTab.goto(`/en/admin/users?q=${encodeURIComponent(member.email)}`)
	// The confirmation is a dialog once the page has hydrated (before, the button submits at once): on a loaded machine the click could come first.
	await adminTab.waitForFunction(() => '__remixRouter' in window)
	await adminTab.locator(`[data-testid="user-row"][data-email="${member.email}"]`).getByRole('button', { name: enAdmin.users.deactivate }).click()
	// Deactivating asks first.
	await adminTab.getByRole('dialog').getByRole('button', { name: enAdmin.users.deactivate }).click()
	await expect(adminTab.getByRole('status')).toHaveText(enAdmin.users.deactivatedNotice.replace('{{name}}', member.name))

	await page.reload()
	await expect(page).toHaveURL(/\/en\/login\?redirectTo=%2Fen%2Faccount$/)
	const retry = await post(request, '/en/login', { email: member.email, password: member.password }, sessionHeaders(null, baseURL!))
	expect(retry.status()).toBe(400)
	await adminContext.close()
})

test('a role change takes effect at once', async ({ page, baseURL, request }) => {
	const member = await createUser({ role: 'researcher' })
	const boss = await createUser({ role: 'admin' })
	const { createSessionToken } = await import('./fixtures.ts')
	const memberToken = await createSessionToken(member.id)
	const before = await request.get('/en/admin/users', { headers: sessionHeaders(memberToken, baseURL!), maxRedirects: 0 })
	expect(before.status()).toBe(404)

	await signInContext(page.context(), baseURL!, boss.id)
	await page.goto(`/zh/admin/users?q=${encodeURIComponent(member.email)}`)
	const row = page.locator(`[data-testid="user-row"][data-email="${member.email}"]`)
	await row.getByRole('combobox').selectOption('admin')
	await row.getByRole('button', { name: zhAdmin.users.changeRole }).click()
	await expect(page.getByRole('status')).toContainText(member.name)

	// The old session is gone; signed in again, the new role opens the admin area.
	const stale = await request.get('/en/account', { headers: sessionHeaders(memberToken, baseURL!), maxRedirects: 0 })
	expect(stale.status()).toBe(302)
	const fresh = await createSessionToken(member.id)
	const after = await request.get('/en/admin/users', { headers: sessionHeaders(fresh, baseURL!), maxRedirects: 0 })
	expect(after.status()).toBe(200)
	const [audit] = await getDb()<{ details: { from: string; to: string } }[]>`
		select details from audit_events where event = 'role_changed' and subject_user_id = ${member.id}
	`
	expect(audit?.details).toEqual({ from: 'researcher', to: 'admin' })
})

test('after sign-in, only same-site paths are followed', async ({ page }) => {
	const user = await createUser({ role: 'official' })
	const signIn = async (redirectTo: string) => {
		await page.context().clearCookies()
		await page.goto(`/en/login?redirectTo=${encodeURIComponent(redirectTo)}`)
		await page.getByLabel(enAuth.fields.email).fill(user.email)
		await page.getByLabel(enAuth.fields.password).fill(user.password)
		await page.getByRole('button', { name: enAuth.login.submit }).click()
		await page.waitForURL((url) => !url.pathname.endsWith('/login'))
		return new URL(page.url())
	}
	for (const evil of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/..//evil.example', 'javascript:alert(1)']) {
		const landed = await signIn(evil)
		expect(landed.host, evil).toBe(new URL(page.url()).host)
		// Without a safe place to return to, a member lands on their dashboard in their language.
		expect(landed.pathname, evil).toBe('/en/dashboard')
	}
	expect((await signIn('/en/account?tab=sessions')).pathname).toBe('/en/account')
})

test('a new session at every sign-in: the old cookie dies', async ({ request, baseURL }) => {
	const user = await createUser({ role: 'editor' })
	const { createSessionToken, SESSION_COOKIE } = await import('./fixtures.ts')
	const old = await createSessionToken(user.id)
	const response = await post(request, '/en/login', { email: user.email, password: user.password }, sessionHeaders(old, baseURL!))
	expect(response.status()).toBe(302)
	const setCookie = response.headers()['set-cookie'] ?? ''
	const fresh = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(setCookie)?.[1]
	expect(fresh).toBeTruthy()
	expect(fresh).not.toBe(old)
	expect(setCookie).toMatch(/HttpOnly/i)
	expect(setCookie).toMatch(/SameSite=Lax/i)
	expect(setCookie).toMatch(/Secure/i)
	expect(setCookie).toMatch(/Path=\//i)
	// Only the new session remains, stored as the hash of its token.
	const sessions = await getDb()<{ id: string }[]>`select id from sessions where user_id = ${user.id}`
	const { createHash } = await import('node:crypto')
	expect(sessions.map((s) => s.id)).toEqual([createHash('sha256').update(fresh!).digest('hex')])
	const stale = await request.get('/en/account', { headers: sessionHeaders(old, baseURL!), maxRedirects: 0 })
	expect(stale.status()).toBe(302)
})

test("the time zone list shows the member's own zone with and without JavaScript, and a new choice is saved", async ({ page, browser, baseURL, clientIp }) => {
	const member = await createUser({ role: 'researcher', timeZone: 'Asia/Shanghai' })
	// Without JavaScript the chosen zone is marked in the page itself (the long list is one piece of HTML: app/ui/select-options.ts).
	const plain = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { 'X-Forwarded-For': clientIp } })
	await signInContext(plain, baseURL!, member.id)
	const plainPage = await plain.newPage()
	await plainPage.goto('/en/account')
	await expect(plainPage.getByLabel(enAccount.profile.timeZone)).toHaveValue('Asia/Shanghai')
	expect(await plainPage.getByLabel(enAccount.profile.timeZone).locator('option').count()).toBeGreaterThan(300)
	await plain.close()

	await signInContext(page.context(), baseURL!, member.id)
	await page.goto('/en/account')
	await page.waitForFunction(() => '__remixRouter' in window)
	const zone = page.getByLabel(enAccount.profile.timeZone)
	await expect(zone).toHaveValue('Asia/Shanghai')
	await zone.selectOption('Europe/Berlin')
	await page.getByRole('button', { name: enAccount.profile.submit }).click()
	await expect(page.getByText(enAccount.profile.saved)).toBeVisible()
	await expect(zone).toHaveValue('Europe/Berlin')
	await page.reload()
	await expect(page.getByLabel(enAccount.profile.timeZone)).toHaveValue('Europe/Berlin')
})
