/**
 * The portal's configuration, read from the environment once at boot and
 * validated, so a typo fails loudly at start instead of at the first request.
 */
import { z } from 'zod'

const envSchema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
	/** Loopback by default; set 0.0.0.0 behind a proxy or in a container. */
	HOST: z.string().min(1).default('127.0.0.1'),
	/** Any PostgreSQL ≥ 15. Unset: `npm start` runs an embedded server. */
	DATABASE_URL: z.string().url().optional(),
	/** Public origin for canonical and hreflang links, e.g. https://zevlab.example. */
	SITE_URL: z.string().url().optional(),
	/** Where the embedded PostgreSQL keeps its data (git-ignored). */
	EMBEDDED_PG_DIR: z.string().min(1).default('.data/postgres'),
	EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65_535).default(54_329),
	/**
	 * Express's `trust proxy`: unset trusts no proxy, so X-Forwarded-For is
	 * ignored and cannot be spoofed. Behind one proxy: `1` or its address.
	 */
	TRUST_PROXY: z.string().optional(),
	/** SMTP server for outgoing mail; unset: mail is logged and kept in the outbox. */
	SMTP_URL: z.string().url().optional(),
	MAIL_FROM: z.string().optional(),
	/** The first admin of a real deployment (never a default). */
	ADMIN_EMAIL: z.string().email().optional(),
	ADMIN_PASSWORD: z.string().optional(),
	/**
	 * Tests only: `header` lets each request set its own clock through
	 * X-Test-Now (see app/utils/clock.server.ts). Never set in a deployment.
	 */
	TEST_CLOCK: z.enum(['header']).optional(),
})

export type Env = z.infer<typeof envSchema>

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
	const result = envSchema.safeParse(source)
	if (!result.success) {
		const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
		throw new Error(`Invalid environment:\n${problems.join('\n')}`)
	}
	return result.data
}
