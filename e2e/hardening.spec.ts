/**
 * What an attacker did to the portal (issue 15), replayed against the
 * running server: each finding's attack, and what the portal does now.
 */
import { randomBytes } from 'node:crypto'
import { pngImage } from '#app/testing/image-fixtures.ts'
import { MAX_IMAGE_SIDE_PX } from '#app/media/limits.ts'
import { createNewsPost } from './content.ts'
import {
	createSessionToken,
	createUser,
	expect,
	FIXTURE_PASSWORD,
	getDb,
	post,
	sessionHeaders,
	test,
	waitForEmail,
} from './fixtures.ts'
import enCommon from '../locales/en/common.json' with { type: 'json' }
import zhCommon from '../locales/zh/common.json' with { type: 'json' }
import enAccount from '../locales/en/account.json' with { type: 'json' }
import enValidation from '../locales/en/validation.json' with { type: 'json' }

const common = { en: enCommon, zh: zhCommon }
const uniqueEmail = (label: string) => `${label}-${randomBytes(5).toString('hex')}@e2e.example`
const MB = 1024 * 1024

test.describe('1. links and the Origin check come from configuration, never from Host', () => {
	test('a forged Host and a matching Origin are refused; a forged Host never reaches an emailed link', async ({ request, baseURL }) => {
		const user = await createUser({ role: 'researcher' })
		const forged = await request.post('/en/forgot-password', {
			form: { email: user.email },
			headers: { Host: 'evil.example', Origin: 'http://evil.example' },
			maxRedirects: 0,
		})
		expect(forged.status()).toBe(403)
		expect(await getDb()`select 1 from email_outbox where to_email = ${user.email}`).toHaveLength(0)

		// Our own Origin, with a forged Host: the link is still ours.
		const ours = await request.post('/en/forgot-password', { form: { email: user.email }, headers: { Host: 'evil.example', Origin: baseURL! } })
		expect(ours.status()).toBe(200)
		const { link } = await waitForEmail(user.email, { kind: 'password_reset' })
		expect(new URL(link).origin).toBe(baseURL)
	})

	test('canonical links, feeds and the sitemap name the configured origin whatever the Host says', async ({ request, baseURL }) => {
		const headers = { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' }
		const page = await (await request.get('/en/news', { headers })).text()
		expect(page).toContain(`<link rel="canonical" href="${baseURL}/en/news"`)
		expect(page).not.toContain('evil.example')
		for (const path of ['/en/news/feed.xml', '/zh/news/atom.xml', '/sitemap.xml', '/robots.txt']) {
			const body = await (await request.get(path, { headers })).text()
			expect(body, path).toContain(baseURL!)
			expect(body, path).not.toContain('evil.example')
		}
	})

	test('in production, only the configured spelling of the origin may post', async ({ request, baseURL }) => {
		const other = baseURL!.replace('127.0.0.1', 'localhost')
		const response = await request.post('/en/login', { form: { email: uniqueEmail('x'), password: 'x' }, headers: { Origin: other }, maxRedirects: 0 })
		expect(response.status()).toBe(403)
	})
})

test.describe('2. bodies are bounded at the server', () => {
	for (const lang of ['en', 'zh'] as const) {
		test(`${lang}: a 40 MB anonymous sign-in is refused with a small translated 413 page`, async ({ request, baseURL }) => {
			const started = Date.now()
			const response = await request.post(`/${lang}/login`, {
				data: `email=a%40b.example&password=${'x'.repeat(40 * MB)}`,
				headers: { Origin: baseURL!, 'Content-Type': 'application/x-www-form-urlencoded' },
				maxRedirects: 0,
				timeout: 60_000,
			})
			expect(response.status()).toBe(413)
			const html = await response.text()
			expect(html.length).toBeLessThan(100_000)
			expect(html).toContain(common[lang].errors.tooLarge.heading)
			expect(html).toContain(`<html lang="${lang === 'en' ? 'en' : 'zh-CN'}"`)
			expect(Date.now() - started).toBeLessThan(30_000)
		})
	}

	test('200,000 fields are refused; a refused sign-in echoes only its own fields', async ({ request, baseURL }) => {
		const many = Array.from({ length: 200_000 }, (_, i) => `f${i}=x`).join('&')
		const headers = { Origin: baseURL!, 'Content-Type': 'application/x-www-form-urlencoded' }
		const refused = await request.post('/en/login', { data: `email=a%40b.example&password=x&${many}`, headers, maxRedirects: 0 })
		expect(refused.status()).toBe(413)
		// Within the limits: extra fields and an overlong email are not echoed back.
		const extra = Array.from({ length: 1_500 }, (_, i) => `extra${i}=${'y'.repeat(500)}`).join('&')
		const answer = await request.post('/en/login', { data: `email=${'e'.repeat(5_000)}&password=x&${extra}`, headers, maxRedirects: 0 })
		expect(answer.status()).toBe(400)
		const html = await answer.text()
		expect(html).not.toContain('extra1')
		expect(html).not.toContain('e'.repeat(255))
		expect(html.length).toBeLessThan(200_000)
	})

	test('a large multipart body to a page that takes no uploads is refused too', async ({ request, baseURL }) => {
		const response = await request.post('/en/forgot-password', {
			multipart: { email: 'a@b.example', file: { name: 'big.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(6 * MB) } },
			headers: { Origin: baseURL! },
			maxRedirects: 0,
		})
		expect(response.status()).toBe(413)
	})
})

test.describe('4. throttling slows guessing down without locking anyone out', () => {
	test('ten wrong passwords from elsewhere: the owner still signs in where they did before, at once', async ({ playwright, baseURL }) => {
		const user = await createUser({ role: 'official' })
		const home = `203.0.113.${randomBytes(1)[0]! % 200}`
		// Each attempt a browser of its own: a signed-in one would be sent on by the page (302) whatever the password.
		const signIn = async (ip: string, password: string) => {
			const client = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': ip, Origin: baseURL! } })
			try {
				const response = await client.post('/en/login', { form: { email: user.email, password }, maxRedirects: 0 })
				return { status: () => response.status() }
			} finally {
				await client.dispose()
			}
		}
		expect((await signIn(home, FIXTURE_PASSWORD)).status()).toBe(302)
		const wrong: number[] = []
		for (let i = 0; i < 12; i++) wrong.push((await signIn(`192.0.2.${i + 1}`, `wrong ${i}`)).status())
		// Ten guesses from addresses the account does not know, then they are slowed.
		expect(wrong).toEqual([...Array(10).fill(400), 429, 429])
		expect((await signIn('192.0.2.1', FIXTURE_PASSWORD)).status()).toBe(429)
		expect((await signIn(home, FIXTURE_PASSWORD)).status()).toBe(302)
	})

	test('a password reset clears the account’s throttle', async ({ request, playwright, baseURL, clientIp }) => {
		const user = await createUser({ role: 'researcher' })
		for (let i = 0; i < 12; i++) {
			await post(request, '/en/login', { email: user.email, password: `wrong ${i}` }, { ...sessionHeaders(null, baseURL!), 'X-Forwarded-For': `192.0.2.${100 + i}` })
		}
		const before = await post(request, '/en/login', { email: user.email, password: FIXTURE_PASSWORD }, sessionHeaders(null, baseURL!))
		expect(before.status()).toBe(429)
		await post(request, '/en/forgot-password', { email: user.email }, sessionHeaders(null, baseURL!))
		const { link } = await waitForEmail(user.email, { kind: 'password_reset' })
		const reset = await post(request, new URL(link).pathname, { password: 'a brand new passphrase', confirmPassword: 'a brand new passphrase' }, sessionHeaders(null, baseURL!))
		expect(reset.status()).toBe(302)
		// A browser never signed in: the 302 is the sign-in's own, with its session cookie.
		const fresh = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': clientIp, Origin: baseURL! } })
		const after = await fresh.post('/en/login', { form: { email: user.email, password: 'a brand new passphrase' }, maxRedirects: 0 })
		expect(after.status()).toBe(302)
		expect(after.headers()['set-cookie']).toContain('__Host-zevlab_session=')
		await fresh.dispose()
	})
})

test('5. twenty forgot-password requests at once: the same answer, a few emails, one live link', async ({ request, baseURL }) => {
	const user = await createUser({ role: 'editor' })
	const answers = await Promise.all(
		Array.from({ length: 20 }, (_, i) =>
			post(request, '/en/forgot-password', { email: user.email }, { ...sessionHeaders(null, baseURL!), 'X-Forwarded-For': `198.18.${i}.1` }),
		),
	)
	expect(new Set(answers.map((a) => a.status()))).toEqual(new Set([200]))
	await waitForEmail(user.email, { kind: 'password_reset' })
	// Background work: give it a moment to finish every request.
	await expect
		.poll(async () => (await getDb()`select 1 from password_resets where user_id = ${user.id}`).length, { timeout: 10_000 })
		.toBeGreaterThan(0)
	await new Promise((resolve) => setTimeout(resolve, 1_000))
	const emails = await getDb()`select 1 from email_outbox where to_email = ${user.email}`
	expect(emails.length).toBeLessThanOrEqual(3)
	expect(await getDb()`select 1 from password_resets where user_id = ${user.id} and used_at is null`).toHaveLength(1)
})

test.describe('6. hostile input is a 400 with the form kept, never a 500', () => {
	test('a NUL in the profile name: the form comes back with the text and a translated error', async ({ page, baseURL }) => {
		const user = await createUser({ role: 'researcher' })
		const response = await page.request.post('/en/account', {
			form: { intent: 'profile', name: 'Ada\u0000 Lovelace', lang: 'en', timeZone: 'Europe/London' },
			headers: sessionHeaders(await createSessionToken(user.id), baseURL!),
		})
		expect(response.status()).toBe(400)
		const html = await response.text()
		expect(html).toContain(enValidation.text.control)
		expect(html).toContain('Lovelace')
		expect(html).toContain(enAccount.profile.heading)
	})

	test('out-of-range numbers, dates and ids', async ({ request, baseURL }) => {
		const editor = await createUser({ role: 'editor' })
		const headers = () => createSessionToken(editor.id).then((token) => sessionHeaders(token, baseURL!))
		const target = await createNewsPost({ status: 'draft', publishedAt: null, versions: { en: { title: 'Hostile numbers' } } })
		const editorPath = `/en/newsroom/${target.id}`
		const form = { 'en.title': 'Hostile numbers', 'en.body': 'Body.', version: '1' }
		const extras: Record<string, string>[] = [{ version: '99999999999' }, { overwrite: '1e30' }, { coverMediaId: '99999999999999999999' }, { intent: 'schedule', publishAt: '9999-12-31T23:59' }]
		for (const extra of extras) {
			const response = await request.post(editorPath, { form: { intent: 'save', ...form, ...extra }, headers: await headers(), maxRedirects: 0 })
			expect(response.status(), JSON.stringify(extra)).toBe(400)
		}
		const restore = await request.post(`${editorPath}/history`, { form: { revisionId: '1', version: '99999999999' }, headers: await headers(), maxRedirects: 0 })
		expect(restore.status()).toBe(400)
		for (const query of ['before=0000-01-01T00:00:00Z~1', 'after=0000-01-01T00:00:00Z~1', 'before=9999-12-31T23:59:59Z~1']) {
			expect((await request.get(`/en/news?${query}`)).status(), query).toBe(200)
		}
	})
})

test.describe('7. smaller things', () => {
	test('a PNG named with ; and = uploads; a few bytes declaring 12000 × 12000 do not', async ({ request, baseURL }) => {
		const editor = await createUser({ role: 'editor' })
		const headers = sessionHeaders(await createSessionToken(editor.id), baseURL!)
		const png = Buffer.from(pngImage({ width: 31, height: 7, rgb: [randomBytes(1)[0]!, 9, 9] }))
		const named = await request.post('/en/newsroom/media', {
			headers,
			multipart: { file: { name: 'chart;version=2.png', mimeType: 'image/png', buffer: png } },
			maxRedirects: 0,
		})
		expect(named.status()).toBe(200)
		const [row] = await getDb()<{ name: string }[]>`select original_name as name from media where uploaded_by = ${editor.id}`
		expect(row?.name).toBe('chart;version=2.png')

		const bomb = Buffer.from(pngImage({ width: 1, height: 1 }).slice(0, 33))
		bomb.writeUInt32BE(MAX_IMAGE_SIDE_PX, 16)
		bomb.writeUInt32BE(MAX_IMAGE_SIDE_PX, 20)
		const refused = await request.post('/en/newsroom/media', { headers, multipart: { file: { name: 'bomb.png', mimeType: 'image/png', buffer: bomb } }, maxRedirects: 0 })
		expect(refused.status()).toBe(400)
		expect(await getDb()`select 1 from media where uploaded_by = ${editor.id}`).toHaveLength(1)
	})

	test('an anonymous denied page writes one audit row, not two', async ({ request, clientIp }) => {
		const count = async () =>
			((await getDb()`select count(*)::int as n from audit_events where event = 'request_denied' and ip = ${clientIp}`) as unknown as [{ n: number }])[0].n
		const before = await count()
		expect((await request.get('/en/admin/users', { maxRedirects: 0 })).status()).toBe(404)
		expect(await count()).toBe(before + 1)
	})
})

test('the 413 page in a browser, in both languages, at phone and desktop widths', async ({ page, baseURL }) => {
	for (const lang of ['en', 'zh'] as const) {
		await page.goto(`/${lang}/login`)
		// A form posted in the browser, bigger than the portal takes.
		await page.evaluate((size) => {
			const form = document.createElement('form')
			form.method = 'post'
			const input = document.createElement('input')
			input.name = 'email'
			input.value = 'x'.repeat(size)
			form.append(input)
			document.body.append(form)
			form.submit()
		}, 4.5 * MB)
		// Uploading a few megabytes takes a while on a busy machine.
		await expect(page.getByTestId('error-page')).toHaveAttribute('data-status', '413', { timeout: 60_000 })
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(common[lang].errors.tooLarge.heading)
		await expect(page).toHaveTitle(new RegExp(common[lang].errors.tooLarge.title))
		for (const width of [375, 1280]) {
			await page.setViewportSize({ width, height: 800 })
			await page.screenshot({ path: `.cache/shots/413-${lang}-${width}.png`, fullPage: true })
		}
	}
	expect(baseURL).toBeTruthy()
})
