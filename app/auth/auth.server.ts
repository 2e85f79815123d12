/**
 * Who is asking, and may they: the helpers every loader and action uses.
 * `get*` returns null; `require*` throws (a redirect to sign-in, or a 404
 * for what the user may not see, so that its existence does not leak).
 */
import { redirect } from '@remix-run/node'
import type { Lang } from '#app/i18n/config.ts'
import { localizePath } from '#app/i18n/lang.ts'
import { notFound } from '#app/http/errors.ts'
import { recordDenial } from '#app/audit/denials.server.ts'
import { can, type Permission, type ResourceArgs } from './permissions.ts'
import { validateRequestSession, type SessionUser } from './session.server.ts'

type Validated = Awaited<ReturnType<typeof validateRequestSession>>

/** Loaders of one request share one session lookup. */
const sessions = new WeakMap<Request, Promise<Validated>>()

export function getSession(request: Request): Promise<Validated> {
	let pending = sessions.get(request)
	if (!pending) {
		pending = validateRequestSession(request)
		sessions.set(request, pending)
	}
	return pending
}

export async function getUser(request: Request): Promise<SessionUser | null> {
	return (await getSession(request))?.user ?? null
}

/** The signed-in user, or a redirect to the sign-in page that comes back here. */
export async function requireUser(request: Request, lang: Lang) {
	const current = await getSession(request)
	if (current) return current
	const url = new URL(request.url)
	const redirectTo = `${url.pathname}${url.search}`
	throw redirect(`${localizePath(lang, '/login')}?${new URLSearchParams({ redirectTo })}`)
}

/** What every loader and action receives that a permission check needs: a route's own args fit. */
export interface RequestArgs {
	request: Request
	context: { clientIp: string }
}

/**
 * A layout and its page both check: one denied request, one audit event.
 * Keyed by the load context, the one object every loader of a request
 * shares (Remix hands each loader a Request object of its own).
 */
const auditedDenials = new WeakSet<object>()

/**
 * The user, when `can` allows the permission; otherwise a 404 (audited),
 * for anonymous visitors too: what one may not see does not exist.
 */
export async function requirePermission<P extends Permission>(
	{ request, context }: RequestArgs,
	permission: P,
	...resource: ResourceArgs<P>
) {
	const current = await getSession(request)
	const actor = current ? { id: current.user.id, role: current.user.role } : null
	if (!can(actor, permission, ...resource)) {
		if (auditedDenials.has(context)) notFound()
		auditedDenials.add(context)
		// Anyone can cause these: rate-limited, the rest aggregated (app/audit/denials.server.ts).
		await recordDenial({
			actorId: actor?.id ?? null,
			ip: context.clientIp,
			details: { permission, method: request.method, path: new URL(request.url).pathname },
		})
		notFound()
	}
	return current!
}

/**
 * Who sent a request, as account operations record it: the client's
 * address and browser, and the session its cookie names (if still valid).
 */
export interface RequestClient {
	ip: string
	userAgent: string | null
	session: { id: string; userId: string } | null
}

export async function getRequestClient({ request, context }: RequestArgs): Promise<RequestClient> {
	const current = await getSession(request)
	return {
		ip: context.clientIp,
		userAgent: request.headers.get('User-Agent'),
		session: current ? { id: current.session.id, userId: current.user.id } : null,
	}
}
