/**
 * Every route of the portal with what each role may do there: the tables the
 * permission matrix (./permissions.spec.ts) checks and the fuzz test
 * (./fuzz.spec.ts) drives. `MATRIX` holds the routes as the site roles see
 * them, `GROUP_MATRIX` a working group's and a meeting's routes with the
 * group's roles as well, `DRAFT_MATRIX` the policy drafts' routes × group
 * roles. A route file missing from the tables fails the permission matrix,
 * so a new route joins both tests by being listed here, with the query
 * parameters it reads (`query`).
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import type { TestDraft } from './drafts-fixtures.ts'
import { GROUP_WHO, ROLES, type GroupWho, type Role, type TestGroup } from './fixtures.ts'

export type Who = Role | 'anonymous' | GroupWho
export const EVERYONE: Who[] = ['anonymous', ...ROLES]
/** For a group's routes: the site roles (none of them in the group, the admin aside) and the group's roles. */
export const EVERYONE_IN_GROUPS: Who[] = [...EVERYONE, ...GROUP_WHO]
export const ROUTES_DIR = path.resolve(import.meta.dirname, '../app/routes')

/** Same status for everybody. */
const all = (status: number) => Object.fromEntries(EVERYONE_IN_GROUPS.map((who) => [who, status])) as Record<Who, number>
/** Admins get `yes`, everybody else (anonymous included) a 404. */
const adminOnly = (yes: number) => ({ ...all(404), admin: yes })
/** Researchers, editors and admins get `yes`; officials and the public a 404. */
const writers = (yes: number) => ({ ...all(404), researcher: yes, editor: yes, admin: yes })
/** Editors and admins get `yes`; everybody else a 404. */
const editors = (yes: number) => ({ ...all(404), editor: yes, admin: yes })
/** The seed's first post: published and authorless, so a researcher may not edit it. */
export const SEEDED_POST = '/en/newsroom/1'
/** The seed's policy drafts: the first being drafted, the second published (both in public groups). */
const SEEDED_DRAFT = '/en/drafts/1'
const SEEDED_PUBLISHED_DRAFT = '/en/drafts/2'
/** Members get `yes`; the public is sent to sign in. */
const members = (yes: number) => ({ ...all(yes), anonymous: 302 })

export interface RouteCase {
	path: string
	get: Record<Who, number>
	post?: { form: () => Record<string, string>; expect: Record<Who, number> }
	/** Query parameters the route reads, beside the fields of its GET forms (the fuzz test sends hostile values in each). */
	query?: string[]
	/**
	 * Where the fuzz test sends its requests instead of `path`, when posting
	 * there would change data other tests rely on (the seed's): a fixture of
	 * the fuzz test's own.
	 */
	fuzzPath?: (own: OwnFixtures) => string
}

/** What the fuzz test brings of its own, so that hostile posts change nothing of the seed's. */
export interface OwnFixtures {
	/** A draft news post. */
	postId: string
	/** A policy draft being drafted in a public group of its own, and one published there. */
	draft: TestDraft
	publishedDraft: TestDraft
}

export const uniqueEmail = () => `matrix-${randomBytes(5).toString('hex')}@e2e.example`
const NEW_PASSWORD = { password: 'a long enough passphrase', confirmPassword: 'a long enough passphrase' }

export const MATRIX: Record<string, RouteCase> = {
	// Passes its query string on to the language's home page.
	_index: { path: '/', get: all(302), query: ['lang'] },
	$lang: { path: '/zh', get: all(200) },
	'$lang._index': { path: '/en', get: all(200) },
	'$lang.$': { path: '/en/no-such-page', get: all(404) },
	'$lang.news._index': { path: '/zh/news', get: all(200), query: ['tag', 'group', 'before', 'after'] },
	'$lang.news.$slug': { path: '/en/news/california-china-zev-partnership', get: all(200) },
	'$lang.search': { path: '/zh/search?q=%E5%85%85%E7%94%B5', get: all(200), query: ['q', 'type', 'lang', 'from', 'to', 'page', 'group'] },
	healthz: { path: '/healthz', get: all(200) },
	'resources.locales.$lng.$ns': { path: '/resources/locales/zh/common', get: all(200) },
	'$lang.news.feed[.]xml': { path: '/en/news/feed.xml', get: all(200) },
	'$lang.news.atom[.]xml': { path: '/zh/news/atom.xml', get: all(200) },
	// The stylesheet that shows a feed as a page in a browser.
	'$lang.news.feed[.]xsl': { path: '/zh/news/feed.xsl', get: all(200) },
	// Anyone may write to the lab, signed in or not.
	'$lang.contact': {
		path: '/en/contact',
		get: all(200),
		post: { form: () => ({ name: 'Matrix', email: uniqueEmail(), subject: '', message: 'Hello from the permission matrix.' }), expect: all(200) },
	},
	'sitemap[.]xml': { path: '/sitemap.xml', get: all(200) },
	'robots[.]txt': { path: '/robots.txt', get: all(200) },
	'$lang.login': {
		path: '/en/login',
		get: { ...all(302), anonymous: 200 },
		query: ['redirectTo', 'notice'],
		// Signed in, the page's loader sends members on after the (failed) attempt.
		post: { form: () => ({ email: uniqueEmail(), password: 'wrong password' }), expect: { ...all(302), anonymous: 400 } },
	},
	'$lang.logout': { path: '/en/logout', get: all(302), post: { form: () => ({}), expect: all(302) } },
	'$lang.forgot-password': {
		path: '/zh/forgot-password',
		get: all(200),
		post: { form: () => ({ email: uniqueEmail() }), expect: all(200) },
	},
	'$lang.reset-password.$token': {
		path: '/en/reset-password/not-a-real-token',
		get: all(404),
		post: { form: () => NEW_PASSWORD, expect: all(404) },
	},
	'$lang.invitations.$token': {
		path: '/zh/invitations/not-a-real-token',
		get: all(404),
		post: { form: () => ({ name: 'Somebody', ...NEW_PASSWORD }), expect: all(404) },
	},
	'$lang.account': {
		path: '/en/account',
		get: members(200),
		post: { form: () => ({ intent: 'sign-out-others' }), expect: members(200) },
	},
	'$lang.admin': { path: '/en/admin', get: adminOnly(302) },
	'$lang.admin._index': { path: '/zh/admin', get: adminOnly(302) },
	'$lang.admin.users': {
		path: '/en/admin/users',
		get: adminOnly(200),
		query: ['q'],
		post: { form: () => ({ intent: 'invite', email: uniqueEmail(), role: 'researcher', lang: 'en', name: '' }), expect: adminOnly(200) },
	},
	'$lang.admin.outbox': { path: '/zh/admin/outbox', get: adminOnly(200) },
	'$lang.admin.audit': { path: '/en/admin/audit', get: adminOnly(200), query: ['event', 'email', 'from', 'to', 'before'] },
	'$lang.newsroom': { path: '/zh/newsroom', get: writers(200) },
	'$lang.newsroom._index': { path: '/en/newsroom?status=review', get: writers(200), query: ['status', 'before'] },
	// Preview renders without saving anything.
	'$lang.newsroom.new': {
		path: '/en/newsroom/new',
		get: writers(200),
		post: { form: () => ({ intent: 'preview', 'en.title': 'Matrix', 'en.body': '**Preview**' }), expect: writers(200) },
	},
	'$lang.newsroom.$postId': {
		path: SEEDED_POST,
		get: editors(200),
		query: ['saved', 'created'],
		fuzzPath: ({ postId }) => `/en/newsroom/${postId}`,
		post: { form: () => ({ intent: 'preview', 'en.title': 'Matrix', 'en.body': '**Preview**' }), expect: editors(200) },
	},
	'$lang.newsroom.$postId_.history': {
		path: `${SEEDED_POST}/history`,
		get: editors(200),
		query: ['revision'],
		fuzzPath: ({ postId }) => `/en/newsroom/${postId}/history`,
		post: { form: () => ({ revisionId: 'not-a-revision', version: '1' }), expect: editors(400) },
	},
	'$lang.newsroom.media': {
		path: '/en/newsroom/media',
		get: writers(200),
		query: ['before'],
		// A form without a file (not even multipart) is refused in the page.
		post: { form: () => ({}), expect: writers(400) },
	},
	// Uploaded images are public; an unknown one is a 404 for everybody.
	'media.$key': { path: `/media/${'0'.repeat(64)}.png`, get: all(404) },
	// Policy drafts, as site roles outside the seeded drafts' groups see them: the
	// seed's first draft is being drafted (its group's work), the second published.
	// Group roles are in the matrix below.
	'$lang.drafts._index': { path: '/zh/drafts', get: all(200), query: ['group', 'status', 'translation', 'before'] },
	'$lang.drafts.new': {
		path: '/en/drafts/new',
		get: adminOnly(200),
		query: ['group'],
		// Its group chosen, so that what the fuzz creates lands there.
		fuzzPath: ({ draft }) => `/en/drafts/new?group=${draft.groupSlug}`,
		// No group chosen: refused in the page, after the permission check.
		post: { form: () => ({ group: '', 'title.en': 'Matrix' }), expect: adminOnly(400) },
	},
	'$lang.drafts.$draftId': {
		path: SEEDED_PUBLISHED_DRAFT,
		get: all(200),
		fuzzPath: ({ publishedDraft }) => `/en/drafts/${publishedDraft.id}`,
		// An empty comment: officials may comment on what they can read; refused in the page.
		post: { form: () => ({ intent: 'comment', sectionId: 'purpose', lang: 'en', body: '' }), expect: { ...all(404), official: 400, admin: 400 } },
	},
	'$lang.drafts.$draftId_.edit': {
		path: `${SEEDED_DRAFT}/edit`,
		get: adminOnly(200),
		query: ['saved', 'unchanged', 'merged'],
		fuzzPath: ({ draft }) => `/en/drafts/${draft.id}/edit`,
		post: { form: () => ({ intent: 'preview', section: 'purpose', 'text.purpose.en': '**Matrix**' }), expect: adminOnly(200) },
	},
	'$lang.drafts.$draftId_.history': {
		path: `${SEEDED_DRAFT}/history`,
		get: adminOnly(200),
		query: ['revision', 'restored'],
		fuzzPath: ({ draft }) => `/en/drafts/${draft.id}/history`,
		post: { form: () => ({ revisionId: 'not-a-revision', baseRevision: '1' }), expect: adminOnly(400) },
	},
	'$lang.drafts.$draftId_.compare': {
		path: `${SEEDED_DRAFT}/compare`,
		get: adminOnly(200),
		query: ['view', 'from', 'to'],
		fuzzPath: ({ draft }) => `/en/drafts/${draft.id}/compare`,
	},
	'$lang.drafts.$draftId_.print': { path: `${SEEDED_PUBLISHED_DRAFT}/print`, get: all(200), query: ['revision', 'layout'] },
	'$lang.drafts.$draftId_.export.$format': { path: `${SEEDED_PUBLISHED_DRAFT}/export/docx`, get: all(200), query: ['revision', 'layout'] },
	// Each member's own reviews, dashboard and action items.
	'$lang.reviews': { path: '/zh/reviews', get: members(200) },
	'$lang.dashboard': { path: '/en/dashboard', get: members(200) },
	'$lang.action-items': {
		path: '/en/action-items',
		get: members(200),
		query: ['done'],
		// Nobody's item: refused in the page.
		post: { form: () => ({ itemId: '999999999999', status: 'done' }), expect: members(404) },
	},
}

/** What a group's routes are checked against: a group, one of its meetings (past, so attendance can be recorded) and an attachment. */
export interface GroupFixture {
	group: TestGroup
	meetingId: string
	attachmentId: string
}

export interface GroupRouteCase {
	path: (f: GroupFixture) => string
	/** On a private group. */
	get: Record<Who, number>
	post?: { form: () => Record<string, string>; expect: Record<Who, number> }
	/** On a public group (readable by everyone: only what changes it is closed). */
	publicGet: Record<Who, number>
	/** Query parameters the route reads (see RouteCase). */
	query?: string[]
}

/** Readers of a private group: its members (any role) and site admins; everybody else a 404. */
const groupReaders = (yes: number) => ({ ...all(404), admin: yes, lead: yes, member: yes, observer: yes })
/** Writers in a group: its leads and members, and site admins (observers only read). */
const groupWriters = (yes: number) => ({ ...all(404), admin: yes, lead: yes, member: yes })
/** Its leads and site admins. */
const groupLeads = (yes: number) => ({ ...all(404), admin: yes, lead: yes })

export const GROUP_MATRIX: Record<string, GroupRouteCase> = {
	'$lang.groups._index': { path: () => '/en/groups', get: all(200), publicGet: all(200) },
	'$lang.groups.new': {
		path: () => '/zh/groups/new',
		get: adminOnly(200),
		// Without a name the form is refused (nothing is created).
		post: { form: () => ({ slug: `matrix-${randomBytes(4).toString('hex')}`, visibility: 'public' }), expect: adminOnly(400) },
		publicGet: adminOnly(200),
	},
	'$lang.groups.$slug': {
		path: ({ group }) => `/en/groups/${group.slug}`,
		get: groupReaders(200),
		query: ['notice'],
		// An intent the page does not have: refused after the read check.
		post: { form: () => ({ intent: 'none' }), expect: groupReaders(400) },
		publicGet: all(200),
	},
	'$lang.groups.$slug_.edit': {
		path: ({ group }) => `/zh/groups/${group.slug}/edit`,
		get: groupLeads(200),
		post: { form: () => ({ 'en.name': '' }), expect: groupLeads(400) },
		publicGet: groupLeads(200),
	},
	'$lang.groups.$slug_.members': {
		path: ({ group }) => `/en/groups/${group.slug}/members`,
		get: groupLeads(200),
		post: { form: () => ({ intent: 'add', role: 'member' }), expect: groupLeads(400) },
		publicGet: groupLeads(200),
	},
	'$lang.groups.$slug_.calendar[.]ics': {
		path: ({ group }) => `/en/groups/${group.slug}/calendar.ics`,
		get: groupReaders(200),
		query: ['token'],
		publicGet: all(200),
	},
	'$lang.groups.$slug_.meetings.new': {
		path: ({ group }) => `/zh/groups/${group.slug}/meetings/new`,
		get: groupWriters(200),
		post: { form: () => ({ titleEn: 'Matrix' }), expect: groupWriters(400) },
		publicGet: groupWriters(200),
	},
	'$lang.meetings._index': { path: () => '/zh/meetings', get: all(200), publicGet: all(200), query: ['group'] },
	'$lang.meetings.$meetingId': {
		path: ({ meetingId }) => `/en/meetings/${meetingId}`,
		get: groupReaders(200),
		query: ['notice'],
		post: { form: () => ({ intent: 'attendance', version: '1' }), expect: groupWriters(200) },
		publicGet: all(200),
	},
	'$lang.meetings.$meetingId_.edit': {
		path: ({ meetingId }) => `/zh/meetings/${meetingId}/edit`,
		get: groupWriters(200),
		post: { form: () => ({ titleEn: '' }), expect: groupWriters(400) },
		publicGet: groupWriters(200),
	},
	'$lang.meetings.$meetingId_.calendar[.]ics': {
		path: ({ meetingId }) => `/en/meetings/${meetingId}/calendar.ics`,
		get: groupReaders(200),
		query: ['token'],
		publicGet: all(200),
	},
	'$lang.meetings.$meetingId_.attachments.$attachmentId': {
		path: ({ meetingId, attachmentId }) => `/en/meetings/${meetingId}/attachments/${attachmentId}`,
		get: groupReaders(200),
		publicGet: all(200),
	},
	// The meeting's record, in review: on the private group its observer is the named reviewer (an official
	// outside a private group may not be one); on the public group the official outside it is. Work in progress
	// is for the group and its reviewers; only a named reviewer comments (an empty comment: refused in the page).
	'$lang.meetings_.$meetingId_.record': {
		path: ({ meetingId }) => `/en/meetings/${meetingId}/record`,
		get: groupReaders(200),
		query: ['saved'],
		post: { form: () => ({ intent: 'comment', version: '1', body: '' }), expect: { ...all(404), observer: 400 } },
		publicGet: { ...groupReaders(200), reviewer: 200 },
	},
	// A save without minutes is refused in the page: nothing is written.
	'$lang.meetings_.$meetingId_.record_.edit': {
		path: ({ meetingId }) => `/zh/meetings/${meetingId}/record/edit`,
		get: groupWriters(200),
		post: { form: () => ({ version: '1' }), expect: groupWriters(400) },
		publicGet: groupWriters(200),
	},
	'$lang.meetings_.$meetingId_.record_.history': {
		path: ({ meetingId }) => `/en/meetings/${meetingId}/record/history`,
		get: groupReaders(200),
		query: ['revision'],
		publicGet: { ...groupReaders(200), reviewer: 200 },
	},
}

/** The route modules under app/routes, by Remix route id. */
export function routeFiles() {
	return readdirSync(ROUTES_DIR)
		.filter((file) => /\.tsx?$/.test(file) && !file.includes('.test.'))
		.map((file) => ({ id: file.replace(/\.tsx?$/, ''), source: readFileSync(path.join(ROUTES_DIR, file), 'utf8') }))
}

/**
 * Draft routes × group roles, on a private group's draft in review: its
 * lead, a member, an observer, the named official reviewer (not a member), a
 * researcher outside the group, an admin and the public.
 */
export type DraftWho = 'anonymous' | 'non-member' | 'lead' | 'member' | 'observer' | 'reviewer' | 'admin'
export const DRAFT_WHO: DraftWho[] = ['anonymous', 'non-member', 'lead', 'member', 'observer', 'reviewer', 'admin']
const draftOnly = (yes: number, who: DraftWho[]) => Object.fromEntries(DRAFT_WHO.map((w) => [w, who.includes(w) ? yes : 404])) as Record<DraftWho, number>
const DRAFT_READERS: DraftWho[] = ['lead', 'member', 'observer', 'reviewer', 'admin']
const DRAFT_WRITERS: DraftWho[] = ['lead', 'member', 'admin']

export interface DraftRouteCase {
	path: (draft: TestDraft) => string
	get: Record<DraftWho, number>
	post?: { form: (draft: TestDraft) => Record<string, string>; expect: Record<DraftWho, number> }
	/** Query parameters the route reads (see RouteCase). */
	query?: string[]
}

export const DRAFT_MATRIX: Record<string, DraftRouteCase> = {
	'$lang.drafts._index': { path: (d) => `/en/drafts?group=${d.groupSlug}`, get: draftOnly(200, DRAFT_WHO), query: ['group', 'status', 'translation'] },
	'$lang.drafts.new': {
		path: (d) => `/zh/drafts/new?group=${d.groupSlug}`,
		get: draftOnly(200, DRAFT_WRITERS),
		query: ['group'],
		post: { form: (d) => ({ group: d.groupSlug, 'title.en': '', 'title.zh': '' }), expect: draftOnly(400, DRAFT_WRITERS) },
	},
	'$lang.drafts.$draftId': {
		path: (d) => `/en/drafts/${d.id}`,
		get: draftOnly(200, DRAFT_READERS),
		post: { form: () => ({ intent: 'comment', sectionId: 'scope', lang: 'zh', body: '' }), expect: draftOnly(400, DRAFT_READERS) },
	},
	'$lang.drafts.$draftId_.edit': {
		path: (d) => `/zh/drafts/${d.id}/edit`,
		get: draftOnly(200, DRAFT_WRITERS),
		query: ['saved', 'unchanged', 'merged'],
		post: { form: () => ({ intent: 'preview', section: 'scope', 'text.scope.zh': '**预览**' }), expect: draftOnly(200, DRAFT_WRITERS) },
	},
	'$lang.drafts.$draftId_.history': {
		path: (d) => `/en/drafts/${d.id}/history`,
		get: draftOnly(200, DRAFT_READERS),
		query: ['revision', 'restored'],
		post: { form: () => ({ revisionId: 'x', baseRevision: 'y' }), expect: draftOnly(400, DRAFT_WRITERS) },
	},
	'$lang.drafts.$draftId_.compare': { path: (d) => `/zh/drafts/${d.id}/compare`, get: draftOnly(200, DRAFT_READERS), query: ['view', 'from', 'to'] },
	'$lang.drafts.$draftId_.print': { path: (d) => `/en/drafts/${d.id}/print?layout=sequential`, get: draftOnly(200, DRAFT_READERS), query: ['revision', 'layout'] },
	'$lang.drafts.$draftId_.export.$format': { path: (d) => `/zh/drafts/${d.id}/export/markdown`, get: draftOnly(200, DRAFT_READERS), query: ['revision', 'layout'] },
}

