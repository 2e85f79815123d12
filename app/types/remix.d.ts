import '@remix-run/node'

declare module '@remix-run/node' {
	/** What server.ts hands every loader and action, and entry.server. */
	interface AppLoadContext {
		/** This response's Content-Security-Policy nonce. */
		cspNonce: string
		/** The client's address: the socket's, or X-Forwarded-For's only behind a trusted proxy. */
		clientIp: string
		/** When this request happens: the clock every "now" comparison uses. */
		now: Date
	}
	interface Future {
		v3_singleFetch: true
	}
}
