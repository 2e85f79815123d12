/**
 * Remix's options, in the one place the project keeps them. `vite.config.ts`
 * passes this object to the Remix Vite plugin (the classic compiler that used
 * to read this file is deprecated upstream). See docs/decisions/001.
 *
 * @type {Partial<import('@remix-run/dev').VitePluginConfig>}
 */
export default {
	appDirectory: 'app',
	buildDirectory: 'build',
	// Tests live beside the code they test; they are not routes.
	ignoredRouteFiles: ['**/*.test.{ts,tsx}', '**/.*'],
	future: {
		v3_fetcherPersist: true,
		v3_relativeSplatPath: true,
		v3_throwAbortReason: true,
		v3_lazyRouteDiscovery: true,
		v3_singleFetch: true,
	},
}
