/**
 * What a fresh CSP nonce costs per cached response, measured on the pages
 * the last `npm run bench` saved (.cache/bench-bare-pages.json): splicing
 * it into the kept gzip bytes (what the cache does) against sending fixed
 * bytes (what a hash-based CSP would allow) and compressing again.
 *
 *   npx tsx scripts/bench/nonce-splice.ts
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { gunzipSync, gzipSync } from 'node:zlib'
import { createNonceTemplate, gzipBody } from '#app/http/nonce-gzip.server.ts'

const ITERATIONS = 2_000
const pages = JSON.parse(readFileSync('.cache/bench-bare-pages.json', 'utf8')) as { path: string; bodyBase64: string }[]

function perCallMicros(work: () => unknown): number {
	for (let i = 0; i < 100; i++) work()
	const started = process.hrtime.bigint()
	for (let i = 0; i < ITERATIONS; i++) work()
	return Number(process.hrtime.bigint() - started) / 1000 / ITERATIONS
}

console.log('page                                  html KB  gz KB  fixed bytes µs  nonce splice µs  gzip again µs')
for (const page of pages) {
	const body = gunzipSync(Buffer.from(page.bodyBase64, 'base64'))
	const nonce = /nonce="([^"]+)"/.exec(body.toString('latin1'))?.[1] ?? null
	if (!nonce) continue
	const template = createNonceTemplate({ body, nonce })
	const fixed = gzipBody(template, nonce)
	const fresh = () => randomBytes(16).toString('base64')
	const fixedUs = perCallMicros(() => fixed.subarray(0))
	const spliceUs = perCallMicros(() => gzipBody(template, fresh()))
	const gzipUs = perCallMicros(() => gzipSync(Buffer.from(body.toString('latin1').replaceAll(nonce, fresh()), 'latin1')))
	console.log(
		`${page.path.slice(0, 36).padEnd(36)}  ${(body.length / 1024).toFixed(1).padStart(7)}  ${(fixed.length / 1024).toFixed(1).padStart(5)}  ${fixedUs.toFixed(1).padStart(14)}  ${spliceUs.toFixed(1).padStart(15)}  ${gzipUs.toFixed(0).padStart(13)}`,
	)
}
