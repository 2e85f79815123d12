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
		/**
		 * Why the server refused this request's body (too large, too many or
		 * too large fields: app/http/request-body.server.ts), or null. A
		 * refused body reaches no action: server.ts answers 413 instead.
		 */
		bodyRefusal: import('#app/http/request-body.server.ts').BodyRefusal | null
	}
	interface Future {
		v3_singleFetch: true
	}
}
