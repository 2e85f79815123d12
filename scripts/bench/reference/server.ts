/**
 * Serves the reference Remix app (built by scripts/bench.ts) the way the
 * portal serves itself: Express, compression, Remix's request handler.
 *
 *   PORT=… tsx scripts/bench/reference/server.ts
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { COMPRESSION_OPTIONS } from '#app/http/compression.server.ts'
import { REFERENCE_BUILD_DIR } from './vite.config.ts'

const build = (await import(pathToFileURL(path.join(REFERENCE_BUILD_DIR, 'server/index.js')).href)) as ServerBuild
const app = express()
app.disable('x-powered-by')
app.use(compression(COMPRESSION_OPTIONS))
app.use('/assets', express.static(path.join(REFERENCE_BUILD_DIR, 'client/assets'), { immutable: true, maxAge: '1y' }))
app.all('*', createRequestHandler({ build, mode: 'production' }))
const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
	const address = server.address()
	console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`)
})
