/**
 * The portal's HTTP server: Express around Remix, so the portal owns its
 * headers. Starts (or finds) the database, migrates it, and serves.
 *
 *   npm start         build if needed, embedded database, demo content (scripts/start.ts)
 *   npm run serve     production: DATABASE_URL's database, no demo content
 *   npm run dev       Vite in middleware mode, hot reload
 */
import { randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type ErrorRequestHandler, type Request, type Response } from 'express'
import helmet from 'helmet'
import { startPublicResponseCache } from '#app/http/public-cache.server.ts'
import { getLangFromPath } from '#app/i18n/lang.ts'
import { requestTime, TEST_CLOCK_HEADER } from '#app/utils/clock.server.ts'
import { parseEnv } from '#app/utils/env.server.ts'
import { isSameOriginRequest } from '#app/utils/same-origin.server.ts'
import { createSql } from '#db/sql.server.ts'
import { openDatabaseFromEnv } from '#db/database.server.ts'
import { migrate } from '#db/migrate.server.ts'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ensureFirstAdmin, seedDemoAccounts } from '#db/seed/accounts.server.ts'
import { isDatabaseEmpty, seed } from '#db/seed/seed.server.ts'

const ROOT = path.dirname(fileURLToPath(import.meta.url))
const CLIENT_BUILD_DIR = path.join(ROOT, 'build/client')
const SERVER_BUILD_PATH = path.join(ROOT, 'build/server/index.js')
const CSP_NONCE_BYTES = 16
const HSTS_MAX_AGE_S = 2 * 365 * 24 * 60 * 60
const SHUTDOWN_TIMEOUT_MS = 10_000

type Mode = 'development' | 'production'

function log(message: string) {
	console.log(`[zevlab] ${message}`)
}

function cspNonce(res: Response): string {
	return String(res.locals.cspNonce)
}

/** Express's req.ip honours `trust proxy`: X-Forwarded-For only from a trusted proxy. */
function clientIp(req: Request): string {
	return req.ip ?? req.socket.remoteAddress ?? 'unknown'
}

export async function startServer({ mode, seedIfEmpty }: { mode: Mode; seedIfEmpty: boolean }) {
	const env = parseEnv()
	if (env.TEST_CLOCK) log(`TEST_CLOCK=${env.TEST_CLOCK}: requests may set their own time (tests only)`)
	const database = await openDatabaseFromEnv(env, log)
	// The app's own pool (db/client.server.ts) reads this on first import.
	process.env.DATABASE_URL = database.url

	const setupSql = createSql(database.url, { max: 1 })
	try {
		// Also refuses a database migrated by a newer portal (SchemaTooNewError).
		await migrate({ sql: setupSql, log })
		if (seedIfEmpty && (await isDatabaseEmpty(setupSql))) {
			await seed({ sql: setupSql })
			log('Loaded the demo content into the empty database')
		}
		// Demo mode is `npm start` on the embedded database: one account per role.
		if (seedIfEmpty && database.embedded) {
			await seedDemoAccounts({ sql: setupSql })
			log(`Demo accounts: ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')}; password ${DEMO_PASSWORD}`)
		}
		if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
			const created = await ensureFirstAdmin({ sql: setupSql, email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD })
			if (created) log(`Created the first admin, ${env.ADMIN_EMAIL}`)
		}
	} finally {
		await setupSql.end()
	}

	const dev = mode === 'development'
	// Anonymous readers' pages, kept rendered and compressed (docs/decisions/015-response-cache.md).
	const publicCache = dev
		? null
		: await startPublicResponseCache({ databaseUrl: database.url, allowClockOverride: env.TEST_CLOCK === 'header', log })

	const app = express()
	app.disable('x-powered-by')
	if (env.TRUST_PROXY) {
		const hops = Number(env.TRUST_PROXY)
		app.set('trust proxy', Number.isInteger(hops) ? hops : env.TRUST_PROXY)
	}

	app.use((_req, res, next) => {
		res.locals.cspNonce = randomBytes(CSP_NONCE_BYTES).toString('base64')
		next()
	})
	app.use(
		helmet({
			contentSecurityPolicy: {
				useDefaults: false,
				directives: {
					'default-src': ["'self'"],
					// Only scripts from our origin or carrying this response's nonce.
					'script-src': ["'self'", (_req, res) => `'nonce-${cspNonce(res as Response)}'`],
					// Vite injects <style> tags during development only.
					'style-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
					'img-src': ["'self'", 'data:'],
					'font-src': ["'self'"],
					'connect-src': dev ? ["'self'", 'ws:'] : ["'self'"],
					'form-action': ["'self'"],
					'object-src': ["'none'"],
					'base-uri': ["'none'"],
					'frame-ancestors': ["'none'"],
				},
			},
			crossOriginEmbedderPolicy: false,
			crossOriginOpenerPolicy: { policy: 'same-origin' },
			crossOriginResourcePolicy: { policy: 'same-origin' },
			referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
			strictTransportSecurity: dev ? false : { maxAge: HSTS_MAX_AGE_S, includeSubDomains: true },
			xFrameOptions: { action: 'deny' },
		}),
	)
	app.use(compression())
	if (publicCache) app.use(publicCache.capture)
	// Uploaded images illustrate public posts, which feed readers and other
	// sites may show: the one kind of response other origins may embed.
	app.use('/media/', (_req, res, next) => {
		res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin')
		next()
	})

	// Every state-changing request must come from our own pages (CSRF).
	const { recordAudit } = await import('#app/models/audit.server.ts')
	const { getFixedT } = await import('#app/i18n/i18next.server.ts')
	app.use(async (req, res, next) => {
		const expectedOrigin = env.SITE_URL ? new URL(env.SITE_URL).origin : `${req.protocol}://${req.get('host')}`
		const sameOrigin = isSameOriginRequest({
			method: req.method,
			origin: req.get('origin'),
			secFetchSite: req.get('sec-fetch-site'),
			expectedOrigin,
		})
		if (sameOrigin) return next()
		try {
			await recordAudit({
				event: 'request_denied',
				ip: clientIp(req),
				details: { reason: 'cross-origin', method: req.method, path: req.path, origin: req.get('origin') ?? null },
			})
			const t = await getFixedT(getLangFromPath(req.path) ?? 'en', 'common')
			res.status(403).type('text/plain').send(t('errors.crossOrigin'))
		} catch (error) {
			next(error)
		}
	})

	let build: ServerBuild | (() => Promise<ServerBuild>)
	if (dev) {
		const vite = await import('vite').then(({ createServer }) =>
			createServer({ server: { middlewareMode: true }, appType: 'custom' }),
		)
		app.use(vite.middlewares)
		build = () => vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
	} else {
		// Hashed file names never change content: cache them for a year.
		app.use(
			'/assets',
			express.static(path.join(CLIENT_BUILD_DIR, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
		)
		app.use(express.static(CLIENT_BUILD_DIR, { maxAge: '1h' }))
		build = (await import(pathToFileURL(SERVER_BUILD_PATH).href)) as ServerBuild
	}

	app.all(
		'*',
		createRequestHandler({
			build,
			mode,
			getLoadContext: (req, res) => ({
				cspNonce: cspNonce(res),
				clientIp: clientIp(req),
				// The cache fixed this request's time; the page must be rendered at the same instant.
				now:
					publicCache?.requestTime(req) ??
					requestTime({ headerValue: req.get(TEST_CLOCK_HEADER), allowOverride: env.TEST_CLOCK === 'header' }),
			}),
		}),
	)

	const lastResort: ErrorRequestHandler = (error, _req, res, _next) => {
		const status = typeof error?.status === 'number' && error.status >= 400 ? error.status : 500
		if (status >= 500) console.error(error)
		// Never a stack trace; Remix renders the designed error pages itself.
		res.status(status).type('text/plain').send(status === 404 ? 'Not Found' : 'Internal Server Error')
	}
	app.use(lastResort)

	const server = await new Promise<Server>((resolve) => {
		// Cache hits are answered before Express runs at all.
		const listening = createServer((req, res) => (publicCache ? publicCache.serve(req, res, () => app(req, res)) : app(req, res)))
			.listen(env.PORT, env.HOST, () => resolve(listening))
	})
	const address = server.address()
	const port = typeof address === 'object' && address ? address.port : env.PORT
	log(`Database: ${database.description}`)
	log(`Listening on http://${env.HOST === '127.0.0.1' ? 'localhost' : env.HOST}:${port} (${mode})`)

	let stopping = false
	const stop = async (signal: string) => {
		if (stopping) return
		stopping = true
		log(`${signal}: shutting down`)
		const timer = setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS)
		server.closeAllConnections()
		await new Promise((resolve) => server.close(resolve))
		await publicCache?.close()
		await globalThis.__zevSql?.end({ timeout: 5 })
		await globalThis.__zevAuthSql?.end({ timeout: 5 })
		await database.stop()
		clearTimeout(timer)
		process.exit(0)
	}
	process.once('SIGINT', () => void stop('SIGINT'))
	process.once('SIGTERM', () => void stop('SIGTERM'))
	return { server, port }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const dev = process.argv.includes('--dev')
	startServer({ mode: dev ? 'development' : 'production', seedIfEmpty: dev }).catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error)
		process.exit(1)
	})
}
