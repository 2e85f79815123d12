/** The public origin used in canonical and hreflang links. */
export function getSiteOrigin(request: Request): string {
	// Configured in production so a forged Host header cannot rewrite links.
	const configured = process.env.SITE_URL
	return new URL(configured ?? request.url).origin
}
