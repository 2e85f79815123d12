/**
 * Refused requests in the audit log, without letting anyone fill it: every
 * denied request (a page one may not see, a form posted from another site)
 * is something anyone can cause, signed in or not. Each requester (an
 * account, else an address: IPv4, or an IPv6 /64) gets at most
 * DENIALS_PER_REQUESTER rows a minute, and everybody together
 * DENIALS_PER_MINUTE; what is held back is written as one `request_denied`
 * row with `{ aggregated: true, suppressed, requesters }` when the minute
 * is over (at the next denial after it).
 *
 * The counters are this process's (kept on globalThis, so the server and
 * the app's modules share them under Vite): several processes each allow as
 * much, which still bounds the log.
 */
import { addressKey } from '#app/auth/throttle.queries.server.ts'
import { recordAudit, type AuditEntry } from './audit.queries.server.ts'

export const DENIALS_PER_REQUESTER = 20
export const DENIALS_PER_MINUTE = 300
const WINDOW_MS = 60_000

interface Window {
	startedAt: number
	total: number
	perRequester: Map<string, number>
	suppressed: number
	suppressedRequesters: Set<string>
}

declare global {
	// eslint-disable-next-line no-var
	var __zevDenialWindow: Window | undefined
}

function freshWindow(startedAt: number): Window {
	return { startedAt, total: 0, perRequester: new Map(), suppressed: 0, suppressedRequesters: new Set() }
}

/** For tests: forget every count. */
export function resetDenialCounts(): void {
	globalThis.__zevDenialWindow = undefined
}

/**
 * Records a `request_denied` event, unless this requester or everybody has
 * had their share this minute; then it is counted into the minute's one
 * aggregated row. `now`: the clock (tests move it).
 */
export async function recordDenial(
	entry: Omit<AuditEntry, 'event'> & { ip: string | null },
	{ now = Date.now(), record = recordAudit }: { now?: number; record?: typeof recordAudit } = {},
): Promise<void> {
	let window = globalThis.__zevDenialWindow
	if (!window || now - window.startedAt >= WINDOW_MS) {
		const finished = window
		window = globalThis.__zevDenialWindow = freshWindow(now)
		if (finished && finished.suppressed > 0) {
			await record({
				event: 'request_denied',
				details: {
					aggregated: true,
					suppressed: finished.suppressed,
					requesters: finished.suppressedRequesters.size,
					since: new Date(finished.startedAt).toISOString(),
				},
			})
		}
	}
	const requester = entry.actorId ? `account:${entry.actorId}` : `address:${addressKey(entry.ip ?? 'unknown')}`
	const count = window.perRequester.get(requester) ?? 0
	if (count >= DENIALS_PER_REQUESTER || window.total >= DENIALS_PER_MINUTE) {
		window.suppressed += 1
		// The set is bounded by the minute's requests, which the server bounds.
		window.suppressedRequesters.add(requester)
		return
	}
	window.perRequester.set(requester, count + 1)
	window.total += 1
	await record({ ...entry, event: 'request_denied' })
}
