/**
 * How the portal connects to PostgreSQL. The app's shared pool lives in
 * client.server.ts; the server's setup, the CLIs and tests make their own.
 */
import postgres from 'postgres'

export type Sql = postgres.Sql<{}>

/** Connections per process: 2 cores here, and Postgres itself needs some. */
const POOL_MAX_CONNECTIONS = 10
const IDLE_TIMEOUT_S = 30
const CONNECT_TIMEOUT_S = 10
/**
 * Wait between reconnection attempts: doubling from 50 ms, at most 500 ms.
 * postgres.js's default grows to 10–20 s and only resets on success, so
 * after an outage queries waited that long for a connection to be tried.
 */
const RECONNECT_BACKOFF_BASE_S = 0.05
const RECONNECT_BACKOFF_MAX_S = 0.5

function reconnectBackoffS(attempt: number): number {
	return Math.min(RECONNECT_BACKOFF_BASE_S * 2 ** attempt, RECONNECT_BACKOFF_MAX_S)
}

export function createSql(url: string, options: postgres.Options<{}> = {}): Sql {
	return postgres(url, {
		max: POOL_MAX_CONNECTIONS,
		idle_timeout: IDLE_TIMEOUT_S,
		connect_timeout: CONNECT_TIMEOUT_S,
		backoff: reconnectBackoffS,
		// Rows arrive with camelCase keys; SQL stays snake_case.
		transform: postgres.camel,
		onnotice: () => {},
		...options,
	})
}

/** Either the pool or a transaction: model functions that join a caller's transaction take this. */
export type Queryable = Sql | postgres.TransactionSql<{}>

/** The most rows a `rowLimit` may ask for: page sizes and caps are far below it. */
const ROW_LIMIT_MAX = 100_000

/**
 * `limit n`, written into the statement instead of sent as a parameter.
 * postgres.js prepares every statement, and PostgreSQL keeps a prepared
 * statement's generic plan only when it costs about what a plan made for
 * the values does. A generic plan cannot know `limit $1` and costs a list
 * as if it returned a tenth of its table, so it loses and the statement is
 * planned again on every execution: for the newsroom's list that planning
 * was a third of a round trip (2.8 → 1.8 ms on the bench's 100,000 posts),
 * CPU the database takes from the same two cores as the app. The count
 * comes from code (page sizes, caps); anything but a small whole number is
 * refused, so no visitor's text reaches the SQL.
 */
export function rowLimit(db: Queryable, count: number) {
	if (!Number.isSafeInteger(count) || count < 0 || count > ROW_LIMIT_MAX) throw new RangeError(`Not a row limit: ${count}`)
	return db.unsafe(`limit ${count}`)
}

/**
 * Runs `work` in a transaction: a new one on a pool, a savepoint inside a
 * caller's transaction. Data functions that write several rows use it, so
 * they are atomic alone and join a larger unit (the seed, an account
 * operation) when called inside one. A transaction that changed public
 * content (migration 0014 marks it) tells this process after COMMIT: see
 * `onPublicContentCommitted`.
 */
export function inTransaction<T>(db: Queryable, work: (tx: postgres.TransactionSql<{}>) => Promise<T>): Promise<T> {
	if ('savepoint' in db) return db.savepoint(work) as Promise<T>
	let changedPublicContent = false
	return (
		db.begin(async (tx) => {
			const result = await work(tx)
			const [mark] = await tx<{ changed: boolean }[]>`
				select coalesce(current_setting('zevlab.public_content_changed', true), '') = 'on' as changed
			`
			changedPublicContent = mark?.changed ?? false
			return result
		}) as Promise<T>
	).then((result) => {
		if (changedPublicContent) for (const listener of publicContentListeners()) listener()
		return result
	})
}

type Listener = () => void

declare global {
	// One registry per process: the Remix build bundles its own copy of this module.
	var __zevPublicContentListeners: Set<Listener> | undefined
}

function publicContentListeners(): Set<Listener> {
	return (globalThis.__zevPublicContentListeners ??= new Set())
}

/** Called after every transaction of this process that changed what the public sees has committed. */
export function onPublicContentCommitted(listener: Listener): () => void {
	publicContentListeners().add(listener)
	return () => publicContentListeners().delete(listener)
}
