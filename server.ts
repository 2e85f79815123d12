/**
 * The portal's HTTP server: Express around Remix, so the portal owns its
 * headers. Starts (or finds) the database, migrates it, and serves.
 *
 *   npm start         build if needed, embedded database, demo content (scripts/start.ts)
 *   npm run serve     production: DATABASE_URL's database, no demo content
 *   npm run dev       Vite in middleware mode, hot reload
 */
import { randomBytes } from 'node:crypto'
import { readdirSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type ErrorRequestHandler, type Request, type Response } from 'express'
import helmet from 'helmet'
import { startPublicResponseCache } from '#app/site/public-cache.server.ts'
import { getLangFromPath } from '#app/i18n/lang.ts'
import { requestTime, TEST_CLOCK_HEADER } from '#app/http/clock.server.ts'
import { parseEnv } from '#app/config/env.server.ts'
import { getPublicOrigin, resolvePublicOrigin, setPublicOrigin } from '#app/config/public-origin.server.ts'
import { isSameOriginRequest } from '#app/http/same-origin.server.ts'
import { COMPRESSION_OPTIONS } from '#app/http/compression.server.ts'
import { createRemixHandler } from '#app/http/remix-handler.server.ts'
import { isBodyTooLarge } from '#app/http/request-body.server.ts'
import { isDatabaseUnavailableError, startDatabaseMonitor } from '#db/availability.server.ts'
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
/** What a 503 asks clients to wait; the page says "in a minute". */
const RETRY_AFTER_S = 60

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

/** The URL paths of the client build's files outside `assets/` (what public/ holds). */
function listPublicFiles(clientDir: string): Set<string> {
	const files = readdirSync(clientDir, { recursive: true, encoding: 'utf8' })
		.map((relative) => relative.split(path.sep).join('/'))
		.filter((relative) => !relative.startsWith('assets/') && statSync(path.join(clientDir, relative)).isFile())
	return new Set(files.map((relative) => `/${relative}`))
}

/** Fails before anything starts when another program holds the HTTP port. */
async function assertHttpPortFree({ port, host }: { port: number; host: string }) {
	if (port === 0) return
	await new Promise<void>((resolve, reject) => {
		const probe = net.createServer()
		probe.once('error', (error: NodeJS.ErrnoException) => reject(explainListenError({ error, port, host })))
		probe.listen(port, host, () => probe.close(() => resolve()))
	})
}

function explainListenError({ error, port, host }: { error: NodeJS.ErrnoException; port: number; host: string }): Error {
	if (error.code === 'EADDRINUSE') {
		return new Error(
			`Port ${port} on ${host} is already in use (is the portal already running?). Stop that program, or choose another port, e.g. PORT=${port + 1} npm start`,
		)
	}
	if (error.code === 'EACCES') {
		return new Error(`Not allowed to listen on port ${port} on ${host}. Choose a port above 1023, e.g. PORT=3000 npm start`)
	}
	return error
}

/**
 * Loaders and actions that meet a database outage throw a translated 503
 * instead of their error: documents render the ErrorBoundary's "temporarily
 * unavailable" page with that status, resource routes (feeds, sitemap,
 * media) answer the text. An action whose body the server refused (too
 * large: app/http/request-body.server.ts) does not run: it answers a
 * translated 413 the same way. One place for every route.
 */
function guardRoutes(build: ServerBuild): ServerBuild {
	type Args = { request: globalThis.Request; context: { bodyRefusal?: unknown } }
	type Handler = (args: Args) => unknown
	const guard = (handler: Handler | undefined, { refuseBodies }: { refuseBodies: boolean }) =>
		handler &&
		(async (args: Args) => {
			// Only the answers below need it: parsed on their way, not for every loader.
			const pathname = () => new URL(args.request.url).pathname
			if (refuseBodies && args.context.bodyRefusal) {
				// A crafted body that is not UTF-8 text: the client's mistake, like an unreadable form.
				if (args.context.bodyRefusal === 'malformed') throw new globalThis.Response(null, { status: 400, headers: { 'Cache-Control': 'no-store' } })
				throw await bodyTooLargeResponse(pathname())
			}
			if (refuseBodies) answerUnreadableFormsWith400(args.request)
			try {
				return await handler(args)
			} catch (error) {
				// An upload read past its route's limit, by a route that let the error through.
				if (isBodyTooLarge(error)) throw await bodyTooLargeResponse(pathname())
				if (!isDatabaseUnavailableError(error)) throw error
				throw await databaseUnavailableResponse(pathname())
			}
		})
	const routes = Object.fromEntries(
		Object.entries(build.routes).map(([id, route]) => {
			if (!route) return [id, route]
			const module = { ...route.module }
			if (module.loader) module.loader = guard(module.loader as Handler, { refuseBodies: false }) as typeof module.loader
			if (module.action) module.action = guard(module.action as Handler, { refuseBodies: true }) as typeof module.action
			return [id, { ...route, module }]
		}),
	)
	return { ...build, routes }
}

/**
 * A body that is no form (JSON, a broken multipart) makes `request.formData()`
 * throw a TypeError, which would be a 500: it is the client's mistake, a 400.
 */
function answerUnreadableFormsWith400(request: globalThis.Request) {
	const formData = request.formData.bind(request)
	request.formData = () =>
		formData().catch((error: unknown) => {
			if (!(error instanceof TypeError)) throw error
			throw new globalThis.Response(null, { status: 400, headers: { 'Cache-Control': 'no-store' } })
		})
}

async function bodyTooLargeResponse(pathname: string): Promise<globalThis.Response> {
	const { getFixedT } = await import('#app/i18n/i18next.server.ts')
	const t = await getFixedT(getLangFromPath(pathname) ?? 'en', 'common')
	return new globalThis.Response(t('errors.tooLarge.body'), {
		status: 413,
		headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
	})
}

async function databaseUnavailableResponse(pathname: string): Promise<globalThis.Response> {
	const { getFixedT } = await import('#app/i18n/i18next.server.ts')
	const t = await getFixedT(getLangFromPath(pathname) ?? 'en', 'common')
	return new globalThis.Response(t('errors.unavailable.body'), {
		status: 503,
		headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': String(RETRY_AFTER_S), 'Cache-Control': 'no-store' },
	})
}

/**
 * `seedIfEmpty`: the local demo (`npm start`, `npm run dev`), which fills an
 * empty database with demo content and may run without SITE_URL.
 */
export async function startServer({ mode, seedIfEmpty }: { mode: Mode; seedIfEmpty: boolean }) {
	const env = parseEnv()
	const localDemo = seedIfEmpty
	// Production without SITE_URL stops here, before anything starts (docs/decisions/021).
	resolvePublicOrigin({ siteUrl: env.SITE_URL, localDemo, host: env.HOST, port: env.PORT })
	if (env.TEST_CLOCK) log(`TEST_CLOCK=${env.TEST_CLOCK}: requests may set their own time (tests only)`)
	await assertHttpPortFree({ port: env.PORT, host: env.HOST })
	// An embedded server that dies is restarted; the monitor below notices both.
	const database = await openDatabaseFromEnv(env, log, { supervise: true })
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

	// From here on an outage answers 503 at once and ends by itself (docs/decisions/014).
	const monitor = startDatabaseMonitor({ url: database.url, log })
	// postgres.js looks up array types on each new connection without awaiting
	// the lookup (fetchArrayTypes in its connection.js): when the database goes
	// away at that moment, the rejection reaches no handler and Node would end
	// the portal. An outage is no reason to exit; anything else still is.
	process.on('unhandledRejection', (reason) => {
		if (!isDatabaseUnavailableError(reason)) throw reason
		log(`A database connection failed with no query waiting for it (${String((reason as { code?: unknown }).code)})`)
	})

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
	// Whoever answers 503 (a page, a feed, /healthz): say when to come back, and let no cache keep it.
	app.use((_req, res, next) => {
		const writeHead = res.writeHead
		res.writeHead = function (this: Response, ...args: unknown[]) {
			if ((typeof args[0] === 'number' ? args[0] : this.statusCode) === 503) {
				if (!this.hasHeader('Retry-After')) this.setHeader('Retry-After', String(RETRY_AFTER_S))
				this.setHeader('Cache-Control', 'no-store')
			}
			return (writeHead as (...a: unknown[]) => Response).apply(this, args)
		} as Response['writeHead']
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
			// Set below, on https responses only.
			strictTransportSecurity: false,
			xFrameOptions: { action: 'deny' },
		}),
	)
	// HSTS over plain http would claim an https site that does not exist (npm
	// start serves http). Behind a TLS proxy, req.secure believes
	// X-Forwarded-Proto only from a proxy TRUST_PROXY trusts.
	if (!dev) {
		app.use((req, res, next) => {
			if (req.secure) res.setHeader('Strict-Transport-Security', `max-age=${HSTS_MAX_AGE_S}; includeSubDomains`)
			next()
		})
	}
	app.use(compression(COMPRESSION_OPTIONS))
	if (publicCache) app.use(publicCache.capture)
	// Uploaded images illustrate public posts, which feed readers and other
	// sites may show: the one kind of response other origins may embed.
	app.use('/media/', (_req, res, next) => {
		res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin')
		next()
	})

	// Every state-changing request must come from our own pages (CSRF).
	const { recordDenial } = await import('#app/audit/denials.server.ts')
	const { getFixedT } = await import('#app/i18n/i18next.server.ts')
	app.use(async (req, res, next) => {
		const sameOrigin = isSameOriginRequest({
			method: req.method,
			origin: req.get('origin'),
			secFetchSite: req.get('sec-fetch-site'),
			// Configured, never the request's Host: the sender chooses that.
			acceptedOrigins: getPublicOrigin().accepted,
		})
		if (sameOrigin) return next()
		try {
			// Rate-limited per requester, the rest aggregated: anyone can send these.
			await recordDenial({
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
		build = () => (vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>).then(guardRoutes)
	} else {
		// Hashed file names never change content: cache them for a year.
		app.use(
			'/assets',
			express.static(path.join(CLIENT_BUILD_DIR, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
		)
		// The few files of public/ (the favicon): looked up in a set listed at start, so
		// a page's request costs no file-system lookup (a failed stat, an error object).
		const publicFiles = listPublicFiles(CLIENT_BUILD_DIR)
		const servePublicFile = express.static(CLIENT_BUILD_DIR, { maxAge: '1h' })
		app.use((req, res, next) => (publicFiles.has(req.path) ? servePublicFile(req, res, next) : next()))
		build = guardRoutes((await import(pathToFileURL(SERVER_BUILD_PATH).href)) as ServerBuild)
	}

	// Bodies are bounded here, before any route (app/http/request-body.server.ts).
	app.all(
		'*',
		createRemixHandler({
			build,
			mode,
			getLoadContext: (req, res, { refusal }) => ({
				cspNonce: cspNonce(res),
				clientIp: clientIp(req),
				// The cache fixed this request's time; the page must be rendered at the same instant.
				now:
					publicCache?.requestTime(req) ??
					requestTime({ headerValue: req.get(TEST_CLOCK_HEADER), allowOverride: env.TEST_CLOCK === 'header' }),
				bodyRefusal: refusal,
			}),
		}),
	)

	const lastResort: ErrorRequestHandler = (error, req, res, _next) => {
		if (isDatabaseUnavailableError(error)) {
			// The one path outside Remix that queries: the cross-origin audit above.
			void databaseUnavailableResponse(req.path).then(async (response) => {
				res.status(503).type('text/plain').send(await response.text())
			}, () => res.status(503).end())
			return
		}
		const status = typeof error?.status === 'number' && error.status >= 400 ? error.status : 500
		if (status >= 500) console.error(error)
		// Never a stack trace; Remix renders the designed error pages itself.
		res.status(status).type('text/plain').send(status === 404 ? 'Not Found' : 'Internal Server Error')
	}
	app.use(lastResort)

	const server = await new Promise<Server>((resolve, reject) => {
		// Cache hits are answered before Express runs at all.
		const listening = createServer((req, res) => (publicCache ? publicCache.serve(req, res, () => app(req, res)) : app(req, res)))
		listening.once('listening', () => {
			// Before the first request: the port is known now (PORT=0 asks for any).
			const address = listening.address()
			const port = typeof address === 'object' && address ? address.port : env.PORT
			setPublicOrigin(resolvePublicOrigin({ siteUrl: env.SITE_URL, localDemo, host: env.HOST, port }))
			resolve(listening)
		})
		listening.once('error', (error: NodeJS.ErrnoException) => reject(explainListenError({ error, port: env.PORT, host: env.HOST })))
		listening.listen(env.PORT, env.HOST)
	}).catch(async (error: unknown) => {
		// Taken since the check at the start: leave nothing running.
		await monitor.stop()
		await publicCache?.close()
		await globalThis.__zevSql?.end({ timeout: 1 })
		await globalThis.__zevAuthSql?.end({ timeout: 1 })
		await database.stop()
		throw error
	})
	const address = server.address()
	const port = typeof address === 'object' && address ? address.port : env.PORT
	log(`Database: ${database.description}`)
	log(`Listening on http://${env.HOST === '127.0.0.1' ? 'localhost' : env.HOST}:${port} (${mode})`)
	log(`Public origin: ${getPublicOrigin().origin}${env.SITE_URL ? '' : ' (the local demo; set SITE_URL for a deployment)'}`)

	let stopping = false
	const stop = async (signal: string) => {
		if (stopping) return
		stopping = true
		log(`${signal}: shutting down`)
		const timer = setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS)
		server.closeAllConnections()
		await new Promise((resolve) => server.close(resolve))
		await monitor.stop()
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
		console.error(`[zevlab] Cannot start: ${error instanceof Error ? error.message : String(error)}`)
		process.exit(1)
	})
}
