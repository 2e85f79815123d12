/**
 * The contact page the lab's posts point readers to (issue 13), in both
 * languages: what the lab is and how to reach it, and a message form that
 * needs no account and lands in the outbox for the lab's address; robots
 * that fill the honeypot are thanked and ignored; a flood is throttled.
 */
import { randomBytes } from 'node:crypto'
import { getDb, test } from './fixtures.ts'
import { expect, fill, lastOutboxId, locales, waitForOutbox, type Lang } from './first-users.ts'

const LANGS: Lang[] = ['en', 'zh']
const LAB_ADDRESS = locales.en.common.footer.email

for (const lang of LANGS) {
	const t = locales[lang].contact
	const common = locales[lang].common

	test(`${lang}: a message sent from the contact page lands in the outbox for the lab's address`, async ({ page }) => {
		const since = await lastOutboxId()
		await page.goto(`/${lang}`)
		await page.getByRole('navigation', { name: common.nav.label }).getByRole('link', { name: common.nav.contact }).click()
		await expect(page).toHaveURL(new RegExp(`/${lang}/contact$`))
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.heading)
		await expect(page.getByRole('main')).toContainText(t.about.heading)
		await expect(page.getByRole('main').getByRole('link', { name: LAB_ADDRESS })).toHaveAttribute('href', `mailto:${LAB_ADDRESS}`)

		const marker = randomBytes(4).toString('hex')
		const form = page.getByRole('region', { name: t.form.heading })
		// Errors are explained next to their field, in the page's language.
		await form.getByRole('button', { name: t.form.submit }).click()
		await expect(form.getByText(t.errors['name-required'])).toBeVisible()
		await form.getByLabel(t.form.name).fill(`Reader ${marker}`)
		await form.getByLabel(t.form.email).fill(`reader-${marker}@e2e.example`)
		await form.getByLabel(t.form.subject).fill(`Question ${marker}`)
		await form.getByLabel(t.form.message).fill(`How can our city join a working group? ${marker}`)
		await form.getByRole('button', { name: t.form.submit }).click()
		await expect(page.getByRole('status')).toHaveText(t.form.sent)
		await expect(form.getByLabel(t.form.message)).toHaveValue('')

		const [message] = await waitForOutbox({ to: LAB_ADDRESS, kind: 'contact_message', afterId: since, containing: marker })
		if (!message) throw new Error('no message')
		expect(message.subject).toBe(fill(locales.en.email.contact.subject, { subject: `Question ${marker}` }))
		expect(message.body).toContain(`Reader ${marker} <reader-${marker}@e2e.example>`)
		expect(message.body).toContain(`How can our city join a working group? ${marker}`)
		const [stored] = await getDb()<{ lang: string }[]>`select lang from contact_messages where email = ${`reader-${marker}@e2e.example`}`
		expect(stored?.lang).toBe(lang)
	})

	test(`${lang}: a robot that fills the hidden field is thanked and nothing is sent`, async ({ page }) => {
		const marker = randomBytes(4).toString('hex')
		await page.goto(`/${lang}/contact`)
		const form = page.getByRole('region', { name: t.form.heading })
		// People never see the field, nor reach it with the keyboard.
		const honeypot = page.locator('input[name=website]')
		await expect(honeypot).toHaveAttribute('tabindex', '-1')
		await expect(honeypot).not.toBeInViewport()
		await form.getByLabel(t.form.name).fill(`Robot ${marker}`)
		await form.getByLabel(t.form.email).fill(`robot-${marker}@e2e.example`)
		await form.getByLabel(t.form.message).fill('Buy now')
		await honeypot.fill('https://spam.example', { force: true })
		await form.getByRole('button', { name: t.form.submit }).click()
		await expect(page.getByRole('status')).toHaveText(t.form.sent)
		expect(await getDb()`select 1 from contact_messages where email = ${`robot-${marker}@e2e.example`}`).toHaveLength(0)
		expect(await getDb()`select 1 from email_outbox where body_text like ${`%robot-${marker}%`}`).toHaveLength(0)
	})
}

test('a flood from one address is throttled, with what was typed kept', async ({ request, baseURL }) => {
	const headers = { Origin: baseURL! }
	const marker = randomBytes(4).toString('hex')
	const send = (n: number) =>
		request.post('/en/contact', { form: { name: `Flood ${marker}`, email: `flood-${marker}@e2e.example`, subject: '', message: `Message ${n}` }, headers, maxRedirects: 0 })
	for (let n = 1; n <= 5; n++) expect((await send(n)).status(), `message ${n}`).toBe(200)
	const refused = await send(6)
	expect(refused.status()).toBe(429)
	expect(await refused.text()).toContain(locales.en.contact.form.throttled.split('{{')[0]!.trim().slice(0, 30))
	const [{ count }] = (await getDb()`select count(*)::int as count from contact_messages where email = ${`flood-${marker}@e2e.example`}`) as unknown as [{ count: number }]
	expect(count).toBe(5)
})
