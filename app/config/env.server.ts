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
	/**
	 * The public origin, e.g. https://zevlab.example: links in emails, pages,
	 * feeds and the sitemap, and the only Origin a form post may come from.
	 * Required in production; the local demo uses the address it listens on
	 * (app/config/public-origin.server.ts).
	 */
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
	 * X-Test-Now (see app/http/clock.server.ts). Never set in a deployment.
	 */
	TEST_CLOCK: z.enum(['header']).optional(),
	/**
	 * Where uploaded images are kept when no S3 bucket is configured (a
	 * git-ignored folder by default). Keep it on persistent storage.
	 */
	UPLOAD_DIR: z.string().min(1).default('.data/uploads'),
	/**
	 * An S3-compatible bucket for uploaded images (AWS S3, Cloudflare R2,
	 * MinIO…), addressed path-style: `${S3_ENDPOINT}/${S3_BUCKET}/<key>`.
	 * Set the endpoint, bucket and both keys together, or none of them.
	 */
	S3_ENDPOINT: z.string().url().optional(),
	S3_BUCKET: z.string().min(1).optional(),
	/** The signing region; R2 and many others take `auto`. */
	S3_REGION: z.string().min(1).default('auto'),
	S3_ACCESS_KEY_ID: z.string().min(1).optional(),
	S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
}).superRefine((env, ctx) => {
	// Half an S3 configuration would silently fall back to the local folder.
	const s3 = { S3_ENDPOINT: env.S3_ENDPOINT, S3_BUCKET: env.S3_BUCKET, S3_ACCESS_KEY_ID: env.S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: env.S3_SECRET_ACCESS_KEY }
	const missing = Object.entries(s3).filter(([, value]) => value === undefined).map(([name]) => name)
	if (missing.length > 0 && missing.length < Object.keys(s3).length) {
		for (const name of missing) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [name], message: 'required when any S3_* variable is set' })
	}
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
