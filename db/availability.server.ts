/**
 * Is the database there? One monitor per server process probes it, so that
 * while it is stopped or frozen every query fails at once (and the request
 * answers 503) instead of queueing behind a dead connection, and so that the
 * portal notices by itself when it is back. See
 * docs/decisions/014-database-outages.md for the design and its timings.
 *
 * The monitor lives on globalThis: the Remix server build bundles its own
 * copy of the db/ modules, and its pools must see the monitor server.ts
 * started. For the same reason errors are recognised by `code`, never by
 * `instanceof`.
 */
import net from 'node:net'
import postgres from 'postgres'
import { createSql, type Sql } from './sql.server.ts'

/** While the database answers: one cheap `select 1` now and then. */
export const PROBE_INTERVAL_UP_MS = 2_000
/** While it does not: often, so that the portal serves again soon after it is back. */
export const PROBE_INTERVAL_DOWN_MS = 500
/** A probe without an answer after this long means the database is unresponsive. */
export const PROBE_DEADLINE_MS = 1_000
/**
 * A probe that never comes back (frozen server, lost network) is abandoned
 * after this long: its socket is destroyed and the next probe connects anew.
 */
export const PROBE_ABANDON_MS = 5_000
const PROBE_CONNECT_TIMEOUT_S = 2

export const DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE'

/** The database is stopped, frozen or overwhelmed: try again later. */
export class DatabaseUnavailableError extends Error {
	readonly code = DATABASE_UNAVAILABLE
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options)
		this.name = 'DatabaseUnavailableError'
	}
}

/** postgres.js's own connection errors, and Node's socket errors. */
const CONNECTION_ERROR_CODES = new Set([
	'CONNECT_TIMEOUT',
	'CONNECTION_CLOSED',
	'CONNECTION_DESTROYED',
	'CONNECTION_ENDED',
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EAI_AGAIN',
])

/**
 * SQLSTATEs that say "not now" rather than "your query is wrong": connection
 * exceptions (08), insufficient resources (53: too many connections, disk
 * full), shutting down or starting up (57P01–57P03), and a statement that
 * ran out of time (57014, the server-side statement_timeout).
 */
function isUnavailableSqlState(code: string): boolean {
	return code.startsWith('08') || code.startsWith('53') || /^57P0[1-3]$/.test(code) || code === '57014'
}

/**
 * Whether an error means the database could not answer (so: 503, try again)
 * rather than a bug (500). Follows `cause` chains, for errors that wrap one.
 */
export function isDatabaseUnavailableError(error: unknown): boolean {
	for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
		const code = (current as { code?: unknown }).code
		if (code === DATABASE_UNAVAILABLE || (typeof code === 'string' && CONNECTION_ERROR_CODES.has(code))) return true
		if (current instanceof postgres.PostgresError && isUnavailableSqlState(current.code)) return true
		current = (current as { cause?: unknown }).cause
	}
	return false
}

export interface DatabaseMonitor {
	/** False from the moment a probe fails or goes unanswered until one succeeds. */
	readonly available: boolean
	/** How many outages have ended: pools open fresh connections after each. */
	readonly recoveries: number
	/** A query failed or missed its deadline: probe now instead of at the next interval. */
	suspect(): void
	stop(): Promise<void>
}

declare global {
	// One per process, shared by server.ts and the server build's copy of db/.
	var __zevDatabaseMonitor: DatabaseMonitor | undefined
}

/** The monitor's view, or "available" where none runs (tests, CLIs). */
export function currentDatabaseMonitor(): DatabaseMonitor | undefined {
	return globalThis.__zevDatabaseMonitor
}

export function startDatabaseMonitor({
	url,
	log,
	intervalUpMs = PROBE_INTERVAL_UP_MS,
	intervalDownMs = PROBE_INTERVAL_DOWN_MS,
	deadlineMs = PROBE_DEADLINE_MS,
	abandonMs = PROBE_ABANDON_MS,
}: {
	url: string
	log: (message: string) => void
	intervalUpMs?: number
	intervalDownMs?: number
	deadlineMs?: number
	abandonMs?: number
}): DatabaseMonitor {
	let available = true
	let recoveries = 0
	let downSince = 0
	let stopped = false
	let client: Sql | undefined
	let socket: net.Socket | undefined
	let probeStartedAt = 0
	let probing: Promise<void> | undefined
	let timer: NodeJS.Timeout | undefined

	function markDown(reason: string) {
		if (!available || stopped) return
		available = false
		downSince = Date.now()
		log(`Database unavailable (${reason}); answering 503 until it is back`)
	}

	function markUp() {
		if (available || stopped) return
		available = true
		recoveries += 1
		log(`Database available again after ${((Date.now() - downSince) / 1000).toFixed(1)} s`)
	}

	function discardClient() {
		// Destroy rather than end: ending waits for a frozen server to answer.
		socket?.destroy()
		socket = undefined
		client?.end({ timeout: 0 }).catch(() => {})
		client = undefined
	}

	function createClient(): Sql {
		return createSql(url, {
			max: 1,
			connect_timeout: PROBE_CONNECT_TIMEOUT_S,
			// `select 1` needs no array types; postgres.js looks them up on each new
			// connection without awaiting the lookup, which a discarded client would
			// turn into an unhandled rejection.
			fetch_types: false,
			// Our own socket, so that an abandoned probe's can be destroyed.
			socket: (options: { host: string[]; port: number[]; path?: string }) => {
				socket = options.path
					? net.connect(options.path)
					: net.connect({ host: options.host[0], port: options.port[0] ?? 5432 })
				return socket
			},
		} as postgres.Options<{}>)
	}

	function probe() {
		if (stopped) return
		if (probing) {
			// The last probe has not come back: still unresponsive.
			const waitedMs = Date.now() - probeStartedAt
			if (waitedMs >= deadlineMs) markDown(`no answer to a probe for ${waitedMs} ms`)
			if (waitedMs >= abandonMs) discardClient()
			return
		}
		probeStartedAt = Date.now()
		const deadline = setTimeout(() => markDown(`no answer within ${deadlineMs} ms`), deadlineMs)
		const probeClient = (client ??= createClient())
		probing = probeClient`select 1`
			.then(
				() => markUp(),
				(error: unknown) => {
					markDown(describe(error))
					if (client === probeClient) discardClient()
				},
			)
			.finally(() => {
				clearTimeout(deadline)
				probing = undefined
			})
	}

	function schedule() {
		if (stopped) return
		timer = setTimeout(
			() => {
				probe()
				schedule()
			},
			available ? intervalUpMs : intervalDownMs,
		)
		// The monitor never keeps the process alive by itself.
		timer.unref()
	}

	const monitor: DatabaseMonitor = {
		get available() {
			return available
		},
		get recoveries() {
			return recoveries
		},
		suspect() {
			if (!probing) probe()
		},
		async stop() {
			stopped = true
			clearTimeout(timer)
			discardClient()
			if (globalThis.__zevDatabaseMonitor === monitor) globalThis.__zevDatabaseMonitor = undefined
		},
	}
	globalThis.__zevDatabaseMonitor = monitor
	schedule()
	return monitor
}

function describe(error: unknown): string {
	if (error && typeof error === 'object') {
		const { code, message } = error as { code?: unknown; message?: unknown }
		if (typeof code === 'string' && typeof message === 'string') return `${code}: ${message}`
		if (typeof message === 'string') return message
	}
	return String(error)
}
