/**
 * The time a request happens at. Everything that depends on "now" (whether a
 * scheduled post is public yet, what may be scheduled) reads the load
 * context's `now`, never `new Date()` on its own, so tests can move the clock
 * of a running server.
 *
 * Only when the server was started with `TEST_CLOCK=header` does a request
 * choose its own time through the `X-Test-Now` header; the e2e suite does
 * this per test, so parallel tests never share a moved clock. A real
 * deployment leaves TEST_CLOCK unset and the header is ignored.
 */
export const TEST_CLOCK_HEADER = 'x-test-now'

export function requestTime({
	headerValue,
	allowOverride,
	realNow = new Date(),
}: {
	headerValue: string | undefined
	allowOverride: boolean
	realNow?: Date
}): Date {
	if (!allowOverride || !headerValue) return realNow
	const override = new Date(headerValue)
	return Number.isNaN(override.getTime()) ? realNow : override
}
