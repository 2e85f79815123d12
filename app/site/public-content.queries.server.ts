/**
 * Hearing, in every portal process, that public content changed: the
 * triggers of db/migrations/0005_public_cache.sql NOTIFY on commit, and this
 * connection LISTENs. The response cache (./public-cache.server.ts) drops
 * what it kept when it hears.
 */
import postgres from 'postgres'

/** This process's own commits that changed public content (db/sql.server.ts): heard before any NOTIFY. */
export { onPublicContentCommitted } from '#db/sql.server.ts'

/** The channel the triggers notify (migration 0005). */
export const PUBLIC_CONTENT_CHANNEL = 'public_content_changed'
const RECONNECT_DELAY_MS = 1_000
const CONNECT_TIMEOUT_S = 10

/**
 * One connection LISTENing on `channel`. Reported as not listening from the
 * moment it closes until LISTEN succeeds again: a change committed meanwhile
 * would never be heard, so the cache serves nothing in between and starts
 * empty. (postgres.js's own `listen` reconnects silently, so this uses the
 * connection callbacks instead.)
 */
export async function listenForChanges({
	databaseUrl,
	channel,
	onChange,
	onListening,
	log,
}: {
	databaseUrl: string
	channel: string
	onChange: (payload: string) => void
	onListening: (listening: boolean) => void
	log: (message: string) => void
}): Promise<{ close(): Promise<void> }> {
	let closed = false
	let timer: NodeJS.Timeout | undefined
	const options = {
		max: 1,
		idle_timeout: null,
		max_lifetime: null,
		connect_timeout: CONNECT_TIMEOUT_S,
		onnotice: () => {},
		// Passed to the connection by postgres.js (its own `listen` uses it).
		onnotify: (name: string, payload: string) => {
			if (name === channel) onChange(payload)
		},
		onclose: () => {
			onListening(false)
			if (!closed) schedule()
		},
	}
	const sql = postgres(databaseUrl, options as unknown as postgres.Options<{}>)

	async function connect() {
		try {
			await sql`listen ${sql(channel)}`
			if (!closed) onListening(true)
		} catch (error) {
			onListening(false)
			log(`response cache: cannot LISTEN (${error instanceof Error ? error.message : String(error)}); retrying`)
			if (!closed) schedule()
		}
	}
	function schedule() {
		clearTimeout(timer)
		timer = setTimeout(() => void connect(), RECONNECT_DELAY_MS)
		timer.unref()
	}

	await connect()
	return {
		async close() {
			closed = true
			clearTimeout(timer)
			await sql.end({ timeout: 5 })
		},
	}
}
