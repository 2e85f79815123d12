import { defineConfig } from 'vitest/config'

export default defineConfig({
	test: {
		include: ['app/**/*.test.{ts,tsx}', 'db/**/*.test.ts'],
		globalSetup: ['db/testing/vitest-global-setup.ts'],
		setupFiles: ['db/testing/vitest-setup.ts'],
		// Child processes: the embedded server's exit hooks stay out of workers.
		pool: 'forks',
		testTimeout: 20_000,
		hookTimeout: 60_000,
	},
})
