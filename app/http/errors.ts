/**
 * Answers a loader or action gives instead of a page: thrown Responses that
 * Remix renders with the route's ErrorBoundary (the designed, translated
 * error page). What a reader may not see is answered exactly like what does
 * not exist, so `notFound()` is also the answer to "not allowed".
 */

/** 404: unknown, or not for this reader (its existence must not leak). */
export function notFound(): never {
	throw new Response('Not Found', { status: 404 })
}

/** 400: a request no page of ours sends (a forged or truncated form). */
export function badRequest(): never {
	throw new Response('Bad Request', { status: 400 })
}

/** `value`, or a 404 when it is null or undefined. */
export function requireFound<T>(value: T | null | undefined): T {
	if (value === null || value === undefined) notFound()
	return value
}
