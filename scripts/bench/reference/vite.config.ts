/**
 * The minimal Remix app the bench compares signed-in pages with: one route
 * rendering a list, nothing else (no database, no i18n, no CSP). Built into
 * .cache/bench-reference by scripts/bench.ts.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'

const HERE = path.dirname(fileURLToPath(import.meta.url))
export const REFERENCE_BUILD_DIR = path.resolve(HERE, '../../../.cache/bench-reference')

export default defineConfig({
	root: HERE,
	logLevel: 'warn',
	plugins: [
		remix({
			appDirectory: path.join(HERE, 'app'),
			buildDirectory: REFERENCE_BUILD_DIR,
			future: {
				v3_fetcherPersist: true,
				v3_relativeSplatPath: true,
				v3_throwAbortReason: true,
				v3_lazyRouteDiscovery: true,
				v3_singleFetch: true,
			},
		}),
	],
})
