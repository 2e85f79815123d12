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

/** What every loader and action receives that identifies its request and a permission check needs: a route's own args fit. */
export interface RequestArgs {
	request: Request
	context: { clientIp: string }
}

/**
 * Loaders of one request share one session lookup, keyed by the load
 * context: the one object every loader of a request shares (Remix hands
 * each loader a Request object of its own). An action's lookup is keyed by
 * its own Request instead: when a form is posted without JavaScript, the
 * loaders run after the action in the same request (as GETs), and must see
 * what it changed (a new name, a session ended).
 */
const sessions = new WeakMap<object, Promise<Validated>>()

export function getSession({ request, context }: RequestArgs): Promise<Validated> {
	const key = request.method === 'GET' || request.method === 'HEAD' ? context : request
	let pending = sessions.get(key)
	if (!pending) {
		pending = validateRequestSession(request)
		sessions.set(key, pending)
	}
	return pending
}

export async function getUser(args: RequestArgs): Promise<SessionUser | null> {
	return (await getSession(args))?.user ?? null
}

/** The signed-in user, or a redirect to the sign-in page that comes back here. */
export async function requireUser(args: RequestArgs, lang: Lang) {
	const current = await getSession(args)
	if (current) return current
	const url = new URL(args.request.url)
	const redirectTo = `${url.pathname}${url.search}`
	throw redirect(`${localizePath(lang, '/login')}?${new URLSearchParams({ redirectTo })}`)
}

/**
 * A layout and its page both check: one denied request, one audit event.
 * Keyed by the load context, like the session above.
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
	const current = await getSession({ request, context })
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
	const current = await getSession({ request, context })
	return {
		ip: context.clientIp,
		userAgent: request.headers.get('User-Agent'),
		session: current ? { id: current.session.id, userId: current.user.id } : null,
	}
}
