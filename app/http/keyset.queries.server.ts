/**
 * Keyset paging for listings ordered newest first by a time and an id: the
 * news listing (published_at), the newsroom and the drafts list (updated_at).
 * A page says where it starts with a cursor in its URL (`?before=`, and
 * `?after=` to go back), never an OFFSET: the 5,000th page costs what the
 * first does, and a row added meanwhile shifts nothing.
 */
import { isSaneDate } from '#app/forms/fields.ts'
import { sql } from '#db/client.server.ts'

/** The row a page starts after: its time and its id (a bigint, as text). */
export interface KeysetCursor {
	at: Date
	id: string
}

const CURSOR_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)~(\d{1,18})$/

/** `2026-11-12T16:00:00.000Z~42`: readable, and the same in both languages. */
export function encodeCursor(cursor: KeysetCursor): string {
	return `${cursor.at.toISOString()}~${cursor.id}`
}

/** A cursor from a URL; anything malformed is no cursor (the first page), never an error. */
export function parseCursor(value: string | null): KeysetCursor | null {
	const match = value?.match(CURSOR_PATTERN)
	if (!match) return null
	const at = new Date(match[1]!)
	// `0000-01-01T00:00:00Z` parses, but PostgreSQL has no year 0: only sane dates reach SQL.
	return isSaneDate(at) ? { at, id: match[2]! } : null
}

/** The tables keyset-paged, with the time column each is ordered by. */
const KEYED_TIMES = {
	news_posts: ['published_at', 'updated_at'],
	policy_drafts: ['updated_at'],
} as const
type KeyedTable = keyof typeof KEYED_TIMES

/**
 * The exact time a cursor stands at, for comparing `(time, id)` with. A
 * cursor carries a JS Date, which keeps milliseconds, but PostgreSQL keeps
 * microseconds (rows written with SQL's `now()` have them, and rows written
 * in one transaction share one): comparing with the cursor's own time would
 * skip every row within its millisecond. So the cursor's row supplies its
 * exact time while it is still at that millisecond; if it was deleted or
 * re-dated, the cursor's time is the best there is.
 */
export function exactCursorTime<T extends KeyedTable>(cursor: KeysetCursor, table: T, column: (typeof KEYED_TIMES)[T][number]) {
	const time = sql(column as string)
	return sql`coalesce(
		(select ${time} from ${sql(table as string)}
			where id = ${cursor.id}::bigint and date_trunc('milliseconds', ${time}) = ${cursor.at}),
		${cursor.at}::timestamptz
	)`
}
