/**
 * The admin audit log page: its filters (a GET form) and one page of
 * events, each with its details as a sentence in the admin's language
 * (never raw JSON), and a link to the post a content event is about.
 */
import type { TFunction } from 'i18next'
import { z } from 'zod'
import { isSaneDate, text } from '#app/forms/fields.ts'
import { isLang, type Lang } from '#app/i18n/config.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { localizePath } from '#app/i18n/lang.ts'
import { AUDIT_EVENTS, listAuditEvents, type AuditEvent } from './audit.queries.server.ts'

const DAY_MS = 24 * 60 * 60 * 1000
const EMAIL_FILTER_MAX_LENGTH = 254

/** Bad filter values are dropped, not an error: this is a search form. */
const filtersSchema = z.object({
	event: z.enum(AUDIT_EVENTS).optional().catch(undefined),
	email: text({ max: EMAIL_FILTER_MAX_LENGTH }).optional().catch(undefined),
	from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
	to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
	before: z.string().regex(/^\d{1,18}$/).optional().catch(undefined),
})

/** Newest first, filtered by the page's query string, dates in the admin's time zone. */
export async function getAuditLogPage({ lang, timeZone, searchParams }: { lang: Lang; timeZone: string; searchParams: URLSearchParams }) {
	const filters = filtersSchema.parse(Object.fromEntries(searchParams))
	// A day PostgreSQL can compare with: `0000-01-01` parses in JavaScript, not there.
	const day = (value: string | undefined) => {
		const date = value ? new Date(`${value}T00:00:00Z`) : null
		return date && isSaneDate(date) ? date : null
	}
	const to = day(filters.to)
	const page = await listAuditEvents({
		event: filters.event,
		email: filters.email || null,
		from: day(filters.from),
		// "Until" includes the whole day.
		to: to ? new Date(to.getTime() + DAY_MS) : null,
		before: filters.before,
	})
	const { before: _before, ...kept } = filters
	const t = await getFixedT(lang, ['admin', 'auth', 'account'])
	return {
		filters: kept,
		events: AUDIT_EVENTS,
		rows: page.rows.map((row) => ({
			id: row.id,
			when: formatDateTime(lang, row.occurredAt, { timeZone }),
			event: row.event,
			who: row.actorName ? `${row.actorName} <${row.actorEmail}>` : null,
			subject: row.subjectName ? `${row.subjectName} <${row.subjectEmail}>` : row.email,
			ip: row.ip,
			details: describeDetails({ t, lang, event: row.event, details: row.details }),
		})),
		older: page.nextBefore
			? `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(kept).filter(([, v]) => v)), before: page.nextBefore })}`
			: null,
	}
}

/** A detail as the log shows it: words, and where to look when it is about a post. */
export interface AuditDetail {
	text: string
	href: string | null
}

type AdminT = TFunction<['admin', 'auth', 'account']>

const ROLE_NAMES = new Set(['admin', 'editor', 'researcher', 'official'])
const POST_EVENTS: ReadonlySet<AuditEvent> = new Set([
	'post_published',
	'post_scheduled',
	'post_unpublished',
	'post_archived',
	'post_restored',
	'post_overwritten',
	'post_changes_requested',
])

/**
 * An event's details as readable parts in the admin's language: a role
 * change is "Researcher → Editor", a content action names its post and
 * links to its history. Keys this page does not know are shown as
 * "key: value", so nothing recorded is hidden.
 */
export function describeDetails({
	t,
	lang,
	event,
	details,
}: {
	t: AdminT
	lang: Lang
	event: AuditEvent
	details: Record<string, unknown>
}): AuditDetail[] {
	const text = (value: unknown) => (value === null || value === undefined ? '' : String(value))
	const role = (value: unknown) => (ROLE_NAMES.has(text(value)) ? t(`auth:roles.${text(value) as 'admin'}`) : text(value))
	const language = (value: unknown) => (isLang(value) ? t(`admin:audit.languages.${value}`) : text(value))
	const parts: AuditDetail[] = []
	const seen = new Set<string>()
	const take = (key: string) => {
		seen.add(key)
		return details[key]
	}
	const add = (value: string, href: string | null = null) => {
		if (value) parts.push({ text: value, href })
	}

	if (event === 'role_changed' && 'from' in details && 'to' in details) {
		add(t('admin:audit.detail.role-change', { from: role(take('from')), to: role(take('to')) }))
	}
	if ('role' in details) add(t('admin:audit.detail.role', { role: role(take('role')) }))
	if ('lang' in details) add(t('admin:audit.detail.language', { language: language(take('lang')) }))
	if (event === 'sessions_revoked' && 'scope' in details) {
		add(take('scope') === 'all' ? t('admin:audit.detail.scope-all') : t('admin:audit.detail.scope-others'))
	}
	if (event === 'request_denied') {
		const method = text(take('method'))
		const path = text(take('path'))
		if (method || path) add(t('admin:audit.detail.request', { method, path }))
		if ('reason' in details && take('reason') === 'cross-origin') add(t('admin:audit.detail.cross-origin', { origin: text(take('origin')) || '—' }))
		if ('permission' in details) add(t('admin:audit.detail.permission', { permission: text(take('permission')) }))
	}
	if (POST_EVENTS.has(event) && 'postId' in details) {
		const postId = text(take('postId'))
		const title = text(take('title'))
		const href = /^\d{1,18}$/.test(postId) ? localizePath(lang, `/newsroom/${postId}/history`) : null
		add(title ? t('admin:audit.detail.post', { title, id: postId }) : t('admin:audit.detail.post-untitled', { id: postId }), href)
		if ('version' in details) add(t('admin:audit.detail.revision', { version: text(take('version')) }))
		if ('restoredVersion' in details) add(t('admin:audit.detail.restored', { version: text(take('restoredVersion')) }))
		if ('fields' in details) {
			const names = text(take('fields'))
				.split(',')
				.filter(Boolean)
				.map((field) => fieldName(t, field))
			add(t('admin:audit.detail.fields', { fields: names.join(t('admin:audit.detail.separator')) }))
		}
	}
	if (event === 'media_uploaded') {
		if ('name' in details) add(t('admin:audit.detail.file', { name: text(take('name')) || '—' }))
		if ('url' in details) {
			const url = text(take('url'))
			add(url, url.startsWith('/media/') ? url : null)
		}
	}
	for (const [key, value] of Object.entries(details)) {
		if (seen.has(key)) continue
		add(t('admin:audit.detail.other', { key, value: typeof value === 'object' ? JSON.stringify(value) : text(value) }))
	}
	return parts
}

const FIELD_NAMES = new Set(['title', 'slug', 'summary', 'body', 'seoDescription', 'coverAlt', 'workingGroup', 'cover', 'tags'])

/** `en.title` → "Title (English)"; a name this page does not know stays as recorded. */
function fieldName(t: AdminT, field: string): string {
	const [first, second] = field.split('.')
	const name = second ?? first ?? ''
	if (!FIELD_NAMES.has(name)) return field
	const label = t(`admin:audit.fields.${name as 'title'}`)
	return second && isLang(first) ? t('admin:audit.detail.field-in', { field: label, language: t(`admin:audit.languages.${first}`) }) : label
}
