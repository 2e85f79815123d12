/**
 * Hostile input to every form field and query parameter of every route, as
 * each role: no answer may be a 5xx (issue 15). The routes come from the
 * permission matrix's tables (./routes.ts): the site routes as the site
 * roles, a working group's and a meeting's routes as the site roles and the
 * group's roles, the policy drafts' routes as the group roles. A new route
 * is fuzzed by being listed there. Its forms are found by reading its page
 * as each role (every input, textarea, select and named button of every
 * form, no script run); its query parameters are the table's `query` plus
 * the fields of the page's GET forms.
 *
 * Values: NUL, a 10 MB string (over the body limit: 413 is fine), 200,000
 * fields, huge and negative numbers, 1e30, dates PostgreSQL cannot hold,
 * a lone surrogate (invalid UTF-8), SQL and tsquery metacharacters, text
 * longer than any field takes, a field sent twice (a list) and as an object.
 *
 * Bounded, so the suite's fuzzing stays within a few minutes on a loaded
 * 2-core machine: each route's page is read once per role; every field of
 * every distinct form gets NUL and the values of its kind (text: a lone
 * surrogate and overlong text; numbers; dates), each once, the other fields
 * benign; then the form once with every text field SQL metacharacters, once
 * with tsquery's, once with every field twice and once as objects; all sent
 * by the roles that see the form in turn; a form's other submit buttons get its number and date fields
 * (one value each); the roles that do not see a form, one request with every
 * field NUL; the two over-limit bodies once per route; every query
 * parameter, NUL, its kind's values and itself twice, by every role in turn.
 * Each request has a session of its own (some forms end sessions).
 *
 * Nothing of the seed's or other tests' is changed: posts go to fixtures of
 * this test's own (`fuzzPath` in the tables, its own group, meeting and
 * drafts), and a form about someone in a list (the admin's users, a group's
 * members) is sent about a user of its own.
 */
import { randomBytes } from 'node:crypto'
import type { APIRequestContext, Page } from '@playwright/test'
import { minimalPdf } from '#app/testing/document-fixtures.ts'
import { createNewsPost } from './content.ts'
import { createTestDraft, type TestDraft } from './drafts-fixtures.ts'
import {
	addMember,
	attachFile,
	createGroupWithRoles,
	createMeeting,
	createSessionToken,
	createUser,
	expect,
	GROUP_WHO,
	ROLES,
	SESSION_COOKIE,
	test,
	type GroupWho,
	type Role,
} from './fixtures.ts'
import { minutesInput, saveMinutes, sendForReview } from './records-content.ts'
import { DRAFT_MATRIX, DRAFT_WHO, EVERYONE, GROUP_MATRIX, MATRIX, routeFiles, type DraftWho, type GroupFixture, type OwnFixtures } from './routes.ts'

/** A value as it goes on the wire: already percent-encoded (so a lone surrogate can be sent as the invalid UTF-8 it is). */
interface Hostile {
	label: string
	encoded: string
}

const enc = (label: string, value: string): Hostile => ({ label, encoded: encodeURIComponent(value) })
const NUL = enc('NUL', 'before\u0000after')
const textValues = (longText: string): Hostile[] => [
	// The UTF-8 bytes of U+D800: no valid text has them.
	{ label: 'lone surrogate', encoded: '%ED%A0%80x' },
	enc('long text', longText),
]
/** Valid text that means something to SQL and to tsquery: sent in every text field of a form at once (one request, the form otherwise valid). */
const METACHARACTERS: Hostile[] = [enc('SQL metacharacters', "x'); drop table users; --\\"), enc('tsquery metacharacters', "a & !b | c:* <-> (d) 'e")]
const NUMBER_VALUES: Hostile[] = [enc('huge integer', '99999999999'), enc('1e30', '1e30'), enc('negative', '-1'), enc('20 digits', '99999999999999999999')]
const DATE_VALUES: Hostile[] = [
	enc('year 0', '0000-01-01T00:00'),
	enc('year 9999', '9999-12-31T23:59'),
	enc('cursor at year 0', '0000-01-01T00:00:00Z~1'),
	enc('no such day', '2026-02-30'),
]
const TEN_MB = 10 * 1024 * 1024

type Kind = 'text' | 'number' | 'date'
/** In a body: longer than any text field takes (the longest, a draft's section, 100,000 characters), well within the body limit. */
const BODY_VALUES: Record<Kind, Hostile[]> = { text: textValues('Long text. '.repeat(10_500)), number: NUMBER_VALUES, date: DATE_VALUES }
/** In a URL: long, within what a server takes in its request line (the body's long text would be a 431 before any route). */
const QUERY_VALUES: Record<Kind, Hostile[]> = { text: textValues('Long text. '.repeat(600)), number: NUMBER_VALUES, date: DATE_VALUES }

/** What a field or parameter holds, from its input type and name. */
function kindOf(name: string, type = 'text'): Kind {
	if (type === 'date' || type === 'datetime-local' || /(^|\.)(before|after|from|to|date|publishAt|startsAt|endsAt|due)$|At$/.test(name)) return 'date'
	if (type === 'number' || /(^|\.)(version|overwrite|revision|baseRevision|mergeVersion|merged|saved|page)$|Id$/.test(name)) return 'number'
	return 'text'
}

/** Replaced by fresh random text in every request (slugs and emails must be new to be saved). */
const UNIQUE = '{{unique}}'
/** Fields a person types in; empty ones get a benign value so that a hostile value elsewhere reaches as deep as it can. */
const TYPED = new Set(['text', 'email', 'password', 'search', 'url', 'tel', 'number', 'date', 'datetime-local', 'time', 'textarea'])

interface FormField {
	name: string
	value: string
	type: string
	tag: string
	checked: boolean
}

interface FoundForm {
	method: 'get' | 'post'
	action: string
	multipart: boolean
	fields: FormField[]
	/** Submit buttons' values for a field named like them (`intent`): one variant each. */
	buttons: { name: string; value: string }[]
}

/** A form field's value for the baseline: what the page holds, or for an empty typed field a benign one, or nothing (an unchecked box). */
function benign(field: FormField): string | null {
	if (field.type === 'checkbox' || field.type === 'radio') return field.checked ? field.value || 'on' : null
	if (field.value || !TYPED.has(field.type)) return field.value
	switch (field.type) {
		case 'email':
			return `fuzz-${UNIQUE}@e2e.example`
		case 'password':
			return 'a long enough passphrase'
		case 'datetime-local':
			return '2031-01-02T09:30'
		case 'date':
			return '2030-01-01'
		case 'time':
			return '09:30'
		case 'number':
			return '1'
		case 'url':
			return 'https://example.org/fuzz'
		default:
			// Valid as a title, a name, a slug and a body alike.
			return field.tag === 'textarea' ? `Fuzz body ${UNIQUE}.` : `fuzz-${UNIQUE}`
	}
}

/** Someone to act as: a label for messages and the user (none: the public). */
interface Actor {
	who: string
	userId: string | null
}

/** The fixtures of this worker's own, made on first use. */
interface Own extends OwnFixtures {
	users: Record<Role, string>
	/** A user nobody else knows, the subject of the forms about someone in a list. */
	target: string
	/** A private group with a user in each group role (and the target as a member), a past meeting with an attachment and its record in review. */
	group: GroupFixture
	groupPeople: Record<GroupWho, string>
	/** A private group's draft in review, for the drafts' group roles. */
	reviewDraft: TestDraft
	strangerId: string
}

let own: Promise<Own> | undefined
function ownFixtures(): Promise<Own> {
	own ??= (async () => {
		const users = {} as Record<Role, string>
		for (const role of ROLES) users[role] = (await createUser({ role })).id
		const target = (await createUser({ role: 'researcher' })).id
		const post = await createNewsPost({ status: 'draft', publishedAt: null, versions: { en: { title: 'Fuzz target' } } })
		const draft = await createTestDraft({ visibility: 'public', status: 'drafting' })
		const publishedDraft = await createTestDraft({ visibility: 'public', status: 'published' })
		const reviewDraft = await createTestDraft({ visibility: 'private', status: 'in_review' })
		const { group, people } = await createGroupWithRoles({ visibility: 'private' })
		await addMember({ group, user: { id: target }, role: 'member' })
		const meeting = await createMeeting({ group, startsAt: new Date(Date.now() - 2 * 3_600_000), attendeeIds: [people.lead.id, people.member.id] })
		const attachmentId = await attachFile({ meetingId: meeting.id, bytes: minimalPdf(), fileName: 'fuzz.pdf' })
		const saved = await saveMinutes({ meetingId: meeting.id, authorId: people.lead.id, input: minutesInput({ en: 'Fuzz minutes.' }) })
		await sendForReview({ recordId: saved.id, version: 1, leadId: people.lead.id, reviewerIds: [people.observer.id] })
		return {
			users,
			target,
			postId: post.id,
			draft,
			publishedDraft,
			reviewDraft,
			group: { group, meetingId: meeting.id, attachmentId },
			groupPeople: Object.fromEntries(GROUP_WHO.map((who) => [who, people[who].id])) as Record<GroupWho, string>,
			strangerId: (await createUser({ role: 'researcher' })).id,
		}
	})()
	return own
}

const siteActors = (o: Own): Actor[] => EVERYONE.map((who) => ({ who, userId: who === 'anonymous' ? null : o.users[who as Role] }))
const groupActors = (o: Own): Actor[] => [...siteActors(o), ...GROUP_WHO.map((who) => ({ who, userId: o.groupPeople[who] }))]
const draftActors = (o: Own): Actor[] =>
	DRAFT_WHO.map((who: DraftWho) => ({
		who,
		userId: {
			anonymous: null,
			'non-member': o.strangerId,
			lead: o.reviewDraft.lead.id,
			member: o.reviewDraft.member.id,
			observer: o.reviewDraft.observer.id,
			reviewer: o.reviewDraft.reviewer.id,
			admin: o.users.admin,
		}[who],
	}))

async function headers(actor: Actor, baseURL: string): Promise<Record<string, string>> {
	const result: Record<string, string> = { Origin: baseURL }
	if (actor.userId) result.Cookie = `${SESSION_COOKIE}=${await createSessionToken(actor.userId)}`
	return result
}

/** Hidden fields naming a row of a list that may be someone else's: sent about the target instead, or (an invitation) one that does not exist. */
const ROW_FIELDS: Record<string, (o: Own) => string> = { userId: (o) => o.target, invitationId: () => '999999999' }

/** The forms of a page, read by a browser from the HTML the server sent (no script runs); one per shape (action, fields, buttons). */
async function formsOf(page: Page, html: string, pagePath: string, o: Own): Promise<FoundForm[]> {
	await page.setContent(html, { waitUntil: 'domcontentloaded' })
	const forms = await page.$$eval(
		'form',
		(elements, pagePath) =>
			elements.map((form) => {
				const fields: { name: string; value: string; type: string; tag: string; checked: boolean }[] = []
				const buttons: { name: string; value: string }[] = []
				for (const element of Array.from(form.querySelectorAll('input[name], textarea[name], select[name], button[name]'))) {
					const tag = element.tagName.toLowerCase()
					const name = element.getAttribute('name')!
					if (tag === 'button') {
						buttons.push({ name, value: element.getAttribute('value') ?? '' })
						continue
					}
					const type = tag === 'input' ? (element.getAttribute('type') ?? 'text').toLowerCase() : tag
					if (type === 'file' || type === 'submit') continue
					const value =
						tag === 'select' ? (element as HTMLSelectElement).value : tag === 'textarea' ? (element.textContent ?? '') : (element.getAttribute('value') ?? '')
					fields.push({ name, value, type, tag, checked: element.hasAttribute('checked') })
				}
				return {
					method: (form.getAttribute('method') ?? 'get').toLowerCase() === 'post' ? ('post' as const) : ('get' as const),
					action: form.getAttribute('action') || pagePath,
					multipart: (form.getAttribute('enctype') ?? '').includes('multipart'),
					fields,
					buttons,
				}
			}),
		pagePath,
	)
	const byShape = new Map<string, FoundForm>()
	for (const form of forms) {
		const shape = `${form.method} ${form.action} ${form.fields.map((f) => f.name).join(',')} ${form.buttons.map((b) => `${b.name}=${b.value}`).join(',')}`
		if (byShape.has(shape)) continue
		byShape.set(shape, { ...form, fields: form.fields.map((f) => (f.type === 'hidden' && ROW_FIELDS[f.name] ? { ...f, value: ROW_FIELDS[f.name]!(o) } : f)) })
	}
	return [...byShape.values()]
}

/** `name=value&…`, values already encoded where given as Hostile; each benign placeholder made unique. */
function body(pairs: [string, string | Hostile][]): string {
	const unique = randomBytes(5).toString('hex')
	return pairs
		.map(([name, value]) => `${encodeURIComponent(name)}=${typeof value === 'string' ? encodeURIComponent(value.replaceAll(UNIQUE, unique)) : value.encoded}`)
		.join('&')
}

interface Recorder {
	failures: string[]
	requests: number
}

/**
 * Sends a request and records a 5xx. A 503 (the database did not answer in
 * time: the machine is busy) is tried once more before it counts.
 */
async function send(log: Recorder, what: string, attempt: () => Promise<{ status(): number }>) {
	let status = (await attempt()).status()
	if (status === 503) {
		await new Promise((resolve) => setTimeout(resolve, 1_000))
		status = (await attempt()).status()
	}
	log.requests += 1
	if (status >= 500) log.failures.push(`${status} ${what}`)
}

interface Context {
	request: APIRequestContext
	baseURL: string
	log: Recorder
}

async function postForm(ctx: Context, actor: Actor, action: string, pairs: [string, string | Hostile][], label: string) {
	await send(ctx.log, `POST ${action} as ${actor.who}: ${label}`, async () =>
		ctx.request.post(action, {
			data: body(pairs),
			headers: { ...(await headers(actor, ctx.baseURL)), 'Content-Type': 'application/x-www-form-urlencoded' },
			maxRedirects: 0,
			timeout: 60_000,
		}),
	)
}

/** The fields of a form as posted with one submit button (or none), every value benign. */
function baseline(form: FoundForm, button: { name: string; value: string } | null): [string, string][] {
	const pairs: [string, string][] = form.fields.flatMap((field): [string, string][] => {
		const value = benign(field)
		return value === null ? [] : [[field.name, value]]
	})
	if (button) pairs.push([button.name, button.value])
	return pairs
}

/** One field hostile, the others benign: NUL and its kind's values. */
function hostileVariants(pairs: [string, string][], index: number, kind: Kind): { label: string; pairs: [string, string | Hostile][] }[] {
	const [name] = pairs[index]!
	return [NUL, ...BODY_VALUES[kind]].map((hostile) => ({ label: `${name} = ${hostile.label}`, pairs: pairs.map(([n, v], i) => [n, i === index ? hostile : v]) }))
}

/** Every field at once: the text fields as SQL and tsquery metacharacters, every field twice (a list), every field as an object. */
function formWideVariants(pairs: [string, string][], kinds: Map<string, Kind>): { label: string; pairs: [string, string | Hostile][] }[] {
	return [
		...METACHARACTERS.map((hostile) => ({
			label: `every text field = ${hostile.label}`,
			pairs: pairs.map(([n, v]): [string, string | Hostile] => [n, (kinds.get(n) ?? 'text') === 'text' && v !== '' ? hostile : v]),
		})),
		{ label: 'every field twice', pairs: pairs.flatMap((pair) => [pair, pair]) },
		{ label: 'every field as an object', pairs: pairs.flatMap(([n, v]): [string, string][] => [[`${n}[0]`, v], [`${n}.x`, v]]) },
	]
}

async function fuzzForm(ctx: Context, form: FoundForm, seers: Actor[], everyone: Actor[]) {
	const variants = form.buttons.length > 0 ? form.buttons : [null]
	const kinds = new Map(form.fields.map((field) => [field.name, kindOf(field.name, field.type)]))
	const pairs = baseline(form, variants[0] ?? null)
	// Each hostile request once, sent by the roles that see the form in turn.
	let turn = 0
	const next = () => seers[turn++ % seers.length]!
	for (let index = 0; index < pairs.length; index++) {
		for (const variant of hostileVariants(pairs, index, kinds.get(pairs[index]![0]) ?? 'text')) {
			await postForm(ctx, next(), form.action, variant.pairs, variant.label)
		}
	}
	for (const variant of formWideVariants(pairs, kinds)) await postForm(ctx, next(), form.action, variant.pairs, variant.label)
	// The other submit buttons (publish, schedule…): their number and date fields, one value each.
	for (const button of variants.slice(1)) {
		const withButton = baseline(form, button!)
		for (let index = 0; index < withButton.length; index++) {
			const kind = kinds.get(withButton[index]![0])
			if (kind !== 'number' && kind !== 'date') continue
			const variant = hostileVariants(withButton, index, kind)[1]!
			await postForm(ctx, next(), form.action, variant.pairs, `${button!.name}=${button!.value}: ${variant.label}`)
		}
	}
	// Everyone else: one request with every field NUL.
	const seen = new Set(seers.map((a) => a.who))
	for (const actor of everyone.filter((a) => !seen.has(a.who))) {
		await postForm(ctx, actor, form.action, pairs.map(([name]) => [name, NUL]), 'every field NUL')
	}
}

/** Over the body limits: 413 is the answer, anything but a 5xx will do. */
async function fuzzBodyLimits(ctx: Context, action: string, actor: Actor) {
	await postForm(ctx, actor, action, [['padding', 'x'.repeat(TEN_MB)]], '10 MB string')
	const many: [string, string][] = Array.from({ length: 200_000 }, (_, i) => [`f${i}`, 'x'])
	await postForm(ctx, actor, action, many, '200,000 fields')
}

async function fuzzQuery(ctx: Context, path: string, params: string[], everyone: Actor[]) {
	const [pathname, search = ''] = path.split('?')
	let turn = 0
	for (const param of params) {
		const kept = search.split('&').filter((pair) => pair && !pair.startsWith(`${param}=`))
		const name = encodeURIComponent(param)
		const queries = [NUL, ...QUERY_VALUES[kindOf(param)]].map((value) => ({ label: `${param} = ${value.label}`, query: [...kept, `${name}=${value.encoded}`].join('&') }))
		queries.push({ label: `${param} twice`, query: [...kept, `${name}=a`, `${name}=b`].join('&') })
		for (const { label, query } of queries) {
			// Each value once, by every role in turn.
			const actor = everyone[turn++ % everyone.length]!
			await send(ctx.log, `GET ${pathname} as ${actor.who}: ${label}`, async () =>
				ctx.request.get(`${pathname}?${query}`, { headers: await headers(actor, ctx.baseURL), maxRedirects: 0 }),
			)
		}
	}
}

/** One route: its page read by everyone, its forms and query parameters made hostile. */
async function fuzzRoute(
	ctx: Context,
	page: Page,
	o: Own,
	{ path, everyone, query = [], matrixForm }: { path: string; everyone: Actor[]; query?: string[]; matrixForm?: Record<string, string> },
) {
	const pathname = path.split('?')[0]!
	// The forms each role is shown.
	const shown = new Map<string, { form: FoundForm; seers: Actor[] }>()
	for (const actor of everyone) {
		const response = await ctx.request.get(path, { headers: await headers(actor, ctx.baseURL), maxRedirects: 0 })
		ctx.log.requests += 1
		if (response.status() >= 500) ctx.log.failures.push(`${response.status()} GET ${path} as ${actor.who}`)
		if (response.status() !== 200 || !(response.headers()['content-type'] ?? '').includes('text/html')) continue
		for (const form of await formsOf(page, await response.text(), pathname, o)) {
			// Only this route's own forms (the site header's sign-out, language and search forms have routes of their own).
			if (form.action.split('?')[0] !== pathname) continue
			const key = `${form.method} ${form.action} ${form.fields.map((f) => f.name).join(',')} ${form.buttons.map((b) => `${b.name}=${b.value}`).join(',')}`
			const entry = shown.get(key) ?? { form, seers: [] }
			entry.seers.push(actor)
			shown.set(key, entry)
		}
	}
	const params = new Set(query)
	const posts = [...shown.values()].filter(({ form }) => form.method === 'post' && !form.multipart)
	for (const { form } of shown.values()) if (form.method === 'get') for (const field of form.fields) params.add(field.name)
	for (const { form, seers } of posts) await fuzzForm(ctx, form, seers, everyone)
	// A route with an action but no form anyone is shown (or only uploads) still gets its matrix form, hostile.
	if (matrixForm && posts.length === 0) {
		const fields = Object.entries(matrixForm).map(([name, value]) => ({ name, value, type: 'hidden', tag: 'input', checked: false }))
		await fuzzForm(ctx, { method: 'post', action: path, multipart: false, fields, buttons: [] }, everyone, everyone)
	}
	if (matrixForm) await fuzzBodyLimits(ctx, posts[0]?.form.action ?? path, posts[0]?.seers[0] ?? everyone[0]!)
	if (params.size > 0) await fuzzQuery(ctx, path, [...params], everyone)
}

const cases: { id: string; table: string; run: (o: Own) => { path: string; everyone: Actor[]; query?: string[]; matrixForm?: Record<string, string> } }[] = [
	...Object.entries(MATRIX).map(([id, route]) => ({
		id,
		table: 'site',
		run: (o: Own) => ({ path: route.fuzzPath?.(o) ?? route.path, everyone: siteActors(o), query: route.query, matrixForm: route.post?.form() }),
	})),
	...Object.entries(GROUP_MATRIX).map(([id, route]) => ({
		id,
		table: 'group',
		run: (o: Own) => ({ path: route.path(o.group), everyone: groupActors(o), query: route.query, matrixForm: route.post?.form() }),
	})),
	...Object.entries(DRAFT_MATRIX).map(([id, route]) => ({
		id,
		table: 'draft',
		run: (o: Own) => ({ path: route.path(o.reviewDraft), everyone: draftActors(o), query: route.query, matrixForm: route.post?.form(o.reviewDraft) }),
	})),
]

test('every route file is fuzzed', () => {
	expect([...new Set(cases.map((c) => c.id))].sort()).toEqual(routeFiles().map((f) => f.id).sort())
})

for (const { id, table, run } of cases) {
	test(`fuzz ${id} (${table} roles): no 5xx for any hostile form field or query parameter`, async ({ request, baseURL, browser }, testInfo) => {
		test.setTimeout(Math.max(Number(process.env.E2E_TIMEOUT_MS ?? 0), 180_000))
		const o = await ownFixtures()
		const ctx: Context = { request, baseURL: baseURL!, log: { failures: [], requests: 0 } }
		// Pages are read without running their scripts: only the forms they hold matter.
		const reader = await browser.newContext({ javaScriptEnabled: false })
		try {
			await fuzzRoute(ctx, await reader.newPage(), o, run(o))
		} finally {
			await reader.close()
		}
		testInfo.annotations.push({ type: 'requests', description: String(ctx.log.requests) })
		expect(ctx.log.requests).toBeGreaterThan(0)
		expect(ctx.log.failures, ctx.log.failures.join('\n')).toEqual([])
	})
}
