/**
 * End-to-end tests against the production build, in Debian's Chromium
 * (Playwright's own browser download is not available here). Run through
 * `npm test` or `npm run test:e2e`, which prepare the database and port.
 */
import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 3100)
const databaseUrl = process.env.E2E_DATABASE_URL
if (!databaseUrl) throw new Error('Run the e2e suite with `npm run test:e2e` (it prepares E2E_DATABASE_URL).')

const SYSTEM_CHROMIUM = '/usr/bin/chromium'

export default defineConfig({
	testDir: 'e2e',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	forbidOnly: Boolean(process.env.CI),
	// E2E_TIMEOUT_MS: more room while other work loads the machine.
	// Flows that sign two people in, send mail and load a dozen pages (screenshots at two widths in both
	// languages) take more than 30 s on a 2-core machine running two workers; a hang still fails in a minute.
	timeout: Number(process.env.E2E_TIMEOUT_MS ?? 60_000),
	reporter: [['list'], ['json']],
	outputDir: '.cache/playwright-output',
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
			// No network here but loopback: keep Chromium from phoning home.
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		},
	},
	projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
	webServer: {
		command: 'npx tsx server.ts',
		url: `http://127.0.0.1:${port}/healthz`,
		timeout: 60_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		env: {
			NODE_ENV: 'production',
			HOST: '127.0.0.1',
			PORT: String(port),
			// Production needs its public origin configured (docs/decisions/021-public-origin.md).
			SITE_URL: `http://127.0.0.1:${port}`,
			DATABASE_URL: databaseUrl,
			// Tests give each test its own client address in X-Forwarded-For,
			// which the server believes only from a trusted (loopback) proxy.
			TRUST_PROXY: 'loopback',
			// Tests move the clock per request (X-Test-Now) to see scheduled posts go live.
			TEST_CLOCK: 'header',
			// Uploads from test runs stay out of the demo's .data/uploads.
			UPLOAD_DIR: '.cache/e2e-uploads',
		},
	},
})
