/** The admin audit log page: its filters (a GET form) and one page of events. */
import { z } from 'zod'
import { isSaneDate, text } from '#app/forms/fields.ts'
import type { Lang } from '#app/i18n/config.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import { AUDIT_EVENTS, listAuditEvents } from './audit.queries.server.ts'

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
			details: Object.keys(row.details).length ? JSON.stringify(row.details) : '',
		})),
		older: page.nextBefore
			? `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(kept).filter(([, v]) => v)), before: page.nextBefore })}`
			: null,
	}
}
